//! Stage functions of the APIG canonical request and string to sign.
//!
//! Each mirrors one method of huaweicloudsdkcore's `Signer` (3.1.x) and is public so
//! tests and the emulator can check stages one by one.

use super::algorithm::Algorithm;
use crate::auth::encode::rfc3986;
use crate::auth::SignableBody;
use crate::error::{Error, Result};

/// Canonical URI: every `/`-separated segment of the decoded `path` percent-encoded
/// (RFC 3986 unreserved kept), then a trailing `/` added unless present.
/// This form is only signed; the request goes out with its own path.
/// Errors: an empty path.
pub fn canonical_uri(path: &str) -> Result<String> {
    if path.is_empty() {
        return Err(Error::invalid_input("path", "must not be empty"));
    }
    let mut out = path.split('/').map(rfc3986).collect::<Vec<_>>().join("/");
    if !out.ends_with('/') {
        out.push('/');
    }
    Ok(out)
}

/// Canonical query: decoded pairs sorted by (key, value) in code-point order,
/// each written `enc(k)=enc(v)` (so `k=` for an empty value), joined by `&`.
/// This is also the exact query string the official SDK sends.
pub fn canonical_query(query: &[(&str, &str)]) -> String {
    let mut pairs = query.to_vec();
    pairs.sort_unstable();
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", rfc3986(k), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Python's `str.strip()` with no argument: removes leading and trailing
/// characters for which `str.isspace()` is true. Hand-written because Rust's
/// `trim` differs on U+001C..U+001F, which Python counts as whitespace.
pub fn python_strip(s: &str) -> &str {
    let is_space = |c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c);
    s.trim_matches(is_space)
}

/// The headers to sign, from the full header list the request will carry:
/// names lower-cased, values stripped, names containing `_` left out, sorted by
/// name. Errors: two headers whose names differ only in case.
pub fn signed_header_set(headers: &[(&str, &str)]) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = headers
        .iter()
        .filter(|(n, _)| !n.contains('_'))
        .map(|(n, v)| (n.to_lowercase(), python_strip(v).to_owned()))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some(w) = out.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(Error::invalid_input(
            "headers",
            format!("header `{}` given more than once", w[0].0),
        ));
    }
    Ok(out)
}

/// Canonical headers block: `name:value\n` for each (already lower-cased, stripped,
/// sorted) signed header.
pub fn canonical_headers(signed: &[(String, String)]) -> String {
    signed.iter().map(|(n, v)| format!("{n}:{v}\n")).collect()
}

