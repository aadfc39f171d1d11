//! CTyun `Sign` scheme of the older AI gateway (manual 001).
//!
//! `Sign = lower-hex MD5(AppKey ‖ AppSecret ‖ Timestamp ‖ Path ‖ Body)` with headers
//! `Sign`, `Timestamp` (13-digit Unix milliseconds) and `AppKey`. Path is the request
//! path without query, starting at `/v1/aiop/api/`; Body is the exact body bytes
//! (empty for an empty body or GET). The query is not signed (the manual's calls have none).
//! The manual's sample hashes the concatenated text; MD5 is streamed here so a large
//! body is never copied.

use std::time::{Duration, SystemTime};

use md5::{Digest, Md5};

use super::eop::{ct_eq, VerifyError};
use super::{find_header, timefmt, SignableBody, SignableRequest, SigningOutput};
use crate::secret::REDACTED;
use crate::{Error, Result, SecretString};

/// Signature header.
pub const SIGN_HEADER: &str = "Sign";
/// Millisecond timestamp header.
pub const TIMESTAMP_HEADER: &str = "Timestamp";
/// Application key header.
pub const APPKEY_HEADER: &str = "AppKey";
/// Every signed path starts with this.
pub const PATH_PREFIX: &str = "/v1/aiop/api/";

/// `Sign` credentials. `app_secret` is wiped on drop and redacted in `Debug`.
#[derive(Debug, Clone)]
pub struct Md5Credentials {
    pub app_key: String,
    pub app_secret: SecretString,
}

/// The `Timestamp` value: Unix milliseconds of `time` in decimal (13 digits today).
pub fn timestamp(time: SystemTime) -> String {
    timefmt::unix_millis(time).to_string()
}

/// Lower-case hex MD5 of `app_key ‖ app_secret ‖ timestamp ‖ path ‖ body`.
pub fn digest(
    app_key: &str,
    app_secret: &SecretString,
    timestamp: &str,
    path: &str,
    body: &[u8],
) -> String {
    let mut h = Md5::new();
    h.update(app_key.as_bytes());
    h.update(app_secret.expose().as_bytes());
    h.update(timestamp.as_bytes());
    h.update(path.as_bytes());
    h.update(body);
    hex::encode(h.finalize())
}

/// The hashed text with the secret replaced by `** REDACTED **` and the body left
/// out (it follows the path verbatim): `app_key ‖ REDACTED ‖ timestamp ‖ path`.
/// This is what [`SigningOutput::string_to_sign`] holds for this scheme.
pub fn redacted_string_to_sign(app_key: &str, timestamp: &str, path: &str) -> String {
    format!("{app_key}{REDACTED}{timestamp}{path}")
}

fn body_bytes<'a>(body: SignableBody<'a>) -> Result<&'a [u8]> {
    match body {
        SignableBody::Bytes(b) => Ok(b),
        _ => Err(Error::invalid_input(
            "body",
            "the Sign scheme hashes the body bytes themselves",
        )),
    }
}

fn check_path(path: &str) -> Result<()> {
    if path.starts_with(PATH_PREFIX) {
        Ok(())
    } else {
        Err(Error::invalid_input(
            "path",
            format!("must start with {PATH_PREFIX}"),
        ))
    }
}

/// Sign `req` at `time`: adds `Sign`, `Timestamp`, `AppKey` (in that order).
/// Errors: path outside [`PATH_PREFIX`], body not given as bytes.
/// `canonical_request` is empty; `string_to_sign` is [`redacted_string_to_sign`].
pub fn sign(
    req: &SignableRequest<'_>,
    creds: &Md5Credentials,
    time: SystemTime,
) -> Result<SigningOutput> {
    check_path(req.path)?;
    let body = body_bytes(req.body)?;
    let ts = timestamp(time);
    let sig = digest(&creds.app_key, &creds.app_secret, &ts, req.path, body);
    Ok(SigningOutput {
        headers: vec![
            (SIGN_HEADER.to_string(), sig.clone()),
            (TIMESTAMP_HEADER.to_string(), ts.clone()),
            (APPKEY_HEADER.to_string(), creds.app_key.clone()),
        ],
        canonical_request: String::new(),
        string_to_sign: redacted_string_to_sign(&creds.app_key, &ts, req.path),
        signature: sig,
    })
}

