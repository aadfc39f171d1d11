//! The APIG signer: one pure function from request parts, credentials, settings and
//! time to the headers huaweicloudsdkcore would add.

use std::time::SystemTime;

use super::algorithm::{Algorithm, UNSIGNED_PAYLOAD};
use super::canonical;
use super::key::signing_key;
use crate::auth::timefmt;
use crate::auth::{find_header, SignableBody, SignableRequest, SigningOutput};
use crate::error::{Error, Result};
use crate::secret::SecretString;

/// `X-Sdk-Date`, the signed request time (UTC, `%Y%m%dT%H%M%SZ`).
pub const HEADER_SDK_DATE: &str = "X-Sdk-Date";
/// `X-Project-Id`, signed on project-scoped calls.
pub const HEADER_PROJECT_ID: &str = "X-Project-Id";
/// `Host`, always signed.
pub const HEADER_HOST: &str = "Host";
/// `Authorization`.
pub const HEADER_AUTHORIZATION: &str = "Authorization";

/// An access key pair. The SK is wiped on drop and never printed.
#[derive(Debug, Clone)]
pub struct ApigCredentials {
    /// Access key id (public).
    pub ak: String,
    /// Secret access key.
    pub sk: SecretString,
}

impl ApigCredentials {
    pub fn new(ak: impl Into<String>, sk: impl Into<SecretString>) -> Self {
        ApigCredentials {
            ak: ak.into(),
            sk: sk.into(),
        }
    }
}

/// Region and service of a `V11-HMAC-SHA256` credential scope
/// (`derived_auth_service_name` and `region_id` in huaweicloudsdkcore).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedScope {
    pub region_id: String,
    pub service_name: String,
}

/// How to sign. Owned; cheap to clone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApigSettings {
    pub algorithm: Algorithm,
    /// Host (with `:port` when not the default) signed and added as `Host` when the
    /// request has no `Host` header. One of the two is required.
    pub host: Option<String>,
    /// When set, `X-Project-Id` is added (unless the request carries the same value) and signed.
    pub project_id: Option<String>,
    /// Required for `V11-HMAC-SHA256`, ignored otherwise.
    pub derived: Option<DerivedScope>,
}

impl ApigSettings {
    /// Settings for `algorithm` and `host`, no project id, no derived scope.
    pub fn new(algorithm: Algorithm, host: impl Into<String>) -> Self {
        ApigSettings {
            algorithm,
            host: Some(host.into()),
            project_id: None,
            derived: None,
        }
    }
    pub fn with_project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
    pub fn with_derived_scope(
        mut self,
        region_id: impl Into<String>,
        service_name: impl Into<String>,
    ) -> Self {
        self.derived = Some(DerivedScope {
            region_id: region_id.into(),
            service_name: service_name.into(),
        });
        self
    }
}

/// The `V11` credential scope `{yyyyMMdd}/{region}/{service}` for an `X-Sdk-Date` value.
pub fn credential_scope(sdk_date: &str, scope: &DerivedScope) -> String {
    let day = sdk_date.get(..8).unwrap_or(sdk_date);
    format!("{day}/{}/{}", scope.region_id, scope.service_name)
}

/// Format `t` as an `X-Sdk-Date` value (UTC `%Y%m%dT%H%M%SZ`).
/// Errors: `InvalidInput` (field `time`) outside years 0000..=9999.
pub fn sdk_date(t: SystemTime) -> Result<String> {
    timefmt::compact(t, 0)
}

/// Parse an `X-Sdk-Date` value strictly (`YYYYMMDDTHHMMSSZ`, UTC).
pub fn parse_sdk_date(s: &str) -> Option<SystemTime> {
    if s.len() != 16 {
        return None;
    }
    timefmt::parse_compact(s, 0)
}

