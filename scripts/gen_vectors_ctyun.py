#!/usr/bin/env python3
"""Generate the CTyun signing vectors: tests/vectors/{eop,ctyun_md5,ctyun_hmac}/NNN-name/.

Re-runnable: `python3 scripts/gen_vectors_ctyun.py` rewrites every case directory.

References (never our Rust code):
* EOP: PyPI ctyun-python-sdk-core. `sign_util.sign(credential, params, body,
  request_id, eop_date)` takes the request id and date as arguments, so no clock or
  uuid monkeypatching is needed. It hard-codes the signed header set
  `ctyun-eop-request-id;eop-date` and accepts only a dict of query params and str
  bodies, so:
    - for that header set, unique query keys and a body given as bytes, the whole
      `Eop-Authorization` value comes from `sign_util.sign` itself (the body is passed
      through a tiny str-like wrapper whose .encode() returns the exact bytes);
    - otherwise (custom header sets incl. the AI gateway default
      `appkey;ctyun-eop-request-id;eop-date`, repeated keys, precomputed hashes) the
      value is assembled from the SDK's own stage functions (`_hmac_sha256`,
      `get_sorted_str`, `_calculate_body_digest`) plus the header block of the
      manual's (000, 4.1.4) sample code;
    - every case computed both ways where possible, and the two must agree.
* Sign (MD5, manual 001) and CTYUN (HMAC, manual 003) have no official package:
  `md5_ref` / `hmac_ref` below are written from the manuals' sample code and text
  with hashlib/hmac only.

The module doubles as the reference library of tests/differential/test_ctyun_signers.py.
"""

import base64
import datetime
import hashlib
import hmac
import json
import os
import shutil
import sys
from urllib.parse import quote

from ctyun_python_sdk_core import sign_util
from ctyun_python_sdk_core.credential import Credential

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEIJING = 8 * 3600


class RawBody:
    """str-like body for sign_util: truthy, not a dict, .encode() gives the exact bytes."""

    def __init__(self, data: bytes):
        self.data = data

    def __bool__(self):
        return len(self.data) > 0

    def encode(self, _encoding="utf-8"):
        return self.data


# ---------- body specs (shared with the Rust side) ----------

def body_bytes(spec):
    kind = spec["kind"]
    if kind == "text":
        return spec["value"].encode("utf-8")
    if kind == "base64":
        return base64.b64decode(spec["value"])
    if kind == "repeat":
        return spec["value"].encode("utf-8") * spec["count"]
    if kind == "file":
        with open(spec["value"], "rb") as f:
            return f.read()
    raise ValueError(kind)


