"""Request signers for callers with their own HTTP stack.

Each function takes the request parts (method, path, decoded query pairs, headers
already on the request, exact body bytes) and credentials, and returns a
``Signature``: ``headers`` to add (in order), plus ``canonical_request``,
``string_to_sign`` and ``signature``. ``time_ms`` (Unix milliseconds) fixes the
signing time; by default it is now. The GIL is released while signing.

- ``sign_eop``: CTyun EOP ``Eop-Authorization`` (manuals 000, 002); ``eop-date`` in
  Beijing time regardless of the host zone (``utc_offset_seconds``).
- ``sign_ctyun_md5``: CTyun ``Sign`` MD5 scheme (manual 001).
- ``sign_ctyun_hmac``: CTyun ``Authorization: CTYUN`` (manual 003).
- ``sign_apig``: Huawei ``SDK-HMAC-SHA256`` / ``SDK-HMAC-SM3`` / ``V11-HMAC-SHA256``.
"""

from ._native import Signature, sign_apig, sign_ctyun_hmac, sign_ctyun_md5, sign_eop

__all__ = ["Signature", "sign_eop", "sign_ctyun_md5", "sign_ctyun_hmac", "sign_apig"]
