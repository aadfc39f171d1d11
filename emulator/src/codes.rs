//! Which documented code answers which failure.
//!
//! Parameter errors are looked up in the operation's own catalog entry by the
//! documented meaning (the manuals number them differently per operation: 4001,
//! 4201, AI_OP_400006, AIS.0011 ...), falling back to the gateway's general table.
//! Authentication errors come from each gateway's global table.

use crate::reply::Code;
use crate::verify::{AuthFailure, AuthFailureKind};
use cnvision::catalog::{Gateway, Operation};
use cnvision::ErrorKind;

/// A request-content failure, before or during parameter checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Body is not JSON.
    NotJson,
    /// Body is JSON but not an object.
    NotObject,
    Missing(String),
    WrongType(String),
    Empty(String),
    BadBase64(String),
    /// Enum value, numeric range, polygon shape, one-of conflict.
    BadValue(String),
    Format(String),
    Size(String),
    Dimensions(String),
    TooFew(String),
    TooMany(String),
    /// Frame `i` of an image sequence is missing.
    MissingFrame(u32),
    Duration(String),
    Fps(String),
    /// Polygon malformed or with a point count out of range.
    PolygonShape(String),
    /// Polygon point outside the image.
    PolygonBounds(String),
    /// Any other documented limit.
    Limit(String),
}

impl Rejection {
    /// Keywords of the documented meaning, most specific first.
    fn keywords(&self) -> &'static [&'static str] {
        match self {
            Rejection::NotJson => &[
                "json 解析",
                "解析错误",
                "请求数据格式",
                "could not be parsed",
                "格式错误",
                "请求体类型",
                "字典",
                "json",
                "参数格式",
            ],
            Rejection::NotObject => &[
                "字典",
                "请求体类型",
                "not a json object",
                "body 内容为空",
                "body",
                "json",
                "请求数据格式",
                "参数格式",
            ],
            Rejection::Missing(_) => &[
                "未传",
                "缺少",
                "未包含",
                "请求内容错误",
                "missing",
                "为空",
                "参数错误",
            ],
            Rejection::WrongType(_) => &[
                "字段类型",
                "类型错误",
                "仅支持 list",
                "参数格式",
                "格式错误",
                "参数错误",
                "not supported",
            ],
            Rejection::Empty(_) => &[
                "值为空",
                "为空",
                "未包含",
                "请求内容错误",
                "缺少",
                "empty",
                "参数错误",
            ],
            Rejection::BadBase64(_) => &["base64", "解码", "解析失败", "处理错误", "参数错误"],
            Rejection::BadValue(_) => &[
                "设置错误",
                "不符合规范",
                "参数格式",
                "不合法",
                "参数错误",
                "输入参数",
                "incorrect",
                "invalid",
            ],
            Rejection::Format(_) => &[
                "格式不合法",
                "格式不支持",
                "封装格式",
                "文件类型",
                "format",
                "解码失败",
                "图片解码",
                "解析失败",
                "参数错误",
            ],
            Rejection::Size(_) => &["大小", "数据量", "过大", "size", "参数错误"],
            Rejection::Dimensions(_) => &["尺寸", "分辨率", "resolution", "参数错误"],
            Rejection::TooFew(_) => &["至少", "数量", "不能为空", "大于", "参数错误"],
            Rejection::TooMany(_) => &["多于", "数量", "上限", "大于", "参数错误"],
            Rejection::MissingFrame(_) => &["第", "缺失", "数量", "参数错误"],
            Rejection::PolygonShape(_) => &["字符串不符合要求", "不符合要求", "参数错误"],
            Rejection::PolygonBounds(_) => &["超出图像范围", "超出", "参数错误"],
            Rejection::Duration(_) => &["时长", "参数错误"],
            Rejection::Fps(_) => &["帧率", "参数错误"],
            Rejection::Limit(_) => &["参数错误", "不符合", "不合法", "参数格式", "invalid"],
        }
    }

    /// Human-readable detail for the response.
    pub fn detail(&self) -> String {
        match self {
            Rejection::NotJson => "request body is not JSON".into(),
            Rejection::NotObject => "request body is not a JSON object".into(),
            Rejection::Missing(f) => format!("{f} is required"),
            Rejection::WrongType(f) => format!("{f} has the wrong type"),
            Rejection::Empty(f) => format!("{f} is empty"),
            Rejection::BadBase64(f) => format!("{f} is not valid base64"),
            Rejection::BadValue(f) => format!("{f} has an invalid value"),
            Rejection::Format(f) => format!("{f}: unsupported format"),
            Rejection::Size(f) => format!("{f}: size out of range"),
            Rejection::Dimensions(f) => format!("{f}: dimensions out of range"),
            Rejection::TooFew(f) => format!("{f}: too few items"),
            Rejection::TooMany(f) => format!("{f}: too many items"),
            Rejection::MissingFrame(i) => format!("frame {i} is missing"),
            Rejection::PolygonShape(f) => {
                format!("{f}: polygon malformed or point count out of range")
            }
            Rejection::PolygonBounds(f) => format!("{f}: polygon point outside the image"),
            Rejection::Duration(f) => format!("{f}: duration out of range"),
            Rejection::Fps(f) => format!("{f}: frame rate out of range"),
            Rejection::Limit(f) => f.clone(),
        }
    }
}

