//! Server-side check of an APIG signature (for the emulator): parse `Authorization`,
//! recompute the signature from the received request, compare in constant time.

use std::fmt;
use std::time::{Duration, SystemTime};

use percent_encoding::percent_decode_str;
use subtle::ConstantTimeEq;

use super::algorithm::Algorithm;
use super::canonical;
use super::key::signing_key;
use super::sign::{
    credential_scope, parse_sdk_date, DerivedScope, HEADER_AUTHORIZATION, HEADER_SDK_DATE,
};
use crate::auth::SignableBody;
use crate::error::{Error, ErrorKind};
use crate::secret::SecretString;

/// A request as the server received it. Borrowed.
#[derive(Debug, Clone, Copy)]
pub struct ReceivedRequest<'a> {
    /// Method as received.
    pub method: &'a str,
    /// Path as received on the request line (percent-encoded), without the query.
    pub raw_path: &'a str,
    /// Query string after `?` as received (percent-encoded), empty when none.
    pub raw_query: &'a str,
    /// Every received header (name, value), including those the client added.
    pub headers: &'a [(&'a str, &'a str)],
    /// The exact body bytes received.
    pub body: &'a [u8],
}

/// The parts of an APIG `Authorization` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAuthorization {
    pub algorithm: Algorithm,
    pub access_key: String,
    /// `V11-HMAC-SHA256` only: the scope day (`yyyyMMdd`) and its region and service.
    pub scope: Option<(String, DerivedScope)>,
    /// Lower-case, sorted, as listed in `SignedHeaders`.
    pub signed_headers: Vec<String>,
    /// Lower-case hex signature as sent.
    pub signature: String,
}

/// Why a request failed verification. Messages carry no secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mismatch {
    /// No `Authorization` header.
    MissingAuthorization,
    /// `Authorization` could not be parsed; the text says which part.
    MalformedAuthorization(&'static str),
    /// The algorithm name is not one of the three HMAC algorithms.
    UnsupportedAlgorithm(String),
    /// No SK is known for this AK.
    UnknownAccessKey(String),
    /// No `X-Sdk-Date` header.
    MissingSdkDate,
    /// `X-Sdk-Date` is not `yyyyMMddTHHmmssZ`.
    MalformedSdkDate,
    /// `X-Sdk-Date` is further from the server clock than allowed.
    SdkDateOutOfRange,
    /// The V11 scope day differs from the day of `X-Sdk-Date`.
    ScopeDateMismatch,
    /// A header that must be signed (`host`, `x-sdk-date`) is not in `SignedHeaders`.
    HeaderNotSigned(&'static str),
    /// A header listed in `SignedHeaders` is absent from the request.
    SignedHeaderMissing(String),
    /// A signed header appears more than once.
    DuplicateHeader(String),
    /// The recomputed signature differs.
    SignatureMismatch,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mismatch::MissingAuthorization => f.write_str("missing Authorization header"),
            Mismatch::MalformedAuthorization(what) => {
                write!(f, "malformed Authorization header: {what}")
            }
            Mismatch::UnsupportedAlgorithm(a) => write!(f, "unsupported signing algorithm `{a}`"),
            Mismatch::UnknownAccessKey(ak) => write!(f, "unknown access key `{ak}`"),
            Mismatch::MissingSdkDate => f.write_str("missing X-Sdk-Date header"),
            Mismatch::MalformedSdkDate => f.write_str("X-Sdk-Date is not yyyyMMddTHHmmssZ"),
            Mismatch::SdkDateOutOfRange => {
                f.write_str("X-Sdk-Date is outside the allowed clock skew")
            }
            Mismatch::ScopeDateMismatch => {
                f.write_str("credential scope date differs from X-Sdk-Date")
            }
            Mismatch::HeaderNotSigned(h) => write!(f, "header `{h}` must be signed"),
            Mismatch::SignedHeaderMissing(h) => write!(f, "signed header `{h}` is missing"),
            Mismatch::DuplicateHeader(h) => write!(f, "signed header `{h}` appears more than once"),
            Mismatch::SignatureMismatch => f.write_str("signature does not match"),
        }
    }
}

