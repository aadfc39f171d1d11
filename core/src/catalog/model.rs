//! The shape of a catalog entry. Entries are `'static` data; serde exports them as JSON.

use crate::error::ErrorKind;
use serde::Serialize;

/// Which gateway (base URL family) serves an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gateway {
    /// `https://ai-global.ctapi.ctyun.cn` — EOP signature + `appkey` (manuals 000, 002).
    CtyunEop,
    /// `https://ai.ctyun.cn/v1/aiop/api/{service_code}/...` — `Sign` MD5 (manual 001).
    CtyunAiop,
    /// `https://ai.ctyun.cn` 2019 face API — `Authorization: CTYUN` (manual 003).
    Ctyun2019,
    /// `https://image.{region}.myhuaweicloud.com` — IAM token or APIG AK/SK (manual 004).
    HuaweiImage,
    /// `https://iam.{region}.myhuaweicloud.com` — token and project look-ups (manual 004).
    HuaweiIam,
}

impl Gateway {
    /// Default base URL; `{region}` is filled from the client configuration.
    pub fn default_base_url(self) -> &'static str {
        match self {
            Gateway::CtyunEop => "https://ai-global.ctapi.ctyun.cn",
            Gateway::CtyunAiop | Gateway::Ctyun2019 => "https://ai.ctyun.cn",
            Gateway::HuaweiImage => "https://image.{region}.myhuaweicloud.com",
            Gateway::HuaweiIam => "https://iam.{region}.myhuaweicloud.com",
        }
    }
}

/// How a request is authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthScheme {
    /// CTyun EOP (`Eop-Authorization`).
    Eop,
    /// CTyun `Sign` = MD5(AppKey + AppSecret + Timestamp + Path + Body).
    CtyunMd5,
    /// CTyun `Authorization: CTYUN <AppKey>:<sig>`.
    CtyunHmac,
    /// Huawei: IAM token (`X-Auth-Token`) or AK/SK APIG signature, per client configuration.
    Huawei,
    /// No authentication (the IAM token request itself carries a password).
    None,
}

/// HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// Client-side rate-limit group, with the documented default QPS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QpsGroup {
    /// CTyun safety production: 5 QPS.
    Safety,
    /// CTyun face: 10 QPS.
    Face,
    /// CTyun video action liveness (ActionFas): 1 QPS.
    VideoLiveness,
    /// Huawei image recognition: no documented client limit.
    Huawei,
    /// CTyun 2019 face API (manual 003): "请求频率暂时没有具体限制", no documented limit.
    Ctyun2019,
}

impl QpsGroup {
    /// Documented default queries per second; `None` = not limited by default.
    pub fn default_qps(self) -> Option<f64> {
        match self {
            QpsGroup::Safety => Some(5.0),
            QpsGroup::Face => Some(10.0),
            QpsGroup::VideoLiveness => Some(1.0),
            QpsGroup::Huawei | QpsGroup::Ctyun2019 => None,
        }
    }
}

/// Media container/format, recognised by magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaFormat {
    Jpeg,
    Png,
    Bmp,
    Gif,
    Webp,
    Tiff,
    Mp4,
    Mov,
    Avi,
    Mp3,
    Wav,
}

/// What a field holds and how it is put on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "of")]
pub enum FieldKind {
    /// One image, sent as base64 text.
    Image,
    /// A JSON array of base64 images.
    ImageList,
    /// Numbered fields `{prefix}1{suffix}` … `{prefix}N{suffix}`, each a base64 image.
    ImageSequence {
        prefix: &'static str,
        suffix: &'static str,
    },
    /// One video (or audio clip), base64 text.
    Video,
    /// A URL the provider fetches.
    Url,
    /// A JSON array whose items are URLs or `data:application/octet-stream;base64,` URIs.
    UrlOrDataUriList,
    /// Free text.
    Text,
    /// Whole number.
    Integer,
    /// Real number.
    Number,
    /// true/false.
    Bool,
    /// One of the listed strings.
    Enum(&'static [&'static str]),
    /// Polygon: JSON array of `[x, y]` points in image pixels.
    Polygon,
    /// Polygon sent as ONE string `"x1,y1,x2,y2,…"` of image-pixel coordinates
    /// (manual 001 `area`); `min_count`/`max_count` count points.
    PolygonText,
    /// A JSON array of `[a, b]` pairs, each item a URL or a
    /// `data:application/octet-stream;base64,` URI (manual 003 compare);
    /// `min_count`/`max_count` count pairs, per-item limits apply to each image.
    UrlOrDataUriPairs,
}

/// Text patterns with their own validator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextPattern {
    /// Chinese resident ID number: 18 characters, GB 11643 check digit.
    ChineseIdNumber,
    /// Digits only.
    Digits,
}

