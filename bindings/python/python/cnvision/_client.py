"""``cnvision.Client``: one thread-safe client for every provider."""

import os
from types import TracebackType
from typing import Any, Dict, List, Mapping, Optional, Tuple, Type, Union

from . import _native
from ._catalog import operation, python_name
from ._media import split
from ._ops import Operations
from ._result import Result

__all__ = ["Client"]

_CREDENTIALS = (
    "ctyun_ak",
    "ctyun_sk",
    "ctyun_app_key",
    "ctyun_app_secret",
    "ctyun_legacy_app_key",
    "envelope_public_key",
    "huawei_ak",
    "huawei_sk",
    "huawei_project_id",
    "huawei_region",
    "huawei_iam_user",
    "huawei_iam_password",
    "huawei_iam_domain",
)


class Client(Operations):
    """A client for every catalog operation (CTyun and Huawei Cloud).

    Credentials come from the keyword arguments, then (``from_env=True``, the
    default) from the environment: ``CTYUN_AK``, ``CTYUN_SK``, ``CTYUN_APP_KEY``,
    ``CTYUN_APP_SECRET``, ``CTYUN_ENVELOPE_PUBLIC_KEY``, ``HUAWEICLOUD_SDK_AK``,
    ``HUAWEICLOUD_SDK_SK``, ``HUAWEICLOUD_SDK_PROJECT_ID``, ``HUAWEICLOUD_SDK_REGION``,
    ``HUAWEICLOUD_IAM_USERNAME``/``_PASSWORD``/``_DOMAIN``, ``CNVISION_ENDPOINT_*``,
    ``CNVISION_PROXY``, ``CNVISION_CA_FILE``. ``ctyun_legacy_app_key`` is the AppKey
    of the older ``Sign``/``CTYUN`` gateways when it differs from ``ctyun_app_key``.

    ``endpoint`` points every gateway at one base URL (an emulator); ``endpoints``
    maps gateway names (``ctyun_eop``, ``ctyun_aiop``, ``ctyun2019``,
    ``huawei_image``, ``huawei_iam``) to base URLs. Timeouts are seconds. The
    documented QPS limits are enforced unless ``rate_limit=False``;
    ``rate_limit_mode="fail_fast"`` raises RateLimitedError instead of waiting.

    Thread-safe: share one client between threads; the GIL is released while a call
    runs. A context manager: ``with Client() as c: ...`` closes it on exit.
    """

    def __init__(
        self,
        *,
        ctyun_ak: Optional[str] = None,
        ctyun_sk: Optional[str] = None,
        ctyun_app_key: Optional[str] = None,
        ctyun_app_secret: Optional[str] = None,
        ctyun_legacy_app_key: Optional[str] = None,
        envelope_public_key: Optional[str] = None,
        huawei_ak: Optional[str] = None,
        huawei_sk: Optional[str] = None,
        huawei_project_id: Optional[str] = None,
        huawei_region: Optional[str] = None,
        huawei_iam_user: Optional[str] = None,
        huawei_iam_password: Optional[str] = None,
        huawei_iam_domain: Optional[str] = None,
        endpoint: Optional[str] = None,
        endpoints: Optional[Mapping[str, str]] = None,
        proxy: Optional[str] = None,
        ca_file: Optional[Union[str, "os.PathLike[str]"]] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        total_timeout: Optional[float] = None,
        rate_limit: bool = True,
        rate_limit_mode: str = "block",
        user_agent_suffix: Optional[str] = None,
        from_env: bool = True,
    ) -> None:
        given = locals()
        credentials = {k: given[k] for k in _CREDENTIALS if given[k] is not None}
        self._native = _native.Client(
            from_env=from_env,
            credentials=credentials,
            endpoint=endpoint,
            endpoints=dict(endpoints) if endpoints is not None else None,
            proxy=proxy,
            ca_file=os.fspath(ca_file) if ca_file is not None else None,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            total_timeout=total_timeout,
            rate_limit=rate_limit,
            rate_limit_mode=rate_limit_mode,
            user_agent_suffix=user_agent_suffix,
        )

    # ---- generic entry points ---------------------------------------------------

    @staticmethod
    def _arguments(
        op_id: str, params: Mapping[str, Any]
    ) -> Tuple[Dict[str, Any], List[Tuple[str, Union[bytes, str]]]]:
        try:
            op = operation(op_id)
        except KeyError:
            raise _native_error(1, f"operation: unknown operation {op_id!r}") from None
        by_name = {}
        for field in op["fields"]:
            by_name[field["name"]] = field
            by_name[python_name(field)] = field
        out: Dict[str, Any] = {}
        media: List[Tuple[str, Union[bytes, str]]] = []
        for name, value in params.items():
            if value is None:
                continue
            field = by_name.get(name)
            if field is None:
                known = ", ".join(python_name(f) for f in op["fields"])
                raise _native_error(
                    1, f"{name}: unknown parameter of {op_id} (parameters: {known})"
                )
            p, m = split(field, value)
            out.update(p)
            media.extend(m)
        return out, media

    def call(
        self,
        op_id: str,
        *,
        encrypt: bool = False,
        request_id: Optional[str] = None,
        **params: Any,
    ) -> Result:
        """Calls any catalog operation; parameters by Python or wire name."""
        args, media = self._arguments(op_id, params)
        return Result(
            self._native.call(op_id, args, media, encrypt=encrypt, request_id=request_id)
        )

    def validate(self, op_id: str, **params: Any) -> None:
        """Checks the inputs of a call locally (formats, sizes, limits); sends nothing."""
        args, media = self._arguments(op_id, params)
        self._native.validate(op_id, args, media)

    def _invoke(
        self, op_id: str, args: Dict[str, Any], encrypt: bool, request_id: Optional[str]
    ) -> Result:
        return self.call(op_id, encrypt=encrypt, request_id=request_id, **args)

    # ---- lifetime ---------------------------------------------------------------

    def close(self) -> None:
        """Releases the client (idempotent). Later calls raise ConfigurationError."""
        self._native.close()

    @property
    def closed(self) -> bool:
        return bool(self._native.closed)

    def __enter__(self) -> "Client":
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


def _native_error(code: int, message: str) -> Exception:
    from ._errors import ERROR_CLASSES

    return ERROR_CLASSES[code](message)
