#!/usr/bin/env python3
"""Writes tests/vectors/{sm3,sm4,sm2,hmac_sm3,envelope}/NNN-name/case.json.

Re-runnable: `python3 scripts/gen_vectors_crypto.py` from the repo root. Published
vectors (GB/T 32905 SM3, GB/T 32907 SM4, GB/T 32918.5 SM2) are written as
published; every computed expectation comes from PyPI gmssl 3.2.2 and the Python
standard library (tests/differential/gm_peer.py), never from our Rust code.
Random inputs use a fixed seed, and gmssl's SM2 k (normally random.choice, unseeded)
comes from a second seeded generator, so re-running rewrites identical files.
"""
import base64
import json
import os
import random
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "differential"))
import gm_peer as g  # noqa: E402
from gmssl import func as gmssl_func  # noqa: E402

# gmssl's CryptSM2.encrypt draws k via `func.random_hex` at call time; a seeded source
# makes the SM2 and envelope ciphertexts reproducible. Its own generator, so the
# input bytes drawn from `rng` below are the same as without the patch.
_k_rng = random.Random(20240602)
gmssl_func.random_hex = lambda n: "".join(_k_rng.choice("0123456789abcdef") for _ in range(n))

VEC = os.path.join(ROOT, "tests", "vectors")
rng = random.Random(20240601)

# GB/T 32918.5-2017 annex example on sm2p256v1 (see tests/vectors/sm2/README.md).
ANNEX_D = "3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8"
ANNEX_K = "59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21"
ANNEX_MSG = b"encryption standard"
ANNEX_C1 = ("04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73"
            "e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0")
ANNEX_C3 = "59983c18f809e262923c53aec295d30383b54e39d609d160afcb1908d0bd8766"
ANNEX_C2 = "21886ca989ca9c7d58087307ca93092d651efa"


def rbytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def write(algo, name, case):
    algo_dir = os.path.join(VEC, algo)
    os.makedirs(algo_dir, exist_ok=True)
    n = len([d for d in os.listdir(algo_dir) if os.path.isdir(os.path.join(algo_dir, d))]) + 1
    d = os.path.join(algo_dir, "%03d-%s" % (n, name))
    os.makedirs(d)
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump(case, f, indent=2, sort_keys=True)
        f.write("\n")


def reset(algo):
    algo_dir = os.path.join(VEC, algo)
    if os.path.isdir(algo_dir):
        for d in os.listdir(algo_dir):
            if os.path.isdir(os.path.join(algo_dir, d)):
                shutil.rmtree(os.path.join(algo_dir, d))


def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, body):
    return bytes([tag]) + der_len(len(body)) + body


def der_uint(hexv):
    b = bytes.fromhex(hexv).lstrip(b"\0") or b"\0"
    if b[0] & 0x80:
        b = b"\0" + b
    return tlv(0x02, b)


OID_EC = bytes.fromhex("06072a8648ce3d0201")
OID_SM2 = bytes.fromhex("06082a811ccf5501822d")
OID_PRIME = bytes.fromhex("06072a8648ce3d0101")
P = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF"
A = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC"
B = "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93"
N = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123"
G = ("0432C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7"
     "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0")


def spki_named(point):
    return tlv(0x30, tlv(0x30, OID_EC + OID_SM2) + tlv(0x03, b"\0" + point))


def spki_explicit(point, a=A, with_seed=False):
    """X9.62 ECParameters as BouncyCastle writes them for an unnamed ECParameterSpec."""
    curve = tlv(0x04, bytes.fromhex(a)) + tlv(0x04, bytes.fromhex(B))
    if with_seed:
        curve += tlv(0x03, b"\0" + bytes(20))
    params = tlv(0x30, der_uint("01") + tlv(0x30, OID_PRIME + der_uint(P)) + tlv(0x30, curve)
                 + tlv(0x04, bytes.fromhex(G)) + der_uint(N) + der_uint("01"))
    return tlv(0x30, tlv(0x30, OID_EC + params) + tlv(0x03, b"\0" + point))


def gen_sm3():
    reset("sm3")
    src = "GB/T 32905-2016 Appendix A"
    write("sm3", "abc", {"msg_hex": b"abc".hex(), "digest_hex":
          "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", "source": src + " example 1"})
    write("sm3", "abcd-x16", {"msg_hex": (b"abcd" * 16).hex(), "digest_hex":
          "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732", "source": src + " example 2"})
    for n in (0, 55, 56, 64, 1000):
        m = rbytes(n)
        write("sm3", "gmssl-%d-bytes" % n, {"msg_hex": m.hex(), "digest_hex": g.sm3_digest(m).hex(),
                                            "source": "gmssl 3.2.2 sm3_hash"})