/// Accept a millisecond timestamp only if it is within `window` of `now`.
pub fn check_timestamp(
    ts: &str,
    now: SystemTime,
    window: Duration,
    header: &str,
) -> std::result::Result<(), VerifyError> {
    let ms: u64 = if !ts.is_empty() && ts.bytes().all(|c| c.is_ascii_digit()) {
        ts.parse().ok()
    } else {
        None
    }
    .ok_or_else(|| VerifyError::MalformedHeader(header.to_string()))?;
    // Checked: `+` panics where the platform's SystemTime cannot hold the instant.
    let t = SystemTime::UNIX_EPOCH
        .checked_add(Duration::from_millis(ms))
        .ok_or_else(|| VerifyError::MalformedHeader(header.to_string()))?;
    if !timefmt::within(now, t, window) {
        return Err(VerifyError::DateOutsideWindow);
    }
    Ok(())
}

/// Gateway-side check of a received request (headers as received). `window`: accepted
/// clock skew of `Timestamp` (the manual states none; `None` skips the check).
/// Compares the lower-case hex digest in constant time (received value lower-cased).
pub fn verify(
    req: &SignableRequest<'_>,
    creds: &Md5Credentials,
    now: SystemTime,
    window: Option<Duration>,
) -> std::result::Result<(), VerifyError> {
    let get = |name: &str| {
        find_header(req.headers, name)
            .map(str::trim)
            .ok_or_else(|| VerifyError::MissingHeader(name.to_string()))
    };
    let sign_value = get(SIGN_HEADER)?;
    let ts = get(TIMESTAMP_HEADER)?;
    let app_key = get(APPKEY_HEADER)?;
    if !ct_eq(app_key.as_bytes(), creds.app_key.as_bytes()) {
        return Err(VerifyError::UnknownKey);
    }
    if ts.len() != 13 {
        return Err(VerifyError::MalformedHeader(TIMESTAMP_HEADER.to_string()));
    }
    if let Some(w) = window {
        check_timestamp(ts, now, w, TIMESTAMP_HEADER)?;
    }
    let body = body_bytes(req.body).map_err(|_| VerifyError::BadSignature)?;
    let expected = digest(&creds.app_key, &creds.app_secret, ts, req.path, body);
    if ct_eq(
        expected.as_bytes(),
        sign_value.to_ascii_lowercase().as_bytes(),
    ) {
        Ok(())
    } else {
        Err(VerifyError::BadSignature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_verify_tamper() {
        let creds = Md5Credentials {
            app_key: "k".into(),
            app_secret: "s".into(),
        };
        let t = SystemTime::UNIX_EPOCH + Duration::from_millis(1_700_000_000_123);
        let req = SignableRequest {
            method: "POST",
            path: "/v1/aiop/api/abc/SafeHat/base/hat_detect",
            query: &[],
            headers: &[],
            body: SignableBody::Bytes(b"{}"),
        };
        let out = sign(&req, &creds, t).unwrap();
        assert_eq!(out.header(TIMESTAMP_HEADER), Some("1700000000123"));
        assert_eq!(
            out.string_to_sign,
            "k** REDACTED **1700000000123/v1/aiop/api/abc/SafeHat/base/hat_detect"
        );
        let hdrs: Vec<(&str, &str)> = out
            .headers
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let recv = SignableRequest {
            headers: &hdrs,
            ..req
        };
        assert_eq!(
            verify(&recv, &creds, t, Some(Duration::from_secs(900))),
            Ok(())
        );
        assert_eq!(
            verify(
                &recv,
                &creds,
                t + Duration::from_secs(901),
                Some(Duration::from_secs(900))
            ),
            Err(VerifyError::DateOutsideWindow)
        );
        let bad = SignableRequest {
            body: SignableBody::Bytes(b"{ }"),
            ..recv
        };
        assert_eq!(
            verify(&bad, &creds, t, None),
            Err(VerifyError::BadSignature)
        );
        let wrong_path = SignableRequest {
            path: "/api/x",
            ..req
        };
        assert!(sign(&wrong_path, &creds, t).is_err());
        let c2 = Md5Credentials {
            app_key: "k".into(),
            app_secret: "topsecret".into(),
        };
        assert!(!format!("{c2:?}").contains("topsecret"));
    }
}
