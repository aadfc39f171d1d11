//! Error and success bodies in each gateway's documented shape.
//!
//! - CTyun EOP (manuals 000/002): `{"statusCode": n, "message": "error", "details": text,
//!   "error": "AI_OP_n"}` with HTTP 200 for business errors; gateway errors (signature,
//!   appkey, unknown URL) carry the global code (10020, 40002, ...) with a 4xx status;
//!   codes documented only by name (`CTAPI_0009`) are that name in both fields.
//! - CTyun `/v1/aiop/api` (manual 001): `{"code": n, "message": "error", "details": text}`.
//! - CTyun 2019 (manual 003): `{"code": n, "message": text}`.
//! - Huawei image (manual 004 §7.2): `{"error_code": "AIS.0014", "error_msg": text}` with
//!   the documented HTTP status.
//! - Huawei IAM: `{"error": {"code": status, "message": text, "title": reason}}`.

use crate::http::Response;
use cnvision::catalog::Gateway;
use serde_json::json;

/// A provider error code with its text and HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// As the manual writes it (`AI_OP_4003`, `4003`, `APIG.0301`).
    pub code: String,
    pub message: String,
    pub http_status: u16,
}

impl Code {
    pub fn new(code: &str, message: &str, http_status: u16) -> Code {
        Code {
            code: code.to_string(),
            message: message.to_string(),
            http_status,
        }
    }
}

/// The numeric part of a CTyun code (`AI_OP_4003` → 4003); 0 when there is none.
pub fn numeric(code: &str) -> i64 {
    let digits: String = code.chars().skip_while(|c| !c.is_ascii_digit()).collect();
    digits.parse().unwrap_or(0)
}

/// The error body for `gateway`. `details` adds the specific reason where the shape has room.
pub fn error(gateway: Gateway, code: &Code, details: &str, request_id: &str) -> Response {
    let body = match gateway {
        Gateway::CtyunEop => {
            let n = numeric(&code.code);
            // `statusCode` carries the number, `error` the `AI_OP_n` name (manual 002
            // examples). Codes documented only by a name (`CTAPI_0009`) have no number:
            // they go in both fields as written.
            let named =
                !code.code.starts_with("AI_OP") && !code.code.bytes().all(|b| b.is_ascii_digit());
            let error = if named || (n >= 10000 && !code.code.starts_with("AI_OP")) {
                code.code.clone()
            } else {
                format!("AI_OP_{n}")
            };
            let status_code = if named { json!(code.code) } else { json!(n) };
            json!({
                "statusCode": status_code,
                "message": if (10000..100000).contains(&n) { code.message.as_str() } else { "error" },
                "details": if details.is_empty() { code.message.clone() } else { format!("{}: {details}", code.message) },
                "error": error,
            })
        }
        Gateway::CtyunAiop => json!({
            "code": numeric(&code.code),
            "message": "error",
            "details": if details.is_empty() { code.message.clone() } else { format!("{}: {details}", code.message) },
        }),
        Gateway::Ctyun2019 => json!({
            "code": numeric(&code.code),
            "message": if details.is_empty() { code.message.clone() } else { format!("{}: {details}", code.message) },
        }),
        // APIG answers its own errors (throttle, unknown API) in front of IAM too.
        Gateway::HuaweiIam if code.code.starts_with("APIG.") || code.code.starts_with("AIP.") => {
            json!({
                "error_code": code.code,
                "error_msg": code.message,
            })
        }
        Gateway::HuaweiImage => json!({
            "error_code": code.code,
            "error_msg": if details.is_empty() { code.message.clone() } else { format!("{}: {details}", code.message) },
        }),
        Gateway::HuaweiIam => json!({
            "error": { "code": code.http_status, "message": code.message, "title": code.code },
        }),
    };
    with_request_id(gateway, Response::json(code.http_status, &body), request_id)
}

/// Adds the gateway's request-id response header.
pub fn with_request_id(gateway: Gateway, resp: Response, request_id: &str) -> Response {
    match gateway {
        Gateway::CtyunEop => resp.with_header("ctyun-eop-request-id", request_id),
        Gateway::HuaweiImage | Gateway::HuaweiIam => resp.with_header("X-Request-Id", request_id),
        Gateway::CtyunAiop | Gateway::Ctyun2019 => resp.with_header("X-Request-Id", request_id),
    }
}

/// Body of an injected 5xx fault.
pub fn internal(gateway: Gateway, status: u16) -> Code {
    match gateway {
        Gateway::CtyunEop => Code::new("50000", "服务内部错误", status),
        Gateway::CtyunAiop => Code::new("5000", "服务接口异常，请联系管理员", status),
        Gateway::Ctyun2019 => Code::new("5001", "服务接口异常,请联系管理员", status),
        Gateway::HuaweiImage => Code::new(
            "AIP.0500",
            "Failed to complete the request because of an internal service error.",
            status,
        ),
        Gateway::HuaweiIam => Code::new("Internal Server Error", "internal error", status),
    }
}
