//! CTyun EOP gateway signature (`Eop-Authorization`, manuals 000 and 002).
//!
//! string_to_sign is the sorted signed headers as `name:value\n`, then `\n`, the
//! canonical query, `\n` and the lower-case hex SHA-256 of the exact body. Key chain:
//! `ktime = HMAC(sk, eop-date)`, `kAk = HMAC(ktime, ak)`, `kdate = HMAC(kAk, yyyyMMdd)`;
//! signature = base64(HMAC(kdate, string_to_sign)), all HMAC-SHA256 on raw bytes.
//! Byte-identical to PyPI `ctyun-python-sdk-core` `sign_util.sign` for the header set
//! `ctyun-eop-request-id;eop-date` (see tests/vectors/eop and tests/differential).
//!
//! [`VerifyError`] is shared by the three CTyun schemes' `verify` helpers.

use std::fmt;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::{encode, find_header, timefmt, SignableBody, SignableRequest, SigningOutput};
use crate::{Error, ErrorKind, Result, SecretBytes, SecretString};

/// The authorization header name, as the manuals and the official SDK write it.
pub const AUTHORIZATION_HEADER: &str = "Eop-Authorization";
/// The request-time header (`yyyyMMddTHHmmssZ`, Beijing time by default).
pub const DATE_HEADER: &str = "eop-date";
/// The request-id header (a UUID v4 unless the caller supplies one).
pub const REQUEST_ID_HEADER: &str = "ctyun-eop-request-id";
/// The AI platform application key header.
pub const APPKEY_HEADER: &str = "appkey";
/// Signed header set of the AI gateway samples (lower-case, sorted).
pub const DEFAULT_SIGNED_HEADERS: [&str; 3] = [APPKEY_HEADER, REQUEST_ID_HEADER, DATE_HEADER];
/// Headers every EOP signature must cover.
pub const REQUIRED_SIGNED_HEADERS: [&str; 2] = [REQUEST_ID_HEADER, DATE_HEADER];
/// How far `eop-date` may be from the gateway's clock (either direction).
pub const DATE_WINDOW: Duration = Duration::from_secs(15 * 60);

/// EOP credentials. `secret_key` is wiped on drop and redacted in `Debug`.
#[derive(Debug, Clone)]
pub struct EopCredentials {
    /// The CTyun account AccessKey (`ctyun-eop-ak`); appears in the header.
    pub access_key: String,
    /// The CTyun account SecurityKey (`ctyun-eop-sk`).
    pub secret_key: SecretString,
    /// The AI platform application key, sent (and signed) as `appkey` when set
    /// and the request does not already carry that header.
    pub app_key: Option<String>,
}

/// Per-call signing options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EopSettings {
    /// Header names to sign (any case; normalized to lower-case, sorted, deduplicated).
    /// Must contain `ctyun-eop-request-id` and `eop-date`.
    pub signed_headers: Vec<String>,
    /// Request id to send; `None` generates a UUID v4.
    pub request_id: Option<String>,
    /// Zone of `eop-date` in seconds east of UTC; default Beijing (+8 h), whatever the
    /// host zone. Beyond ±25:59:59, [`sign`] fails with `Configuration`.
    pub utc_offset_seconds: i32,
}

impl Default for EopSettings {
    fn default() -> Self {
        EopSettings {
            signed_headers: DEFAULT_SIGNED_HEADERS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            request_id: None,
            utc_offset_seconds: timefmt::BEIJING_OFFSET_SECONDS,
        }
    }
}

/// Why a received request failed verification (emulator side). Shared by the
/// CTyun schemes. Messages name headers only, never secrets or expected signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// A header the scheme needs is absent.
    MissingHeader(String),
    /// A header is present but not in the scheme's format.
    MalformedHeader(String),
    /// The access key / app key named in the request is not the one verified against.
    UnknownKey,
    /// A header the scheme requires to be signed is not in the signed set.
    HeaderNotSigned(String),
    /// The request time is outside the accepted window around `now`.
    DateOutsideWindow,
    /// Everything parsed, but the signature does not match.
    BadSignature,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::MissingHeader(h) => write!(f, "missing header {h}"),
            VerifyError::MalformedHeader(h) => write!(f, "malformed header {h}"),
            VerifyError::UnknownKey => f.write_str("unknown access key"),
            VerifyError::HeaderNotSigned(h) => write!(f, "header {h} must be signed"),
            VerifyError::DateOutsideWindow => {
                f.write_str("request time outside the accepted window")
            }
            VerifyError::BadSignature => f.write_str("signature mismatch"),
        }
    }
}

