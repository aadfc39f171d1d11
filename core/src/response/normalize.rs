//! One normalized view of every provider response shape the manuals use.
//!
//! Shapes accepted (INDEX.md, "Response shapes"):
//! - status in `statusCode` or `code` (preferred in that order), a number or a string;
//! - payload under `returnObj`, `result` or `data` (first present), else the whole body
//!   (real-name verification and the encrypted envelope put fields at the top level);
//! - text in `message`, `retMessage`, `msg`, `details`, `error_msg`;
//! - CTyun's error name in `error` (`"AI_OP_4003"`), Huawei's `error_code`/`error_msg`,
//!   Huawei IAM's nested `{"error": {"code", "message"}}`.
//!
//! Success rule (same for every provider, because each provider's documented
//! successes satisfy it and none of its documented failures do):
//! - the HTTP status is 2xx, and
//! - the status code, if present, is `0` or `200` (number or string), and
//! - there is no Huawei `error_code`, and, when no status code is present, no `error`.
//!
//! CTyun answers errors with HTTP 200 and a non-zero code; Huawei answers with 4xx/5xx
//! and `error_code`; both are failures here. A 2xx body that is not JSON is a Protocol
//! error; a non-2xx body that is not JSON (a proxy's HTML page) is classified by the
//! HTTP status alone.
//!
//! Failure classification, first match wins:
//! 1. the operation's documented codes (`Operation::errors`), looked up by status code,
//!    then CTyun error name, then Huawei `error_code`;
//! 2. known throttle codes ([`THROTTLE_CODES`]) → RateLimited;
//! 3. HTTP 429 → RateLimited; 401 and 403 → Authentication;
//! 4. anything else (5xx included) → Service.
//!
//! Every error carries the provider code, the HTTP status and the request id.

use crate::catalog::ServiceError;
use crate::error::{Error, ErrorKind, Result};
use crate::transport::HttpResponse;
use serde_json::Value;

/// Provider codes that mean "throttled" whatever the operation: CTyun's
/// `AI_OP_4010` (QPS limit reached) and Huawei APIG's `APIG.0308`/`APIGW.0308`.
pub const THROTTLE_CODES: &[&str] = &["AI_OP_4010", "APIG.0308", "APIGW.0308"];

/// Response headers that carry a request id, in order of preference.
pub const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "ctyun-eop-request-id",
    "x-ctyun-eop-request-id",
    "x-openstack-request-id",
];

/// Body fields that carry a request id, in order of preference.
const REQUEST_ID_FIELDS: &[&str] = &["requestId", "request_id", "RequestId", "reqId"];

/// Payload fields, in order of preference.
const PAYLOAD_FIELDS: &[&str] = &["returnObj", "result", "data"];

/// Message fields, in order of preference.
const MESSAGE_FIELDS: &[&str] = &["message", "retMessage", "msg", "error_msg", "details"];

/// A provider response reduced to the fields every caller needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    pub http_status: u16,
    /// Whether the call succeeded (module rule).
    pub success: bool,
    /// Status code as text (`statusCode`/`code`, or nested IAM `error.code`), trimmed.
    pub code: Option<String>,
    /// CTyun error name (`error`, e.g. `AI_OP_4003`) or Huawei `error_code`, trimmed.
    pub error_name: Option<String>,
    /// Every distinct provider text, in field-preference order.
    pub messages: Vec<String>,
    /// On success, the value under `returnObj`/`result`/`data` (moved out of the
    /// body), else the whole body. On failure, the whole body.
    pub payload: Value,
    /// From the response headers, else the body, else the caller's fallback.
    pub request_id: Option<String>,
}

impl Normalized {
    /// The first provider text, if any.
    pub fn message(&self) -> Option<&str> {
        self.messages.first().map(String::as_str)
    }

    /// The code reported in errors: the status code, else the error name.
    pub fn provider_code(&self) -> Option<&str> {
        self.code.as_deref().or(self.error_name.as_deref())
    }
}

/// Parse and normalize `response`; a failed call becomes an [`Error`] classified with
/// `errors` (the operation's documented codes). `fallback_request_id` is used when the
/// response names none (e.g. the `ctyun-eop-request-id` the client sent).
pub fn normalize(
    response: &HttpResponse,
    errors: &[ServiceError],
    fallback_request_id: Option<&str>,
) -> Result<Normalized> {
    let n = parse(response, fallback_request_id)?;
    if n.success {
        Ok(n)
    } else {
        Err(to_error(&n, errors))
    }
}