/// The documented code for `rejection` on `op`.
pub fn for_rejection(op: &Operation, rejection: &Rejection) -> Code {
    let status = default_status(op.gateway);
    // Body-shape failures are not the caller's values: Huawei lists them as service
    // errors (AIS.0014), so they come from the gateway table there.
    if op.gateway == Gateway::HuaweiImage
        && matches!(rejection, Rejection::NotJson | Rejection::NotObject)
    {
        return gateway_fallback(op.gateway, rejection);
    }
    // The caller's-value codes first, then the service codes (some manuals' tables
    // are classified Service although they describe the request, e.g. 4003 base64);
    // gateway-wide codes (10020, 50003, CTAPI_*) never answer a parameter failure.
    for kind in [ErrorKind::InvalidInput, ErrorKind::Service] {
        for kw in rejection.keywords() {
            let kw = kw.to_lowercase();
            if let Some(e) = op.errors.iter().find(|e| {
                e.kind == kind && !is_gateway_code(e.code) && e.meaning.to_lowercase().contains(&kw)
            }) {
                return Code::new(
                    e.code,
                    e.meaning,
                    huawei_status(op.gateway, e.code).unwrap_or(status),
                );
            }
        }
    }
    if let Some(e) = op.errors.iter().find(|e| e.kind == ErrorKind::InvalidInput) {
        return Code::new(
            e.code,
            e.meaning,
            huawei_status(op.gateway, e.code).unwrap_or(status),
        );
    }
    gateway_fallback(op.gateway, rejection)
}

/// CTyun gateway-wide codes: five or more bare digits (10020, 40008) or `CTAPI_*`.
fn is_gateway_code(code: &str) -> bool {
    (code.len() >= 5 && code.bytes().all(|b| b.is_ascii_digit())) || code.starts_with("CTAPI")
}

/// HTTP status of business errors: CTyun answers 200 with a non-zero code; Huawei 400.
fn default_status(gateway: Gateway) -> u16 {
    match gateway {
        Gateway::HuaweiImage | Gateway::HuaweiIam => 400,
        _ => 200,
    }
}

/// Huawei documents a few non-400 statuses (manual 004 §7.2).
fn huawei_status(gateway: Gateway, code: &str) -> Option<u16> {
    if gateway != Gateway::HuaweiImage {
        return None;
    }
    Some(match code {
        "AIP.0001" => 403,
        "AIP.0003" => 401,
        "AIP.0008" => 405,
        "AIP.0500" => 500,
        _ => 400,
    })
}

/// Codes from each gateway's general table when the operation lists none that fits.
fn gateway_fallback(gateway: Gateway, rejection: &Rejection) -> Code {
    use Rejection::*;
    match gateway {
        Gateway::HuaweiImage | Gateway::HuaweiIam => match rejection {
            NotJson | NotObject => Code::new(
                "AIS.0014",
                "The JSON format of the input data is incorrect.",
                400,
            ),
            Missing(_) | Empty(_) => Code::new(
                "AIS.0011",
                "The request parameter is missing or left empty.",
                400,
            ),
            BadBase64(_) => Code::new(
                "AIS.0015",
                "Base64 decoding of the input data is incorrect.",
                400,
            ),
            Format(_) => Code::new("AIS.0021", "The requested file type is not supported.", 400),
            Size(_) => Code::new(
                "AIS.0020",
                "The size of the request body exceeds the upper limit.",
                400,
            ),
            Dimensions(_) => Code::new(
                "AIS.0205",
                "The resolution of the image exceeds the upper limit.",
                400,
            ),
            _ => Code::new("AIS.0012", "The request parameter is not supported.", 400),
        },
        // Manual 001 §4.1 and manual 000 §4.3.1 share the 400x table.
        Gateway::CtyunAiop | Gateway::CtyunEop => match rejection {
            NotJson => Code::new("4006", "请求数据格式错误", 200),
            NotObject => Code::new("4005", "body内容为空", 200),
            Missing(_) | Empty(_) => Code::new("4001", "请求未包含图片", 200),
            Size(_) => Code::new("4002", "图片文件大小不符合要求", 200),
            _ => Code::new("4003", "base64 数据处理异常", 200),
        },
        // Manual 003 §4.1.2.
        Gateway::Ctyun2019 => match rejection {
            NotJson | NotObject | WrongType(_) => Code::new("4007", "请求 JSON 处理异常", 200),
            Missing(_) | Empty(_) => Code::new("4001", "请求未包含图片", 200),
            BadBase64(_) => Code::new("4006", "base64 数据处理异常", 200),
            Dimensions(_) => Code::new("4008", "图片分辨率不符合要求", 200),
            Size(_) => Code::new("4009", "图片文件大小不符合要求", 200),
            _ => Code::new("4002", "请求文件格式不支持", 200),
        },
    }
}