impl std::error::Error for VerifyError {}

impl From<VerifyError> for Error {
    fn from(e: VerifyError) -> Self {
        Error::new(ErrorKind::Authentication, e.to_string())
    }
}

/// Constant-time equality of two byte strings (length is not secret).
pub(crate) fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length; new_from_slice cannot fail for Hmac<Sha256>.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// Canonical query: pairs stably sorted by key (byte order; repeated keys keep their
/// sent order), each `key=rfc3986(value)`, joined with `&`. Keys are not encoded,
/// as in the official SDK; an empty value gives `key=`. Empty input gives `""`.
pub fn canonical_query(query: &[(&str, &str)]) -> String {
    let mut pairs: Vec<&(&str, &str)> = query.iter().collect();
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = String::new();
    for (i, (k, v)) in pairs.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(&encode::rfc3986(v));
    }
    out
}

/// Lower-case hex SHA-256 of the body. `Precomputed` must already be 64 hex digits
/// (lower-cased here); `Unsigned` is not part of EOP and is rejected.
pub fn body_hash(body: SignableBody<'_>) -> Result<String> {
    super::hex_body_digest(body, "EOP", "SHA-256", 64, |b| Sha256::digest(b).to_vec())
}

/// Normalize a signed header list: lower-case, sorted, deduplicated; must contain
/// the [`REQUIRED_SIGNED_HEADERS`] and no empty names.
pub fn normalize_signed_headers<S: AsRef<str>>(names: &[S]) -> Result<Vec<String>> {
    let mut out: Vec<String> = names
        .iter()
        .map(|n| n.as_ref().trim().to_ascii_lowercase())
        .collect();
    out.sort();
    out.dedup();
    if out
        .iter()
        .any(|n| n.is_empty() || n.contains([';', ':', ' ']))
    {
        return Err(Error::config(
            "EOP signed header names must be non-empty tokens",
        ));
    }
    for req in REQUIRED_SIGNED_HEADERS {
        if !out.iter().any(|n| n == req) {
            return Err(Error::config(format!(
                "EOP signed headers must include {req}"
            )));
        }
    }
    Ok(out)
}

/// The header block of the string to sign: `name:value\n` per (lower-case name, value),
/// in the given order (callers pass them sorted by name).
pub fn canonical_headers(signed: &[(String, String)]) -> String {
    let mut out = String::new();
    for (n, v) in signed {
        out.push_str(n);
        out.push(':');
        out.push_str(v);
        out.push('\n');
    }
    out
}

/// `canonical_headers + "\n" + canonical_query + "\n" + body_hash`.
pub fn string_to_sign(canonical_headers: &str, canonical_query: &str, body_hash: &str) -> String {
    format!("{canonical_headers}\n{canonical_query}\n{body_hash}")
}

/// The signing key `kdate` for `eop_date` (`yyyyMMddTHHmmssZ`; its first 8 chars are the day).
pub fn derive_key(
    secret_key: &SecretString,
    access_key: &str,
    eop_date: &str,
) -> Result<SecretBytes> {
    let day = eop_date
        .get(..8)
        .filter(|d| d.bytes().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| Error::invalid_input(DATE_HEADER, "must start with yyyyMMdd"))?;
    // The intermediate keys are as secret as the SK: wiped when they drop.
    let ktime = Zeroizing::new(hmac_sha256(
        secret_key.expose().as_bytes(),
        eop_date.as_bytes(),
    ));
    let kak = Zeroizing::new(hmac_sha256(ktime.as_ref(), access_key.as_bytes()));
    let kdate = Zeroizing::new(hmac_sha256(kak.as_ref(), day.as_bytes()));
    Ok(SecretBytes::new(kdate.to_vec()))
}

/// base64(HMAC-SHA256(kdate, string_to_sign)).
pub fn signature(kdate: &SecretBytes, string_to_sign: &str) -> String {
    base64::engine::general_purpose::STANDARD
        .encode(hmac_sha256(kdate.expose(), string_to_sign.as_bytes()))
}

