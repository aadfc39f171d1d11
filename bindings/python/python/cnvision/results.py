"""Typed call results: one frozen dataclass per result type of the Rust typed API
(``cnvision::api``), with the same field names and types.

``Result.data`` of every operation is one of these (or a list of them); the type of
each operation is in its method's annotation (``Result[List[Detection]]``). The core
parses the response and serializes the typed value (``Result.typed_json``);
:func:`from_json` only converts that JSON to these classes:

- Rust ``Option<T>`` is ``Optional[T]``, ``Vec<T>`` is ``List[T]``, ``[f64; 3]`` is
  ``Tuple[float, float, float]``, ``Vec<u8>`` is ``bytes`` (base64 in the JSON);
- Rust enums are ``enum.Enum`` classes whose values are the snake_case variant names
  (``IdentityCheck("valid") is IdentityCheck.VALID``; the verbatim text behind ``OTHER``/``UNKNOWN``
  is in ``Result.payload``);
- a Rust field named like a Python keyword gets a trailing underscore (``class_``).

Python 3.8 compatible: annotations use ``typing`` generics.
"""

import base64
import builtins
import dataclasses
import enum
import keyword
from typing import (
    Any,
    Dict,
    List,
    Literal,
    Optional,
    Tuple,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from ._errors import ProtocolError

__all__ = [
    "from_json",
    "json_name",
    "Rect",
    "Detection",
    "FaceQuality",
    "ActionCheck",
    "EventScore",
    "FenceResult",
    "DetectedFace",
    "FaceDetection",
    "FaceAttributes",
    "AgeGender",
    "FaceComparison",
    "LivenessVerdict",
    "LivenessFace",
    "SilentLiveness",
    "IdentityCheck",
    "PortraitCheck",
    "RealNameVerification",
    "ActionLiveness",
    "DetectedFace2019",
    "ImageFaces",
    "AnalysedFace",
    "ImageAnalysis",
    "PairComparison",
    "I18n",
    "HuaweiBox",
    "TagInstance",
    "Tag",
    "Tags",
    "FaceDetail",
    "Celebrity",
    "MainObject",
    "RecaptureSuggestion",
    "LabelScore",
    "Recapture",
    "ProcessedImage",
    "BackgroundMusic",
    "IamTokenGrant",
    "Project",
]

# ---- shared -----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in image pixels."""

    left: float
    top: float
    width: float
    height: float


# ---- CTyun safety production (manuals 000, 001) --------------------------------------


@dataclasses.dataclass(frozen=True)
class Detection:
    """One detected object (hat, workwear, …)."""

    label: str
    """Class name, e.g. ``blue_hat``."""
    score: float
    """Confidence in [0, 1]."""
    bbox: List[float]
    """The box as sent: four pixel values (manual 000: top, left, bottom, right)."""


@dataclasses.dataclass(frozen=True)
class FaceQuality:
    """Face image quality: ``good``, ``medium`` or ``bad`` as the service words it."""

    quality: str


@dataclasses.dataclass(frozen=True)
class ActionCheck:
    """Outcome of an action-liveness image-sequence check (``fas_*``)."""

    action_detected: bool


@dataclasses.dataclass(frozen=True)
class EventScore:
    """Fall or fight probability in [0, 1] over an image series."""

    score: float


@dataclasses.dataclass(frozen=True)
class FenceResult:
    """People found inside the fence in one image."""

    target_num: int
    locations: List[Rect]


# ---- CTyun face recognition (manual 002) ---------------------------------------------


@dataclasses.dataclass(frozen=True)
class DetectedFace:
    """One face found by ``ctyun.face.detect``."""

    rect: Rect
    class_: Optional[str]
    """Class name (``face``); ``class`` in the JSON."""
    score: Optional[float]
    angles: Optional[Tuple[float, float, float]]
    """``(pitch, yaw, roll)`` in degrees, when requested."""
    landmarks: List[float]


@dataclasses.dataclass(frozen=True)
class FaceDetection:
    faces: List[DetectedFace]


@dataclasses.dataclass(frozen=True)
class FaceAttributes:
    """Age (years) and gender (``Male``/``Female``) of one face."""

    age: Optional[int]
    gender: str
    location: Rect


@dataclasses.dataclass(frozen=True)
class AgeGender:
    faces: List[FaceAttributes]


@dataclasses.dataclass(frozen=True)
class FaceComparison:
    """Similarity in [0, 1] of the central faces of two images."""

    score: float
    rect_a: List[float]
    rect_b: List[float]
    landmarks_a: List[float]
    landmarks_b: List[float]



class LivenessVerdict(enum.Enum):
    """Silent-liveness verdict (``OTHER``: any other text, verbatim in ``payload``)."""

    LIVE = "live"
    SPOOF = "spoof"
    UNCLEAR = "unclear"
    OTHER = "other"


@dataclasses.dataclass(frozen=True)
class LivenessFace:
    verdict: LivenessVerdict
    location: Rect


@dataclasses.dataclass(frozen=True)
class SilentLiveness:
    faces: List[LivenessFace]



class IdentityCheck(enum.Enum):
    """First ``resStr`` character: name and ID number check (manual 002)."""

    VALID = "valid"
    INVALID = "invalid"
    PARAMETER_FORMAT = "parameter_format"
    SYSTEM_ERROR = "system_error"
    CROSS_NETWORK_TIMEOUT = "cross_network_timeout"
    INTERNAL_CALL_ERROR = "internal_call_error"
    INTERNAL_TIMEOUT = "internal_timeout"
    NOT_EXECUTED = "not_executed"
    UNKNOWN = "unknown"


class PortraitCheck(enum.Enum):
    """Second ``resStr`` character: portrait against the record photo (manual 002)."""

    SAME_PERSON = "same_person"
    DIFFERENT_PERSON = "different_person"
    PROBABLY_SAME_PERSON = "probably_same_person"
    DATABASE_ERROR = "database_error"
    COMPARISON_ERROR = "comparison_error"
    ID_NUMBER_INVALID = "id_number_invalid"
    NO_RECORD_PHOTO = "no_record_photo"
    NOT_JPEG = "not_jpeg"
    MODELLING_FAILED = "modelling_failed"
    POOR_QUALITY = "poor_quality"
    PHOTO_TOO_SMALL = "photo_too_small"
    POOR_RECORD_PHOTO = "poor_record_photo"
    ENGINE_TIMEOUT = "engine_timeout"
    OTHER = "other"
    NOT_EXECUTED = "not_executed"
    UNKNOWN = "unknown"


@dataclasses.dataclass(frozen=True)
class RealNameVerification:
    """Real-name verification with ``resStr`` decoded into ``identity``/``portrait``."""

    cert_token: Optional[str]
    res_str: str
    identity: IdentityCheck
    portrait: PortraitCheck
    message: Optional[str]


@dataclasses.dataclass(frozen=True)
class ActionLiveness:
    """Which actions the video shows (``valid``: the requested one, live)."""

    valid: bool
    eye: bool
    mouth: bool
    face_left: bool
    face_right: bool
    face_updown: bool


# ---- CTyun 2019 face API (manual 003) ------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DetectedFace2019:
    probability: Optional[float]
    location: Rect


@dataclasses.dataclass(frozen=True)
class ImageFaces:
    """``detect`` result of one image (``pic_quality`` 0 = meets the requirements)."""

    pic_quality: int
    faces: List[DetectedFace2019]


@dataclasses.dataclass(frozen=True)
class AnalysedFace:
    age: Optional[int]
    gender: str
    location: Rect


@dataclasses.dataclass(frozen=True)
class ImageAnalysis:
    pic_quality: int
    faces: List[AnalysedFace]


@dataclasses.dataclass(frozen=True)
class PairComparison:
    """``confidence`` 0–100 (None when a face is missing)."""

    confidence: Optional[float]
    same_person: bool
    pic_quality: int


# ---- Huawei Cloud image recognition (manual 004) ---------------------------------------


@dataclasses.dataclass(frozen=True)
class I18n:
    zh: str
    en: str


@dataclasses.dataclass(frozen=True)
class HuaweiBox:
    top_left_x: float
    top_left_y: float
    width: float
    height: float


@dataclasses.dataclass(frozen=True)
class TagInstance:
    confidence: float
    bounding_box: HuaweiBox


@dataclasses.dataclass(frozen=True)
class Tag:
    """One tag; ``confidence`` 0–100."""

    tag: str
    kind: str
    confidence: float
    i18n_tag: Optional[I18n]
    i18n_type: Optional[I18n]
    instances: List[TagInstance]


@dataclasses.dataclass(frozen=True)
class Tags:
    tags: List[Tag]


@dataclasses.dataclass(frozen=True)
class FaceDetail:
    x: float
    y: float
    w: float
    h: float


@dataclasses.dataclass(frozen=True)
class Celebrity:
    """``confidence`` 0–1."""

    label: str
    confidence: float
    face_detail: FaceDetail


@dataclasses.dataclass(frozen=True)
class MainObject:
    """``confidence`` 0–100."""

    label: str
    confidence: float
    location: HuaweiBox



class RecaptureSuggestion(enum.Enum):
    """Recapture verdict (``GENUINE``: not recaptured; ``OTHER``: verbatim in ``payload``)."""

    GENUINE = "genuine"
    RECAPTURED = "recaptured"
    UNCERTAIN = "uncertain"
    OTHER = "other"


@dataclasses.dataclass(frozen=True)
class LabelScore:
    label: str
    confidence: float


@dataclasses.dataclass(frozen=True)
class Recapture:
    suggestion: RecaptureSuggestion
    category: str
    score: Optional[float]
    detail: List[LabelScore]


@dataclasses.dataclass(frozen=True)
class ProcessedImage:
    """A processed image (usually JPEG)."""

    bytes: builtins.bytes


@dataclasses.dataclass(frozen=True)
class BackgroundMusic:
    audio_name: str


@dataclasses.dataclass(frozen=True)
class IamTokenGrant:
    """A project-scoped IAM token (secret: left out of ``repr``)."""

    token: str = dataclasses.field(repr=False)
    expires_at: Optional[str] = None


@dataclasses.dataclass(frozen=True)
class Project:
    id: str
    name: str
    domain_id: str
    enabled: Optional[bool]


# ---- JSON → dataclasses ---------------------------------------------------------------


def json_name(field_name: str) -> str:
    """The JSON key of a dataclass field: the name without the trailing ``_`` that a
    Python keyword gets (``class_`` → ``class``)."""
    bare = field_name[:-1] if field_name.endswith("_") else field_name
    return bare if keyword.iskeyword(bare) else field_name


def _fail(path: str, expected: str, value: Any) -> ProtocolError:
    return ProtocolError(f"{path}: expected {expected}, got {value!r:.80}")


def from_json(tp: Any, value: Any, path: str = "result") -> Any:
    """Converts ``value`` (the core's typed JSON) to ``tp`` (a class of this module,
    ``List[...]``, ``Optional[...]``, ``Tuple[...]``, ``Literal[...]`` or a scalar).
    Raises ``ProtocolError`` naming the path when the JSON does not fit."""
    origin = get_origin(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(value, dict):
            raise _fail(path, tp.__name__, value)
        fields = dataclasses.fields(tp)
        names = {json_name(f.name): f for f in fields}
        if set(value) != set(names):
            raise ProtocolError(
                f"{path}: {tp.__name__} fields {sorted(names)} != JSON keys {sorted(value)}"
            )
        hints = _hints(tp)
        kwargs: Dict[str, Any] = {
            f.name: from_json(hints[f.name], value[key], f"{path}.{key}")
            for key, f in names.items()
        }
        return tp(**kwargs)
    if origin is Union:
        args = [a for a in get_args(tp) if a is not type(None)]
        if value is None:
            return None
        if len(args) != 1:
            raise TypeError(f"unsupported union {tp!r}")
        return from_json(args[0], value, path)
    if origin in (list, List):
        if not isinstance(value, list):
            raise _fail(path, "a list", value)
        (item,) = get_args(tp)
        return [from_json(item, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if origin in (tuple, Tuple):
        items = get_args(tp)
        if not isinstance(value, list) or len(value) != len(items):
            raise _fail(path, f"{len(items)} values", value)
        return tuple(from_json(t, v, f"{path}[{i}]") for i, (t, v) in enumerate(zip(items, value)))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except ValueError:
            raise _fail(path, f"a {tp.__name__} value", value) from None
    if origin is Literal:
        if value not in get_args(tp):
            raise _fail(path, f"one of {get_args(tp)}", value)
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(path, "a number", value)
        return float(value)
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(path, "an integer", value)
        return value
    if tp is builtins.bytes:
        if not isinstance(value, str):
            raise _fail(path, "base64 text", value)
        return base64.b64decode(value, validate=True)
    if tp in (str, bool):
        if not isinstance(value, tp):
            raise _fail(path, tp.__name__, value)
        return value
    if tp is Any:
        return value
    raise TypeError(f"unsupported result type {tp!r}")


_HINTS: Dict[type, Dict[str, Any]] = {}


def _hints(cls: type) -> Dict[str, Any]:
    """Field annotations of ``cls``, resolved once (``typing.get_type_hints``)."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = get_type_hints(cls)
        _HINTS[cls] = hints
    return hints