def gen_sm4():
    reset("sm4")
    key = "0123456789abcdeffedcba9876543210"
    write("sm4", "gbt32907-single-block", {"kind": "block", "key_hex": key, "plain_hex": key,
          "cipher_hex": "681edf34d206965e86b3e94f536e4246", "iterations": 1,
          "source": "GB/T 32907-2016 Appendix A.1"})
    write("sm4", "gbt32907-1000000-iterations", {"kind": "block", "key_hex": key, "plain_hex": key,
          "cipher_hex": "595298c7c6fd271f0402f804c33d3f66", "iterations": 1000000,
          "source": "GB/T 32907-2016 Appendix A.2"})
    for n in (0, 1, 15, 16, 17, 31, 32, 100, 4096):
        k, m = rbytes(16), rbytes(n)
        write("sm4", "ecb-pkcs7-%d-bytes" % n, {"kind": "ecb_pkcs7", "key_hex": k.hex(), "plain_hex": m.hex(),
              "cipher_hex": g.sm4_ecb_encrypt(k, m).hex(), "source": "gmssl 3.2.2 CryptSM4 ECB PKCS7"})


def gen_hmac():
    reset("hmac_sm3")
    for name, klen, mlen in (("key16-short", 16, 3), ("key1-empty-msg", 1, 0), ("key32", 32, 100),
                             ("key64-block", 64, 64), ("key65-hashed", 65, 200), ("key100", 100, 1000),
                             ("key16-base64-text", 16, -1)):
        k = rbytes(klen)
        m = rbytes(mlen) if mlen >= 0 else g.b64(rbytes(300)).encode()
        write("hmac_sm3", name, {"key_hex": k.hex(), "msg_hex": m.hex(), "mac_hex": g.hmac_sm3(k, m).hex(),
                                 "source": "Python hmac (RFC 2104) over gmssl 3.2.2 SM3"})


def gen_sm2():
    reset("sm2")
    pub = g.public_xy_hex(ANNEX_D)
    src = ("GB/T 32918.5-2017 annex example on sm2p256v1; expected ciphertext as in "
           "openHiTLS crypto/provider/src/cmvp/cmvp_utils/cmvp_selftest_sm2.c and OpenSSL test/sm2_internal_test.c")
    for mode, ct in (("c1c3c2", "04" + ANNEX_C1 + ANNEX_C3 + ANNEX_C2), ("c1c2c3", "04" + ANNEX_C1 + ANNEX_C2 + ANNEX_C3)):
        write("sm2", "annex-fixed-k-" + mode, {"kind": "encrypt_fixed_k", "private_key_hex": ANNEX_D,
              "public_key": "04" + pub, "k_hex": ANNEX_K, "msg_hex": ANNEX_MSG.hex(), "mode": mode,
              "cipher_hex": ct, "source": src})
    for i, n in enumerate((1, 16, 19, 32, 33, 200)):
        mode = "c1c3c2" if i % 2 == 0 else "c1c2c3"
        m = rbytes(n)
        write("sm2", "gmssl-decrypt-%d-bytes-%s" % (n, mode), {"kind": "decrypt", "private_key_hex": ANNEX_D,
              "msg_hex": m.hex(), "mode": mode, "cipher_hex": g.sm2_encrypt(pub, m, mode == "c1c3c2").hex(),
              "source": "gmssl 3.2.2 CryptSM2 (mode %d) with the 04 prefix added" % (1 if mode == "c1c3c2" else 0)})
    point = bytes.fromhex("04" + pub)
    forms = [
        ("spki-named-base64", g.b64(spki_named(point))),
        ("spki-explicit-base64", g.b64(spki_explicit(point))),
        ("spki-explicit-with-seed-base64", g.b64(spki_explicit(point, with_seed=True))),
        ("spki-named-pem", "-----BEGIN PUBLIC KEY-----\n" + g.b64(spki_named(point)) + "\n-----END PUBLIC KEY-----\n"),
        ("spki-explicit-pem", "-----BEGIN PUBLIC KEY-----\n" + "\n".join(
            g.b64(spki_explicit(point))[i:i + 64] for i in range(0, 420, 64)) + "\n-----END PUBLIC KEY-----\n"),
        ("raw-04xy-hex", "04" + pub),
        ("raw-xy-hex-upper", pub.upper()),
        ("raw-04xy-base64", g.b64(point)),
        ("raw-xy-base64", g.b64(point[1:])),
    ]
    for name, text in forms:
        write("sm2", "pubkey-" + name, {"kind": "parse_public_key", "text": text, "sec1_hex": "04" + pub,
              "source": "DER built by scripts/gen_vectors_crypto.py (RFC 5480 / X9.62 ECParameters)"})
    bad_point = "04" + pub[:-2] + ("00" if pub[-2:] != "00" else "01")
    for name, text in (("explicit-wrong-a", g.b64(spki_explicit(point, a=B))),
                       ("point-off-curve", bad_point), ("not-a-key", "hello world"),
                       ("truncated-spki", g.b64(spki_named(point)[:-5]))):
        write("sm2", "pubkey-reject-" + name, {"kind": "parse_public_key", "text": text, "expect_error": "configuration",
              "source": "negative case built by scripts/gen_vectors_crypto.py"})