/// `{ak} Headers={h1;h2;...} Signature={sig}`.
pub fn authorization<S: AsRef<str>>(
    access_key: &str,
    signed_headers: &[S],
    signature: &str,
) -> String {
    let names: Vec<&str> = signed_headers.iter().map(|s| s.as_ref()).collect();
    format!(
        "{access_key} Headers={} Signature={signature}",
        names.join(";")
    )
}

/// A parsed `Eop-Authorization` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAuthorization {
    pub access_key: String,
    /// Signed header names in the order written.
    pub signed_headers: Vec<String>,
    pub signature: String,
}

/// Parse `{ak} Headers={...} Signature={...}` (single spaces, as the gateway expects).
pub fn parse_authorization(value: &str) -> std::result::Result<ParsedAuthorization, VerifyError> {
    let bad = || VerifyError::MalformedHeader(AUTHORIZATION_HEADER.to_string());
    let mut parts = value.trim().split(' ');
    let (ak, h, s) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(ak), Some(h), Some(s), None) => (ak, h, s),
        _ => return Err(bad()),
    };
    let headers = h.strip_prefix("Headers=").ok_or_else(bad)?;
    let sig = s.strip_prefix("Signature=").ok_or_else(bad)?;
    if ak.is_empty() || headers.is_empty() || sig.is_empty() {
        return Err(bad());
    }
    Ok(ParsedAuthorization {
        access_key: ak.to_string(),
        signed_headers: headers.split(';').map(str::to_string).collect(),
        signature: sig.to_string(),
    })
}

/// Accept `eop_date` (written in `utc_offset_seconds`) only if it is within `window`
/// of `now` in either direction.
pub fn check_date(
    eop_date: &str,
    now: SystemTime,
    utc_offset_seconds: i32,
    window: Duration,
) -> std::result::Result<(), VerifyError> {
    let t = timefmt::parse_compact(eop_date, utc_offset_seconds)
        .ok_or_else(|| VerifyError::MalformedHeader(DATE_HEADER.to_string()))?;
    if !timefmt::within(now, t, window) {
        return Err(VerifyError::DateOutsideWindow);
    }
    Ok(())
}

/// Sign `req` at `time`. Adds `ctyun-eop-request-id`, `eop-date`, `appkey` (when signed,
/// taken from `creds.app_key` and absent from the request) and `Eop-Authorization`,
/// in that order. Every other signed header must be on the request; values are
/// trimmed of surrounding whitespace as HTTP delivers them.
/// `canonical_request` holds the canonical query (EOP has no other canonical form).
/// Errors: `Configuration` for a bad signed-header set or UTC offset; `InvalidInput`
/// for a missing signed header, a signer-owned header already present, or a time
/// outside years 0000..=9999.
pub fn sign(
    req: &SignableRequest<'_>,
    creds: &EopCredentials,
    settings: &EopSettings,
    time: SystemTime,
) -> Result<SigningOutput> {
    let names = normalize_signed_headers(&settings.signed_headers)?;
    for own in [REQUEST_ID_HEADER, DATE_HEADER, AUTHORIZATION_HEADER] {
        if find_header(req.headers, own).is_some() {
            return Err(Error::invalid_input(
                own,
                "is set by the signer; remove it from the request",
            ));
        }
    }
    let request_id = match &settings.request_id {
        Some(id) if id.trim().is_empty() => {
            return Err(Error::invalid_input(REQUEST_ID_HEADER, "must not be empty"))
        }
        Some(id) => id.trim().to_string(),
        None => uuid::Uuid::new_v4().to_string(),
    };
    let eop_date = timefmt::compact(time, settings.utc_offset_seconds)?;
    let mut added = vec![
        (REQUEST_ID_HEADER.to_string(), request_id.clone()),
        (DATE_HEADER.to_string(), eop_date.clone()),
    ];
    let mut signed = Vec::with_capacity(names.len());
    for name in &names {
        let value = match name.as_str() {
            REQUEST_ID_HEADER => request_id.clone(),
            DATE_HEADER => eop_date.clone(),
            _ => match (
                find_header(req.headers, name),
                name.as_str(),
                &creds.app_key,
            ) {
                (Some(v), _, _) => v.trim().to_string(),
                (None, APPKEY_HEADER, Some(k)) => {
                    added.push((APPKEY_HEADER.to_string(), k.trim().to_string()));
                    k.trim().to_string()
                }
                _ => {
                    return Err(Error::invalid_input(
                        name,
                        "signed header missing from the request",
                    ))
                }
            },
        };
        signed.push((name.clone(), value));
    }
    let query = canonical_query(req.query);
    let sts = string_to_sign(&canonical_headers(&signed), &query, &body_hash(req.body)?);
    let kdate = derive_key(&creds.secret_key, &creds.access_key, &eop_date)?;
    let sig = signature(&kdate, &sts);
    added.push((
        AUTHORIZATION_HEADER.to_string(),
        authorization(&creds.access_key, &names, &sig),
    ));
    Ok(SigningOutput {
        headers: added,
        canonical_request: query,
        string_to_sign: sts,
        signature: sig,
    })
}

