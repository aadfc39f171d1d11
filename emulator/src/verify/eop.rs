//! CTyun EOP gateway authentication (manuals 000 §4.1.3, 002 §6.2.3; INDEX.md).
//!
//! `Eop-Authorization: {ak} Headers={h1;h2;...} Signature={base64}`; key chain
//! `ktime = HMAC(sk, eop-date)`, `kAk = HMAC(ktime, ak)`, `kdate = HMAC(kAk, date[..8])`;
//! string to sign = signed headers `name:value\n` + `\n` + canonical query + `\n` +
//! hex SHA-256 of the body. `eop-date` is Beijing time and valid for 15 minutes.

use super::mac::{hmac_sha256, same, sha256_hex};
use super::{within_window, AuthFailure, AuthFailureKind::*};
use crate::http::Request;
use base64::Engine;
use cnvision::auth::encode::rfc3986;
use cnvision::auth::timefmt::{parse_compact, BEIJING_OFFSET_SECONDS};

/// What the gateway knows about its caller. `Debug` redacts `sk`.
#[derive(Clone, Copy)]
pub struct EopKeys<'a> {
    pub ak: &'a str,
    pub sk: &'a str,
    pub app_key: &'a str,
}

impl std::fmt::Debug for EopKeys<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EopKeys")
            .field("ak", &self.ak)
            .field("sk", &cnvision::secret::REDACTED)
            .field("app_key", &self.app_key)
            .finish()
    }
}

/// Verifies `req` at Unix time `now` (seconds).
pub fn verify(
    req: &Request,
    keys: EopKeys<'_>,
    now: i64,
    window_secs: u64,
) -> Result<(), AuthFailure> {
    let auth = req
        .header("Eop-Authorization")
        .ok_or_else(|| AuthFailure::new(Missing, "Eop-Authorization header missing"))?;
    let app_key = req
        .header("appkey")
        .ok_or_else(|| AuthFailure::new(MissingAppKey, "appkey header missing"))?;
    if app_key != keys.app_key {
        return Err(AuthFailure::new(BadAppKey, "appkey unknown"));
    }
    let parsed = parse_authorization(auth).ok_or_else(|| {
        AuthFailure::new(
            BadSignature,
            "Eop-Authorization is not `{ak} Headers=... Signature=...`",
        )
    })?;
    if parsed.ak != keys.ak {
        return Err(AuthFailure::new(UnknownKey, "access key unknown"));
    }
    for required in ["ctyun-eop-request-id", "eop-date"] {
        if !parsed.headers.iter().any(|h| h == required) {
            return Err(AuthFailure::new(
                BadSignature,
                format!("signed headers must include {required}"),
            ));
        }
    }
    let date = req
        .header("eop-date")
        .ok_or_else(|| AuthFailure::new(BadDate, "eop-date header missing"))?;
    let when = parse_compact(date, BEIJING_OFFSET_SECONDS)
        .ok_or_else(|| AuthFailure::new(BadDate, "eop-date is not yyyyMMddTHHmmssZ"))?;
    let when_secs = unix_secs(when);
    if !within_window(when_secs, now, window_secs) {
        return Err(AuthFailure::new(
            BadDate,
            format!("eop-date (Beijing time) is {}s away from the gateway clock; the limit is {window_secs}s", when_secs - now),
        ));
    }
    let mut to_sign = String::new();
    for name in &parsed.headers {
        let value = req.header(name).ok_or_else(|| {
            AuthFailure::new(BadSignature, format!("signed header {name} not sent"))
        })?;
        to_sign.push_str(name);
        to_sign.push(':');
        to_sign.push_str(value);
        to_sign.push('\n');
    }
    to_sign.push('\n');
    to_sign.push_str(&canonical_query(&req.query));
    to_sign.push('\n');
    to_sign.push_str(&sha256_hex(&req.body));

    let ktime = hmac_sha256(keys.sk.as_bytes(), date.as_bytes());
    let kak = hmac_sha256(&ktime, keys.ak.as_bytes());
    let kdate = hmac_sha256(&kak, date.get(..8).unwrap_or(date).as_bytes());
    let expected =
        base64::engine::general_purpose::STANDARD.encode(hmac_sha256(&kdate, to_sign.as_bytes()));
    if same(expected.as_bytes(), parsed.signature.as_bytes()) {
        Ok(())
    } else {
        Err(AuthFailure::new(BadSignature, "signature does not match"))
    }
}

struct ParsedAuth {
    ak: String,
    headers: Vec<String>,
    signature: String,
}

/// Parses `{ak} Headers={h1;h2} Signature={sig}` (the word `Headers` in any case).
fn parse_authorization(value: &str) -> Option<ParsedAuth> {
    let mut parts = value.split(' ').filter(|p| !p.is_empty());
    let ak = parts.next()?.to_string();
    let headers_part = parts.next()?;
    let signature_part = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    let (hk, hv) = headers_part.split_once('=')?;
    let (sk, sv) = signature_part.split_once('=')?;
    if !hk.eq_ignore_ascii_case("headers") || sk != "Signature" || sv.is_empty() {
        return None;
    }
    let headers = hv
        .split(';')
        .map(|h| h.trim().to_ascii_lowercase())
        .filter(|h| !h.is_empty())
        .collect();
    Some(ParsedAuth {
        ak,
        headers,
        signature: sv.to_string(),
    })
}

/// Pairs sorted by key, values percent-encoded (RFC 3986), joined with `&`.
fn canonical_query(query: &[(String, String)]) -> String {
    let mut pairs: Vec<&(String, String)> = query.iter().collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn unix_secs(t: std::time::SystemTime) -> i64 {
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorization_parsing() {
        let p =
            parse_authorization("AK Headers=appkey;ctyun-eop-request-id;eop-date Signature=abc=")
                .unwrap();
        assert_eq!(p.ak, "AK");
        assert_eq!(p.headers, ["appkey", "ctyun-eop-request-id", "eop-date"]);
        assert_eq!(p.signature, "abc=");
        assert!(parse_authorization("AK Signature=abc").is_none());
        assert!(parse_authorization("AK Header=x Signature=abc").is_none());
    }

    #[test]
    fn keys_debug_redacts_sk() {
        let keys = EopKeys {
            ak: "AK1",
            sk: "sk-very-secret",
            app_key: "app1",
        };
        let text = format!("{keys:?}");
        assert!(!text.contains("sk-very-secret"), "{text}");
        assert!(text.contains("AK1") && text.contains("REDACTED"), "{text}");
    }
}