impl std::error::Error for Mismatch {}

impl From<Mismatch> for Error {
    fn from(m: Mismatch) -> Self {
        Error::new(ErrorKind::Authentication, m.to_string())
    }
}

/// A request that verified, with the stages recomputed on the server side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub authorization: ParsedAuthorization,
    /// The instant in `X-Sdk-Date`.
    pub sdk_date: SystemTime,
    pub canonical_request: String,
    pub string_to_sign: String,
}

/// Parse `ALG Access=ak, SignedHeaders=a;b, Signature=hex` or
/// `V11-HMAC-SHA256 Credential=ak/yyyyMMdd/region/service, SignedHeaders=..., Signature=...`.
pub fn parse_authorization(value: &str) -> Result<ParsedAuthorization, Mismatch> {
    let (alg_name, rest) = value
        .split_once(' ')
        .ok_or(Mismatch::MalformedAuthorization("no parameters"))?;
    let algorithm = Algorithm::from_name(alg_name)
        .ok_or_else(|| Mismatch::UnsupportedAlgorithm(alg_name.to_owned()))?;
    let mut parts = rest.split(", ");
    let mut field = |name: &'static str| -> Result<&str, Mismatch> {
        parts
            .next()
            .and_then(|p| p.strip_prefix(name))
            .and_then(|p| p.strip_prefix('='))
            .ok_or(Mismatch::MalformedAuthorization(name))
    };
    let (access_key, scope) = if algorithm == Algorithm::V11HmacSha256 {
        let cred = field("Credential")?;
        let mut it = cred.split('/');
        match (it.next(), it.next(), it.next(), it.next(), it.next()) {
            (Some(ak), Some(day), Some(region), Some(service), None)
                if !ak.is_empty()
                    && day.len() == 8
                    && !region.is_empty()
                    && !service.is_empty() =>
            {
                let scope = DerivedScope {
                    region_id: region.to_owned(),
                    service_name: service.to_owned(),
                };
                (ak.to_owned(), Some((day.to_owned(), scope)))
            }
            _ => return Err(Mismatch::MalformedAuthorization("Credential")),
        }
    } else {
        (field("Access")?.to_owned(), None)
    };
    let signed = field("SignedHeaders")?;
    let signature = field("Signature")?;
    if parts.next().is_some() {
        return Err(Mismatch::MalformedAuthorization("trailing parameters"));
    }
    if access_key.is_empty() {
        return Err(Mismatch::MalformedAuthorization("Access"));
    }
    let signed_headers: Vec<String> = signed.split(';').map(str::to_owned).collect();
    let canonical_list = signed_headers
        .iter()
        .all(|h| !h.is_empty() && *h == h.to_lowercase())
        && signed_headers.windows(2).all(|w| w[0] < w[1]);
    if !canonical_list {
        return Err(Mismatch::MalformedAuthorization("SignedHeaders"));
    }
    if signature.is_empty() || !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Mismatch::MalformedAuthorization("Signature"));
    }
    Ok(ParsedAuthorization {
        algorithm,
        access_key,
        scope,
        signed_headers,
        signature: signature.to_owned(),
    })
}

/// Percent-decode as Python's `urllib.parse.unquote` (invalid UTF-8 becomes U+FFFD; `+` kept).
pub fn unquote(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Split a raw query string into decoded pairs (`k` without `=` means an empty value).
pub fn parse_raw_query(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (unquote(k), unquote(v)),
            None => (unquote(p), String::new()),
        })
        .collect()
}

fn header_values<'a>(headers: &[(&'a str, &'a str)], name: &str) -> Vec<&'a str> {
    headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| *v)
        .collect()
}