/// Sign `req` as huaweicloudsdkcore's `Signer` / `SM3Signer` / `DerivationAKSKSigner` do.
///
/// Returns the headers to add, in this order and only when missing from the request:
/// `X-Project-Id` (when configured), the content-hash header (`UNSIGNED-PAYLOAD`, added
/// for [`SignableBody::Unsigned`] and — as the SDK does — whenever a `Content-Type`
/// header exists that is not `application/json*` or `application/bson*`),
/// `X-Sdk-Date`, `Host`, then `Authorization`. Every header of the request whose name
/// has no `_` is signed, plus the added ones. An `X-Sdk-Date` already on the request
/// is used instead of `time`.
///
/// Errors (`InvalidInput`): empty AK/SK, no host, V11 without a derived scope,
/// duplicate header names, a malformed `X-Sdk-Date` on the request, an `X-Project-Id`
/// on the request that differs from the configured one, an empty path.
pub fn sign(
    req: &SignableRequest<'_>,
    creds: &ApigCredentials,
    settings: &ApigSettings,
    time: SystemTime,
) -> Result<SigningOutput> {
    let alg = settings.algorithm;
    if creds.ak.is_empty() {
        return Err(Error::invalid_input("ak", "must not be empty"));
    }
    if creds.sk.is_empty() {
        return Err(Error::invalid_input("sk", "must not be empty"));
    }
    let scope_cfg = match (alg, &settings.derived) {
        (Algorithm::V11HmacSha256, None) => {
            return Err(Error::invalid_input(
                "derived scope",
                "V11-HMAC-SHA256 needs region id and service name",
            ))
        }
        (Algorithm::V11HmacSha256, Some(d))
            if d.region_id.is_empty() || d.service_name.is_empty() =>
        {
            return Err(Error::invalid_input(
                "derived scope",
                "region id and service name must not be empty",
            ))
        }
        (Algorithm::V11HmacSha256, Some(d)) => Some(d),
        _ => None,
    };

    let mut added: Vec<(String, String)> = Vec::new();
    if let Some(pid) = &settings.project_id {
        match find_header(req.headers, HEADER_PROJECT_ID) {
            Some(v) if v == pid => {}
            Some(_) => {
                return Err(Error::invalid_input(
                    "X-Project-Id",
                    "differs from the configured project id",
                ))
            }
            None => added.push((HEADER_PROJECT_ID.to_owned(), pid.clone())),
        }
    }

    let content_name = alg.content_hash_header();
    let content_type_unsigned = req
        .headers
        .iter()
        .find(|(n, _)| *n == "Content-Type")
        .is_some_and(|(_, v)| {
            !v.is_empty()
                && !v.starts_with("application/json")
                && !v.starts_with("application/bson")
        });
    let wants_unsigned = matches!(req.body, SignableBody::Unsigned) || content_type_unsigned;
    if wants_unsigned && find_header(req.headers, content_name).is_none() {
        added.push((content_name.to_owned(), UNSIGNED_PAYLOAD.to_owned()));
    }

    let date = match find_header(req.headers, HEADER_SDK_DATE) {
        Some(v) => {
            if parse_sdk_date(v).is_none() {
                return Err(Error::invalid_input(
                    "X-Sdk-Date",
                    "must be UTC yyyyMMddTHHmmssZ",
                ));
            }
            v.to_owned()
        }
        None => {
            let d = sdk_date(time)?;
            added.push((HEADER_SDK_DATE.to_owned(), d.clone()));
            d
        }
    };

    if find_header(req.headers, HEADER_HOST).is_none() {
        match settings.host.as_deref() {
            Some(h) if !h.is_empty() => added.push((HEADER_HOST.to_owned(), h.to_owned())),
            _ => {
                return Err(Error::invalid_input(
                    "host",
                    "needed when the request has no Host header",
                ))
            }
        }
    }

    let all: Vec<(&str, &str)> = req
        .headers
        .iter()
        .copied()
        .chain(added.iter().map(|(n, v)| (n.as_str(), v.as_str())))
        .collect();
    let signed = canonical::signed_header_set(&all)?;
    let signed_list = canonical::signed_headers_list(&signed);
    let content_value = find_header(&all, content_name);
    let hash = canonical::payload_hash(alg, req.body, content_value);
    let canonical_request = canonical::canonical_request(
        req.method,
        &canonical::canonical_uri(req.path)?,
        &canonical::canonical_query(req.query),
        &canonical::canonical_headers(&signed),
        &signed_list,
        &hash,
    );
    let scope = scope_cfg.map(|d| credential_scope(&date, d));
    let string_to_sign =
        canonical::string_to_sign(alg, &date, scope.as_deref(), &canonical_request);
    let key = signing_key(alg, &creds.ak, &creds.sk, scope.as_deref());
    let signature = alg.hmac_hex(key.expose(), string_to_sign.as_bytes());
    let auth = canonical::authorization(alg, &creds.ak, scope.as_deref(), &signed_list, &signature);
    added.push((HEADER_AUTHORIZATION.to_owned(), auth));

    Ok(SigningOutput {
        headers: added,
        canonical_request,
        string_to_sign,
        signature,
    })
}
