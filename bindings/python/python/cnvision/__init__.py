"""cnvision: CTyun and Huawei Cloud vision APIs from one vetted Rust core.

    import cnvision
    with cnvision.Client() as client:        # credentials from the environment
        result = client.ctyun_safety_hat_detect(image=pathlib.Path("site.jpg"))
        for box in result.data:
            print(box.classname, box.score)

Everything is computed in Rust (``cnvision._native``): validation, base64, signing,
the SM2/SM4/HMAC-SM3 envelope and HTTP; this package converts types and errors.
See ``cnvision.signers``, ``cnvision.envelope`` and ``cnvision.testing``.
"""

from . import _native
from ._errors import (
    ERROR_CLASSES,
    AuthenticationError,
    ConfigurationError,
    CryptoError,
    Error,
    InternalError,
    InvalidInputError,
    NetworkError,
    ProtocolError,
    RateLimitedError,
    ServiceError,
    TimeoutError,
)

_native.register_error_classes(dict(ERROR_CLASSES))

from ._catalog import catalog, method_name, operation, python_name  # noqa: E402
from ._client import Client  # noqa: E402
from ._media import Media  # noqa: E402
from ._result import Record, Result  # noqa: E402
from . import envelope, signers  # noqa: E402

__version__: str = _native.__version__

__all__ = [
    "Client",
    "Result",
    "Record",
    "Media",
    "catalog",
    "operation",
    "python_name",
    "method_name",
    "envelope",
    "signers",
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
]