/// Parse `response` into a [`Normalized`] whether it succeeded or not. Fails only
/// (Protocol) when a 2xx body is not JSON.
pub fn parse(response: &HttpResponse, fallback_request_id: Option<&str>) -> Result<Normalized> {
    let header_id = REQUEST_ID_HEADERS
        .iter()
        .find_map(|h| response.header(h))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    let ok_status = response.is_success();
    let body: Value = if response.body.iter().all(u8::is_ascii_whitespace) {
        Value::Null
    } else {
        match serde_json::from_slice(&response.body) {
            Ok(v) => v,
            Err(e) if ok_status => {
                let mut err = Error::protocol(format!("response body is not JSON: {e}"))
                    .with_http_status(response.status)
                    .with_source(e);
                if let Some(id) = header_id.or(fallback_request_id.map(str::to_string)) {
                    err = err.with_request_id(id);
                }
                return Err(err);
            }
            Err(_) => {
                return Ok(Normalized {
                    http_status: response.status,
                    success: false,
                    code: None,
                    error_name: None,
                    messages: vec![snippet(&response.body)],
                    payload: Value::Null,
                    request_id: header_id.or(fallback_request_id.map(str::to_string)),
                })
            }
        }
    };
    let Value::Object(mut obj) = body else {
        // JSON, but not an object: nothing to inspect beyond the HTTP status.
        return Ok(Normalized {
            http_status: response.status,
            success: ok_status,
            code: None,
            error_name: None,
            messages: Vec::new(),
            payload: body,
            request_id: header_id.or(fallback_request_id.map(str::to_string)),
        });
    };

    let nested = obj.get("error").and_then(Value::as_object);
    let code = ["statusCode", "code"]
        .iter()
        .find_map(|k| obj.get(*k).and_then(scalar_text))
        .or_else(|| nested.and_then(|e| e.get("code")).and_then(scalar_text));
    let error_name = obj
        .get("error_code")
        .and_then(scalar_text)
        .or_else(|| obj.get("error").and_then(scalar_text));
    let mut messages: Vec<String> = Vec::new();
    let nested_texts = nested
        .into_iter()
        .flat_map(|e| MESSAGE_FIELDS.iter().filter_map(|k| e.get(*k)));
    for v in MESSAGE_FIELDS
        .iter()
        .filter_map(|k| obj.get(*k))
        .chain(nested_texts)
    {
        if let Some(t) = v.as_str().map(str::trim).filter(|t| !t.is_empty()) {
            if !messages.iter().any(|m| m == t) {
                messages.push(t.to_string());
            }
        }
    }
    let request_id = header_id
        .or_else(|| {
            REQUEST_ID_FIELDS
                .iter()
                .find_map(|k| obj.get(*k).and_then(scalar_text))
        })
        .or(fallback_request_id.map(str::to_string));

    let code_ok = match code.as_deref() {
        Some(c) => c == "0" || c == "200",
        None => !obj.contains_key("error"),
    };
    let success = ok_status && code_ok && !obj.contains_key("error_code");
    let payload = if success {
        match PAYLOAD_FIELDS.iter().find(|k| obj.contains_key(**k)) {
            Some(k) => obj.remove(*k).unwrap_or(Value::Null),
            None => Value::Object(obj),
        }
    } else {
        Value::Object(obj)
    };
    Ok(Normalized {
        http_status: response.status,
        success,
        code,
        error_name,
        messages,
        payload,
        request_id,
    })
}

/// The error for a failed call (module classification rules).
pub fn to_error(n: &Normalized, errors: &[ServiceError]) -> Error {
    let candidates = [n.code.as_deref(), n.error_name.as_deref()];
    let documented = candidates
        .iter()
        .flatten()
        .find_map(|c| errors.iter().find(|e| e.code == *c));
    let kind = if let Some(doc) = documented {
        doc.kind
    } else if candidates
        .iter()
        .flatten()
        .any(|c| THROTTLE_CODES.contains(c))
    {
        ErrorKind::RateLimited
    } else {
        match n.http_status {
            429 => ErrorKind::RateLimited,
            401 | 403 => ErrorKind::Authentication,
            _ => ErrorKind::Service,
        }
    };
    let mut text: Vec<&str> = Vec::new();
    if let Some(doc) = documented {
        text.push(doc.meaning);
    }
    text.extend(n.messages.iter().map(String::as_str));
    if let Some(name) = n
        .error_name
        .as_deref()
        .filter(|e| Some(*e) != n.provider_code())
    {
        text.push(name);
    }
    let message = if text.is_empty() {
        format!(
            "provider returned HTTP {} without an error text",
            n.http_status
        )
    } else {
        text.join("; ")
    };
    let mut err = Error::new(kind, message).with_http_status(n.http_status);
    if let Some(code) = n.provider_code() {
        err = err.with_provider_code(code);
    }
    if let Some(id) = &n.request_id {
        err = err.with_request_id(id.clone());
    }
    err
}

/// A JSON scalar as trimmed text: strings as is, integers in decimal, integral floats
/// without the fraction. Empty strings, objects, arrays, bools and null give `None`.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string),
        Value::Number(n) => Some(match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        }),
        _ => None,
    }
}

/// First 200 characters of a non-JSON body, for the error message.
fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let t: String = text.trim().chars().take(200).collect();
    format!("non-JSON response: {t}")
}
