//! Huawei APIG AK/SK authentication: `SDK-HMAC-SHA256`, `SDK-HMAC-SM3` and
//! `V11-HMAC-SHA256`, as `huaweicloudsdkcore.signer` computes them (INDEX.md).
//! `X-Sdk-Date` is UTC `%Y%m%dT%H%M%SZ` and must be within the date window.

use super::mac::{hmac_sha256, hmac_sm3, same, sha256_hex, sm3_hex};
use super::{within_window, AuthFailure, AuthFailureKind::*};
use crate::http::Request;
use cnvision::auth::encode::rfc3986;
use cnvision::auth::timefmt::parse_compact;

/// The three signing algorithms the official SDK offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    HmacSha256,
    HmacSm3,
    V11HmacSha256,
}

impl Algorithm {
    fn name(self) -> &'static str {
        match self {
            Algorithm::HmacSha256 => "SDK-HMAC-SHA256",
            Algorithm::HmacSm3 => "SDK-HMAC-SM3",
            Algorithm::V11HmacSha256 => "V11-HMAC-SHA256",
        }
    }
}

/// Whether `req` carries an APIG signature (as opposed to a token).
pub fn is_signed(req: &Request) -> bool {
    req.header("Authorization")
        .is_some_and(|a| parse_algorithm(a).is_some())
}

fn parse_algorithm(auth: &str) -> Option<Algorithm> {
    let first = auth.split(' ').next()?;
    [
        Algorithm::HmacSha256,
        Algorithm::HmacSm3,
        Algorithm::V11HmacSha256,
    ]
    .into_iter()
    .find(|a| a.name() == first)
}

/// Verifies an AK/SK-signed request at Unix time `now` (seconds).
pub fn verify(
    req: &Request,
    ak: &str,
    sk: &str,
    now: i64,
    window_secs: u64,
) -> Result<(), AuthFailure> {
    let auth = req
        .header("Authorization")
        .ok_or_else(|| AuthFailure::new(Missing, "Authorization header missing"))?;
    let alg = parse_algorithm(auth)
        .ok_or_else(|| AuthFailure::new(BadSignature, "unknown signing algorithm"))?;
    let fields = parse_fields(&auth[alg.name().len()..]);
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let (access, info) = match alg {
        Algorithm::V11HmacSha256 => {
            let cred = get("Credential")
                .ok_or_else(|| AuthFailure::new(BadSignature, "Credential missing"))?;
            let (a, i) = cred.split_once('/').ok_or_else(|| {
                AuthFailure::new(
                    BadSignature,
                    "Credential is not {ak}/{date}/{region}/{service}",
                )
            })?;
            (a, Some(i))
        }
        _ => (
            get("Access").ok_or_else(|| AuthFailure::new(BadSignature, "Access missing"))?,
            None,
        ),
    };
    if access != ak {
        return Err(AuthFailure::new(UnknownKey, "access key unknown"));
    }
    let signed = get("SignedHeaders")
        .ok_or_else(|| AuthFailure::new(BadSignature, "SignedHeaders missing"))?;
    let signature =
        get("Signature").ok_or_else(|| AuthFailure::new(BadSignature, "Signature missing"))?;
    let date = req
        .header("X-Sdk-Date")
        .ok_or_else(|| AuthFailure::new(BadDate, "X-Sdk-Date header missing"))?;
    let when = parse_compact(date, 0)
        .ok_or_else(|| AuthFailure::new(BadDate, "X-Sdk-Date is not %Y%m%dT%H%M%SZ"))?;
    let when_secs = when
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    if !within_window(when_secs, now, window_secs) {
        return Err(AuthFailure::new(
            BadDate,
            "X-Sdk-Date is outside the allowed window",
        ));
    }

    let signed_headers: Vec<String> = signed.split(';').map(|s| s.to_ascii_lowercase()).collect();
    let mut canonical_headers = String::new();
    for name in &signed_headers {
        let value = req.header(name).ok_or_else(|| {
            AuthFailure::new(BadSignature, format!("signed header {name} not sent"))
        })?;
        canonical_headers.push_str(name);
        canonical_headers.push(':');
        canonical_headers.push_str(value.trim());
        canonical_headers.push('\n');
    }
    let payload_hash = match alg {
        Algorithm::HmacSm3 => req
            .header("X-Sdk-Content-Sm3")
            .map(str::to_string)
            .unwrap_or_else(|| sm3_hex(&req.body)),
        _ => req
            .header("X-Sdk-Content-Sha256")
            .map(str::to_string)
            .unwrap_or_else(|| sha256_hex(&req.body)),
    };
    let canonical = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        req.method.to_ascii_uppercase(),
        canonical_uri(&req.path),
        canonical_query(&req.query),
        canonical_headers,
        signed_headers.join(";"),
        payload_hash
    );
    let expected = match alg {
        Algorithm::HmacSha256 => {
            let sts = format!(
                "{}\n{}\n{}",
                alg.name(),
                date,
                sha256_hex(canonical.as_bytes())
            );
            hex::encode(hmac_sha256(sk.as_bytes(), sts.as_bytes()))
        }
        Algorithm::HmacSm3 => {
            let sts = format!(
                "{}\n{}\n{}",
                alg.name(),
                date,
                sm3_hex(canonical.as_bytes())
            );
            hex::encode(hmac_sm3(sk.as_bytes(), sts.as_bytes()))
        }
        Algorithm::V11HmacSha256 => {
            let info = info.unwrap_or("");
            let sts = format!(
                "{}\n{}\n{}\n{}",
                alg.name(),
                date,
                info,
                sha256_hex(canonical.as_bytes())
            );
            // HKDF-SHA256: extract(salt = ak, ikm = sk), expand(info, 32 bytes: one block);
            // the derived key is used as its lower-case hex text.
            let prk = hmac_sha256(ak.as_bytes(), sk.as_bytes());
            let mut block_input = info.as_bytes().to_vec();
            block_input.push(1);
            let derived = hex::encode(hmac_sha256(&prk, &block_input));
            hex::encode(hmac_sha256(derived.as_bytes(), sts.as_bytes()))
        }
    };
    if same(
        expected.as_bytes(),
        signature.to_ascii_lowercase().as_bytes(),
    ) {
        Ok(())
    } else {
        Err(AuthFailure::new(BadSignature, "signature does not match"))
    }
}

/// `Key=Value, Key=Value` after the algorithm name.
fn parse_fields(rest: &str) -> Vec<(String, String)> {
    rest.split(',')
        .filter_map(|p| p.trim().split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// Each decoded segment RFC 3986-encoded, always ending in `/`.
fn canonical_uri(decoded_path: &str) -> String {
    let mut uri = decoded_path
        .split('/')
        .map(rfc3986)
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Sorted, encoded, `k=` for empty values.
fn canonical_query(query: &[(String, String)]) -> String {
    let mut pairs: Vec<&(String, String)> = query.iter().collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", rfc3986(k), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&")
}
