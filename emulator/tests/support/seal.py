"""Seals / opens the CTyun `decrypted: true` envelope with gmssl (independent of cnvision).

stdin: {"op": "seal", "public_key_spki_b64", "body": str, "sm4_key_hex", "hash_key_hex"}
    -> {"body": sealed JSON text}
stdin: {"op": "open", "result": {...}, "sm4_key_hex", "hash_key_hex"} -> {"plain": str, "hash_ok": bool}
gmssl pitfalls (INDEX.md): mode=1 is C1C3C2; ciphertexts carry no 04 prefix; pass X||Y hex.
"""
import base64
import hmac
import json
import sys

from gmssl import sm2, sm3, sm4, func


def hmac_sm3(key: bytes, data: bytes) -> bytes:
    block = 64
    if len(key) > block:
        key = bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(key)))
    key = key.ljust(block, b"\0")
    ipad = bytes(b ^ 0x36 for b in key)
    opad = bytes(b ^ 0x5C for b in key)
    inner = bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(ipad + data)))
    return bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(opad + inner)))


req = json.load(sys.stdin)
key = bytes.fromhex(req["sm4_key_hex"])
hkey = bytes.fromhex(req["hash_key_hex"])
if req["op"] == "seal":
    spki = base64.b64decode(req["public_key_spki_b64"])
    xy = spki[-64:].hex()
    c = sm2.CryptSM2(public_key=xy, private_key=None, mode=1)
    blob = base64.b64encode(b"\x04" + c.encrypt(key)).decode()
    hk = base64.b64encode(b"\x04" + c.encrypt(hkey)).decode()
    s = sm4.CryptSM4()
    s.set_key(key, sm4.SM4_ENCRYPT)
    enc = base64.b64encode(s.crypt_ecb(req["body"].encode())).decode()
    out = {
        "ciphertextBlob": blob,
        "encryptedBody": enc,
        "encryptedHashKey": hk,
        "ciphertextBlobHash": base64.b64encode(hmac_sm3(hkey, blob.encode())).decode(),
        "encryptedBodyHash": base64.b64encode(hmac_sm3(hkey, enc.encode())).decode(),
    }
    json.dump({"body": json.dumps(out)}, sys.stdout)
else:
    res = req["result"]
    want = base64.b64encode(hmac_sm3(hkey, res["encryptedResult"].encode())).decode()
    s = sm4.CryptSM4()
    s.set_key(key, sm4.SM4_DECRYPT)
    try:
        plain = s.crypt_ecb(base64.b64decode(res["encryptedResult"])).decode()
    except Exception:
        plain = ""
    json.dump({"plain": plain, "hash_ok": hmac.compare_digest(want, res["encryptedResultHash"])}, sys.stdout)
