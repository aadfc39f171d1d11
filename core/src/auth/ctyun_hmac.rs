//! CTyun 2019 face API signature `Authorization: CTYUN <AppKey>:<Sign>` (manual 003, 4.1.3).
//!
//! `RequestStr = METHOD \n PATH \n QUERY \n X-CTYUN-DT \n lower-hex SHA1(body)`,
//! `Sign = lower-hex HMAC-SHA256(AppSecret, RequestStr)`; `X-CTYUN-DT` is Unix
//! milliseconds. PATH is the path without query; QUERY is the query as sent, in the
//! original order (`a=1&b=2`), keys and values RFC 3986-encoded, empty if none.

use std::time::{Duration, SystemTime};

use hmac::{Hmac, KeyInit, Mac};
use sha1::{Digest, Sha1};
use sha2::Sha256;

use super::ctyun_md5::check_timestamp;
use super::eop::{ct_eq, VerifyError};
use super::{encode, find_header, timefmt, SignableBody, SignableRequest, SigningOutput};
use crate::{Error, Result, SecretString};

/// Authorization header name.
pub const AUTHORIZATION_HEADER: &str = "Authorization";
/// Millisecond timestamp header.
pub const DATE_HEADER: &str = "X-CTYUN-DT";
/// Authorization scheme word.
pub const SCHEME: &str = "CTYUN";

/// CTYUN credentials. `app_secret` is wiped on drop and redacted in `Debug`.
#[derive(Debug, Clone)]
pub struct HmacCredentials {
    pub app_key: String,
    pub app_secret: SecretString,
}

/// The `X-CTYUN-DT` value: Unix milliseconds of `time`.
pub fn timestamp(time: SystemTime) -> String {
    timefmt::unix_millis(time).to_string()
}

/// The query as sent: `k=v` pairs in the given order, both RFC 3986-encoded, joined by `&`.
pub fn query_string(query: &[(&str, &str)]) -> String {
    let parts: Vec<String> = query
        .iter()
        .map(|(k, v)| format!("{}={}", encode::rfc3986(k), encode::rfc3986(v)))
        .collect();
    parts.join("&")
}

/// Lower-case hex SHA-1 of the body. `Precomputed` must be 40 hex digits; `Unsigned` is rejected.
pub fn body_hash(body: SignableBody<'_>) -> Result<String> {
    super::hex_body_digest(body, "CTYUN", "SHA-1", 40, |b| Sha1::digest(b).to_vec())
}

/// `METHOD\nPATH\nQUERY\nDT\nBODYHASH`.
pub fn string_to_sign(method: &str, path: &str, query: &str, dt: &str, body_hash: &str) -> String {
    format!("{method}\n{path}\n{query}\n{dt}\n{body_hash}")
}