/// The documented code for an authentication failure on `gateway`.
pub fn for_auth(gateway: Gateway, failure: &AuthFailure) -> Code {
    use AuthFailureKind::*;
    match gateway {
        // Manual 000 §4.1.3 / 002: global gateway codes. The manuals give no HTTP
        // statuses; the emulator uses 401 (credentials) and 403 (appkey).
        Gateway::CtyunEop => {
            let (code, message) = match failure.kind {
                UnknownKey => ("10002", "生成签名时官网ak信息错误"),
                MissingAppKey => ("40002", "缺少appkey头"),
                BadAppKey => ("40006", "无效的appkey"),
                _ => ("10020", "签名错误"),
            };
            Code::new(code, message, eop_gateway_status(code))
        }
        // Manuals 001 and 003 document no authentication codes: HTTP 401 with code 401.
        Gateway::CtyunAiop => Code::new("401", "Sign 校验失败", 401),
        Gateway::Ctyun2019 => Code::new("401", "Authorization 校验失败", 401),
        // Manual 004 §7.2: APIG.0301 (token or AK/SK), AIP.0003 (project id in URL),
        // ModelArts.4101 (no token at all).
        Gateway::HuaweiImage => match failure.kind {
            WrongProject => Code::new("AIP.0003", "The request is unauthorized.", 401),
            Missing => Code::new("ModelArts.4101", "The token is empty.", 400),
            _ => Code::new(
                "APIG.0301",
                "Incorrect IAM authentication information: decrypt token fail, token expires, or verify aksk signature fail.",
                400,
            ),
        },
        Gateway::HuaweiIam => Code::new("Unauthorized", "The username or password is wrong.", 401),
    }
}

/// HTTP status of an EOP gateway-wide code (manual 000 §4.1.3 gives none; the
/// emulator's choice, also used by its own signature, appkey, method and URL checks):
/// credentials 401, authorisation and entitlement 403, method 405, URL 404, internal
/// 500; any other code is a business error, HTTP 200.
fn eop_gateway_status(code: &str) -> u16 {
    match code {
        "10002" | "10020" | "40002" => 401,
        "40006" | "40009" | "40010" | "50002" | "51001" | "51002" | "51003" => 403,
        "40008" => 405,
        "50003" => 404,
        "50000" | "50001" => 500,
        _ => 200,
    }
}

/// The answer to an injected `provider_error` fault: `code` with its documented
/// meaning for `op` (a generic text when `op` does not list it) and the HTTP status
/// the emulator gives that code everywhere else: Huawei per manual 004 §7.2 (unknown
/// API 404 as for an unknown path), CTyun gateway-wide codes per
/// [`eop_gateway_status`], rate-limit codes as [`for_throttle`], business codes 200.
pub fn for_injected(op: &Operation, code: &str) -> Code {
    let documented = op.error(code);
    let message = documented.map_or("injected provider error", |e| e.meaning);
    let status = match op.gateway {
        Gateway::HuaweiImage if code == "APIG.0101" => 404,
        Gateway::HuaweiImage | Gateway::HuaweiIam => {
            huawei_status(Gateway::HuaweiImage, code).unwrap_or(400)
        }
        _ if documented.is_some_and(|e| e.kind == ErrorKind::RateLimited) => 429,
        Gateway::CtyunEop => eop_gateway_status(code),
        Gateway::CtyunAiop | Gateway::Ctyun2019 => 200,
    };
    Code::new(code, message, status)
}

/// The throttle answer: the operation's documented rate-limit code if it has one,
/// else the gateway's (Huawei APIG.0308; CTyun documents no general code: 429).
pub fn for_throttle(op: &Operation) -> Code {
    if let Some(e) = op.errors.iter().find(|e| e.kind == ErrorKind::RateLimited) {
        let status = if op.gateway == Gateway::HuaweiImage {
            400
        } else {
            429
        };
        return Code::new(e.code, e.meaning, status);
    }
    match op.gateway {
        Gateway::HuaweiImage | Gateway::HuaweiIam => Code::new(
            "APIG.0308",
            "The request is sent too fast and exceeds the default rate limit of the service.",
            400,
        ),
        _ => Code::new("429", "请求过于频繁，已被限流", 429),
    }
}

/// Envelope failures, manual 002 §6.2.4 2.7.
pub fn for_envelope(kind: EnvelopeFailure) -> Code {
    match kind {
        EnvelopeFailure::Shape => Code::new("AI_OP_40017", "加密参数不符合要求", 200),
        EnvelopeFailure::Hash => Code::new(
            "AI_OP_40018",
            "ciphertextBlob哈希值不匹配/encryptedBody哈希值不匹配",
            200,
        ),
        EnvelopeFailure::Sm2 => Code::new("AI_OP_40019", "SM2解密失败", 200),
        EnvelopeFailure::Sm4 => Code::new("AI_OP_40020", "SM4加密失败/SM4解密失败", 200),
    }
}

/// Why an encrypted request could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvelopeFailure {
    Shape,
    Hash,
    Sm2,
    Sm4,
}
