"""Typed results: every operation's ``data`` is its dataclass from ``cnvision.results``
(the table comes from the core's ``api::RESULT_TYPES``, like the method annotations),
the dataclasses' fields are exactly the keys of the core's typed JSON, and the
documented examples arrive with their values."""

import dataclasses
import enum
import inspect
import typing
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest

import cnvision
from cnvision import results
from cnvision._ops import RESULT_TYPES
from cnvision.testing import Emulator

from conftest import JPEG
from test_operations import _given_fields, _value

IDS = [op["id"] for op in cnvision.catalog()]


def _call(client: cnvision.Client, op_id: str) -> "cnvision.Result[Any]":
    op = cnvision.operation(op_id)
    kwargs = {cnvision.python_name(f): _value(op, f, client) for f in _given_fields(op)}
    r: cnvision.Result[Any] = getattr(client, cnvision.method_name(op_id))(**kwargs)
    return r


def _walk(tp: Any, value: Any, path: str) -> Iterator[Tuple[str, type, Set[str], Set[str]]]:
    """(path, dataclass, its JSON field names, the JSON keys) for every object in `value`."""
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        names = {results.json_name(f.name) for f in dataclasses.fields(tp)}
        yield path, tp, names, set(value)
        hints = typing.get_type_hints(tp)
        for f in dataclasses.fields(tp):
            key = results.json_name(f.name)
            if key in value:
                yield from _walk(hints[f.name], value[key], f"{path}.{key}")
    elif origin is typing.Union and value is not None:
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        yield from _walk(inner, value, path)
    elif origin is list:
        (item,) = typing.get_args(tp)
        for i, v in enumerate(value):
            yield from _walk(item, v, f"{path}[{i}]")


