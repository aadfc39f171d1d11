//! The HTTP seam: request/response values, the [`HttpTransport`] trait, its failure
//! type and the transport options. The ureq implementation is in [`ureq_transport`].
//!
//! Contracts:
//! - A request owns its body (`Vec<u8>`, possibly ~270 MB). `send` borrows the request,
//!   so a retry resends the same bytes without copying them.
//! - HTTP error statuses (4xx/5xx) are responses, not failures: callers parse the
//!   provider's error body (see [`crate::response`]).
//! - A [`TransportFailure`] says whether any byte of the request may have reached the
//!   server ([`TransportFailure::sent`]); only unsent requests may be retried, because
//!   the providers bill every call that reaches them.

mod failure;
mod options;
pub mod ureq_transport;

pub use crate::catalog::Method;
pub use failure::{FailureKind, TransportFailure};
pub use options::{CaBundle, CaSource, ProxySetting, TransportOptions, DEFAULT_MAX_RESPONSE_BYTES};
pub use ureq_transport::UreqTransport;

/// One HTTP request, ready to go (signed). Owns its body.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: Method,
    /// Absolute URL, query string included exactly as signed.
    pub url: String,
    /// Header (name, value) pairs in sending order. Names are sent as given.
    pub headers: Vec<(String, String)>,
    /// The exact body bytes (empty for none).
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// A request without headers or body.
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        HttpRequest {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// Append a header.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Set the body (moved in, never copied).
    pub fn with_body(mut self, body: Vec<u8>) -> Self {
        self.body = body;
        self
    }

    /// First value of a header, name compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// Header values may hold credentials (`Authorization`, `X-Auth-Token`), so `Debug`
/// prints header names and the body length only.
impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("header_names", &names)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// One HTTP response, whatever its status. The body is fully read (bounded by
/// [`TransportOptions::max_response_bytes`]) and already decompressed.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    /// Header (name, value) pairs as received; names lower-case for ureq.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// First value of a header, name compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// Status is 200..=299.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Header values may hold credentials (IAM's `X-Subject-Token`) and the body
/// may hold personal data, so `Debug` prints the status, header names and body length.
impl std::fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("header_names", &names)
            .field("body_len", &self.body.len())
            .finish()
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Sends one request and returns the whole response. Implementations are shared by
/// every thread of a client, so they must be `Send + Sync`; they never retry.
pub trait HttpTransport: Send + Sync {
    /// Send `req` once. Non-2xx statuses are `Ok`; `Err` only when no complete
    /// response was obtained, with [`TransportFailure::sent`] telling whether the
    /// request may have reached the server.
    fn send(&self, req: &HttpRequest) -> Result<HttpResponse, TransportFailure>;
}

impl<T: HttpTransport + ?Sized> HttpTransport for std::sync::Arc<T> {
    fn send(&self, req: &HttpRequest) -> Result<HttpResponse, TransportFailure> {
        (**self).send(req)
    }
}

impl<T: HttpTransport + ?Sized> HttpTransport for Box<T> {
    fn send(&self, req: &HttpRequest) -> Result<HttpResponse, TransportFailure> {
        (**self).send(req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_header_values_and_body() {
        let resp = HttpResponse {
            status: 201,
            headers: vec![
                ("x-subject-token".into(), "MIIsecret-token".into()),
                ("content-type".into(), "application/json".into()),
            ],
            body: br#"{"token":{"expires_at":"2019-02-13T06:52:13Z"}}"#.to_vec(),
        };
        let text = format!("{resp:?}");
        assert!(!text.contains("MIIsecret-token"), "{text}");
        assert!(!text.contains("expires_at"), "{text}");
        assert!(
            text.contains("x-subject-token") && text.contains("201"),
            "{text}"
        );
        let req = HttpRequest::new(Method::Post, "https://h/p").with_header("X-Auth-Token", "tok9");
        assert!(!format!("{req:?}").contains("tok9"));
    }
}
