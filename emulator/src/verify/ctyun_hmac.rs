//! CTyun 2019 face API authentication (manual 003 §4.1.3):
//! `RequestStr = METHOD\nPATH\nQUERY\nX-CTYUN-DT\nhex(SHA1(body))`,
//! `Authorization: CTYUN {AppKey}:{hex(HMAC-SHA256(AppSecret, RequestStr))}`.
//! The query is taken in its original order as sent. The manual documents no
//! validity window for `X-CTYUN-DT`, so only its form is checked.

use super::mac::{hmac_sha256, same, sha1_hex};
use super::{AuthFailure, AuthFailureKind::*};
use crate::http::Request;

/// Verifies `req` against the legacy AppKey/AppSecret pair.
pub fn verify(req: &Request, app_key: &str, app_secret: &str) -> Result<(), AuthFailure> {
    let auth = req
        .header("Authorization")
        .ok_or_else(|| AuthFailure::new(Missing, "Authorization header missing"))?;
    let rest = auth.strip_prefix("CTYUN ").ok_or_else(|| {
        AuthFailure::new(BadSignature, "Authorization is not `CTYUN {AppKey}:{sign}`")
    })?;
    let (key, sign) = rest.trim().split_once(':').ok_or_else(|| {
        AuthFailure::new(BadSignature, "Authorization is not `CTYUN {AppKey}:{sign}`")
    })?;
    if key != app_key {
        return Err(AuthFailure::new(UnknownKey, "AppKey unknown"));
    }
    let dt = req
        .header("X-CTYUN-DT")
        .ok_or_else(|| AuthFailure::new(BadDate, "X-CTYUN-DT header missing"))?;
    if dt.is_empty() || !dt.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AuthFailure::new(
            BadDate,
            "X-CTYUN-DT must be Unix milliseconds",
        ));
    }
    let request_str = format!(
        "{}\n{}\n{}\n{}\n{}",
        req.method,
        req.raw_path,
        req.raw_query,
        dt,
        sha1_hex(&req.body)
    );
    let expected = hex::encode(hmac_sha256(app_secret.as_bytes(), request_str.as_bytes()));
    if same(expected.as_bytes(), sign.to_ascii_lowercase().as_bytes()) {
        Ok(())
    } else {
        Err(AuthFailure::new(BadSignature, "signature does not match"))
    }
}
