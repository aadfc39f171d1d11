"""The shared vectors in tests/vectors, checked through the Python API.
Cases are discovered by globbing, never listed."""

import base64
import json
import pathlib
from typing import Any, Dict, List, Tuple

import pytest

import cnvision
from cnvision import envelope, signers

from conftest import VECTORS


def cases(scheme: str, marker: str) -> List[pathlib.Path]:
    return sorted(p.parent for p in (VECTORS / scheme).glob(f"*/{marker}"))


def ids(paths: List[pathlib.Path]) -> List[str]:
    return [p.name for p in paths]


def body_bytes(spec: Dict[str, Any]) -> bytes:
    kind = spec["kind"]
    if kind == "text":
        return spec["value"].encode("utf-8")
    if kind == "base64":
        return base64.b64decode(spec["value"])
    if kind == "repeat":
        return spec["value"].encode("utf-8") * spec["count"]
    raise AssertionError(f"unknown body kind {kind}")


def pairs(v: List[List[str]]) -> List[Tuple[str, str]]:
    return [(a, b) for a, b in v]


def headers_of(d: pathlib.Path) -> List[Tuple[str, str]]:
    return pairs(json.loads((d / "headers.json").read_text(encoding="utf-8")))


def text(d: pathlib.Path, name: str) -> str:
    return (d / name).read_text(encoding="utf-8")


EOP = cases("eop", "input.json")
MD5 = cases("ctyun_md5", "input.json")
HMAC = cases("ctyun_hmac", "input.json")
APIG = cases("apig", "input.json")


@pytest.mark.parametrize("d", EOP, ids=ids(EOP))
def test_eop(d: pathlib.Path) -> None:
    i = json.loads(text(d, "input.json"))
    body = i["body"]
    kwargs: Dict[str, Any] = {}
    if body["kind"] == "precomputed":
        kwargs["body_sha256"] = body["value"]
    else:
        kwargs["body"] = body_bytes(body)
    c = i["credentials"]
    s = signers.sign_eop(
        i["method"],
        i["path"],
        access_key=c["access_key"],
        secret_key=c["secret_key"],
        app_key=c.get("app_key"),
        query=pairs(i["query"]),
        headers=pairs(i["headers"]),
        signed_headers=i["signed_headers"],
        request_id=i["request_id"],
        time_ms=i["time_unix_ms"],
        utc_offset_seconds=i["utc_offset_seconds"],
        **kwargs,
    )
    assert s.headers == headers_of(d)
    assert s.string_to_sign == text(d, "string_to_sign.txt")
    assert s.signature == text(d, "signature.txt")
    assert s.canonical_request == text(d, "canonical_query.txt")


@pytest.mark.parametrize("d", MD5, ids=ids(MD5))
def test_ctyun_md5(d: pathlib.Path) -> None:
    i = json.loads(text(d, "input.json"))
    c = i["credentials"]
    s = signers.sign_ctyun_md5(
        i["method"],
        i["path"],
        app_key=c["app_key"],
        app_secret=c["app_secret"],
        query=pairs(i["query"]),
        headers=pairs(i["headers"]),
        body=body_bytes(i["body"]),
        time_ms=i["time_unix_ms"],
    )
    assert s.headers == headers_of(d)
    assert s.signature == text(d, "signature.txt").strip()
    assert s.string_to_sign == text(d, "string_to_sign.txt")


@pytest.mark.parametrize("d", HMAC, ids=ids(HMAC))
def test_ctyun_hmac(d: pathlib.Path) -> None:
    i = json.loads(text(d, "input.json"))
    c = i["credentials"]
    body = i["body"]
    kwargs: Dict[str, Any] = {}
    if body["kind"] == "precomputed":
        kwargs["body_sha1"] = body["value"]
    else:
        kwargs["body"] = body_bytes(body)
    s = signers.sign_ctyun_hmac(
        i["method"],
        i["path"],
        app_key=c["app_key"],
        app_secret=c["app_secret"],
        query=pairs(i["query"]),
        headers=pairs(i["headers"]),
        time_ms=i["time_unix_ms"],
        **kwargs,
    )
    assert s.headers == headers_of(d)
    assert s.signature == text(d, "signature.txt").strip()
    assert s.string_to_sign == text(d, "string_to_sign.txt")
    assert s.canonical_request == text(d, "query.txt").rstrip("\n")


