"""Call results with attribute access.

``Result`` carries the call's metadata and its payload; ``Record`` wraps a JSON
object so that ``rec.face_num`` reads ``faceNum`` (snake_case falls back to the
camelCase key), ``rec["faceNum"]`` works too, and ``rec.raw`` is the plain dict.
"""

from typing import Any, Dict, Iterator, Mapping, Optional

__all__ = ["Record", "Result", "wrap"]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def wrap(value: Any) -> Any:
    """JSON value → Record / list of wrapped values / the scalar itself."""
    if isinstance(value, dict):
        return Record(value)
    if isinstance(value, list):
        return [wrap(v) for v in value]
    return value


class Record(Mapping[str, Any]):
    """A read-only JSON object with attribute access (``raw`` is the dict)."""

    __slots__ = ("_raw",)

    def __init__(self, raw: Dict[str, Any]) -> None:
        self._raw = raw

    @property
    def raw(self) -> Dict[str, Any]:
        """The JSON object as a plain dict."""
        return self._raw

    def __getattr__(self, name: str) -> Any:
        raw = self._raw
        for key in (name, _camel(name), _camel(name)[:1].upper() + _camel(name)[1:]):
            if key in raw:
                return wrap(raw[key])
        raise AttributeError(f"no field {name!r} (fields: {', '.join(raw)})")

    def __getitem__(self, key: str) -> Any:
        return wrap(self._raw[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __repr__(self) -> str:
        return f"Record({self._raw!r})"


class Result:
    """A successful call.

    - ``data``: the normalized payload (``returnObj`` / ``result`` / ``data``; the
      whole body for Huawei) as Record / list / scalar;
    - ``raw``: the whole response JSON (decrypted when the envelope was used);
    - ``binaries``: decoded images of the operation's binary results, by JSON pointer;
    - ``operation``, ``http_status``, ``request_id``, ``provider_code``, ``message``.

    Attributes not found on the Result are looked up on ``data`` when it is a Record.
    """

    __slots__ = (
        "operation",
        "http_status",
        "request_id",
        "provider_code",
        "message",
        "raw",
        "binaries",
        "subject_token",
        "_payload",
    )

    def __init__(self, native: Any) -> None:
        self.operation: str = native.operation
        self.http_status: int = native.http_status
        self.request_id: Optional[str] = native.request_id
        self.provider_code: Optional[str] = native.provider_code
        self.message: Optional[str] = native.message
        self.raw: Dict[str, Any] = native.body
        self.binaries: Dict[str, bytes] = native.binaries
        #: ``huawei.iam.token`` only: the token (secret: do not log).
        self.subject_token: Optional[str] = native.subject_token
        self._payload: Any = native.result

    @property
    def data(self) -> Any:
        """The normalized payload, wrapped for attribute access."""
        return wrap(self._payload)

    @property
    def payload(self) -> Any:
        """The normalized payload as plain JSON values."""
        return self._payload

    def __getattr__(self, name: str) -> Any:
        data = wrap(self._payload)
        if isinstance(data, Record):
            return getattr(data, name)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return (
            f"Result(operation={self.operation!r}, http_status={self.http_status}, "
            f"request_id={self.request_id!r}, data={self._payload!r})"
        )


