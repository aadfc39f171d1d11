//! From the raw HTTP response to a [`Response`] or an [`Error`]: open the envelope,
//! normalize (documented codes → kinds; provider code, HTTP status and request id on
//! every error), decode the binary results.

use super::Response;
use crate::catalog::Operation;
use crate::crypto::envelope::{self, SessionKeys};
use crate::error::{Error, Result};
use crate::response;
use crate::secret::SecretString;
use crate::transport::HttpResponse;
use base64::Engine as _;
use serde_json::Value;

/// Finish one exchange of `op`. `keys` are the envelope session keys when the
/// request was sealed; `request_id` is the id sent (used when the response has none).
pub(crate) fn finish(
    op: &'static Operation,
    mut http: HttpResponse,
    keys: Option<&SessionKeys>,
    request_id: &str,
) -> Result<Response> {
    if let Some(keys) = keys {
        // A non-2xx answer is a gateway/proxy error in plain text: normalize it as is.
        if http.is_success() {
            let opened = envelope::open(&http.body, keys).map_err(|e| {
                let mut e = e.with_http_status(http.status);
                if let Some(id) = response_request_id(&http).or(Some(request_id)) {
                    e = e.with_request_id(id);
                }
                e
            })?;
            http.body = opened;
        }
    }
    let subject_token = http
        .header("X-Subject-Token")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(SecretString::new);
    let normalized = response::normalize(&http, op.errors, Some(request_id))?;
    let body: Value = if http.body.iter().all(u8::is_ascii_whitespace) {
        Value::Null
    } else {
        // normalize() accepted this body as JSON already.
        serde_json::from_slice(&http.body)
            .map_err(|e| Error::protocol(format!("response body: {e}")))?
    };
    drop(http);
    let binaries = decode_binaries(op, &body).map_err(|e| {
        let e = e.with_http_status(normalized.http_status);
        match &normalized.request_id {
            Some(id) => e.with_request_id(id.clone()),
            None => e,
        }
    })?;
    Ok(Response {
        operation: op.id,
        http_status: normalized.http_status,
        provider_code: normalized.provider_code().map(str::to_string),
        message: normalized.message().map(str::to_string),
        request_id: normalized.request_id,
        result: normalized.payload,
        body,
        binaries,
        subject_token,
    })
}

fn response_request_id(http: &HttpResponse) -> Option<&str> {
    response::normalize::REQUEST_ID_HEADERS
        .iter()
        .find_map(|h| http.header(h))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Base64 strings at `op.binary_results` pointers of the whole body, decoded.
/// A missing pointer or a value that is not base64 text is a Protocol error: the
/// operation documents an image there.
fn decode_binaries(op: &Operation, body: &Value) -> Result<Vec<(String, Vec<u8>)>> {
    op.binary_results
        .iter()
        .map(|pointer| {
            let text = body
                .pointer(pointer)
                .and_then(Value::as_str)
                .ok_or_else(|| {
                    Error::protocol(format!("response has no base64 image at {pointer}"))
                })?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map_err(|e| Error::protocol(format!("{pointer} is not base64: {e}")))?;
            Ok((pointer.to_string(), bytes))
        })
        .collect()
}
