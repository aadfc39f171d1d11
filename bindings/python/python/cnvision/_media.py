"""Turning Python media arguments into what the native call takes.

Media is ``bytes`` (also ``bytearray``/``memoryview``, copied once to ``bytes``), a
path (``str`` or ``os.PathLike``: handed to Rust as a path, so the file is read once,
there) or a binary file object (anything with ``read()``: read into ``bytes``).
For the URL-or-data-URI lists of the 2019 face API, ``str`` items are URLs (or data
URIs) sent as given, and ``bytes``/``pathlib.Path``/file items are sent as data URIs.
"""

import os
from typing import IO, Any, Dict, List, Tuple, Union

__all__ = ["Media", "split"]

Media = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]", IO[bytes]]

_SINGLE = {"image", "video"}
_LIST = {"image_list", "image_sequence"}


def _item(name: str, value: Any) -> Union[bytes, str]:
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        if not isinstance(path, str):
            raise TypeError(f"{name}: bytes paths are not supported; use str or pathlib.Path")
        return path
    read = getattr(value, "read", None)
    if callable(read):
        data = read()
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f"{name}: file object must be opened in binary mode")
        return bytes(data)
    raise TypeError(
        f"{name}: expected bytes, a path (str or os.PathLike) or a binary file object, "
        f"got {type(value).__name__}"
    )


def _uri_item(name: str, value: Any) -> Tuple[bool, Any]:
    """(is media, value) for one item of a URL-or-data-URI list."""
    if isinstance(value, str):
        return False, value
    return True, _item(name, value)


def split(
    field: Dict[str, Any], value: Any
) -> Tuple[Dict[str, Any], List[Tuple[str, Union[bytes, str]]]]:
    """Splits one argument into (params by wire name, media items) for its field."""
    kind = field["kind"]["type"]
    wire: str = field["name"]
    if kind in _SINGLE:
        return {}, [(wire, _item(wire, value))]
    if kind in _LIST:
        if isinstance(value, (bytes, bytearray, str)) or not hasattr(value, "__iter__"):
            raise TypeError(f"{wire}: expected a sequence of media items")
        return {}, [(wire, _item(f"{wire}[{i}]", v)) for i, v in enumerate(value)]
    if kind in ("url_or_data_uri_list", "url_or_data_uri_pairs"):
        pairs = kind == "url_or_data_uri_pairs"
        flat = [v for pair in value for v in pair] if pairs else list(value)
        items = [_uri_item(f"{wire}[{i}]", v) for i, v in enumerate(flat)]
        if all(not m for m, _ in items):
            return {wire: [list(p) for p in value] if pairs else flat}, []
        if all(m for m, _ in items):
            return {}, [(wire, v) for _, v in items]
        raise TypeError(
            f"{wire}: give every item as a URL string or every item as media "
            "(bytes, pathlib.Path or file), not a mix"
        )
    return {wire: value}, []
