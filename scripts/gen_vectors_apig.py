#!/usr/bin/env python3
"""Generate tests/vectors/apig/ from the official huaweicloudsdkcore signers.

Re-runnable: `python3 scripts/gen_vectors_apig.py` rewrites every case directory.

Each case directory holds:
  input.json             the request, credentials, time, algorithm, project id, scope
  canonical_request.txt  captured from the SDK signer
  string_to_sign.txt     captured from the SDK signer
  headers.json           the headers the SDK added, [[name, value], ...] in the SDK's order
  authorization.txt      the SDK's Authorization value
Published cases (huaweicloud-sdk-python-v3 huaweicloud-sdk-core/tests/test_signer.py)
also hold published_authorization.txt, copied verbatim from that file; this script
asserts the installed SDK still reproduces it.

The SDK reads the clock with `datetime.utcnow()` when no X-Sdk-Date header is given;
`sdk_sign` monkeypatches `huaweicloudsdkcore.signer.signer.datetime` with a subclass
whose `utcnow()` returns the case's fixed time. Nothing else in the SDK is patched: the
canonical request and string to sign are captured by wrapping the signer instance's
`_process_string_to_sign` (its arguments), not recomputed here.

`sdk_sign` is also imported by tests/differential/test_apig_signers.py.
"""

import base64
import datetime as _dt
import json
import os
import random
import shutil
import sys
from urllib.parse import quote

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer import signer as signer_module
from huaweicloudsdkcore.signer.signer import DerivationAKSKSigner, Signer, SM3Signer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "vectors", "apig")

SIGNERS = {
    "SDK-HMAC-SHA256": Signer,
    "SDK-HMAC-SM3": SM3Signer,
    "V11-HMAC-SHA256": DerivationAKSKSigner,
}
CONTENT_HEADER = {
    "SDK-HMAC-SHA256": "X-Sdk-Content-Sha256",
    "SDK-HMAC-SM3": "X-Sdk-Content-Sm3",
    "V11-HMAC-SHA256": "X-Sdk-Content-Sha256",
}
_REAL_DATETIME = _dt.datetime


def _fixed_datetime(compact):
    fixed = _REAL_DATETIME.strptime(compact, "%Y%m%dT%H%M%SZ")

    class FixedDateTime(_REAL_DATETIME):
        @classmethod
        def utcnow(cls):
            return fixed

    return FixedDateTime


def case_body(case):
    return base64.b64decode(case.get("body_base64", ""))


def sdk_sign(case):
    """Sign `case` (the input.json dict) with huaweicloudsdkcore.

    Returns dict(headers=final header dict, added=[[n, v]] in insertion order,
    canonical_request, string_to_sign, authorization).
    """
    alg = case["algorithm"]
    creds = BasicCredentials(case["ak"], case["sk"], case.get("project_id"))
    headers = {n: v for n, v in case["headers"]}
    original = dict(headers)
    if case.get("project_id"):
        # Exactly BasicCredentials.sign_request: header_params["X-Project-Id"] = project_id.
        headers["X-Project-Id"] = case["project_id"]
    if case.get("unsigned_payload"):
        # What a caller of the SDK does to send an unsigned payload.
        if not any(n.lower() == CONTENT_HEADER[alg].lower() for n in headers):
            headers[CONTENT_HEADER[alg]] = "UNSIGNED-PAYLOAD"
    request = SdkRequest(
        method=case["method"],
        schema="https",
        host=case["host"],
        # The SDK's resource_path is the wire path (path params quoted); the signer unquotes it.
        resource_path=quote(case["path"], safe="/"),
        query_params=[(k, v) for k, v in case["query"]],
        header_params=headers,
        body=case_body(case),
    )
    signer = SIGNERS[alg](creds)
    captured = {}
    inner = signer._process_string_to_sign

    def capture(canonical_request, t, *rest):
        sts = inner(canonical_request, t, *rest)
        captured["canonical_request"] = canonical_request
        captured["string_to_sign"] = sts
        return sts

    signer._process_string_to_sign = capture
    saved = signer_module.datetime
    signer_module.datetime = _fixed_datetime(case["time"])
    try:
        if alg == "V11-HMAC-SHA256":
            signer.sign(request, derived_auth_service_name=case["service_name"], region_id=case["region_id"])
        else:
            signer.sign(request)
    finally:
        signer_module.datetime = saved
    final = dict(request.header_params)
    # The signer rewrites every value as its stripped UTF-8 bytes read as Latin-1 (for the wire).
    final = {n: v.encode("iso-8859-1").decode("utf-8") for n, v in final.items()}
    added = [[n, v] for n, v in final.items() if n not in original]
    return {
        "headers": final,
        "added": added,
        "canonical_request": captured["canonical_request"],
        "string_to_sign": captured["string_to_sign"],
        "authorization": final["Authorization"],
    }


