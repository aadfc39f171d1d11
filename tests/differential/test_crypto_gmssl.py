"""Differential tests: our SM2/SM4/HMAC-SM3 and envelope against gmssl 3.2.2.

Our side runs through `core/examples/diff_crypto.rs` (JSON on stdin/stdout),
built once per session; the peer is tests/differential/gm_peer.py, an
independent implementation on gmssl written from manual 002 §6.2.4.
"""
import base64
import json
import os
import random
import subprocess

import pytest

import gm_peer as g

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RNG = random.Random(0x5EED)
# gmssl's SM2 is pure Python and slow: 200 messages in the gateway's C1C3C2 mode, 50 in C1C2C3.
SM2_CASES = {"c1c3c2": 200, "c1c2c3": 50}


def rbytes(n):
    return bytes(RNG.getrandbits(8) for _ in range(n))


@pytest.fixture(scope="session")
def ours():
    subprocess.run(["cargo", "build", "-q", "-p", "cnvision", "--example", "diff_crypto"],
                   cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    exe = os.path.join(target, "debug", "examples", "diff_crypto")

    def call(requests):
        out = subprocess.run([exe], input=json.dumps(requests).encode(), capture_output=True, check=True)
        return json.loads(out.stdout)

    return call


@pytest.fixture(scope="session")
def keypair(ours):
    kp = ours({"op": "keygen"})
    assert len(kp["private_key_hex"]) == 64
    return kp


def sm2_messages(mode):
    # SM2 cannot encrypt an empty message: lengths start at 1.
    lengths = [1, 2, 15, 16, 17, 31, 32, 33, 64, 100, 1000, 10000]
    lengths += [RNG.randint(1, 300) for _ in range(SM2_CASES[mode] - len(lengths))]
    return [rbytes(n) for n in lengths]


@pytest.mark.parametrize("mode", ["c1c3c2", "c1c2c3"])
def test_sm2_ours_to_gmssl(ours, keypair, mode):
    msgs = sm2_messages(mode)
    pub_xy = keypair["public_sec1_hex"][2:]
    answers = ours([{"op": "sm2_encrypt", "public_key": keypair["public_spki_b64"], "msg_hex": m.hex(),
                     "mode": mode} for m in msgs])
    for m, a in zip(msgs, answers):
        ct = bytes.fromhex(a["ct_hex"])
        assert ct[0] == 4 and len(ct) == len(m) + 97
        assert g.sm2_decrypt(keypair["private_key_hex"], ct, mode == "c1c3c2") == m
    assert g.public_xy_hex(keypair["private_key_hex"]) == pub_xy


@pytest.mark.parametrize("mode", ["c1c3c2", "c1c2c3"])
def test_sm2_gmssl_to_ours(ours, keypair, mode):
    msgs = sm2_messages(mode)
    pub_xy = keypair["public_sec1_hex"][2:]
    cts = [g.sm2_encrypt(pub_xy, m, mode == "c1c3c2") for m in msgs]
    answers = ours([{"op": "sm2_decrypt", "private_key_hex": keypair["private_key_hex"], "ct_hex": c.hex(),
                     "mode": mode} for c in cts])
    assert [bytes.fromhex(a["msg_hex"]) for a in answers] == msgs


def test_sm2_rejects_tampered_and_empty(ours, keypair):
    pub_xy = keypair["public_sec1_hex"][2:]
    ct = bytearray(g.sm2_encrypt(pub_xy, b"session key 16 b"))
    reqs = []
    for pos in (1, 40, 70, 100, len(ct) - 1):
        bad = bytearray(ct)
        bad[pos] ^= 0x01
        reqs.append({"op": "sm2_decrypt", "private_key_hex": keypair["private_key_hex"], "ct_hex": bad.hex()})
    reqs.append({"op": "sm2_decrypt", "private_key_hex": keypair["private_key_hex"], "ct_hex": bytes(ct[1:]).hex()})
    reqs.append({"op": "sm2_decrypt", "private_key_hex": keypair["private_key_hex"], "ct_hex": bytes(ct[:50]).hex()})
    for a in ours(reqs):
        assert a.get("error") == "crypto", a
    empty = ours({"op": "sm2_encrypt", "public_key": keypair["public_spki_b64"], "msg_hex": ""})
    assert empty["error"] == "invalid_input"


def test_sm4_both_ways(ours):
    cases = [(rbytes(16), rbytes(n)) for n in list(range(0, 70)) + [1000, 65536, 200000]]
    enc = ours([{"op": "sm4_encrypt", "key_hex": k.hex(), "msg_hex": m.hex()} for k, m in cases])
    for (k, m), a in zip(cases, enc):
        assert bytes.fromhex(a["ct_hex"]) == g.sm4_ecb_encrypt(k, m)
        assert g.sm4_ecb_decrypt(k, bytes.fromhex(a["ct_hex"])) == m
    dec = ours([{"op": "sm4_decrypt", "key_hex": k.hex(), "ct_hex": g.sm4_ecb_encrypt(k, m).hex()} for k, m in cases])
    assert [bytes.fromhex(a["msg_hex"]) for a in dec] == [m for _, m in cases]
    bad = ours([{"op": "sm4_encrypt", "key_hex": rbytes(32).hex(), "msg_hex": "00"}])[0]
    assert bad["error"] == "crypto" and "32 bytes" in bad["message"]


def test_hmac_sm3_both_ways(ours):
    cases = [(rbytes(RNG.choice([1, 16, 32, 63, 64, 65, 200])), rbytes(RNG.randint(0, 3000))) for _ in range(200)]
    answers = ours([{"op": "hmac_sm3", "key_hex": k.hex(), "msg_hex": m.hex()} for k, m in cases])
    for (k, m), a in zip(cases, answers):
        assert a["mac_hex"] == g.hmac_sm3(k, m).hex()


def test_envelope_we_seal_peer_opens(ours, keypair):
    plains = [json.dumps({"Action": "DetectFace", "ImageData": base64.b64encode(rbytes(n)).decode()}).encode()
              for n in (0, 1, 100, 5000, 300000)]
    plains.append(json.dumps({"fullName": "李四", "idNum": "11010519491231002X"}, ensure_ascii=False).encode())
    for mode in ("c1c3c2", "c1c2c3"):
        answers = ours([{"op": "seal", "public_key": keypair["public_spki_b64"], "mode": mode,
                         "plain_b64": base64.b64encode(p).decode()} for p in plains])
        for p, a in zip(plains, answers):
            assert list(json.loads(a["body"])) == ["ciphertextBlob", "encryptedBody", "encryptedHashKey",
                                                  "ciphertextBlobHash", "encryptedBodyHash"]
            plain, sm4_key, hmac_key = g.open_request(a["body"], keypair["private_key_hex"], mode == "c1c3c2")
            assert plain == p
            assert sm4_key.hex() == a["sm4_key_hex"] and hmac_key.hex() == a["hmac_key_hex"]
            # the peer answers as the gateway would; we open its answer
            result = json.dumps({"statusCode": 0, "returnObj": {"len": len(p)}}).encode()
            opened = ours({"op": "open", "body": g.seal_response(result, sm4_key, hmac_key),
                           "sm4_key_hex": a["sm4_key_hex"], "hmac_key_hex": a["hmac_key_hex"]})
            assert base64.b64decode(opened["plain_b64"]) == result


def test_envelope_peer_seals_we_open(ours, keypair):
    pub_xy = keypair["public_sec1_hex"][2:]
    for n in (0, 15, 16, 17, 4096, 100000):
        plain = json.dumps({"image": base64.b64encode(rbytes(n)).decode()}).encode()
        sk, hk = rbytes(16), rbytes(16)
        sealed = g.seal_request(plain, pub_xy, sk, hk)
        a = ours({"op": "open_request", "body": sealed, "private_key_hex": keypair["private_key_hex"]})
        assert base64.b64decode(a["plain_b64"]) == plain
        assert a["sm4_key_hex"] == sk.hex() and a["hmac_key_hex"] == hk.hex()
        resp = ours({"op": "seal_response", "plain_b64": base64.b64encode(plain).decode(),
                     "sm4_key_hex": sk.hex(), "hmac_key_hex": hk.hex()})
        assert g.open_response(resp["body"], sk, hk) == plain


def test_envelope_tampering_is_a_crypto_error(ours, keypair):
    sk, hk = rbytes(16), rbytes(16)
    resp = json.loads(g.seal_response(b'{"statusCode":0,"returnObj":{}}', sk, hk))
    r = resp["encryptedResult"]
    bodies = []
    for i in range(0, len(r), 3):
        c = r[i]
        bodies.append(json.dumps(dict(resp, encryptedResult=r[:i] + ("B" if c == "A" else "A") + r[i + 1:])))
    bodies += [json.dumps(dict(resp, encryptedResult=r[:-4])), json.dumps({"encryptedResult": r}),
               json.dumps(resp)[:-3], "", "[]", json.dumps({"statusCode": 0})]
    answers = ours([{"op": "open", "body": b, "sm4_key_hex": sk.hex(), "hmac_key_hex": hk.hex()} for b in bodies])
    for b, a in zip(bodies, answers):
        assert a.get("error") == "crypto", (b, a)
    plain_error = json.dumps({"statusCode": "900", "message": "bad"})
    passed = ours({"op": "open", "body": plain_error, "sm4_key_hex": sk.hex(), "hmac_key_hex": hk.hex()})
    assert base64.b64decode(passed["plain_b64"]).decode() == plain_error