/// Documented limits of one field. Unset = not limited. Sizes are bytes of the raw
/// (decoded) media unless named `encoded`, which counts the base64 text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Limits {
    pub formats: &'static [MediaFormat],
    pub min_bytes: Option<u64>,
    pub max_bytes: Option<u64>,
    pub max_encoded_bytes: Option<u64>,
    /// Limit on the sum of all items of a list/sequence field, raw bytes.
    pub max_total_bytes: Option<u64>,
    /// Limit on the sum of all items of a list/sequence field, counted as base64 text.
    pub max_total_encoded_bytes: Option<u64>,
    pub min_width: Option<u32>,
    pub min_height: Option<u32>,
    pub max_width: Option<u32>,
    pub max_height: Option<u32>,
    /// Shortest side ≥ this (pixels).
    pub min_side: Option<u32>,
    /// Longest side ≤ this (pixels).
    pub max_side: Option<u32>,
    /// Items of a list/sequence, or points of a polygon.
    pub min_count: Option<u32>,
    pub max_count: Option<u32>,
    pub min_value: Option<f64>,
    pub max_value: Option<f64>,
    /// Characters of a text field.
    pub min_len: Option<u32>,
    pub max_len: Option<u32>,
    pub pattern: Option<TextPattern>,
    /// Video duration in milliseconds.
    pub min_duration_ms: Option<u32>,
    pub max_duration_ms: Option<u32>,
    /// Video frame rate.
    pub min_fps: Option<f64>,
    pub max_fps: Option<f64>,
}

impl Limits {
    /// No limits; use as `Limits { max_bytes: Some(..), ..Limits::NONE }`.
    pub const NONE: Limits = Limits {
        formats: &[],
        min_bytes: None,
        max_bytes: None,
        max_encoded_bytes: None,
        max_total_bytes: None,
        max_total_encoded_bytes: None,
        min_width: None,
        min_height: None,
        max_width: None,
        max_height: None,
        min_side: None,
        max_side: None,
        min_count: None,
        max_count: None,
        min_value: None,
        max_value: None,
        min_len: None,
        max_len: None,
        pattern: None,
        min_duration_ms: None,
        max_duration_ms: None,
        min_fps: None,
        max_fps: None,
    };
}

/// One input field of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Field {
    /// Name on the wire (JSON key or query parameter). A name starting with `/` is an
    /// RFC 6901 JSON pointer into a nested body (e.g. `huawei.iam.token`'s
    /// `/auth/identity/password/user/name`); objects on the way are created.
    pub name: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    /// Value sent when the caller gives none, as JSON text (e.g. `"\"DetectFace\""`).
    pub default: Option<&'static str>,
    /// Where the field goes.
    pub location: Location,
    pub limits: Limits,
    pub doc: &'static str,
}

/// Where a field is carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    Body,
    Query,
    /// Fills a `{name}` hole in the path.
    Path,
}

/// A documented provider error code and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ServiceError {
    pub code: &'static str,
    pub meaning: &'static str,
    /// How cnvision classifies it (RateLimited, Authentication, InvalidInput, Service…).
    pub kind: ErrorKind,
}

/// One remote operation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Operation {
    /// Stable id, `provider.product.operation`, e.g. `ctyun.safety.hat_detect`.
    pub id: &'static str,
    pub summary: &'static str,
    pub gateway: Gateway,
    pub auth: AuthScheme,
    pub method: Method,
    /// Path with `{project_id}` / `{service_code}` holes.
    pub path: &'static str,
    /// Fixed extra headers, e.g. `("version", "v3")`.
    pub headers: &'static [(&'static str, &'static str)],
    pub fields: &'static [Field],
    /// Groups of field names of which exactly one must be given (e.g. `image` | `url`).
    pub one_of: &'static [&'static [&'static str]],
    /// The CTyun `decrypted: true` envelope may be used.
    pub envelope: bool,
    pub qps: QpsGroup,
    pub errors: &'static [ServiceError],
    /// JSON pointers (into the whole response body) of base64 images to decode to bytes.
    pub binary_results: &'static [&'static str],
    pub deprecated: bool,
    /// Where the manual documents it, e.g. `000 §4.3.1`.
    pub manual: &'static str,
    /// The documented success response as JSON text (the manual's example, or a
    /// faithful reconstruction from its field table). The emulator answers with it.
    pub response_example: &'static str,
}

impl Operation {
    /// A field by wire name.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The documented meaning of a provider error code.
    pub fn error(&self, code: &str) -> Option<&'static ServiceError> {
        self.errors.iter().find(|e| e.code == code)
    }
}
