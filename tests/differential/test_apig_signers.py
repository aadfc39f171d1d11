"""Differential test: our APIG signers (core/examples/diff_apig.rs) against PyPI
huaweicloudsdkcore's Signer, SM3Signer and DerivationAKSKSigner on random requests.

Fixed seed. For each algorithm, N_PER_ALG random requests (paths with unicode and
reserved characters, query values with unicode/reserved/empty, empty to multi-megabyte
bodies, varied header sets, with and without project id, unsigned payload). The final
header set, the canonical request and the string to sign must be identical, and our own
verifier must accept our signed request.
"""

import base64
import json
import os
import random
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from gen_vectors_apig import ALGS, sdk_sign  # noqa: E402  (calls huaweicloudsdkcore)

SEED = 0xA516
N_PER_ALG = 520

# Python str.isspace() characters, including ones Rust's trim() does not treat as space.
SPACES = [" ", "\t", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2003", "\u3000"]
PATH_CHARS = (
    "abcXYZ019-_.~" "!$&'()*+,;=:@" "%[]#? " "中文ñé€😀" "\u00a0"
)
QUERY_CHARS = PATH_CHARS + "/&=+"
HEADER_NAMES = ["X-Custom", "X-Language", "Accept", "User-Agent", "X-Trace", "X-Empty",
                "x-lower", "X-MiXeD", "X_Underscore", "Some_Other"]
CONTENT_TYPES = ["application/json", "application/json;charset=UTF-8", "application/bson",
                 "multipart/form-data; boundary=b", "application/octet-stream", "text/plain", ""]


def rand_text(rng, alphabet, lo, hi):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def rand_value(rng):
    core = rand_text(rng, "abc 123-;,=/中é€", 0, 12)
    return rand_text(rng, SPACES, 0, 2) + core + rand_text(rng, SPACES, 0, 2)


def rand_body(rng):
    r = rng.random()
    if r < 0.25:
        return b""
    if r < 0.03 + 0.25:
        return rng.randbytes(rng.randint(1 << 20, 3 << 20))  # multi-megabyte
    if r < 0.6:
        return json.dumps({"image": rand_text(rng, QUERY_CHARS, 0, 40)}, ensure_ascii=False).encode()
    return rng.randbytes(rng.randint(1, 4096))


def random_case(rng, alg, i):
    segs = [rand_text(rng, PATH_CHARS, 0, 8) for _ in range(rng.randint(0, 5))]
    path = "/" + "/".join(segs)
    query = [[rand_text(rng, QUERY_CHARS, 1, 6), rng.choice(["", rand_text(rng, QUERY_CHARS, 0, 10)])]
             for _ in range(rng.randint(0, 5))]
    headers, seen = [], set()
    for name in rng.sample(HEADER_NAMES, rng.randint(0, 5)):
        seen.add(name.lower())
        headers.append([name, "" if name == "X-Empty" else rand_value(rng)])
    if rng.random() < 0.5:
        headers.append([rng.choice(["Content-Type", "Content-Type", "content-type"]), rng.choice(CONTENT_TYPES)])
    if rng.random() < 0.15:
        headers.append(["Host", "localhost:%d" % rng.randint(1, 65535)])
    if rng.random() < 0.15:
        headers.append(["X-Sdk-Date", "20%02d%02d%02dT%02d%02d%02dZ" % (
            rng.randint(0, 37), rng.randint(1, 12), rng.randint(1, 28),
            rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))])
    rng.shuffle(headers)
    body = rand_body(rng)
    return {
        "description": "differential %s #%d" % (alg, i),
        "algorithm": alg,
        "method": rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "post", "get"]),
        "host": rng.choice(["image.cn-north-4.myhuaweicloud.com", "127.0.0.1:8443", "iam.myhuaweicloud.com"]),
        "path": path,
        "query": query,
        "headers": headers,
        "body_base64": base64.b64encode(body).decode(),
        "ak": rand_text(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 1, 24),
        "sk": rand_text(rng, "abcXYZ0123456789+/=中", 1, 40),
        "time": "%04d%02d%02dT%02d%02d%02dZ" % (
            rng.randint(1990, 2037), rng.randint(1, 12), rng.randint(1, 28),
            rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
        "project_id": rng.choice([None, "%032x" % rng.getrandbits(128)]),
        "unsigned_payload": bool(body) and rng.random() < 0.2,
        "region_id": rng.choice(["cn-north-4", "ap-southeast-1", "r" + str(i)]),
        "service_name": rng.choice(["image", "iam", "svc-" + str(i)]),
    }


@pytest.fixture(scope="module")
def diff_binary():
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "cnvision", "--example", "diff_apig"],
                   cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "examples", "diff_apig")


def run_ours(binary, cases):
    stdin = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    proc = subprocess.run([binary], input=stdin.encode(), capture_output=True, check=True)
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == len(cases)
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("alg", ALGS)
def test_headers_match_huaweicloudsdkcore(diff_binary, alg):
    rng = random.Random("%d-%s" % (SEED, alg))
    cases = [random_case(rng, alg, i) for i in range(N_PER_ALG)]
    ours = run_ours(diff_binary, cases)
    compared = unsigned = with_pid = big = 0
    for case, mine in zip(cases, ours):
        theirs = sdk_sign(case)
        assert "error" not in mine, (case["description"], mine)
        assert mine["canonical_request"] == theirs["canonical_request"], case["description"]
        assert mine["string_to_sign"] == theirs["string_to_sign"], case["description"]
        assert mine["headers"] == theirs["added"], case["description"]
        # Full header set as sent: the SDK strips every value; compare the same way.
        final = {n: v.strip() for n, v in case["headers"]}
        final.update({n: v for n, v in mine["headers"]})
        assert final == theirs["headers"], case["description"]
        assert mine["verified"], case["description"]
        compared += 1
        unsigned += case["unsigned_payload"]
        with_pid += case["project_id"] is not None
        big += len(case["body_base64"]) > (1 << 20)
    print("%s: compared %d requests with huaweicloudsdkcore (%d unsigned payload, %d with project id, "
          "%d multi-megabyte bodies)" % (alg, compared, unsigned, with_pid, big))
    assert compared >= 500