/// Verify `req` against its parsed `auth` and the SK of `auth.access_key`.
/// `host` and `x-sdk-date` must be signed. Clock skew is not checked here; see
/// [`check_sdk_date`].
pub fn verify(
    req: &ReceivedRequest<'_>,
    auth: &ParsedAuthorization,
    sk: &SecretString,
) -> Result<Verified, Mismatch> {
    let alg = auth.algorithm;
    for required in ["host", "x-sdk-date"] {
        if !auth.signed_headers.iter().any(|h| h == required) {
            return Err(Mismatch::HeaderNotSigned(required));
        }
    }
    let date = match header_values(req.headers, HEADER_SDK_DATE).as_slice() {
        [] => return Err(Mismatch::MissingSdkDate),
        [d] => *d,
        _ => return Err(Mismatch::DuplicateHeader("x-sdk-date".into())),
    };
    let date = canonical::python_strip(date);
    let sdk_date = parse_sdk_date(date).ok_or(Mismatch::MalformedSdkDate)?;
    let scope = match &auth.scope {
        Some((day, s)) => {
            if date.get(..8) != Some(day.as_str()) {
                return Err(Mismatch::ScopeDateMismatch);
            }
            Some(credential_scope(date, s))
        }
        None => None,
    };

    let mut signed = Vec::with_capacity(auth.signed_headers.len());
    for name in &auth.signed_headers {
        match header_values(req.headers, name).as_slice() {
            [] => return Err(Mismatch::SignedHeaderMissing(name.clone())),
            [v] => signed.push((name.clone(), canonical::python_strip(v).to_owned())),
            _ => return Err(Mismatch::DuplicateHeader(name.clone())),
        }
    }
    let query = parse_raw_query(req.raw_query);
    let query_refs: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let content = header_values(req.headers, alg.content_hash_header())
        .first()
        .copied();
    let hash = canonical::payload_hash(alg, SignableBody::Bytes(req.body), content);
    let uri = canonical::canonical_uri(&unquote(req.raw_path))
        .map_err(|_| Mismatch::MalformedAuthorization("path"))?;
    let canonical_request = canonical::canonical_request(
        req.method,
        &uri,
        &canonical::canonical_query(&query_refs),
        &canonical::canonical_headers(&signed),
        &auth.signed_headers.join(";"),
        &hash,
    );
    let string_to_sign = canonical::string_to_sign(alg, date, scope.as_deref(), &canonical_request);
    let key = signing_key(alg, &auth.access_key, sk, scope.as_deref());
    let expected = alg.hmac_hex(key.expose(), string_to_sign.as_bytes());
    let given = auth.signature.to_ascii_lowercase();
    if !bool::from(expected.as_bytes().ct_eq(given.as_bytes())) {
        return Err(Mismatch::SignatureMismatch);
    }
    Ok(Verified {
        authorization: auth.clone(),
        sdk_date,
        canonical_request,
        string_to_sign,
    })
}

/// Parse `Authorization`, look the SK up by AK with `lookup`, and [`verify`].
pub fn verify_request(
    req: &ReceivedRequest<'_>,
    lookup: impl FnOnce(&str) -> Option<SecretString>,
) -> Result<Verified, Mismatch> {
    let value = match header_values(req.headers, HEADER_AUTHORIZATION).as_slice() {
        [] => return Err(Mismatch::MissingAuthorization),
        [v] => *v,
        _ => return Err(Mismatch::DuplicateHeader("authorization".into())),
    };
    let auth = parse_authorization(value)?;
    let sk = lookup(&auth.access_key)
        .ok_or_else(|| Mismatch::UnknownAccessKey(auth.access_key.clone()))?;
    verify(req, &auth, &sk)
}

/// Accept `sdk_date` only within `max_skew` of `now`, either direction.
pub fn check_sdk_date(
    sdk_date: SystemTime,
    now: SystemTime,
    max_skew: Duration,
) -> Result<(), Mismatch> {
    let diff = match now.duration_since(sdk_date) {
        Ok(d) => d,
        Err(e) => e.duration(),
    };
    if diff > max_skew {
        return Err(Mismatch::SdkDateOutOfRange);
    }
    Ok(())
}
