//! CTyun `/v1/aiop/api` gateway authentication (manual 001 §4):
//! `Sign = lower-hex MD5(AppKey + AppSecret + Timestamp + Path + Body)`, with the
//! `AppKey` and 13-digit millisecond `Timestamp` headers. The manual documents no
//! validity window for `Timestamp`, so only its form is checked.

use super::mac::{md5_hex, same};
use super::{AuthFailure, AuthFailureKind::*};
use crate::http::Request;

/// Verifies `req` against the legacy AppKey/AppSecret pair.
pub fn verify(req: &Request, app_key: &str, app_secret: &str) -> Result<(), AuthFailure> {
    let sign = req
        .header("Sign")
        .ok_or_else(|| AuthFailure::new(Missing, "Sign header missing"))?;
    let key = req
        .header("AppKey")
        .ok_or_else(|| AuthFailure::new(Missing, "AppKey header missing"))?;
    let ts = req
        .header("Timestamp")
        .ok_or_else(|| AuthFailure::new(BadDate, "Timestamp header missing"))?;
    if key != app_key {
        return Err(AuthFailure::new(UnknownKey, "AppKey unknown"));
    }
    if ts.len() != 13 || !ts.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AuthFailure::new(
            BadDate,
            "Timestamp must be 13-digit Unix milliseconds",
        ));
    }
    let mut data = Vec::with_capacity(
        app_key.len() + app_secret.len() + 13 + req.raw_path.len() + req.body.len(),
    );
    data.extend_from_slice(key.as_bytes());
    data.extend_from_slice(app_secret.as_bytes());
    data.extend_from_slice(ts.as_bytes());
    data.extend_from_slice(req.raw_path.as_bytes());
    data.extend_from_slice(&req.body);
    let expected = md5_hex(&data);
    if same(expected.as_bytes(), sign.to_ascii_lowercase().as_bytes()) {
        Ok(())
    } else {
        Err(AuthFailure::new(BadSignature, "Sign does not match"))
    }
}
