"""Every catalog operation: a method exists with the catalog's parameters, and a
call with valid inputs succeeds against the emulator (which checks auth and limits)."""

import inspect
import pathlib
import subprocess
import sys
from typing import Any, Dict, List

import pytest

import cnvision
from cnvision.testing import Emulator

from conftest import JPEG, MEDIA

CATALOG = cnvision.catalog()
IDS = [op["id"] for op in CATALOG]
CREDS = Emulator.credentials()
URL = "https://example.com/a.jpg"
VIDEOS = sorted(MEDIA.glob("video_*"))


def test_catalog_is_not_empty() -> None:
    assert len(CATALOG) >= 30


@pytest.mark.parametrize("op_id", IDS)
def test_every_operation_has_a_method_with_its_parameters(op_id: str) -> None:
    op = cnvision.operation(op_id)
    method = getattr(cnvision.Client, cnvision.method_name(op_id), None)
    assert method is not None, f"Client lacks a method for {op_id}"
    params = inspect.signature(method).parameters
    expected = {cnvision.python_name(f) for f in op["fields"]} | {"self", "request_id"}
    if op["envelope"]:
        expected.add("encrypt")
    assert set(params) == expected
    for f in op["fields"]:
        p = params[cnvision.python_name(f)]
        assert p.kind is inspect.Parameter.KEYWORD_ONLY
        required = f["required"] and f["default"] is None
        assert (p.default is inspect.Parameter.empty) == required


def test_no_method_without_an_operation() -> None:
    names = {cnvision.method_name(i) for i in IDS}
    ops = {n for n in dir(cnvision.Client) if n.startswith(("ctyun_", "huawei_"))}
    assert ops == names


def test_generated_methods_are_current() -> None:
    script = pathlib.Path(__file__).resolve().parents[1] / "scripts" / "gen_ops.py"
    # Compares the source tree's _ops.py with what the installed catalog generates.
    out = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr


def _value(op: Dict[str, Any], f: Dict[str, Any], client: cnvision.Client) -> Any:
    kind = f["kind"]["type"]
    lim = f["limits"]
    count = lim["min_count"] or 1
    name = f["name"]
    if name.startswith("/"):
        return {
            "/auth/identity/password/user/name": CREDS["huawei_iam_user"],
            "/auth/identity/password/user/password": CREDS["huawei_iam_password"],
            "/auth/identity/password/user/domain/name": CREDS["huawei_iam_domain"],
            "/auth/scope/project/name": CREDS["huawei_region"],
        }[name]
    if kind == "image":
        return JPEG
    if kind in ("image_list", "image_sequence"):
        return [JPEG] * count
    if kind == "video":
        for v in VIDEOS:  # the first fixture the documented limits accept
            try:
                client.validate(op["id"], **{f["name"]: v, **_others(op, f, client)})
                return v
            except cnvision.InvalidInputError:
                continue
        raise AssertionError(f"no video fixture fits {op['id']}")
    if kind == "url":
        return URL
    if kind == "url_or_data_uri_list":
        return [URL] * count
    if kind == "url_or_data_uri_pairs":
        return [(URL, URL)] * count
    if kind == "enum":
        return f["kind"]["of"][0]
    if kind == "integer":
        return int(lim["min_value"] if lim["min_value"] is not None else 1)
    if kind == "number":
        lo, hi = lim["min_value"], lim["max_value"]
        return (lo + hi) / 2 if lo is not None and hi is not None else 0.5
    if kind == "bool":
        return True
    if kind == "polygon_text":
        return [[10, 10], [200, 10], [200, 200], [10, 200]]
    if kind == "text":
        if lim["pattern"] == "chinese_id_number":
            return "11010519491231002X"
        if name == "service_code":
            return "abc123"
        return "张三" if name == "fullName" else "cn-north-4"
    raise AssertionError(f"no test value for kind {kind}")


def _others(op: Dict[str, Any], skip: Dict[str, Any], client: cnvision.Client) -> Dict[str, Any]:
    out = {}
    for f in _given_fields(op):
        if f is not skip and f["kind"]["type"] != "video":
            out[f["name"]] = _value(op, f, client)
    return out


def _given_fields(op: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Required fields without default, plus the first member of each one_of group."""
    firsts = {group[0] for group in op["one_of"]}
    return [
        f
        for f in op["fields"]
        if (f["required"] and f["default"] is None) or f["name"] in firsts
    ]


@pytest.mark.parametrize("op_id", IDS)
def test_every_operation_calls_the_emulator(
    op_id: str, emu: Emulator, client: cnvision.Client
) -> None:
    op = cnvision.operation(op_id)
    kwargs = {cnvision.python_name(f): _value(op, f, client) for f in _given_fields(op)}
    result = getattr(client, cnvision.method_name(op_id))(**kwargs)
    assert isinstance(result, cnvision.Result)
    assert result.operation == op_id
    assert 200 <= result.http_status < 300
    assert isinstance(result.raw, dict) and result.raw
    assert emu.count(op_id) == 1
    for pointer in op["binary_results"]:
        assert isinstance(result.binaries[pointer], bytes) and result.binaries[pointer]
    if op_id == "huawei.iam.token":
        assert result.subject_token


@pytest.mark.parametrize("op_id", [op["id"] for op in CATALOG if op["envelope"]])
def test_every_envelope_operation_encrypts(
    op_id: str, emu: Emulator, client: cnvision.Client
) -> None:
    op = cnvision.operation(op_id)
    kwargs = {cnvision.python_name(f): _value(op, f, client) for f in _given_fields(op)}
    plain = getattr(client, cnvision.method_name(op_id))(**kwargs)
    sealed = getattr(client, cnvision.method_name(op_id))(encrypt=True, **kwargs)
    assert sealed.payload == plain.payload
    assert emu.count(op_id) == 2
