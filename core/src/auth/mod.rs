//! Request signing, one module per scheme.
//!
//! Every signer is a pure function of (request parts, credentials, time) that
//! returns the headers to add, with the intermediate canonical request and
//! string-to-sign kept for tests (the aws-sigv4 model). No HTTP client types.

pub mod apig;
pub mod ctyun_hmac;
pub mod ctyun_md5;
pub mod encode;
pub mod eop;
pub mod iam;
pub mod timefmt;

/// The parts of an HTTP request that a signer reads. Borrowed; nothing is copied.
#[derive(Debug, Clone, Copy)]
pub struct SignableRequest<'a> {
    /// Upper-case method, e.g. `POST`.
    pub method: &'a str,
    /// Path as sent, starting with `/`, without query (not percent-encoded by the caller).
    pub path: &'a str,
    /// Decoded query pairs, in the order they are sent.
    pub query: &'a [(&'a str, &'a str)],
    /// Headers already on the request (name, value). Names are matched case-insensitively.
    pub headers: &'a [(&'a str, &'a str)],
    /// The exact body bytes sent.
    pub body: SignableBody<'a>,
}

/// The body as a signer sees it.
#[derive(Debug, Clone, Copy)]
pub enum SignableBody<'a> {
    /// The exact bytes sent.
    Bytes(&'a [u8]),
    /// The body's digest, precomputed in the form the scheme puts into its
    /// string to sign (lower-case hex). Lets a caller hash a large body once.
    Precomputed(&'a str),
    /// APIG only: sign `UNSIGNED-PAYLOAD` instead of the body hash.
    Unsigned,
}

/// What a signer returns: headers to add plus every intermediate stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningOutput {
    /// Headers to add to the request, in a stable order (name as it goes on the wire).
    pub headers: Vec<(String, String)>,
    /// The canonical request (empty for schemes that have none).
    pub canonical_request: String,
    /// The exact string that was MACed or hashed.
    pub string_to_sign: String,
    /// The signature as it appears in the header.
    pub signature: String,
}

impl SigningOutput {
    /// Value of an added header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Value of a request header by case-insensitive name.
pub fn find_header<'a>(headers: &[(&'a str, &'a str)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| *v)
}

/// The lower-case hex digest a scheme signs: `digest(bytes)` hex-encoded, or a
/// `Precomputed` value checked to be `hex_len` hex digits (lower-cased). `Unsigned`
/// is refused for schemes (`scheme`) that always sign the body hash.
pub(crate) fn hex_body_digest(
    body: SignableBody<'_>,
    scheme: &str,
    algorithm: &str,
    hex_len: usize,
    digest: impl FnOnce(&[u8]) -> Vec<u8>,
) -> crate::Result<String> {
    match body {
        SignableBody::Bytes(b) => Ok(hex::encode(digest(b))),
        SignableBody::Precomputed(h)
            if h.len() == hex_len && h.bytes().all(|c| c.is_ascii_hexdigit()) =>
        {
            Ok(h.to_ascii_lowercase())
        }
        SignableBody::Precomputed(_) => Err(crate::Error::invalid_input(
            "body",
            format!("precomputed {algorithm} must be {hex_len} hex digits"),
        )),
        SignableBody::Unsigned => Err(crate::Error::invalid_input(
            "body",
            format!("{scheme} always signs the body hash"),
        )),
    }
}
