"""Type stubs of the native module ``cnvision._native`` (PyO3)."""

from typing import final, Any, Dict, List, Mapping, Optional, Sequence, Tuple, Type, Union

__version__: str
__all__ = [
    "Client",
    "Emulator",
    "Response",
    "SessionKeys",
    "Signature",
    "__version__",
    "catalog_json",
    "envelope_open",
    "envelope_open_request",
    "envelope_seal",
    "envelope_seal_response",
    "error_kinds",
    "hmac_sm3",
    "raise_error",
    "register_error_classes",
    "sign_apig",
    "sign_ctyun_hmac",
    "sign_ctyun_md5",
    "sign_eop",
    "sm2_decrypt",
    "sm2_encrypt",
    "sm2_public_key_sec1",
    "sm3",
    "sm4_decrypt_ecb",
    "sm4_encrypt_block",
    "sm4_encrypt_ecb",
]

def catalog_json() -> str: ...
def error_kinds() -> List[Tuple[int, str]]: ...
def raise_error(
    code: int,
    message: str,
    *,
    provider_code: Optional[str] = None,
    http_status: Optional[int] = None,
    request_id: Optional[str] = None,
) -> None: ...
def register_error_classes(classes: Mapping[int, Type[BaseException]]) -> None: ...

@final
class Signature:
    @property
    def headers(self) -> List[Tuple[str, str]]: ...
    @property
    def canonical_request(self) -> str: ...
    @property
    def string_to_sign(self) -> str: ...
    @property
    def signature(self) -> str: ...
    def header(self, name: str) -> Optional[str]: ...

def sign_eop(
    method: str,
    path: str,
    *,
    access_key: str,
    secret_key: str,
    app_key: Optional[str] = None,
    query: Sequence[Tuple[str, str]] = ...,
    headers: Sequence[Tuple[str, str]] = ...,
    body: Optional[bytes] = None,
    body_sha256: Optional[str] = None,
    signed_headers: Optional[Sequence[str]] = None,
    request_id: Optional[str] = None,
    time_ms: Optional[int] = None,
    utc_offset_seconds: int = 28800,
) -> Signature: ...
def sign_ctyun_md5(
    method: str,
    path: str,
    *,
    app_key: str,
    app_secret: str,
    query: Sequence[Tuple[str, str]] = ...,
    headers: Sequence[Tuple[str, str]] = ...,
    body: Optional[bytes] = None,
    time_ms: Optional[int] = None,
) -> Signature: ...
def sign_ctyun_hmac(
    method: str,
    path: str,
    *,
    app_key: str,
    app_secret: str,
    query: Sequence[Tuple[str, str]] = ...,
    headers: Sequence[Tuple[str, str]] = ...,
    body: Optional[bytes] = None,
    body_sha1: Optional[str] = None,
    time_ms: Optional[int] = None,
) -> Signature: ...
def sign_apig(
    method: str,
    path: str,
    *,
    ak: str,
    sk: str,
    host: Optional[str] = None,
    algorithm: str = "SDK-HMAC-SHA256",
    query: Sequence[Tuple[str, str]] = ...,
    headers: Sequence[Tuple[str, str]] = ...,
    body: Optional[bytes] = None,
    unsigned_payload: bool = False,
    project_id: Optional[str] = None,
    region_id: Optional[str] = None,
    service_name: Optional[str] = None,
    time_ms: Optional[int] = None,
) -> Signature: ...

@final
class SessionKeys:
    def __new__(cls, sm4_key: bytes, hmac_key: bytes) -> "SessionKeys": ...
    @staticmethod
    def generate() -> "SessionKeys": ...
    @property
    def sm4_key(self) -> bytes: ...
    @property
    def hmac_key(self) -> bytes: ...

def sm3(data: bytes) -> bytes: ...
def hmac_sm3(key: bytes, data: bytes) -> bytes: ...
def sm4_encrypt_ecb(key: bytes, plain: bytes) -> bytes: ...
def sm4_decrypt_ecb(key: bytes, ciphertext: bytes) -> bytes: ...
def sm4_encrypt_block(key: bytes, block: bytes, iterations: int = 1) -> bytes: ...
def sm2_public_key_sec1(text: str) -> bytes: ...
def sm2_encrypt(public_key: str, message: bytes, mode: str = "c1c3c2") -> bytes: ...
def sm2_decrypt(private_key_hex: str, ciphertext: bytes, mode: str = "c1c3c2") -> bytes: ...
def envelope_seal(
    plain_json: bytes,
    public_key: str,
    mode: str = "c1c3c2",
    keys: Optional[SessionKeys] = None,
) -> Tuple[bytes, SessionKeys]: ...
def envelope_open(response_body: bytes, keys: SessionKeys) -> bytes: ...
def envelope_open_request(
    sealed_body: bytes, private_key_hex: str, mode: str = "c1c3c2"
) -> Tuple[bytes, SessionKeys]: ...
def envelope_seal_response(plain_result_json: bytes, keys: SessionKeys) -> bytes: ...

@final
class Emulator:
    def __new__(
        cls,
        *,
        port: int = 0,
        workers: int = 16,
        clock_offset_secs: int = 0,
        date_window_secs: int = 900,
    ) -> "Emulator": ...
    @property
    def base_url(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def sm2_public_key(self) -> str: ...
    @property
    def running(self) -> bool: ...
    @staticmethod
    def credentials() -> Dict[str, str]: ...
    def count(self, op_id: str) -> int: ...
    def total(self) -> int: ...
    def counts(self) -> Dict[str, int]: ...
    def reset(self) -> None: ...
    def inject(
        self,
        kind: str,
        *,
        op: Optional[str] = None,
        count: int = 1,
        ms: Optional[int] = None,
        status: Optional[int] = None,
        code: Optional[str] = None,
    ) -> None: ...
    def clear_faults(self) -> None: ...
    def set_clock_offset_secs(self, secs: int) -> None: ...
    def shutdown(self) -> None: ...

@final
class Response:
    @property
    def operation(self) -> str: ...
    @property
    def http_status(self) -> int: ...
    @property
    def request_id(self) -> Optional[str]: ...
    @property
    def provider_code(self) -> Optional[str]: ...
    @property
    def message(self) -> Optional[str]: ...
    @property
    def result(self) -> Any: ...
    @property
    def body(self) -> Any: ...
    @property
    def binaries(self) -> Dict[str, bytes]: ...
    @property
    def subject_token(self) -> Optional[str]: ...

@final
class Client:
    def __new__(
        cls,
        *,
        from_env: bool = True,
        credentials: Optional[Mapping[str, str]] = None,
        endpoint: Optional[str] = None,
        endpoints: Optional[Mapping[str, str]] = None,
        proxy: Optional[str] = None,
        ca_file: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        total_timeout: Optional[float] = None,
        rate_limit: bool = True,
        rate_limit_mode: str = "block",
        user_agent_suffix: Optional[str] = None,
    ) -> "Client": ...
    def call(
        self,
        op_id: str,
        params: Dict[str, Any],
        media: List[Tuple[str, Union[bytes, str]]],
        *,
        encrypt: bool = False,
        request_id: Optional[str] = None,
    ) -> Response: ...
    def validate(
        self,
        op_id: str,
        params: Dict[str, Any],
        media: List[Tuple[str, Union[bytes, str]]],
    ) -> None: ...
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
