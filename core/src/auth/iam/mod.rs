//! Huawei IAM (manual 004): password-token request and response, a refresh-ahead
//! token cache, and project-id lookup by region name. No HTTP client here: builders
//! return the request parts, parsers take the response parts.

pub mod cache;
pub mod project;
pub mod token;

pub use cache::{Clock, SystemClock, TokenCache, DEFAULT_REFRESH_MARGIN};
pub use project::{parse_projects_response, project_request, ProjectCache};
pub use token::{parse_token_response, token_request, IamToken, PasswordAuth, TokenScope};

use crate::error::{Error, ErrorKind};
use crate::secret::SecretBytes;

/// An IAM request to send: `https://iam.{region}.myhuaweicloud.com` + `path`.
/// The body may hold a password, so it is a [`SecretBytes`] (wiped, redacted).
#[derive(Debug, Clone)]
pub struct IamRequest {
    pub method: &'static str,
    /// Path without query, e.g. `/v3/auth/tokens`.
    pub path: &'static str,
    /// Decoded query pairs, in order.
    pub query: Vec<(String, String)>,
    /// Headers to send (no credentials: the caller adds `X-Auth-Token` or an APIG signature).
    pub headers: Vec<(String, String)>,
    pub body: SecretBytes,
}

/// Map a non-2xx IAM answer to an error: 401/403 are `Authentication`, others `Service`.
/// IAM error bodies are `{"error": {"code", "message"}}` or `{"error_code", "error_msg"}`.
pub(crate) fn status_error(status: u16, body: &[u8], what: &str) -> Error {
    let v: serde_json::Value = serde_json::from_slice(body).unwrap_or(serde_json::Value::Null);
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let code = text(&v["error"]["code"]).or_else(|| text(&v["error_code"]));
    let message = text(&v["error"]["message"])
        .or_else(|| text(&v["error_msg"]))
        .unwrap_or_default();
    let kind = if matches!(status, 401 | 403) {
        ErrorKind::Authentication
    } else {
        ErrorKind::Service
    };
    let mut e = Error::new(
        kind,
        format!("{what}: HTTP {status} {message}")
            .trim_end()
            .to_owned(),
    )
    .with_http_status(status);
    if let Some(code) = code {
        e = e.with_provider_code(code);
    }
    e
}