# ---------------------------------------------------------------- published cases

PUBLISHED_SOURCE = "huaweicloud/huaweicloud-sdk-python-v3 huaweicloud-sdk-core/tests/test_signer.py"


def published_cases():
    base = {
        "method": "GET",
        "host": "service.endpoint.myhuaweicloud.com",
        "path": "/resources",
        "query": [["size", "1"]],
        "headers": [["X-Sdk-Date", "20200608T023900Z"], ["TEST_UNDERSCORE", "TEST_VALUE"]],
        "ak": "AccessKey",
        "sk": "SecretKey",
        "time": "20200608T023900Z",
        "project_id": None,
        "unsigned_payload": False,
        "region_id": "test-region-1",
        "service_name": "demo",
        "source": PUBLISHED_SOURCE,
    }
    post_body = base64.b64encode(b'{"name":"test","id":1}').decode()
    table = [
        ("SDK-HMAC-SHA256", "GET", "test_signer1",
         "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
         "Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"),
        ("SDK-HMAC-SHA256", "POST", "test_signer2",
         "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
         "Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f"),
        ("SDK-HMAC-SM3", "GET", "test_sm3_signer1",
         "SDK-HMAC-SM3 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
         "Signature=f8ceb623f0be123dbccd7ad95a6211470f170d1d3c4fa9facbce716d82190e21"),
        ("SDK-HMAC-SM3", "POST", "test_sm3_signer2",
         "SDK-HMAC-SM3 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
         "Signature=6521b276625d7870e9836c041bafb2fa8d6a7ed0df045b06f1b137243c050ed8"),
        ("V11-HMAC-SHA256", "GET", "test_derived_signer1",
         "V11-HMAC-SHA256 Credential=AccessKey/20200608/test-region-1/demo, "
         "SignedHeaders=host;x-sdk-date, Signature=f7dfee056692e58dede80fc80cb89bbfabf45552dd7cd8d18a0a13484455b98e"),
        ("V11-HMAC-SHA256", "POST", "test_derived_signer2",
         "V11-HMAC-SHA256 Credential=AccessKey/20200608/test-region-1/demo, "
         "SignedHeaders=host;x-sdk-date, Signature=8e2d91eaf9656ec5d6fab27812e2d898a35aaaa5e16ee0a0365c38527ccfb3cf"),
    ]
    out = []
    for alg, method, test_name, expected in table:
        case = dict(base, algorithm=alg, method=method, description="published: " + test_name)
        if method == "POST":
            case["body_base64"] = post_body
        out.append((test_name.replace("_", "-"), case, expected))
    return out


# ---------------------------------------------------------------- generated cases

ALGS = list(SIGNERS)
PATH_SEGMENTS = ["v2", "image", "tagging", "a b", "中文", "ñ", "x+y", "a=b", "50%", "!*'()", "~tilde", "@:$,;", "é"]
QUERY_VALUES = ["", "1", "true", "a b", "一 (&=?!#%.*)", "/tmp/123", "+", "~-._", "中", "k=v&x", "\u00e9\u00e8"]
HEADER_POOL = [
    ("Content-Type", "application/json"),
    ("Content-Type", "application/json;charset=UTF-8"),
    ("Content-Type", "multipart/form-data; boundary=xyz"),
    ("Content-Type", "application/octet-stream"),
    ("content-type", "text/plain"),
    ("User-Agent", "huaweicloud-usdk-python/3.0"),
    ("X-Language", "zh-cn"),
    ("X-Custom", "  padded value \t"),
    ("X-Unicode", "值"),
    ("X_Not_Signed", "skip me"),
    ("Accept", "*/*"),
]


