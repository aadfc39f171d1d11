"""Client behaviour: configuration, media forms, results, generic call, lifetime."""

import io
import threading
from typing import Any, List

import pytest

import cnvision
from cnvision.testing import Emulator

from conftest import JPEG

HAT = "ctyun.safety.hat_detect"


def test_media_as_bytes_str_path_and_file(emu: Emulator, client: cnvision.Client) -> None:
    data = JPEG.read_bytes()
    with open(JPEG, "rb") as fh:
        forms: List[Any] = [data, bytearray(data), memoryview(data), str(JPEG), JPEG, fh]
        results = [client.ctyun_safety_hat_detect(image=m) for m in forms]
    assert all(r.payload == results[0].payload for r in results)
    assert emu.count(HAT) == len(forms)


def test_result_attribute_access_and_raw(client: cnvision.Client) -> None:
    r = client.ctyun_safety_hat_detect(image=JPEG)
    assert r.raw["statusCode"] == 0
    first = r.data[0]
    assert first.classname == first["classname"] == first.raw["classname"]
    assert r.request_id
    d = client.ctyun_face_detect(image_data=JPEG)
    assert isinstance(d.data, cnvision.Record)
    assert d.raw == d.raw  # plain dict
    with pytest.raises(AttributeError):
        _ = first.no_such_field


def test_snake_case_attribute_falls_back_to_camel_case() -> None:
    rec = cnvision.Record({"faceNum": 2, "FaceAngle": 3})
    assert rec.face_num == 2 and rec.face_angle == 3


def test_generic_call_by_wire_or_python_name(client: cnvision.Client) -> None:
    a = client.call("ctyun.face.compare", img1Base64=JPEG, img2Base64=JPEG)
    b = client.call("ctyun.face.compare", img1_base64=JPEG, img2_base64=JPEG)
    assert a.payload == b.payload


def test_generic_call_rejects_unknowns(client: cnvision.Client) -> None:
    with pytest.raises(cnvision.InvalidInputError, match="unknown operation"):
        client.call("no.such.op")
    with pytest.raises(cnvision.InvalidInputError, match="colour"):
        client.call(HAT, image=JPEG, colour="red")


def test_encrypt_where_not_allowed_is_invalid_input(emu: Emulator, client: cnvision.Client) -> None:
    with pytest.raises(cnvision.InvalidInputError, match="encrypt"):
        client.call("huawei.image.tagging_v2", image=JPEG, encrypt=True)
    assert emu.total() == 0


def test_invalid_input_names_field_and_limit_and_sends_nothing(
    emu: Emulator, client: cnvision.Client
) -> None:
    with pytest.raises(cnvision.InvalidInputError) as info:
        client.ctyun_safety_fall_detect(images=[])
    assert "images" in str(info.value)
    assert isinstance(info.value, ValueError)
    assert emu.total() == 0


def test_url_lists_as_strings_or_media(emu: Emulator, client: cnvision.Client) -> None:
    client.ctyun_face2019_detect(data=["https://example.com/a.jpg"])
    client.ctyun_face2019_detect(data=[JPEG.read_bytes()])
    client.ctyun_face2019_compare(data=[(JPEG, JPEG)])
    with pytest.raises(TypeError):
        client.ctyun_face2019_detect(data=["https://example.com/a.jpg", JPEG])
    assert emu.count("ctyun.face2019.detect") == 2


def test_from_environment(emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    c = Emulator.credentials()
    monkeypatch.setenv("CTYUN_AK", c["ctyun_ak"])
    monkeypatch.setenv("CTYUN_SK", c["ctyun_sk"])
    monkeypatch.setenv("CTYUN_APP_KEY", c["ctyun_app_key"])
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", c["huawei_ak"])
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", c["huawei_sk"])
    monkeypatch.setenv("HUAWEICLOUD_SDK_PROJECT_ID", c["huawei_project_id"])
    monkeypatch.setenv("HUAWEICLOUD_SDK_REGION", c["huawei_region"])
    monkeypatch.setenv("CNVISION_ENDPOINT_CTYUN_EOP", emu.base_url)
    monkeypatch.setenv("CNVISION_ENDPOINT_HUAWEI_IMAGE", emu.base_url)
    with cnvision.Client(rate_limit=False) as client:
        client.ctyun_safety_hat_detect(image=JPEG)
        client.huawei_image_tagging_v2(image=JPEG)
    # Arguments override the environment.
    monkeypatch.setenv("CTYUN_SK", "wrong")
    with cnvision.Client(ctyun_sk=c["ctyun_sk"], rate_limit=False) as client:
        client.ctyun_safety_hat_detect(image=JPEG)
    assert emu.count(HAT) == 2


def test_context_manager_closes(emu: Emulator) -> None:
    with emu.client() as client:
        client.ctyun_safety_hat_detect(image=JPEG)
    assert client.closed
    with pytest.raises(cnvision.ConfigurationError, match="closed"):
        client.ctyun_safety_hat_detect(image=JPEG)
    client.close()  # idempotent


def test_request_id_is_sent_and_reported(client: cnvision.Client) -> None:
    r = client.ctyun_safety_hat_detect(image=JPEG, request_id="req-python-1")
    assert r.request_id == "req-python-1"


def test_gil_is_released_during_a_call(emu: Emulator, client: cnvision.Client) -> None:
    emu.inject("delay", op=HAT, ms=1500)
    main_ran = threading.Event()
    seen: List[bool] = []

    def worker() -> None:
        client.ctyun_safety_hat_detect(image=JPEG)
        seen.append(main_ran.is_set())

    t = threading.Thread(target=worker)
    t.start()
    # The request reaches the emulator while the call is still waiting on it; this
    # loop can only run then if the worker's call does not hold the GIL.
    while emu.count(HAT) == 0 and t.is_alive():
        threading.Event().wait(0.005)
    if t.is_alive():
        main_ran.set()
    t.join()
    assert seen == [True]


def test_emulator_lifecycle() -> None:
    emu = Emulator()
    assert emu.running and emu.base_url.startswith("http://127.0.0.1:")
    emu.shutdown()
    emu.shutdown()
    assert not emu.running
    with pytest.raises(RuntimeError):
        emu.count(HAT)


def test_file_object_in_text_mode_is_rejected(client: cnvision.Client) -> None:
    with pytest.raises(TypeError, match="binary"):
        client.ctyun_safety_hat_detect(image=io.StringIO("text"))  # type: ignore[arg-type]
