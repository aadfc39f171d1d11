"""Offline testing: the Rust emulator of every gateway, in-process.

    from cnvision.testing import Emulator

    with Emulator() as emu:                  # 127.0.0.1, a free port
        with emu.client() as client:         # credentials + endpoints set for it
            result = client.ctyun_safety_hat_detect(image=jpeg_bytes)
        assert emu.count("ctyun.safety.hat_detect") == 1

The emulator checks signatures, dates, envelope and documented limits as the
providers do, answers with the documented examples, and can inject faults
(``inject("throttle", op=...)``: delay, reset, status, throttle, malformed_json,
tamper_result, tamper_hash). Its credentials are fixed public test values.
"""

from types import TracebackType
from typing import Any, Dict, Optional, Type

from . import _native
from ._client import Client

__all__ = ["Emulator"]


class Emulator:
    """A running emulator; a context manager that shuts it down on exit."""

    def __init__(
        self,
        *,
        port: int = 0,
        workers: int = 16,
        clock_offset_secs: int = 0,
        date_window_secs: int = 900,
    ) -> None:
        self._native = _native.Emulator(
            port=port,
            workers=workers,
            clock_offset_secs=clock_offset_secs,
            date_window_secs=date_window_secs,
        )

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:{port}``: the endpoint of every gateway."""
        return str(self._native.base_url)

    @property
    def port(self) -> int:
        return int(self._native.port)

    @property
    def sm2_public_key(self) -> str:
        """Base64 X.509 SPKI of the emulator's SM2 key (the envelope's public key)."""
        return str(self._native.sm2_public_key)

    @property
    def running(self) -> bool:
        return bool(self._native.running)

    @staticmethod
    def credentials() -> Dict[str, str]:
        """The fixed test credentials, by ``Client`` keyword names, plus
        ``legacy_app_key`` and ``sm2_private_key_hex``."""
        return dict(_native.Emulator.credentials())

    def client_kwargs(self) -> Dict[str, Any]:
        """Keyword arguments for ``cnvision.Client`` pointing at this emulator: every
        credential (Huawei by AK/SK), the SM2 key, no environment, no rate limit."""
        c = self.credentials()
        return {
            "ctyun_ak": c["ctyun_ak"],
            "ctyun_sk": c["ctyun_sk"],
            "ctyun_app_key": c["ctyun_app_key"],
            "ctyun_app_secret": c["ctyun_app_secret"],
            "ctyun_legacy_app_key": c["legacy_app_key"],
            "envelope_public_key": self.sm2_public_key,
            "huawei_ak": c["huawei_ak"],
            "huawei_sk": c["huawei_sk"],
            "huawei_project_id": c["huawei_project_id"],
            "huawei_region": c["huawei_region"],
            "endpoint": self.base_url,
            "rate_limit": False,
            "from_env": False,
        }

    def client(self, **overrides: Any) -> Client:
        """A ``cnvision.Client`` for this emulator (``client_kwargs`` + ``overrides``)."""
        kwargs = self.client_kwargs()
        kwargs.update(overrides)
        return Client(**kwargs)

    def count(self, op_id: str) -> int:
        """Requests routed to ``op_id`` (rejected ones included)."""
        return int(self._native.count(op_id))

    def total(self) -> int:
        return int(self._native.total())

    def counts(self) -> Dict[str, int]:
        return dict(self._native.counts())

    def reset(self) -> None:
        """Clears counters, faults and tokens; restores the clock offset."""
        self._native.reset()

    def inject(
        self,
        kind: str,
        *,
        op: Optional[str] = None,
        count: int = 1,
        ms: Optional[int] = None,
        status: Optional[int] = None,
        code: Optional[str] = None,
    ) -> None:
        """Arms a fault for the next ``count`` requests of ``op`` (None = any).

        ``provider_error`` answers with ``code``, a documented provider code."""
        self._native.inject(kind, op=op, count=count, ms=ms, status=status, code=code)

    def clear_faults(self) -> None:
        self._native.clear_faults()

    def set_clock_offset(self, secs: int) -> None:
        """Shifts the clock request dates are judged by (seconds)."""
        self._native.set_clock_offset_secs(secs)

    def shutdown(self) -> None:
        """Stops serving (idempotent)."""
        self._native.shutdown()

    def __enter__(self) -> "Emulator":
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.shutdown()
