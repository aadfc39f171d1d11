"""Every exception class: the hierarchy matches the core's ErrorKind list, and each
kind is reached through a real failure (Internal: through the native error path)."""

import builtins

import pytest

import cnvision
from cnvision import _native
from cnvision.testing import Emulator

from conftest import JPEG

HAT = "ctyun.safety.hat_detect"
CLASSES = {
    1: cnvision.InvalidInputError,
    2: cnvision.ConfigurationError,
    3: cnvision.AuthenticationError,
    4: cnvision.ServiceError,
    5: cnvision.RateLimitedError,
    6: cnvision.NetworkError,
    7: cnvision.TimeoutError,
    8: cnvision.CryptoError,
    9: cnvision.ProtocolError,
    10: cnvision.InternalError,
}


def test_one_class_per_core_error_kind() -> None:
    kinds = _native.error_kinds()
    assert [code for code, _ in kinds] == sorted(CLASSES)
    for code, name in kinds:
        cls = CLASSES[code]
        assert issubclass(cls, cnvision.Error)
        assert cls.code == code and cls.kind == name
    assert cnvision._errors.ERROR_CLASSES == CLASSES
    assert issubclass(cnvision.TimeoutError, builtins.TimeoutError)
    assert cnvision.TimeoutError is not builtins.TimeoutError


@pytest.mark.parametrize("code", sorted(CLASSES))
def test_native_errors_map_to_their_class_with_attributes(code: int) -> None:
    with pytest.raises(CLASSES[code]) as info:
        _native.raise_error(code, "m", provider_code="P1", http_status=418, request_id="r1")
    e = info.value
    assert (e.code, e.provider_code, e.http_status, e.request_id) == (code, "P1", 418, "r1")
    assert e.message == "m"


def test_invalid_input(emu: Emulator, client: cnvision.Client) -> None:
    with pytest.raises(cnvision.InvalidInputError, match="image"):
        client.ctyun_safety_hat_detect(image=b"not an image")
    assert emu.total() == 0


def test_configuration() -> None:
    with pytest.raises(cnvision.ConfigurationError, match="CTYUN_SK"):
        cnvision.Client(ctyun_ak="ak", ctyun_app_key="k", from_env=False)


def test_authentication(emu: Emulator) -> None:
    with emu.client(ctyun_sk="wrong-secret") as client:
        with pytest.raises(cnvision.AuthenticationError) as info:
            client.ctyun_safety_hat_detect(image=JPEG)
    assert info.value.provider_code is not None
    assert info.value.http_status == 401


def test_service(emu: Emulator, client: cnvision.Client) -> None:
    emu.inject("status", op=HAT, status=500)
    with pytest.raises(cnvision.ServiceError) as info:
        client.ctyun_safety_hat_detect(image=JPEG, request_id="req-svc")
    assert info.value.http_status == 500
    assert info.value.request_id == "req-svc"


def test_rate_limited_by_provider(emu: Emulator, client: cnvision.Client) -> None:
    emu.inject("throttle", op=HAT)
    with pytest.raises(cnvision.RateLimitedError) as info:
        client.ctyun_safety_hat_detect(image=JPEG)
    assert info.value.provider_code is not None
    assert emu.count(HAT) == 1  # throttled calls are not retried


def test_documented_provider_codes_map_to_their_classes(emu: Emulator, client: cnvision.Client) -> None:
    # Every documented code of hat detection, answered by the emulator, raises the
    # class the catalog assigns it and carries the code (numbers for AI_OP_n codes).
    op = cnvision.operation(HAT)
    kinds = {code: name for code, name in _native.error_kinds()}
    for documented in op["errors"]:
        emu.reset()
        emu.inject("provider_error", op=HAT, code=documented["code"])
        with pytest.raises(cnvision.Error) as info:
            client.ctyun_safety_hat_detect(image=JPEG)
        assert info.value.kind == documented["kind"], documented
        assert documented["code"].removeprefix("AI_OP_") == info.value.provider_code, documented
        assert info.value.http_status is not None
        assert emu.count(HAT) == 1
    assert len(op["errors"]) > 10 and kinds


def test_rate_limited_locally(emu: Emulator) -> None:
    with emu.client(rate_limit=True, rate_limit_mode="fail_fast") as client:
        with pytest.raises(cnvision.RateLimitedError):
            for _ in range(20):
                client.ctyun_safety_hat_detect(image=JPEG)
    assert emu.count(HAT) < 20


def test_network(emu: Emulator) -> None:
    emu.inject("reset", op=HAT)
    with emu.client() as client:
        with pytest.raises(cnvision.NetworkError) as info:
            client.ctyun_safety_hat_detect(image=JPEG)
    assert isinstance(info.value, ConnectionError)


def test_timeout(emu: Emulator) -> None:
    emu.inject("delay", op=HAT, ms=3000)
    with emu.client(read_timeout=0.3) as client:
        with pytest.raises(cnvision.TimeoutError) as info:
            client.ctyun_safety_hat_detect(image=JPEG)
    assert isinstance(info.value, builtins.TimeoutError)


def test_crypto(emu: Emulator, client: cnvision.Client) -> None:
    emu.inject("tamper_result", op=HAT)
    with pytest.raises(cnvision.CryptoError):
        client.ctyun_safety_hat_detect(image=JPEG, encrypt=True)


def test_protocol(emu: Emulator, client: cnvision.Client) -> None:
    emu.inject("malformed_json", op=HAT)
    with pytest.raises(cnvision.ProtocolError):
        client.ctyun_safety_hat_detect(image=JPEG)


def test_crypto_from_envelope_api() -> None:
    keys = cnvision.envelope.SessionKeys.generate()
    with pytest.raises(cnvision.CryptoError):
        cnvision.envelope.open(b'{"encryptedResult":"AAAA","encryptedResultHash":"AAAA"}', keys)


def test_messages_never_contain_secrets(emu: Emulator) -> None:
    secret = "very-secret-sk-value"
    with emu.client(ctyun_sk=secret) as client:
        with pytest.raises(cnvision.Error) as info:
            client.ctyun_safety_hat_detect(image=JPEG)
    assert secret not in str(info.value) and secret not in repr(info.value)
