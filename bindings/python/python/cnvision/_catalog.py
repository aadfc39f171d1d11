"""The operation catalog (the core's single source of truth), as Python data."""

import json
import re
from typing import Any, Dict, List

from . import _native

__all__ = ["catalog", "operation", "python_name", "method_name"]

# Parsed once at import; the catalog is static data compiled into the native module.
_BY_ID: Dict[str, Dict[str, Any]] = {op["id"]: op for op in json.loads(_native.catalog_json())}


def catalog() -> List[Dict[str, Any]]:
    """Every operation as the core exports it (``cnvision::catalog::to_json``), in
    catalog order; a fresh copy the caller may modify."""
    result: List[Dict[str, Any]] = json.loads(_native.catalog_json())
    return result


def operation(op_id: str) -> Dict[str, Any]:
    """The catalog entry of ``op_id`` (KeyError if unknown). Do not modify it."""
    return _BY_ID[op_id]


def _snake(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return name.lower()


def python_name(field: Dict[str, Any]) -> str:
    """The keyword argument of a field: snake_case of its wire name; ``frames`` for a
    numbered image sequence; the last two segments of a JSON-pointer name."""
    if field["kind"]["type"] == "image_sequence":
        return "frames"
    name: str = field["name"]
    if name.startswith("/"):
        name = "_".join(name.strip("/").split("/")[-2:])
    return _snake(name)


def method_name(op_id: str) -> str:
    """The client method of an operation: its id with dots as underscores."""
    return op_id.replace(".", "_")