def _sdk_time_ms(t: str) -> int:
    import datetime

    dt = datetime.datetime.strptime(t, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    return int(dt.timestamp() * 1000)


@pytest.mark.parametrize("d", APIG, ids=ids(APIG))
def test_apig(d: pathlib.Path) -> None:
    i = json.loads(text(d, "input.json"))
    body = base64.b64decode(i["body_base64"]) if i.get("body_base64") else b""
    derived = i["algorithm"] == "V11-HMAC-SHA256"
    s = signers.sign_apig(
        i["method"],
        i["path"],
        ak=i["ak"],
        sk=i["sk"],
        host=i["host"],
        algorithm=i["algorithm"],
        query=pairs(i["query"]),
        headers=pairs(i["headers"]),
        body=body,
        unsigned_payload=i["unsigned_payload"],
        project_id=i["project_id"],
        region_id=i["region_id"] if derived else None,
        service_name=i["service_name"] if derived else None,
        time_ms=_sdk_time_ms(i["time"]),
    )
    assert s.headers == headers_of(d)
    assert s.canonical_request == text(d, "canonical_request.txt")
    assert s.string_to_sign == text(d, "string_to_sign.txt")
    assert s.header("Authorization") == text(d, "authorization.txt").strip()
    if (d / "published_authorization.txt").exists():
        assert s.header("Authorization") == text(d, "published_authorization.txt").strip()


def crypto_cases(name: str) -> List[pathlib.Path]:
    return sorted((VECTORS / name).glob("*/case.json"))


def load(p: pathlib.Path) -> Dict[str, Any]:
    result: Dict[str, Any] = json.loads(p.read_text(encoding="utf-8"))
    return result


SM3 = crypto_cases("sm3")
SM4 = crypto_cases("sm4")
HMAC_SM3 = crypto_cases("hmac_sm3")
SM2 = crypto_cases("sm2")
ENVELOPE = crypto_cases("envelope")


def cid(paths: List[pathlib.Path]) -> List[str]:
    return [p.parent.name for p in paths]


@pytest.mark.parametrize("p", SM3, ids=cid(SM3))
def test_sm3(p: pathlib.Path) -> None:
    c = load(p)
    assert envelope.sm3(bytes.fromhex(c["msg_hex"])).hex() == c["digest_hex"]


@pytest.mark.parametrize("p", HMAC_SM3, ids=cid(HMAC_SM3))
def test_hmac_sm3(p: pathlib.Path) -> None:
    c = load(p)
    mac = envelope.hmac_sm3(bytes.fromhex(c["key_hex"]), bytes.fromhex(c["msg_hex"]))
    assert mac.hex() == c["mac_hex"]


@pytest.mark.parametrize("p", SM4, ids=cid(SM4))
def test_sm4(p: pathlib.Path) -> None:
    c = load(p)
    key, plain = bytes.fromhex(c["key_hex"]), bytes.fromhex(c["plain_hex"])
    if c["kind"] == "block":
        out = envelope.sm4_encrypt_block(key, plain, c["iterations"])
        assert out.hex() == c["cipher_hex"]
    else:
        assert c["kind"] == "ecb_pkcs7"
        ct = envelope.sm4_encrypt_ecb(key, plain)
        assert ct.hex() == c["cipher_hex"]
        assert envelope.sm4_decrypt_ecb(key, ct) == plain


@pytest.mark.parametrize("p", SM2, ids=cid(SM2))
def test_sm2(p: pathlib.Path) -> None:
    c = load(p)
    kind = c["kind"]
    if kind in ("decrypt", "encrypt_fixed_k"):
        # Fixed-k encryption is a core test hook; through the public API the annex
        # ciphertext must decrypt to the annex message in its mode.
        ct = bytes.fromhex(c["cipher_hex"])
        msg = envelope.sm2_decrypt(c["private_key_hex"], ct, c["mode"])
        assert msg.hex() == c["msg_hex"]
        other = "c1c2c3" if c["mode"] == "c1c3c2" else "c1c3c2"
        with pytest.raises(cnvision.CryptoError):
            envelope.sm2_decrypt(c["private_key_hex"], ct, other)
        if kind == "encrypt_fixed_k":
            fresh = envelope.sm2_encrypt(c["public_key"], bytes.fromhex(c["msg_hex"]), c["mode"])
            assert envelope.sm2_decrypt(c["private_key_hex"], fresh, c["mode"]).hex() == c["msg_hex"]
    elif kind == "parse_public_key":
        if "expect_error" in c:
            with pytest.raises(cnvision.Error) as info:
                envelope.sm2_public_key_sec1(c["text"])
            assert info.value.kind == c["expect_error"]
        else:
            assert envelope.sm2_public_key_sec1(c["text"]).hex() == c["sec1_hex"]
    else:
        raise AssertionError(f"unknown sm2 case kind {kind}")


@pytest.mark.parametrize("p", ENVELOPE, ids=cid(ENVELOPE))
def test_envelope(p: pathlib.Path) -> None:
    c = load(p)
    sealed = c["sealed"].encode("utf-8")
    if c["kind"] == "request":
        if "expect_error" in c:
            with pytest.raises(cnvision.Error) as info:
                envelope.open_request(sealed, c["private_key_hex"], c["mode"])
            assert info.value.kind == c["expect_error"]
            assert info.value.provider_code == c["expect_code"]
            return
        plain, keys = envelope.open_request(sealed, c["private_key_hex"], c["mode"])
        assert plain == base64.b64decode(c["plain_b64"])
        assert keys.sm4_key.hex() == c["sm4_key_hex"]
        assert keys.hmac_key.hex() == c["hmac_key_hex"]
        # And our own seal for the same key opens to the same body with the same keys.
        body, keys2 = envelope.seal(plain, c["public_key"], c["mode"], keys)
        plain2, keys3 = envelope.open_request(body, c["private_key_hex"], c["mode"])
        assert plain2 == plain and keys3.sm4_key == keys.sm4_key
    else:
        assert c["kind"] == "response"
        keys = envelope.SessionKeys(bytes.fromhex(c["sm4_key_hex"]), bytes.fromhex(c["hmac_key_hex"]))
        if "expect_error" in c:
            with pytest.raises(cnvision.Error) as info:
                envelope.open(sealed, keys)
            assert info.value.kind == c["expect_error"]
            return
        plain = base64.b64decode(c["plain_b64"])
        assert envelope.open(sealed, keys) == plain
        if "encryptedResult" in json.loads(sealed):
            ours = json.loads(envelope.seal_response(plain, keys))
            assert ours == json.loads(sealed)


def test_every_vector_directory_is_checked() -> None:
    checked = {"eop", "ctyun_md5", "ctyun_hmac", "apig", "sm2", "sm3", "sm4", "hmac_sm3", "envelope"}
    present = {p.name for p in VECTORS.iterdir() if p.is_dir()}
    assert present <= checked, f"vector sets without a Python check: {present - checked}"
