"""An independent SM2/SM4/HMAC-SM3 and envelope implementation built on PyPI gmssl.

Written from manual 002 §6.2.4 and /work/shared/docs/INDEX.md, not from our Rust
code. Used by scripts/gen_vectors_crypto.py (to produce vectors) and by
tests/differential/test_crypto_gmssl.py (to check our output both ways).

gmssl 3.2.2 pitfalls handled here: CryptSM2 mode=1 is C1C3C2 (mode 0 is C1C2C3);
its ciphertexts carry no 04 prefix and its decrypt expects none; it does not check
C3 (we check it ourselves); pass the public key as 128 hex digits X||Y.
"""
import base64
import hmac
import json

from gmssl import func, sm2, sm3, sm4


class GmSm3:
    """hashlib-style wrapper around gmssl's SM3 so the stdlib `hmac` module can use it."""

    digest_size = 32
    block_size = 64
    name = "sm3"

    def __init__(self, data=b""):
        self._buf = bytearray(data)

    def update(self, data):
        self._buf += data

    def copy(self):
        return GmSm3(bytes(self._buf))

    def digest(self):
        return bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(bytes(self._buf))))

    def hexdigest(self):
        return self.digest().hex()


def sm3_digest(data: bytes) -> bytes:
    return GmSm3(data).digest()


def hmac_sm3(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, digestmod=GmSm3).digest()


def sm4_ecb_encrypt(key: bytes, plain: bytes) -> bytes:
    c = sm4.CryptSM4(sm4.SM4_ENCRYPT, sm4.PKCS7)
    c.set_key(key, sm4.SM4_ENCRYPT)
    return c.crypt_ecb(plain)


def sm4_ecb_decrypt(key: bytes, ct: bytes) -> bytes:
    if len(ct) == 0 or len(ct) % 16:
        raise ValueError("SM4 ciphertext length")
    # padding_mode 2 is neither PKCS7 (0) nor ZERO (1): gmssl leaves the padding,
    # and we check it ourselves (gmssl's own unpadding does not validate it).
    raw = sm4.CryptSM4(sm4.SM4_DECRYPT, 2)
    raw.set_key(key, sm4.SM4_DECRYPT)
    full = raw.crypt_ecb(ct)
    pad = full[-1]
    if not 1 <= pad <= 16 or full[-pad:] != bytes([pad]) * pad:
        raise ValueError("SM4 padding")
    return full[:-pad]


def public_xy_hex(private_key_hex: str) -> str:
    """128 hex digits X||Y for a private key, computed by gmssl's own point code."""
    c = sm2.CryptSM2(private_key=private_key_hex, public_key="")
    return c._kg(int(private_key_hex, 16), c.ecc_table["g"])


def sm2_encrypt(public_xy_hex_: str, msg: bytes, c1c3c2: bool = True) -> bytes:
    """Returns 04 || C1 || ... (we add the 04 gmssl leaves off)."""
    c = sm2.CryptSM2(private_key=None, public_key=public_xy_hex_, mode=1 if c1c3c2 else 0)
    return b"\x04" + c.encrypt(msg)


def sm2_decrypt(private_key_hex: str, ct: bytes, c1c3c2: bool = True) -> bytes:
    """Decrypts 04-prefixed input and verifies C3 (gmssl does not)."""
    if ct[:1] != b"\x04" or len(ct) < 97:
        raise ValueError("SM2 ciphertext must start with 04")
    body = ct[1:]
    c = sm2.CryptSM2(private_key=private_key_hex, public_key="", mode=1 if c1c3c2 else 0)
    msg = c.decrypt(body)
    if msg is None:
        raise ValueError("SM2 decryption failed")
    c1 = body[:64].hex()
    x2y2 = c._kg(int(private_key_hex, 16), c1)
    c3 = body[64:96] if c1c3c2 else body[-32:]
    if sm3_digest(bytes.fromhex(x2y2[:64]) + msg + bytes.fromhex(x2y2[64:])) != c3:
        raise ValueError("SM2 C3 mismatch")
    return msg


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def seal_request(plain: bytes, public_xy: str, sm4_key: bytes, hmac_key: bytes, c1c3c2=True) -> str:
    """Manual 002 §6.2.4 client steps 1-6, field order as in 2.5."""
    blob = b64(sm2_encrypt(public_xy, sm4_key, c1c3c2))
    body = b64(sm4_ecb_encrypt(sm4_key, plain))
    hash_key = b64(sm2_encrypt(public_xy, hmac_key, c1c3c2))
    return json.dumps({
        "ciphertextBlob": blob,
        "encryptedBody": body,
        "encryptedHashKey": hash_key,
        "ciphertextBlobHash": b64(hmac_sm3(hmac_key, blob.encode("ascii"))),
        "encryptedBodyHash": b64(hmac_sm3(hmac_key, body.encode("ascii"))),
    })


def open_request(sealed: str, private_key_hex: str, c1c3c2=True):
    """Gateway side: returns (plain, sm4_key, hmac_key); raises ValueError on any failure."""
    req = json.loads(sealed)
    hmac_key = sm2_decrypt(private_key_hex, unb64(req["encryptedHashKey"]), c1c3c2)
    for text, tag in (("ciphertextBlob", "ciphertextBlobHash"), ("encryptedBody", "encryptedBodyHash")):
        if not hmac.compare_digest(hmac_sm3(hmac_key, req[text].encode("ascii")), unb64(req[tag])):
            raise ValueError(tag + " mismatch")
    sm4_key = sm2_decrypt(private_key_hex, unb64(req["ciphertextBlob"]), c1c3c2)
    return sm4_ecb_decrypt(sm4_key, unb64(req["encryptedBody"])), sm4_key, hmac_key


def seal_response(plain: bytes, sm4_key: bytes, hmac_key: bytes) -> str:
    """Gateway answer for statusCode 0 (manual 2.6)."""
    result = b64(sm4_ecb_encrypt(sm4_key, plain))
    return json.dumps({
        "encryptedResultHash": b64(hmac_sm3(hmac_key, result.encode("ascii"))),
        "encryptedResult": result,
    })


def open_response(body: str, sm4_key: bytes, hmac_key: bytes) -> bytes:
    resp = json.loads(body)
    if "encryptedResult" not in resp:
        return body.encode("utf-8")
    result = resp["encryptedResult"]
    if not hmac.compare_digest(hmac_sm3(hmac_key, result.encode("ascii")), unb64(resp["encryptedResultHash"])):
        raise ValueError("encryptedResultHash mismatch")
    return sm4_ecb_decrypt(sm4_key, unb64(result))
