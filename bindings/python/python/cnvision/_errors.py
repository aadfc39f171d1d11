"""Exception classes: ``Error`` and one subclass per core ``ErrorKind``.

The numbers are the core's stable ``ErrorKind`` codes (also the C status values and
the Java ``ErrorCode``); the native module raises the class of each kind.
"""

import builtins
from typing import ClassVar, Dict, Optional, Type

__all__ = [
    "Error",
    "InvalidInputError",
    "ConfigurationError",
    "AuthenticationError",
    "ServiceError",
    "RateLimitedError",
    "NetworkError",
    "TimeoutError",
    "CryptoError",
    "ProtocolError",
    "InternalError",
    "ERROR_CLASSES",
]


class Error(Exception):
    """Base class of every cnvision failure.

    ``code`` is the stable error-kind number, ``kind`` its name; ``provider_code``,
    ``http_status`` and ``request_id`` are set when the provider answered.
    Messages never contain secrets.
    """

    code: ClassVar[int] = 0
    kind: ClassVar[str] = ""

    def __init__(
        self,
        message: str,
        *,
        provider_code: Optional[str] = None,
        http_status: Optional[int] = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.provider_code = provider_code
        self.http_status = http_status
        self.request_id = request_id

    def __str__(self) -> str:
        text = self.message
        if self.provider_code is not None:
            text += f" (provider code {self.provider_code})"
        if self.http_status is not None:
            text += f" (HTTP {self.http_status})"
        if self.request_id is not None:
            text += f" (request id {self.request_id})"
        return text


class InvalidInputError(Error, ValueError):
    """Input rejected locally before anything was sent; the message names the field and limit."""

    code = 1
    kind = "invalid_input"


class ConfigurationError(Error):
    """Client configuration is incomplete or inconsistent."""

    code = 2
    kind = "configuration"


class AuthenticationError(Error):
    """Credentials or signature rejected (locally or by the provider)."""

    code = 3
    kind = "authentication"


class ServiceError(Error):
    """The provider answered with an error code (see ``provider_code``)."""

    code = 4
    kind = "service"


class RateLimitedError(Error):
    """The provider throttled the call, or the local rate limiter refused it."""

    code = 5
    kind = "rate_limited"


class NetworkError(Error, ConnectionError):
    """The connection could not be made or was broken."""

    code = 6
    kind = "network"


class TimeoutError(Error, builtins.TimeoutError):  # noqa: A001 - cnvision.TimeoutError
    """A connect or read deadline passed. Also a ``builtins.TimeoutError``."""

    code = 7
    kind = "timeout"


class CryptoError(Error):
    """Envelope verification or decryption failed; key material unusable."""

    code = 8
    kind = "crypto"


class ProtocolError(Error):
    """The response could not be understood."""

    code = 9
    kind = "protocol"


class InternalError(Error):
    """A bug inside cnvision (for example a caught panic)."""

    code = 10
    kind = "internal"


ERROR_CLASSES: Dict[int, Type[Error]] = {
    cls.code: cls
    for cls in (
        InvalidInputError,
        ConfigurationError,
        AuthenticationError,
        ServiceError,
        RateLimitedError,
        NetworkError,
        TimeoutError,
        CryptoError,
        ProtocolError,
        InternalError,
    )
}
