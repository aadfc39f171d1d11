"""Differential test of the CTyun signers against independent implementations.

EOP: PyPI ctyun-python-sdk-core (`sign_util.sign` itself whenever the case fits its
fixed header set and dict query; otherwise its stage functions), through
scripts/gen_vectors_ctyun.py's `eop_ref`. Sign (MD5) and CTYUN (HMAC): the
manual-sample Python code in the same script. Our side: the `diff_ctyun` example
(JSON lines on stdin/stdout); multi-megabyte bodies go by file path.
Fixed seed; prints the counts compared.
"""

import base64
import hashlib
import importlib.util
import json
import os
import random
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = 20240601
N_EOP, N_MD5, N_HMAC = 600, 300, 300


def _load_refs():
    spec = importlib.util.spec_from_file_location("gen_vectors_ctyun", os.path.join(ROOT, "scripts", "gen_vectors_ctyun.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


REFS = _load_refs()


@pytest.fixture(scope="session")
def diff_ctyun_bin():
    out = subprocess.run(
        ["cargo", "build", "-q", "-p", "cnvision", "--example", "diff_ctyun", "--message-format=json"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "diff_ctyun" and msg.get("executable"):
            return msg["executable"]
    raise RuntimeError("diff_ctyun executable not found in cargo output")


def run_ours(binary, cases):
    payload = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    proc = subprocess.run([binary], input=payload.encode("utf-8"), capture_output=True, check=True)
    replies = [json.loads(l) for l in proc.stdout.decode("utf-8").splitlines()]
    assert len(replies) == len(cases)
    return replies


# ---------- random inputs ----------

RESERVED = "!*'();:@&=+$,/?#[] %\"<>\\^`{|}~-._"
UNICODE = "张三人脸识别安全帽éüß😀🚀Ωж"


def rand_text(rng, max_len, alphabet=None):
    alphabet = alphabet or ("abcXYZ019" + RESERVED + UNICODE)
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, max_len)))


def rand_path(rng, prefix):
    segs = [rand_text(rng, 10, "abcdefghijklmnopqrstuvwxyzABC0123456789-_.~") or "x" for _ in range(rng.randint(1, 4))]
    return prefix + "/".join(segs)


def rand_query(rng, unique):
    n = rng.choice([0, 0, 1, 2, 3, 5, 8])
    keys = [rand_text(rng, 6, "abcdefgXYZ_-.~0123" + ("&=张 " if rng.random() < 0.2 else "")) or "k" for _ in range(n)]
    if unique:
        keys = list(dict.fromkeys(keys))
    elif keys and rng.random() < 0.7:
        keys.append(rng.choice(keys))
    return [[k, "" if rng.random() < 0.15 else rand_text(rng, 20)] for k in keys]


def rand_body(rng, tmp_path, i, allow_precomputed=None):
    r = rng.random()
    if r < 0.15:
        return {"kind": "text", "value": ""}
    if r < 0.55:
        return {"kind": "text", "value": json.dumps({"image": rand_text(rng, 40), "n": rng.randint(0, 9)}, ensure_ascii=rng.random() < 0.5)}
    if r < 0.86:
        return {"kind": "base64", "value": base64.b64encode(rng.randbytes(rng.randint(1, 2000))).decode()}
    if r < 0.96 and allow_precomputed:
        big = {"kind": "repeat", "value": rng.choice("ab{"), "count": rng.randint(1, 3 * 1024 * 1024)}
        return {"kind": "precomputed", "value": allow_precomputed(REFS.body_bytes(big)), "of": big}
    if r < 0.96:
        return {"kind": "text", "value": rand_text(rng, 300)}
    # Multi-megabyte body passed by file path.
    path = tmp_path / ("body-%d.bin" % i)
    path.write_bytes(rng.randbytes(rng.randint(1, 4) * 1024 * 1024 + rng.randint(0, 999)))
    return {"kind": "file", "value": str(path)}


def rand_time(rng):
    return rng.randint(978_307_200_000, 4_102_444_799_999)  # 2001 .. 2099


def eop_case(rng, tmp_path, i):
    sets = [
        ["ctyun-eop-request-id", "eop-date"],
        ["appkey", "ctyun-eop-request-id", "eop-date"],
    ]
    headers = [["Content-Type", "application/json"]]
    signed = list(rng.choice(sets))
    for _ in range(rng.choice([0, 0, 1, 2])):
        name = rand_text(rng, 8, "abcdefxyzXYZ-") or "x-h"
        if name.lower() in ("appkey", "ctyun-eop-request-id", "eop-date", "eop-authorization", "content-type"):
            continue
        if any(h[0].lower() == name.lower() for h in headers):
            continue
        headers.append([name, rand_text(rng, 15, "abcXYZ0123 !#$%&'*+-.^_`|~:/;=")])
        signed.append(rng.choice([name, name.lower(), name.upper()]))
    if "appkey" in signed and rng.random() < 0.2:
        headers.append(["AppKey", "hdr-" + rand_text(rng, 8, "abc123")])
    rng.shuffle(signed)
    return {
        "scheme": "eop",
        "method": rng.choice(["GET", "POST", "PUT"]),
        "path": rand_path(rng, "/v1/aiop/api/"),
        "query": rand_query(rng, unique=rng.random() < 0.7),
        "headers": headers,
        "body": rand_body(rng, tmp_path, i, allow_precomputed=lambda b: hashlib.sha256(b).hexdigest()),
        "credentials": {
            "access_key": rand_text(rng, 32, "abcdef0123456789") or "ak",
            "secret_key": rand_text(rng, 32, "abcdef0123456789+/=") or "sk",
            "app_key": rand_text(rng, 20, "abcdef0123456789") or "app",
        },
        "time_unix_ms": rand_time(rng),
        "utc_offset_seconds": rng.choice([8 * 3600] * 4 + [0, -5 * 3600, 5 * 3600 + 1800, 14 * 3600]),
        "request_id": str(__import__("uuid").UUID(int=rng.getrandbits(128), version=4)),
        "signed_headers": signed,
    }


def md5_case(rng, tmp_path, i):
    return {
        "scheme": "ctyun_md5",
        "method": rng.choice(["GET", "POST"]),
        "path": rand_path(rng, "/v1/aiop/api/"),
        "query": rand_query(rng, unique=False),
        "headers": [["Content-Type", "application/json"]],
        "body": rand_body(rng, tmp_path, i),
        "credentials": {"app_key": rand_text(rng, 24) or "k", "app_secret": rand_text(rng, 32)},
        "time_unix_ms": rand_time(rng),
    }


def hmac_case(rng, tmp_path, i):
    return {
        "scheme": "ctyun_hmac",
        "method": rng.choice(["GET", "POST", "PUT", "DELETE"]),
        "path": rand_path(rng, rng.choice(["/api/v1/", "/face/api/v1/", "/v1/"])),
        "query": rand_query(rng, unique=False),
        "headers": [["Content-Type", "application/json"]],
        "body": rand_body(rng, tmp_path, i, allow_precomputed=lambda b: hashlib.sha1(b).hexdigest()),
        "credentials": {"app_key": rand_text(rng, 24, "abcdef0123456789") or "k", "app_secret": rand_text(rng, 32)},
        "time_unix_ms": rand_time(rng),
    }


def _compare(binary, cases, ref):
    try:
        return _compare_inner(binary, cases, ref)
    finally:
        # Multi-MB body files are large; do not leave them in pytest's kept tmp dirs.
        for c in cases:
            if c["body"]["kind"] == "file" and os.path.exists(c["body"]["value"]):
                os.remove(c["body"]["value"])


def _compare_inner(binary, cases, ref):
    replies = run_ours(binary, cases)
    mismatches, official = [], 0
    for case, reply in zip(cases, replies):
        expected = ref(case)
        official += bool(expected.pop("_official_sign_used", False))
        if not reply["ok"]:
            mismatches.append((case, reply["error"]))
            continue
        for name, value in expected.items():
            if reply["stages"].get(name) != value:
                mismatches.append((case.get("path"), name, value, reply["stages"].get(name)))
    assert not mismatches, "%d of %d differ; first: %r" % (len(mismatches), len(cases), mismatches[0])
    return official


def test_eop_matches_official_sdk(diff_ctyun_bin, tmp_path):
    rng = random.Random(SEED)
    cases = [eop_case(rng, tmp_path, i) for i in range(N_EOP)]
    big = sum(1 for c in cases if c["body"]["kind"] in ("file", "precomputed"))
    official = _compare(diff_ctyun_bin, cases, REFS.eop_ref)
    print("EOP: %d requests compared (%d whole through sign_util.sign, %d multi-MB bodies)" % (len(cases), official, big))
    assert official >= 100


def test_md5_matches_manual_reference(diff_ctyun_bin, tmp_path):
    rng = random.Random(SEED + 1)
    cases = [md5_case(rng, tmp_path, i) for i in range(N_MD5)]
    _compare(diff_ctyun_bin, cases, REFS.md5_ref)
    print("Sign (MD5): %d requests compared" % len(cases))


def test_hmac_matches_manual_reference(diff_ctyun_bin, tmp_path):
    rng = random.Random(SEED + 2)
    cases = [hmac_case(rng, tmp_path, i) for i in range(N_HMAC)]
    _compare(diff_ctyun_bin, cases, REFS.hmac_ref)
    print("CTYUN (HMAC): %d requests compared" % len(cases))
