"""The CTyun ``decrypted: true`` body envelope (manual 002 §6.2.4) and its primitives.

Client side: ``seal(plain_json, public_key)`` → (sealed body, ``SessionKeys``); send
the body with header ``decrypted: true``; ``open(response_body, keys)`` verifies and
decrypts the answer (a plain non-zero-status error passes through unchanged).
Gateway side (for tests and emulators): ``open_request`` and ``seal_response``.

Public keys are accepted as the console shows them (base64 X.509 SPKI), PEM, or raw
``04||X||Y`` / ``X||Y`` in hex or base64. SM2 ciphertexts are ``04 || C1 || C3 || C2``
unless ``mode="c1c2c3"``. Failures raise ``cnvision.CryptoError`` (with the gateway's
``AI_OP_400xx`` code as ``provider_code`` on the gateway side) or
``cnvision.ConfigurationError`` for unusable keys. The GIL is released throughout.
"""

from ._native import SessionKeys
from ._native import envelope_open as open  # noqa: A001 - the envelope's verb
from ._native import envelope_open_request as open_request
from ._native import envelope_seal as seal
from ._native import envelope_seal_response as seal_response
from ._native import (
    hmac_sm3,
    sm2_decrypt,
    sm2_encrypt,
    sm2_public_key_sec1,
    sm3,
    sm4_decrypt_ecb,
    sm4_encrypt_block,
    sm4_encrypt_ecb,
)

HEADER_NAME = "decrypted"
HEADER_VALUE = "true"

__all__ = [
    "SessionKeys",
    "seal",
    "open",
    "open_request",
    "seal_response",
    "sm2_encrypt",
    "sm2_decrypt",
    "sm2_public_key_sec1",
    "sm3",
    "hmac_sm3",
    "sm4_encrypt_ecb",
    "sm4_decrypt_ecb",
    "sm4_encrypt_block",
    "HEADER_NAME",
    "HEADER_VALUE",
]