def gen_envelope():
    reset("envelope")
    d = ANNEX_D
    pub = g.public_xy_hex(d)
    src = "tests/differential/gm_peer.py (gmssl 3.2.2, written from manual 002 §6.2.4)"
    for name, plain in (("detect-face", json.dumps({"Action": "DetectFace", "ImageData": g.b64(rbytes(600))}).encode()),
                        ("unicode-body", json.dumps({"fullName": "张三", "idNum": "11010519491231002X"},
                                                    ensure_ascii=False).encode()),
                        ("block-aligned-16", b'{"a":"123456789"}'[:16]),
                        ("c1c2c3-mode", b'{"x":1}')):
        sk, hk = rbytes(16), rbytes(16)
        c1c3c2 = name != "c1c2c3-mode"
        write("envelope", "request-" + name, {"kind": "request", "private_key_hex": d, "public_key": "04" + pub,
              "mode": "c1c3c2" if c1c3c2 else "c1c2c3", "plain_b64": g.b64(plain), "sm4_key_hex": sk.hex(),
              "hmac_key_hex": hk.hex(), "sealed": g.seal_request(plain, pub, sk, hk, c1c3c2), "source": src})
    sk, hk = rbytes(16), rbytes(16)
    good = g.seal_request(b'{"k":"v"}', pub, sk, hk)
    req = json.loads(good)
    tampered = dict(req, encryptedBody=req["encryptedBody"][:-8] + ("A" if req["encryptedBody"][-8] != "A" else "B") + req["encryptedBody"][-7:])
    missing = {k: v for k, v in req.items() if k != "encryptedHashKey"}
    notb64 = dict(req, ciphertextBlobHash="***")
    for name, body, code in (("tampered-body", tampered, "AI_OP_40018"), ("missing-field", missing, "AI_OP_40017"),
                             ("hash-not-base64", notb64, "AI_OP_40017")):
        write("envelope", "request-reject-" + name, {"kind": "request", "private_key_hex": d, "mode": "c1c3c2",
              "sealed": json.dumps(body), "expect_error": "crypto", "expect_code": code, "source": src})
    for name, plain in (("detect-result", json.dumps({"statusCode": 0, "returnObj": {"faceNum": 1}}).encode()),
                        ("empty-object", b"{}"), ("large", json.dumps({"data": g.b64(rbytes(5000))}).encode())):
        sk, hk = rbytes(16), rbytes(16)
        write("envelope", "response-" + name, {"kind": "response", "sm4_key_hex": sk.hex(), "hmac_key_hex": hk.hex(),
              "plain_b64": g.b64(plain), "sealed": g.seal_response(plain, sk, hk), "source": src})
    sk, hk = rbytes(16), rbytes(16)
    resp = json.loads(g.seal_response(b'{"statusCode":0}', sk, hk))
    plain_err = json.dumps({"statusCode": 400, "message": "AI_OP_40018"})
    write("envelope", "response-plain-error-passthrough", {"kind": "response", "sm4_key_hex": sk.hex(),
          "hmac_key_hex": hk.hex(), "sealed": plain_err, "plain_b64": g.b64(plain_err.encode()), "source": src})
    r = resp["encryptedResult"]
    for name, body in (
        ("tampered-result", dict(resp, encryptedResult=("B" if r[0] == "A" else "A") + r[1:])),
        ("truncated-result", dict(resp, encryptedResult=r[:-4])),
        ("hash-missing", {"encryptedResult": r}),
        ("hash-not-base64", dict(resp, encryptedResultHash="%%%")),
        ("plain-success-downgrade", {"statusCode": 0, "returnObj": {}}),
    ):
        write("envelope", "response-reject-" + name, {"kind": "response", "sm4_key_hex": sk.hex(),
              "hmac_key_hex": hk.hex(), "sealed": json.dumps(body), "expect_error": "crypto", "source": src})
    write("envelope", "response-reject-truncated-json", {"kind": "response", "sm4_key_hex": sk.hex(),
          "hmac_key_hex": hk.hex(), "sealed": json.dumps(resp)[:-10], "expect_error": "crypto", "source": src})


if __name__ == "__main__":
    gen_sm3()
    gen_sm4()
    gen_hmac()
    gen_sm2()
    gen_envelope()
    print("vectors written under", VEC)