def generated_case(rng, alg, i):
    nseg = rng.randint(0, 4)
    path = "/" + "/".join(rng.choice(PATH_SEGMENTS) for _ in range(nseg))
    if nseg and rng.random() < 0.3:
        path += "/"
    query = [[rng.choice(["limit", "name", "q", "a b", "中"]), rng.choice(QUERY_VALUES)]
             for _ in range(rng.randint(0, 4))]
    headers = []
    seen = set()
    for n, v in rng.sample(HEADER_POOL, rng.randint(0, 4)):
        if n.lower() not in seen:
            seen.add(n.lower())
            headers.append([n, v])
    if rng.random() < 0.2:
        headers.append(["Host", "image.cn-north-4.myhuaweicloud.com"])
    if rng.random() < 0.2:
        headers.append(["X-Sdk-Date", "20240229T235959Z"])
    body = rng.choice([b"", b'{"image":"aGVsbG8=","threshold":0.5}', "中文 body".encode(), bytes(range(256))])
    unsigned = bool(body) and rng.random() < 0.25
    case = {
        "description": "generated %d for %s" % (i, alg),
        "algorithm": alg,
        "method": rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH"]),
        "host": rng.choice(["image.cn-north-4.myhuaweicloud.com", "127.0.0.1:8443", "iam.myhuaweicloud.com"]),
        "path": path,
        "query": query,
        "headers": headers,
        "body_base64": base64.b64encode(body).decode(),
        "ak": rng.choice(["HPUAXXXXXXXXXXXXXXXX", "AccessKey", "ak-" + str(i)]),
        "sk": rng.choice(["SecretKey", "sk/with+chars=", "秘密"]),
        "time": "%04d%02d%02dT%02d%02d%02dZ" % (
            rng.randint(2000, 2037), rng.randint(1, 12), rng.randint(1, 28),
            rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
        "project_id": rng.choice([None, "0123456789abcdef0123456789abcdef"]),
        "unsigned_payload": unsigned,
        "region_id": rng.choice(["cn-north-4", "ap-southeast-1"]),
        "service_name": rng.choice(["image", "demo"]),
    }
    return case


def write_case(name, case, result, published=None):
    d = os.path.join(OUT, name)
    os.makedirs(d)
    with open(os.path.join(d, "input.json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)
        f.write("\n")
    for fname, key in [("canonical_request.txt", "canonical_request"),
                       ("string_to_sign.txt", "string_to_sign"),
                       ("authorization.txt", "authorization")]:
        with open(os.path.join(d, fname), "w", encoding="utf-8", newline="") as f:
            f.write(result[key])
    with open(os.path.join(d, "headers.json"), "w", encoding="utf-8") as f:
        json.dump(result["added"], f, ensure_ascii=False, indent=1)
        f.write("\n")
    if published is not None:
        with open(os.path.join(d, "published_authorization.txt"), "w", encoding="utf-8", newline="") as f:
            f.write(published)


def main():
    for entry in os.listdir(OUT) if os.path.isdir(OUT) else []:
        p = os.path.join(OUT, entry)
        if os.path.isdir(p):
            shutil.rmtree(p)
    os.makedirs(OUT, exist_ok=True)
    n = 0
    for slug, case, expected in published_cases():
        n += 1
        result = sdk_sign(case)
        if result["authorization"] != expected:
            sys.exit("installed huaweicloudsdkcore no longer reproduces %s" % slug)
        write_case("%03d-published-%s" % (n, slug), case, result, expected)
    rng = random.Random(20240611)
    per_alg = 24
    for alg in ALGS:
        for i in range(per_alg):
            n += 1
            case = generated_case(rng, alg, i)
            write_case("%03d-gen-%s-%02d" % (n, alg.lower(), i), case, sdk_sign(case))
    print("wrote %d cases to %s" % (n, OUT))


if __name__ == "__main__":
    main()
