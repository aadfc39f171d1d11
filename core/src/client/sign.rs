//! Authentication dispatch: which signer an operation uses and with which
//! credentials. The body is hashed once per call ([`BodyDigest`]); every attempt
//! re-signs from that digest with a fresh time, so a retried request never carries
//! a stale date.

use crate::auth::apig::{self, Algorithm, ApigCredentials, ApigSettings};
use crate::auth::{ctyun_hmac, ctyun_md5, eop, SignableBody, SignableRequest};
use crate::catalog::{AuthScheme, Operation};
use crate::config::ClientConfig;
use crate::error::{Error, Result};
use crate::secret::SecretString;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use std::time::SystemTime;

/// The body digest a scheme signs, computed once per call (a 270 MB body is hashed
/// once, not once per attempt). `Sign` (MD5) hashes secret and timestamp *before*
/// the body, so it cannot be precomputed and re-hashes on each attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BodyDigest {
    /// Lower-case hex digest: SHA-256 (EOP), SHA-1 (`CTYUN`), or the configured APIG
    /// algorithm's hash (SHA-256, or SM3 for `SDK-HMAC-SM3`).
    Hex(String),
    /// Nothing to precompute (`Sign`, token, none).
    None,
}

/// How a Huawei request is authenticated for this call.
#[derive(Debug, Clone)]
pub(crate) enum HuaweiCredential {
    /// APIG AK/SK signature.
    AkSk,
    /// An IAM token (`X-Auth-Token`).
    Token(SecretString),
}

impl BodyDigest {
    /// The digest `op` needs, from the final body bytes.
    pub(crate) fn compute(
        op: &Operation,
        huawei: Option<&HuaweiCredential>,
        apig: Algorithm,
        body: &[u8],
    ) -> Self {
        match (op.auth, huawei) {
            (AuthScheme::Eop, _) => BodyDigest::Hex(hex::encode(Sha256::digest(body))),
            (AuthScheme::Huawei, Some(HuaweiCredential::AkSk)) => {
                BodyDigest::Hex(apig.hash_hex(body))
            }
            (AuthScheme::CtyunHmac, _) => BodyDigest::Hex(hex::encode(Sha1::digest(body))),
            _ => BodyDigest::None,
        }
    }

    fn signable<'a>(&'a self, body: &'a [u8]) -> SignableBody<'a> {
        match self {
            BodyDigest::Hex(h) => SignableBody::Precomputed(h),
            BodyDigest::None => SignableBody::Bytes(body),
        }
    }
}

/// Everything the signers read about one request.
#[derive(Debug)]
pub(crate) struct SignInput<'a> {
    pub op: &'a Operation,
    pub path: &'a str,
    pub query: &'a [(String, String)],
    pub host: &'a str,
    /// The request's headers before signing.
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
    pub digest: &'a BodyDigest,
    /// Sent as `ctyun-eop-request-id` on EOP.
    pub request_id: &'a str,
    /// Project id of a project-scoped Huawei path (signed as `X-Project-Id`).
    pub project_id: Option<&'a str>,
    pub huawei: Option<&'a HuaweiCredential>,
}

/// The headers to add to the request for `input`, signed at `now`.
pub(crate) fn sign(
    config: &ClientConfig,
    input: &SignInput<'_>,
    now: SystemTime,
) -> Result<Vec<(String, String)>> {
    let query: Vec<(&str, &str)> = input
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let headers: Vec<(&str, &str)> = input
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let req = SignableRequest {
        method: input.op.method.as_str(),
        path: input.path,
        query: &query,
        headers: &headers,
        body: input.digest.signable(input.body),
    };
    let out = match input.op.auth {
        AuthScheme::None => return Ok(Vec::new()),
        AuthScheme::Eop => {
            let c = config.ctyun_eop().ok_or_else(|| {
                missing(
                    input.op,
                    "CTyun EOP credentials (with_ctyun_eop or CTYUN_AK/CTYUN_SK/CTYUN_APP_KEY)",
                )
            })?;
            let creds = eop::EopCredentials {
                access_key: c.ak.clone(),
                secret_key: c.sk.clone(),
                app_key: Some(c.app_key.clone()),
            };
            let settings = eop::EopSettings {
                signed_headers: eop::DEFAULT_SIGNED_HEADERS
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                request_id: Some(input.request_id.to_string()),
                utc_offset_seconds: config.eop_utc_offset_seconds(),
            };
            eop::sign(&req, &creds, &settings, now)?
        }
        AuthScheme::CtyunMd5 => {
            let c = app_credentials(config, input.op)?;
            let creds = ctyun_md5::Md5Credentials {
                app_key: c.app_key.clone(),
                app_secret: c.app_secret.clone(),
            };
            ctyun_md5::sign(&req, &creds, now)?
        }
        AuthScheme::CtyunHmac => {
            let c = app_credentials(config, input.op)?;
            let creds = ctyun_hmac::HmacCredentials {
                app_key: c.app_key.clone(),
                app_secret: c.app_secret.clone(),
            };
            ctyun_hmac::sign(&req, &creds, now)?
        }
        AuthScheme::Huawei => match input.huawei {
            Some(HuaweiCredential::Token(token)) => {
                let mut h = vec![("X-Auth-Token".to_string(), token.expose().to_string())];
                if let Some(pid) = input.project_id {
                    h.push((apig::sign::HEADER_PROJECT_ID.to_string(), pid.to_string()));
                }
                return Ok(h);
            }
            Some(HuaweiCredential::AkSk) => {
                let c = config
                    .huawei_aksk()
                    .ok_or_else(|| missing(input.op, "Huawei AK/SK"))?;
                let creds = ApigCredentials::new(c.ak.clone(), c.sk.clone());
                let signing = config.huawei_signing();
                let mut settings = ApigSettings::new(signing.algorithm, input.host);
                if let Some(pid) = input.project_id {
                    settings = settings.with_project_id(pid);
                }
                if signing.algorithm == Algorithm::V11HmacSha256 {
                    let region = config.huawei_region().unwrap_or_default();
                    let service = signing.derived_service_name.as_deref().unwrap_or_default();
                    settings = settings.with_derived_scope(region, service);
                }
                apig::sign(&req, &creds, &settings, now)?
            }
            None => {
                return Err(missing(
                    input.op,
                    "Huawei AK/SK (HUAWEICLOUD_SDK_AK/SK) or an IAM password identity",
                ))
            }
        },
    };
    Ok(out.headers)
}

fn app_credentials<'c>(
    config: &'c ClientConfig,
    op: &Operation,
) -> Result<&'c crate::config::AppCredentials> {
    config.ctyun_app().ok_or_else(|| {
        missing(
            op,
            "CTyun AppKey/AppSecret (with_ctyun_app or CTYUN_APP_KEY/CTYUN_APP_SECRET)",
        )
    })
}

fn missing(op: &Operation, what: &str) -> Error {
    Error::config(format!("{} needs {what}", op.id))
}