/// Lower-case hex HMAC-SHA256(app_secret, string_to_sign).
pub fn signature(app_secret: &SecretString, string_to_sign: &str) -> String {
    // HMAC accepts keys of any length; new_from_slice cannot fail for Hmac<Sha256>.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(app_secret.expose().as_bytes())
        .unwrap_or_else(|_| unreachable!());
    mac.update(string_to_sign.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// `CTYUN {app_key}:{signature}`.
pub fn authorization(app_key: &str, signature: &str) -> String {
    format!("{SCHEME} {app_key}:{signature}")
}

/// Split `CTYUN <AppKey>:<Sign>` into (app key, signature).
pub fn parse_authorization(value: &str) -> std::result::Result<(&str, &str), VerifyError> {
    let bad = || VerifyError::MalformedHeader(AUTHORIZATION_HEADER.to_string());
    let rest = value
        .trim()
        .strip_prefix(SCHEME)
        .and_then(|r| r.strip_prefix(' '))
        .ok_or_else(bad)?;
    let (key, sig) = rest.rsplit_once(':').ok_or_else(bad)?;
    if key.is_empty() || sig.is_empty() {
        return Err(bad());
    }
    Ok((key, sig))
}

/// Sign `req` at `time`: adds `X-CTYUN-DT` then `Authorization`.
/// `canonical_request` holds the QUERY line; `string_to_sign` the full RequestStr.
pub fn sign(
    req: &SignableRequest<'_>,
    creds: &HmacCredentials,
    time: SystemTime,
) -> Result<SigningOutput> {
    if req.method.is_empty() || !req.path.starts_with('/') {
        return Err(Error::invalid_input(
            "request",
            "method must be set and path must start with /",
        ));
    }
    let dt = timestamp(time);
    let query = query_string(req.query);
    let sts = string_to_sign(req.method, req.path, &query, &dt, &body_hash(req.body)?);
    let sig = signature(&creds.app_secret, &sts);
    Ok(SigningOutput {
        headers: vec![
            (DATE_HEADER.to_string(), dt),
            (
                AUTHORIZATION_HEADER.to_string(),
                authorization(&creds.app_key, &sig),
            ),
        ],
        canonical_request: query,
        string_to_sign: sts,
        signature: sig,
    })
}

/// Gateway-side check of a received request (headers as received). `window`: accepted
/// skew of `X-CTYUN-DT` (the manual states none; `None` skips the check). The received
/// signature is lower-cased and compared in constant time.
pub fn verify(
    req: &SignableRequest<'_>,
    creds: &HmacCredentials,
    now: SystemTime,
    window: Option<Duration>,
) -> std::result::Result<(), VerifyError> {
    let auth = find_header(req.headers, AUTHORIZATION_HEADER)
        .ok_or_else(|| VerifyError::MissingHeader(AUTHORIZATION_HEADER.to_string()))?;
    let (key, sig) = parse_authorization(auth)?;
    if !ct_eq(key.as_bytes(), creds.app_key.as_bytes()) {
        return Err(VerifyError::UnknownKey);
    }
    let dt = find_header(req.headers, DATE_HEADER)
        .ok_or_else(|| VerifyError::MissingHeader(DATE_HEADER.to_string()))?
        .trim();
    match window {
        Some(w) => check_timestamp(dt, now, w, DATE_HEADER)?,
        None if dt.is_empty() || !dt.bytes().all(|c| c.is_ascii_digit()) => {
            return Err(VerifyError::MalformedHeader(DATE_HEADER.to_string()))
        }
        None => {}
    }
    let hash = body_hash(req.body).map_err(|_| VerifyError::BadSignature)?;
    let sts = string_to_sign(req.method, req.path, &query_string(req.query), dt, &hash);
    if ct_eq(
        signature(&creds.app_secret, &sts).as_bytes(),
        sig.to_ascii_lowercase().as_bytes(),
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
        let creds = HmacCredentials {
            app_key: "key".into(),
            app_secret: "secret".into(),
        };
        let t = SystemTime::UNIX_EPOCH + Duration::from_millis(1_544_518_784_923);
        let req = SignableRequest {
            method: "POST",
            path: "/api/v1/face_detect.json",
            query: &[("b", "x y"), ("a", "1")],
            headers: &[],
            body: SignableBody::Bytes(b"request body string"),
        };
        let out = sign(&req, &creds, t).unwrap();
        assert_eq!(
            out.string_to_sign,
            format!(
                "POST\n/api/v1/face_detect.json\nb=x%20y&a=1\n1544518784923\n{}",
                hex::encode(Sha1::digest(b"request body string"))
            )
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
            verify(&recv, &creds, t, Some(Duration::from_secs(60))),
            Ok(())
        );
        let reordered = SignableRequest {
            query: &[("a", "1"), ("b", "x y")],
            ..recv
        };
        assert_eq!(
            verify(&reordered, &creds, t, None),
            Err(VerifyError::BadSignature)
        );
        let other = HmacCredentials {
            app_key: "other".into(),
            app_secret: "secret".into(),
        };
        assert_eq!(verify(&recv, &other, t, None), Err(VerifyError::UnknownKey));
        assert!(parse_authorization("CTYUN key").is_err());
        let c2 = HmacCredentials {
            app_key: "k".into(),
            app_secret: "topsecret".into(),
        };
        assert!(!format!("{c2:?}").contains("topsecret"));
    }

    #[test]
    fn hostile_timestamp_is_rejected_not_a_panic() {
        let creds = HmacCredentials {
            app_key: "key".into(),
            app_secret: "secret".into(),
        };
        let now = SystemTime::UNIX_EPOCH + Duration::from_millis(1_544_518_784_923);
        let max = u64::MAX.to_string();
        let auth = format!("CTYUN key:{}", "0".repeat(64));
        let headers = [
            (DATE_HEADER, max.as_str()),
            (AUTHORIZATION_HEADER, auth.as_str()),
        ];
        let req = SignableRequest {
            method: "GET",
            path: "/api/x",
            query: &[],
            headers: &headers,
            body: SignableBody::Bytes(b""),
        };
        // u64::MAX ms (~5.8e8 years) fits a Unix SystemTime, not e.g. Windows'.
        let expected = match SystemTime::UNIX_EPOCH.checked_add(Duration::from_millis(u64::MAX)) {
            Some(_) => VerifyError::DateOutsideWindow,
            None => VerifyError::MalformedHeader(DATE_HEADER.to_string()),
        };
        let window = Some(Duration::from_secs(900));
        assert_eq!(verify(&req, &creds, now, window), Err(expected));
        let too_big = [
            (DATE_HEADER, "18446744073709551616"),
            (AUTHORIZATION_HEADER, auth.as_str()),
        ];
        let req2 = SignableRequest {
            headers: &too_big,
            ..req
        };
        assert_eq!(
            verify(&req2, &creds, now, window),
            Err(VerifyError::MalformedHeader(DATE_HEADER.to_string()))
        );
    }
}