def _classes(tp: Any) -> Iterator[type]:
    """Every dataclass reachable from the type `tp`."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        yield tp
        for t in typing.get_type_hints(tp).values():
            yield from _classes(t)
    for arg in typing.get_args(tp):
        yield from _classes(arg)


def test_every_catalog_operation_has_a_result_type() -> None:
    missing = [i for i in IDS if i not in RESULT_TYPES]
    assert not missing, f"operations without a typed result: {missing}"
    assert set(RESULT_TYPES) == set(IDS)


def test_result_types_come_from_the_core() -> None:
    for op_id, rust in cnvision._native.result_types():
        rust = rust.replace(" ", "")
        tp = RESULT_TYPES[op_id]
        if rust.startswith("Vec<"):
            assert typing.get_origin(tp) is list, op_id
            (tp,) = typing.get_args(tp)
            rust = rust[4:-1]
        assert tp.__name__ == rust, op_id


@pytest.mark.parametrize("op_id", IDS)
def test_every_method_is_annotated_with_its_result_type(op_id: str) -> None:
    method = getattr(cnvision.Client, cnvision.method_name(op_id))
    returns = inspect.signature(method).return_annotation
    expected: Any = cnvision.Result
    assert returns == expected[RESULT_TYPES[op_id]]


def test_every_result_dataclass_is_used_and_frozen() -> None:
    used: Set[type] = set()
    for tp in RESULT_TYPES.values():
        used.update(_classes(tp))
    declared = {
        getattr(results, n)
        for n in results.__all__
        if dataclasses.is_dataclass(getattr(results, n))
    }
    assert used == declared
    for cls in declared:
        assert cls.__dataclass_params__.frozen, cls


@pytest.mark.parametrize("op_id", IDS)
def test_every_operation_returns_its_dataclass(
    op_id: str, emu: Emulator, client: cnvision.Client
) -> None:
    r = _call(client, op_id)
    tp = RESULT_TYPES[op_id]
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        assert isinstance(r.data, list) and r.data
        assert all(isinstance(x, item) for x in r.data)
    else:
        assert isinstance(r.data, tp)
    assert r.data == results.from_json(tp, r.typed_json)


@pytest.mark.parametrize("op_id", IDS)
def test_dataclass_fields_equal_the_core_typed_json_keys(
    op_id: str, emu: Emulator, client: cnvision.Client
) -> None:
    r = _call(client, op_id)
    seen = 0
    for path, cls, fields, keys in _walk(RESULT_TYPES[op_id], r.typed_json, op_id):
        assert fields == keys, f"{path}: {cls.__name__} {sorted(fields)} vs JSON {sorted(keys)}"
        seen += 1
    assert seen, f"{op_id}: no object checked"


def test_documented_values_hat_detect(client: cnvision.Client) -> None:
    hats = client.ctyun_safety_hat_detect(image=JPEG).data
    assert [(h.label, h.score) for h in hats][0] == ("blue_hat", 0.9998)
    assert hats[0].bbox == [15.0, 72.0, 84.0, 129.0]
    assert len(hats) == 2


def test_documented_values_face_compare(client: cnvision.Client) -> None:
    cmp = client.ctyun_face_compare(img1_base64=JPEG, img2_base64=JPEG).data
    assert cmp.score == 0.6841
    assert len(cmp.rect_a) == 4


def test_documented_values_real_name_decoded(client: cnvision.Client) -> None:
    rn = client.ctyun_face_real_name_auth(
        portrait=JPEG, id_num="11010519491231002X", full_name="张三"
    ).data
    assert rn.identity is results.IdentityCheck.VALID
    assert rn.portrait is results.PortraitCheck.SAME_PERSON
    assert rn.res_str.startswith("00")
    assert rn.message == "成功"


def test_documented_values_super_resolution_bytes(client: cnvision.Client) -> None:
    r = client.huawei_image_super_resolution(image=JPEG)
    img = r.data
    # The emulator answers with its documented 1×1 PNG (emulator/src/images.rs).
    assert isinstance(img.bytes, bytes) and img.bytes.startswith(b"\x89PNG\r\n\x1a\n")
    assert img.bytes[16:24] == b"\x00\x00\x00\x01\x00\x00\x00\x01"  # IHDR 1×1
    assert img.bytes == list(r.binaries.values())[-1]


def test_iam_token_is_typed_and_kept_out_of_repr(client: cnvision.Client) -> None:
    creds = Emulator.credentials()
    r = client.huawei_iam_token(
        user_name=creds["huawei_iam_user"],
        user_password=creds["huawei_iam_password"],
        domain_name=creds["huawei_iam_domain"],
        project_name=creds["huawei_region"],
    )
    assert r.data.token == r.subject_token
    assert r.data.token not in repr(r.data)


def test_from_json_rejects_drift_and_wrong_values() -> None:
    ok: Dict[str, Any] = {"label": "x", "score": 1, "bbox": [1, 2, 3, 4]}
    d = results.from_json(results.Detection, ok)
    assert d == results.Detection("x", 1.0, [1.0, 2.0, 3.0, 4.0])
    assert isinstance(d.score, float)
    with pytest.raises(cnvision.ProtocolError, match="fields"):
        results.from_json(results.Detection, {**ok, "extra": 1})
    with pytest.raises(cnvision.ProtocolError, match="fields"):
        results.from_json(results.Detection, {"label": "x", "score": 1})
    with pytest.raises(cnvision.ProtocolError, match=r"result\.score"):
        results.from_json(results.Detection, {**ok, "score": "high"})
    with pytest.raises(cnvision.ProtocolError, match="LivenessVerdict"):
        results.from_json(results.LivenessVerdict, "maybe")
    face: Dict[str, Any] = {
        "rect": {"left": 1, "top": 2, "width": 3, "height": 4},
        "class": "face",
        "score": None,
        "angles": [1, 2, 3],
        "landmarks": [],
    }
    f = results.from_json(results.DetectedFace, face)
    assert (f.class_, f.score, f.angles) == ("face", None, (1.0, 2.0, 3.0))
    with pytest.raises(cnvision.ProtocolError, match="3 values"):
        results.from_json(results.DetectedFace, {**face, "angles": [1, 2]})


def test_enums_mirror_the_rust_variant_names() -> None:
    names: List[str] = [m.value for m in results.PortraitCheck]
    assert len(names) == len(set(names)) == 16
    assert all(isinstance(m, enum.Enum) for m in results.IdentityCheck)