/// The `SignedHeaders` list: names joined by `;`.
pub fn signed_headers_list(signed: &[(String, String)]) -> String {
    signed
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

/// Payload hash as the SDK chooses it: the empty-body hash for an empty body;
/// otherwise the value of the algorithm's content-hash header when the request
/// carries one (`content_header`); otherwise the hex hash of the body.
/// `Precomputed` is taken as the hash of a body (its empty-body value counts as an
/// empty body); `Unsigned` stands for a non-empty body signed as `UNSIGNED-PAYLOAD`.
pub fn payload_hash(
    alg: Algorithm,
    body: SignableBody<'_>,
    content_header: Option<&str>,
) -> String {
    let empty = match body {
        SignableBody::Bytes(b) => b.is_empty(),
        SignableBody::Precomputed(h) => h == alg.empty_body_hash(),
        SignableBody::Unsigned => false,
    };
    if empty {
        return alg.empty_body_hash().to_owned();
    }
    if let Some(v) = content_header.filter(|v| !v.is_empty()) {
        return v.to_owned();
    }
    match body {
        SignableBody::Bytes(b) => alg.hash_hex(b),
        SignableBody::Precomputed(h) => h.to_owned(),
        SignableBody::Unsigned => super::algorithm::UNSIGNED_PAYLOAD.to_owned(),
    }
}

/// The canonical request: method (upper-cased), URI, query, headers block,
/// signed header list and payload hash, separated by `\n`. The headers block ends
/// in `\n`, so an empty line follows it.
pub fn canonical_request(
    method: &str,
    canonical_uri: &str,
    canonical_query: &str,
    canonical_headers: &str,
    signed_headers: &str,
    payload_hash: &str,
) -> String {
    format!(
        "{}\n{canonical_uri}\n{canonical_query}\n{canonical_headers}\n{signed_headers}\n{payload_hash}",
        method.to_uppercase()
    )
}

/// String to sign: `ALG\n{X-Sdk-Date}\n{hex hash(canonical request)}`, with the
/// credential scope (`{yyyyMMdd}/{region}/{service}`) as an extra line before the
/// hash for `V11-HMAC-SHA256`.
pub fn string_to_sign(
    alg: Algorithm,
    sdk_date: &str,
    scope: Option<&str>,
    canonical_request: &str,
) -> String {
    let hash = alg.hash_hex(canonical_request.as_bytes());
    match (alg, scope) {
        (Algorithm::V11HmacSha256, Some(scope)) => {
            format!("{}\n{sdk_date}\n{scope}\n{hash}", alg.name())
        }
        _ => format!("{}\n{sdk_date}\n{hash}", alg.name()),
    }
}

/// The `Authorization` value: `ALG Access={ak}, SignedHeaders=..., Signature=...`,
/// or `ALG Credential={ak}/{scope}, ...` for `V11-HMAC-SHA256`.
pub fn authorization(
    alg: Algorithm,
    ak: &str,
    scope: Option<&str>,
    signed_headers: &str,
    signature: &str,
) -> String {
    match (alg, scope) {
        (Algorithm::V11HmacSha256, Some(scope)) => format!(
            "{} Credential={ak}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
            alg.name()
        ),
        _ => format!(
            "{} Access={ak}, SignedHeaders={signed_headers}, Signature={signature}",
            alg.name()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_segments_encoded_and_slash_appended() {
        assert_eq!(canonical_uri("/").unwrap(), "/");
        assert_eq!(canonical_uri("/v2/a b/中").unwrap(), "/v2/a%20b/%E4%B8%AD/");
        assert_eq!(canonical_uri("/x/").unwrap(), "/x/");
        assert_eq!(canonical_uri("/a%2F").unwrap(), "/a%252F/");
        assert!(canonical_uri("").is_err());
    }

    #[test]
    fn published_query_vector() {
        // huaweicloud-sdk-python-v3 tests/test_signer.py::test_process_canonical_query_string,
        // with its int/bool/list values written as the strings the SDK turns them into.
        let q = [
            ("limit", "1"),
            ("enable", "true"),
            ("test", "一 (&=?!#%.*)"),
            ("path", "/tmp/123"),
            ("multi", "1"),
            ("multi", "2"),
            ("multi", "3"),
        ];
        assert_eq!(
            canonical_query(&q),
            "enable=true&limit=1&multi=1&multi=2&multi=3\
             &path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"
        );
        assert_eq!(canonical_query(&[("k", "")]), "k=");
    }

    #[test]
    fn headers_lowered_stripped_underscore_skipped() {
        let set = signed_header_set(&[("X-B", "  v \u{1f}"), ("A_B", "x"), ("Host", "h")]).unwrap();
        assert_eq!(
            set,
            vec![("host".into(), "h".into()), ("x-b".into(), "v".into())]
        );
        assert_eq!(canonical_headers(&set), "host:h\nx-b:v\n");
        assert_eq!(signed_headers_list(&set), "host;x-b");
        assert!(signed_header_set(&[("Host", "a"), ("host", "b")]).is_err());
    }

    #[test]
    fn payload_hash_rules() {
        let a = Algorithm::SdkHmacSha256;
        assert_eq!(
            payload_hash(a, SignableBody::Bytes(b""), Some("UNSIGNED-PAYLOAD")),
            a.empty_body_hash()
        );
        assert_eq!(
            payload_hash(a, SignableBody::Bytes(b"x"), Some("UNSIGNED-PAYLOAD")),
            "UNSIGNED-PAYLOAD"
        );
        assert_eq!(
            payload_hash(a, SignableBody::Bytes(b"abc"), None),
            a.hash_hex(b"abc")
        );
        assert_eq!(
            payload_hash(a, SignableBody::Unsigned, None),
            "UNSIGNED-PAYLOAD"
        );
        assert_eq!(payload_hash(a, SignableBody::Precomputed("ff"), None), "ff");
    }
}