/// Options for [`verify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EopVerifyOptions {
    /// Zone `eop-date` is written in (default Beijing).
    pub utc_offset_seconds: i32,
    /// Accepted clock skew; `None` skips the date check.
    pub window: Option<Duration>,
}

impl Default for EopVerifyOptions {
    fn default() -> Self {
        EopVerifyOptions {
            utc_offset_seconds: timefmt::BEIJING_OFFSET_SECONDS,
            window: Some(DATE_WINDOW),
        }
    }
}

/// Gateway-side check of a received request. `req.headers` are the headers as
/// received (including those the client added). Recomputes the signature from the
/// request's own `eop-date`, request id and signed headers, and compares in
/// constant time. Checks order: authorization present and well-formed, access key,
/// required headers signed and present, date window, signature.
pub fn verify(
    req: &SignableRequest<'_>,
    creds: &EopCredentials,
    now: SystemTime,
    opts: &EopVerifyOptions,
) -> std::result::Result<(), VerifyError> {
    let auth = find_header(req.headers, AUTHORIZATION_HEADER)
        .ok_or_else(|| VerifyError::MissingHeader(AUTHORIZATION_HEADER.to_string()))?;
    let parsed = parse_authorization(auth)?;
    if !ct_eq(parsed.access_key.as_bytes(), creds.access_key.as_bytes()) {
        return Err(VerifyError::UnknownKey);
    }
    for req_name in REQUIRED_SIGNED_HEADERS {
        if !parsed
            .signed_headers
            .iter()
            .any(|n| n.eq_ignore_ascii_case(req_name))
        {
            return Err(VerifyError::HeaderNotSigned(req_name.to_string()));
        }
    }
    let mut signed = Vec::with_capacity(parsed.signed_headers.len());
    for name in &parsed.signed_headers {
        let v = find_header(req.headers, name)
            .ok_or_else(|| VerifyError::MissingHeader(name.clone()))?;
        signed.push((name.to_ascii_lowercase(), v.trim().to_string()));
    }
    let eop_date = find_header(req.headers, DATE_HEADER)
        .ok_or_else(|| VerifyError::MissingHeader(DATE_HEADER.to_string()))?
        .trim();
    if let Some(window) = opts.window {
        check_date(eop_date, now, opts.utc_offset_seconds, window)?;
    }
    let hash = body_hash(req.body).map_err(|_| VerifyError::BadSignature)?;
    let sts = string_to_sign(
        &canonical_headers(&signed),
        &canonical_query(req.query),
        &hash,
    );
    let kdate = derive_key(&creds.secret_key, &creds.access_key, eop_date)
        .map_err(|_| VerifyError::MalformedHeader(DATE_HEADER.to_string()))?;
    if ct_eq(
        signature(&kdate, &sts).as_bytes(),
        parsed.signature.as_bytes(),
    ) {
        Ok(())
    } else {
        Err(VerifyError::BadSignature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds() -> EopCredentials {
        EopCredentials {
            access_key: "ak1".into(),
            secret_key: "sk1".into(),
            app_key: Some("app1".into()),
        }
    }

    fn t0() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000)
    }

    #[test]
    fn sign_then_verify_and_tamper() {
        let body = br#"{"a":1}"#;
        let req = SignableRequest {
            method: "POST",
            path: "/v1/aiop/api/x/y",
            query: &[("b", "2 3"), ("a", "")],
            headers: &[],
            body: SignableBody::Bytes(body),
        };
        let settings = EopSettings {
            request_id: Some("rid".into()),
            ..Default::default()
        };
        let out = sign(&req, &creds(), &settings, t0()).unwrap();
        assert_eq!(out.canonical_request, "a=&b=2%203");
        assert_eq!(out.header(DATE_HEADER), Some("20231115T061320Z"));
        assert!(out
            .string_to_sign
            .starts_with("appkey:app1\nctyun-eop-request-id:rid\neop-date:20231115T061320Z\n\n"));
        let auth = out.header(AUTHORIZATION_HEADER).unwrap();
        assert!(auth.starts_with("ak1 Headers=appkey;ctyun-eop-request-id;eop-date Signature="));
        let hdrs: Vec<(&str, &str)> = out
            .headers
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let recv = SignableRequest {
            headers: &hdrs,
            ..req
        };
        let opts = EopVerifyOptions::default();
        assert_eq!(
            verify(&recv, &creds(), t0() + Duration::from_secs(60), &opts),
            Ok(())
        );
        assert_eq!(
            verify(&recv, &creds(), t0() + Duration::from_secs(16 * 60), &opts),
            Err(VerifyError::DateOutsideWindow)
        );
        let tampered = SignableRequest {
            body: SignableBody::Bytes(b"{}"),
            ..recv
        };
        assert_eq!(
            verify(&tampered, &creds(), t0(), &opts),
            Err(VerifyError::BadSignature)
        );
        let no_date: Vec<(&str, &str)> = hdrs
            .iter()
            .copied()
            .filter(|(n, _)| *n != DATE_HEADER)
            .collect();
        let r = SignableRequest {
            headers: &no_date,
            ..recv
        };
        assert_eq!(
            verify(&r, &creds(), t0(), &opts),
            Err(VerifyError::MissingHeader(DATE_HEADER.into()))
        );
    }

    #[test]
    fn config_errors_and_redaction() {
        let req = SignableRequest {
            method: "GET",
            path: "/",
            query: &[],
            headers: &[],
            body: SignableBody::Bytes(b""),
        };
        let bad = EopSettings {
            signed_headers: vec!["eop-date".into()],
            ..Default::default()
        };
        assert_eq!(
            sign(&req, &creds(), &bad, t0()).unwrap_err().kind(),
            ErrorKind::Configuration
        );
        let no_app = EopCredentials {
            app_key: None,
            ..creds()
        };
        assert_eq!(
            sign(&req, &no_app, &EopSettings::default(), t0())
                .unwrap_err()
                .kind(),
            ErrorKind::InvalidInput
        );
        assert!(!format!("{:?}", creds()).contains("sk1"));
        let generated = sign(&req, &creds(), &EopSettings::default(), t0()).unwrap();
        let id = generated.header(REQUEST_ID_HEADER).unwrap();
        assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 4);
    }

    #[test]
    fn far_future_time_is_invalid_input_not_a_panic() {
        let req = SignableRequest {
            method: "GET",
            path: "/",
            query: &[],
            headers: &[],
            body: SignableBody::Bytes(b""),
        };
        let far = SystemTime::UNIX_EPOCH + Duration::from_secs(400_000_000_000);
        let e = sign(&req, &creds(), &EopSettings::default(), far).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert!(e.message().contains("time"), "{}", e.message());
    }

    #[test]
    fn invalid_utc_offset_is_a_configuration_error_not_utc() {
        let req = SignableRequest {
            method: "GET",
            path: "/",
            query: &[],
            headers: &[],
            body: SignableBody::Bytes(b""),
        };
        let settings = EopSettings {
            utc_offset_seconds: 100 * 3600,
            ..Default::default()
        };
        let e = sign(&req, &creds(), &settings, t0()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Configuration);
    }

    #[test]
    fn parse_rejects_garbage() {
        assert!(parse_authorization("ak Headers=a Signature=").is_err());
        assert!(parse_authorization("ak Header=a Signature=x").is_err());
        assert!(parse_authorization("ak  Headers=a Signature=x").is_err());
        assert_eq!(
            parse_authorization("ak Headers=a;b Signature=x")
                .unwrap()
                .signed_headers,
            vec!["a", "b"]
        );
    }
}
