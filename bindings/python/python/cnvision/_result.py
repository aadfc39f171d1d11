"""Call results.

``Result[T]`` carries the call's metadata and its typed result ``data`` (a
dataclass of :mod:`cnvision.results`, or a list of them). ``Record`` wraps a JSON
object so that ``rec.face_num`` reads ``faceNum`` (snake_case falls back to the
camelCase key), ``rec["faceNum"]`` works too, and ``rec.raw`` is the plain dict;
``Result.record`` is the untyped payload in that form.
"""

from typing import Any, Dict, Generic, Iterator, Mapping, Optional, TypeVar

from .results import from_json

__all__ = ["Record", "Result", "wrap"]

T = TypeVar("T")


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


class Result(Generic[T]):
    """A successful call.

    - ``data``: the typed result (``T``: a :mod:`cnvision.results` dataclass or a list
      of them, parsed by the Rust core; see each method's annotation);
    - ``typed_json``: the same as plain JSON values (Rust field names);
    - ``payload``: the normalized payload as sent (``returnObj`` / ``result`` /
      ``data``; the whole body for Huawei), plain JSON; ``record``: the same wrapped
      for attribute access (``Record``);
    - ``raw``: the whole response JSON (decrypted when the envelope was used);
    - ``binaries``: decoded images of the operation's binary results, by JSON pointer;
    - ``operation``, ``http_status``, ``request_id``, ``provider_code``, ``message``.

    Attributes not found on the Result are looked up on ``record`` when it is a
    Record (the untyped access of earlier versions).
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
        "typed_json",
        "data",
        "_payload",
    )

    def __init__(self, native: Any, result_type: Any) -> None:
        """``native``: a ``_native.Response``; ``result_type``: the type of ``data``."""
        self.operation: str = native.operation
        self.http_status: int = native.http_status
        self.request_id: Optional[str] = native.request_id
        self.provider_code: Optional[str] = native.provider_code
        self.message: Optional[str] = native.message
        self.raw: Dict[str, Any] = native.body
        self.binaries: Dict[str, bytes] = native.binaries
        #: ``huawei.iam.token`` only: the token (secret: do not log).
        self.subject_token: Optional[str] = native.subject_token
        self.typed_json: Any = native.typed
        self.data: T = from_json(result_type, native.typed)
        self._payload: Any = native.result

    @property
    def payload(self) -> Any:
        """The normalized payload as plain JSON values."""
        return self._payload

    @property
    def record(self) -> Any:
        """The normalized payload wrapped for attribute access (Record / list / scalar)."""
        return wrap(self._payload)

    def __getattr__(self, name: str) -> Any:
        data = wrap(self._payload)
        if isinstance(data, Record):
            return getattr(data, name)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return (
            f"Result(operation={self.operation!r}, http_status={self.http_status}, "
            f"request_id={self.request_id!r}, data={self.data!r})"
        )