def eop_date(time_ms, offset):
    tz = datetime.timezone(datetime.timedelta(seconds=offset))
    return datetime.datetime.fromtimestamp(time_ms // 1000, tz).strftime("%Y%m%dT%H%M%SZ")


# ---------- EOP via the official SDK ----------

def eop_ref(case):
    """Expected stages of an EOP case. Returns a dict of stage -> value."""
    creds = case["credentials"]
    ak, sk = creds["access_key"], creds["secret_key"]
    rid = case["request_id"]
    date = eop_date(case["time_unix_ms"], case.get("utc_offset_seconds", BEIJING))
    query = [tuple(p) for p in case["query"]]
    names = sorted({n.lower() for n in case["signed_headers"]})
    body = case["body"]

    # Body hash: the SDK's own digest of the exact bytes (the precomputed form carries
    # the bytes it stands for in "of", so the SDK still hashes them).
    raw = body_bytes(body["of"] if body["kind"] == "precomputed" else body)
    body_hash = sign_util._calculate_body_digest(RawBody(raw))
    if body["kind"] == "precomputed":
        assert body["value"] == body_hash, "precomputed value must be the SDK digest of 'of'"

    # Canonical query: the SDK's get_sorted_str for unique keys; repeated keys keep their
    # sent order under the same stable key sort and the same quote(safe='').
    keys = [k for k, _ in query]
    if len(set(keys)) == len(keys):
        cq = sign_util.get_sorted_str(dict(query))
    else:
        ordered = sorted(query, key=lambda kv: kv[0])
        cq = "&".join("%s=%s" % (k, quote(str(v), safe="")) for k, v in ordered)

    header_values = {k.lower(): v.strip() for k, v in case["headers"]}
    header_values["ctyun-eop-request-id"] = rid
    header_values["eop-date"] = date
    if "appkey" not in header_values and creds.get("app_key") is not None:
        header_values["appkey"] = creds["app_key"]
    # Header block as in the manual's sample: "name:value\n" per sorted name.
    block = "".join("%s:%s\n" % (n, header_values[n]) for n in names)
    sts = "%s\n%s\n%s" % (block, cq, body_hash)

    k_time = sign_util._hmac_sha256(sk, date)
    k_ak = sign_util._hmac_sha256(k_time, ak)
    k_date = sign_util._hmac_sha256(k_ak, date.split("T")[0])
    sig = base64.b64encode(sign_util._hmac_sha256(k_date, sts)).decode()
    auth = "%s Headers=%s Signature=%s" % (ak, ";".join(names), sig)

    official = None
    if names == ["ctyun-eop-request-id", "eop-date"] and len(set(keys)) == len(keys):
        official = sign_util.sign(Credential(ak, sk), dict(query), RawBody(raw), rid, date)
        assert official == auth, (official, auth)

    headers = [["ctyun-eop-request-id", rid], ["eop-date", date]]
    if "appkey" in names and not any(k.lower() == "appkey" for k, _ in case["headers"]):
        headers.append(["appkey", creds["app_key"]])
    headers.append(["Eop-Authorization", auth])
    return {
        "canonical_query.txt": cq,
        "body_hash.txt": body_hash,
        "string_to_sign.txt": sts,
        "kdate.hex": k_date.hex(),
        "signature.txt": sig,
        "headers.json": headers,
        "_official_sign_used": official is not None,
    }


# ---------- Sign (MD5), from manual 001's sample ----------

def md5_ref(case):
    creds = case["credentials"]
    ts = str(case["time_unix_ms"])
    raw = body_bytes(case["body"])
    # Manual: md5(app_key + app_secret + time_stamp + path + json.dumps(params)) over UTF-8.
    m = hashlib.md5()
    m.update((creds["app_key"] + creds["app_secret"] + ts + case["path"]).encode("utf-8") + raw)
    sig = m.hexdigest()
    return {
        "string_to_sign.txt": creds["app_key"] + "** REDACTED **" + ts + case["path"],
        "signature.txt": sig,
        "headers.json": [["Sign", sig], ["Timestamp", ts], ["AppKey", creds["app_key"]]],
    }


# ---------- CTYUN (HMAC-SHA256), from manual 003 4.1.3 ----------

def hmac_ref(case):
    creds = case["credentials"]
    dt = str(case["time_unix_ms"])
    body = case["body"]
    if body["kind"] == "precomputed":
        body_hash = hashlib.sha1(body_bytes(body["of"])).hexdigest()
        assert body["value"] == body_hash
    else:
        body_hash = hashlib.sha1(body_bytes(body)).hexdigest()
    # Query as sent, original order, "a=1&b=2".
    q = "&".join("%s=%s" % (quote(k, safe=""), quote(v, safe="")) for k, v in case["query"])
    sts = "\n".join([case["method"], case["path"], q, dt, body_hash])
    sig = hmac.new(creds["app_secret"].encode("utf-8"), sts.encode("utf-8"), hashlib.sha256).hexdigest()
    return {
        "query.txt": q,
        "body_hash.txt": body_hash,
        "string_to_sign.txt": sts,
        "signature.txt": sig,
        "headers.json": [["X-CTYUN-DT", dt], ["Authorization", "CTYUN %s:%s" % (creds["app_key"], sig)]],
    }


# ---------- the cases ----------

T0 = 1_700_000_000_123  # 2023-11-14T22:13:20.123Z = 2023-11-15 06:13:20 Beijing
BIG = {"kind": "repeat", "value": "x", "count": 5 * 1024 * 1024}
JSON_BODY = {"kind": "text", "value": json.dumps({"image": "AAAA", "version": "v3"})}
RESERVED = "!*'();:@&=+$,/?#[] %\"<>\\^`{|}"


def eop_cases():
    base = {
        "method": "POST",
        "path": "/v1/aiop/api/2f6hqix09mv4/face/PERSON/person/detectFaceFromBase64",
        "query": [],
        "headers": [["Content-Type", "application/json"]],
        "body": JSON_BODY,
        "credentials": {"access_key": "ak0123456789abcdef", "secret_key": "sk-fedcba9876543210", "app_key": "app-key-1"},
        "time_unix_ms": T0,
        "utc_offset_seconds": BEIJING,
        "request_id": "33dfa732-b27b-464f-b15a-21ed6845afd5",
        "signed_headers": ["appkey", "ctyun-eop-request-id", "eop-date"],
    }
    yield None, base
    two = ["ctyun-eop-request-id", "eop-date"]
    sha_big = sign_util._calculate_body_digest(RawBody(body_bytes(BIG)))
    yield "default-json", {}
    yield "sdk-header-set", {"signed_headers": two}
    yield "empty-body", {"body": {"kind": "text", "value": ""}, "method": "GET"}
    yield "empty-body-sdk-set", {"body": {"kind": "text", "value": ""}, "signed_headers": two, "method": "GET"}
    yield "query-sorted", {"query": [["b", "2"], ["a", "1"], ["c", "3"]], "signed_headers": two}
    yield "query-unicode", {"query": [["name", "张三"], ["emoji", "😀 ok"]], "signed_headers": two}
    yield "query-reserved", {"query": [["r", RESERVED], ["plus", "a+b=c&d"]], "signed_headers": two}
    yield "query-empty-value", {"query": [["empty", ""], ["a", "x"]], "signed_headers": two}
    yield "query-multi-value", {"query": [["k", "2"], ["a", "0"], ["k", "1"], ["k", "1"]]}
    yield "query-key-prefix", {"query": [["a-b", "1"], ["a", "2"], ["ab", "3"], ["A", "4"]], "signed_headers": two}
    yield "query-tilde-dot", {"query": [["v", "a-b_c.d~e"], ["w", "~"]]}
    yield "large-body-precomputed", {"body": {"kind": "precomputed", "value": sha_big, "of": BIG}}
    yield "large-body-precomputed-sdk", {"body": {"kind": "precomputed", "value": sha_big, "of": BIG}, "signed_headers": two}
    yield "binary-body", {"body": {"kind": "base64", "value": base64.b64encode(bytes(range(256))).decode()}, "signed_headers": two}
    yield "unicode-body", {"body": {"kind": "text", "value": '{"name":"人脸识别","x":"é"}'}}
    yield "custom-host-signed", {"headers": [["Host", "ai-global.ctapi.ctyun.cn"]], "signed_headers": ["host", "ctyun-eop-request-id", "eop-date", "appkey"]}
    yield "custom-ccda-signed", {"headers": [["ccda", "123"]], "signed_headers": ["ccda", "ctyun-eop-request-id", "eop-date"]}
    yield "custom-upper-names", {"headers": [["X-Extra", "  padded  "]], "signed_headers": ["EOP-DATE", "Ctyun-Eop-Request-Id", "x-extra"]}
    yield "appkey-from-request", {"headers": [["AppKey", "app-in-request"]]}
    yield "utc-offset-override", {"utc_offset_seconds": 0, "signed_headers": two}
    yield "date-rollover", {"time_unix_ms": 1_704_040_200_000, "signed_headers": two}  # 2023-12-31T16:30Z = 2024-01-01 Beijing
    yield "other-credentials", {"credentials": {"access_key": "AKIDEXAMPLE", "secret_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "app_key": "k"}, "request_id": "req-1"}
    yield "get-with-query", {"method": "GET", "body": {"kind": "text", "value": ""}, "query": [["page", "1"], ["size", "20"], ["q", "安全帽 detect"]]}
    yield "long-query-value", {"query": [["blob", "ab/+=" * 200]], "signed_headers": two}


def md5_cases():
    base = {
        "method": "POST",
        "path": "/v1/aiop/api/abc123/SafeHat/base/hat_detect",
        "query": [],
        "headers": [["Content-Type", "application/json"]],
        "body": {"kind": "text", "value": json.dumps({"image": "AAAAAAAAAA"})},
        "credentials": {"app_key": "app-key-md5", "app_secret": "app-secret-md5"},
        "time_unix_ms": T0,
    }
    yield None, base
    yield "hat-detect", {}
    yield "clothes-detect", {"path": "/v1/aiop/api/abc123/UniformIdentity/base/clothes_detect"}
    yield "fence", {"path": "/v1/aiop/api/abc123/electron/fence/detect", "body": {"kind": "text", "value": json.dumps({"area": [[0, 0], [10, 0], [10, 10]], "images": ["AAAA"]})}}
    yield "empty-body", {"body": {"kind": "text", "value": ""}}
    yield "get-empty-body", {"method": "GET", "body": {"kind": "text", "value": ""}}
    yield "unicode-body", {"body": {"kind": "text", "value": '{"名称":"安全帽","e":"é😀"}'}}
    yield "unicode-path", {"path": "/v1/aiop/api/服务/x"}
    yield "binary-body", {"body": {"kind": "base64", "value": base64.b64encode(bytes(range(256)) * 3).decode()}}
    yield "large-body", {"body": BIG}
    yield "query-not-signed", {"query": [["a", "1"], ["b", "x y"]]}
    yield "epoch-2001", {"time_unix_ms": 1_000_000_000_000}
    yield "ms-boundary-000", {"time_unix_ms": 1_700_000_000_000}
    yield "ms-999", {"time_unix_ms": 1_700_000_000_999}
    yield "secret-specials", {"credentials": {"app_key": "k:1", "app_secret": "s/+=&% é"}}
    yield "empty-secret", {"credentials": {"app_key": "k", "app_secret": ""}}
    yield "long-key", {"credentials": {"app_key": "k" * 100, "app_secret": "s" * 100}}
    yield "whitespace-body", {"body": {"kind": "text", "value": " \n\t{}\r\n"}}
    yield "json-spaces", {"body": {"kind": "text", "value": json.dumps({"image": "AAAA", "x": [1, 2]}, indent=2)}}
    yield "trailing-slash", {"path": "/v1/aiop/api/abc123/SafeHat/base/hat_detect/"}
    yield "nul-in-body", {"body": {"kind": "base64", "value": base64.b64encode(b"\x00\x00{}\x00").decode()}}
    yield "year-2100", {"time_unix_ms": 4_102_444_800_000}


def hmac_cases():
    base = {
        "method": "POST",
        "path": "/api/v1/face_detect.json",
        "query": [],
        "headers": [["Content-Type", "application/json"]],
        "body": {"kind": "text", "value": json.dumps({"data": ["https://example.org/example.png"]})},
        "credentials": {"app_key": "app-key-hmac", "app_secret": "app-secret-hmac"},
        "time_unix_ms": 1_544_518_784_923,
    }
    yield None, base
    sha1_big = hashlib.sha1(body_bytes(BIG)).hexdigest()
    yield "face-detect", {}
    yield "face-analyse", {"path": "/api/v1/face_analyse.json"}
    yield "face-compare", {"path": "/api/v1/face_compare.json", "body": {"kind": "text", "value": json.dumps({"data": ["a", "b"]})}}
    yield "manual-body-string", {"body": {"kind": "text", "value": "request body string"}}
    yield "empty-body", {"body": {"kind": "text", "value": ""}}
    yield "get-empty", {"method": "GET", "body": {"kind": "text", "value": ""}, "query": [["job_id", "42"]]}
    yield "query-original-order", {"query": [["b", "2"], ["a", "1"]]}
    yield "query-unicode", {"query": [["name", "张三"], ["e", "😀"]]}
    yield "query-reserved", {"query": [["r", RESERVED]]}
    yield "query-reserved-key", {"query": [["k y&=", "v"]]}
    yield "query-empty-value", {"query": [["a", ""], ["b", ""]]}
    yield "query-multi-value", {"query": [["k", "2"], ["k", "1"], ["a", "0"]]}
    yield "large-body-precomputed", {"body": {"kind": "precomputed", "value": sha1_big, "of": BIG}}
    yield "large-body-bytes", {"body": BIG}
    yield "binary-body", {"body": {"kind": "base64", "value": base64.b64encode(bytes(range(256))).decode()}}
    yield "unicode-body", {"body": {"kind": "text", "value": '{"data":["人脸"]}'}}
    yield "put-method", {"method": "PUT"}
    yield "secret-specials", {"credentials": {"app_key": "k", "app_secret": "é/+= %"}}
    yield "data-uri-body", {"body": {"kind": "text", "value": json.dumps({"data": ["data:application/octet-stream;base64,AAAA"]})}}
    yield "time-2033", {"time_unix_ms": 2_000_000_000_000}
    yield "api-v1-path", {"path": "/v1/face_analyse.json"}


SCHEMES = {
    "eop": (eop_cases, eop_ref),
    "ctyun_md5": (md5_cases, md5_ref),
    "ctyun_hmac": (hmac_cases, hmac_ref),
}


def case_inputs(gen):
    """Each generator yields (None, base) first, then (name, overrides of base)."""
    items = gen()
    _, base = next(items)
    for name, override in items:
        case = json.loads(json.dumps(base))
        case.update(override)
        yield name, case


def write_case(directory, case, expected):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "input.json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for fname, value in expected.items():
        if fname.startswith("_"):
            continue
        with open(os.path.join(directory, fname), "w", encoding="utf-8", newline="") as f:
            if fname.endswith(".json"):
                json.dump(value, f, ensure_ascii=False, indent=2)
                f.write("\n")
            else:
                f.write(value)


def main():
    for scheme, (gen, ref) in SCHEMES.items():
        root = os.path.join(ROOT, "tests", "vectors", scheme)
        shutil.rmtree(root, ignore_errors=True)
        official = 0
        n = 0
        for n, (name, case) in enumerate(case_inputs(gen), start=1):
            expected = ref(case)
            official += bool(expected.get("_official_sign_used"))
            write_case(os.path.join(root, "%03d-%s" % (n, name)), case, expected)
        extra = " (%d through sign_util.sign itself)" % official if scheme == "eop" else ""
        print("%s: %d cases%s" % (scheme, n, extra), file=sys.stderr)


if __name__ == "__main__":
    main()
