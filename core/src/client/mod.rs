//! [`Client`]: configuration + credentials + transport + rate limiter + retry
//! policy, and the one generic entry point [`Client::call`] that every typed method
//! and every binding goes through.
//!
//! A call: find the operation → validate (nothing sent on failure) → fill path holes
//! (`{project_id}` from the configuration or the IAM look-up, cached per region;
//! `{service_code}` from the parameters) → query → fixed headers → body (media
//! base64-encoded once) → optional `decrypted: true` envelope → hash the body once →
//! rate-limit → sign and send, re-signing on each attempt, retrying only failures
//! that certainly sent nothing → open the envelope → normalize → decode binary results.
//!
//! Submodules: [`build`] (unsigned request), [`sign`] (auth dispatch), `huawei`
//! (IAM token and project id), `finish` (envelope opening, normalization, binaries).

mod build;
mod finish;
mod huawei;
mod sign;

use crate::catalog::{self, AuthScheme, Operation};
use crate::config::ClientConfig;
use crate::crypto::envelope::{self, SessionKeys};
use crate::crypto::sm2::{Mode, PublicKey};
use crate::error::{Error, ErrorKind, Result};
use crate::media::MediaInputs;
use crate::policy::{Clock, RateLimiter, SystemClock};
use crate::secret::SecretString;
use crate::transport::{HttpRequest, HttpResponse, HttpTransport};
use serde_json::{Map, Value};
use sign::{BodyDigest, HuaweiCredential, SignInput};
use std::sync::Arc;
use std::time::SystemTime;

/// Per-call options.
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    /// Seal the body in the CTyun `decrypted: true` envelope (manual 002 §6.2.4).
    /// Only for operations whose catalog entry allows it, and only with an SM2 public
    /// key configured; otherwise the call fails with InvalidInput before sending.
    pub encrypt: bool,
    /// The request id to send (`ctyun-eop-request-id` on EOP) and to report when the
    /// response names none. `None`: a fresh UUID v4 per call (kept across retries).
    pub request_id: Option<String>,
}

impl CallOptions {
    /// Options with the envelope on.
    pub fn encrypted() -> Self {
        CallOptions {
            encrypt: true,
            request_id: None,
        }
    }
}

/// A successful call's outcome.
#[derive(Debug, Clone)]
pub struct Response {
    pub operation: &'static str,
    pub http_status: u16,
    pub request_id: Option<String>,
    pub provider_code: Option<String>,
    pub message: Option<String>,
    /// The normalized payload (returnObj / result / data / whole body for Huawei).
    pub result: Value,
    /// The whole response JSON (decrypted when the envelope was used).
    pub body: Value,
    /// Decoded base64 images of `Operation::binary_results` (JSON pointer, bytes).
    pub binaries: Vec<(String, Vec<u8>)>,
    /// `huawei.iam.token` only: the token from the `X-Subject-Token` header
    /// (redacted in `Debug`). Addition to the bindings contract.
    pub subject_token: Option<SecretString>,
}

/// The client. `Send + Sync`: share one across threads (`Arc` or `&`).
pub struct Client {
    config: ClientConfig,
    transport: Arc<dyn HttpTransport>,
    limiter: RateLimiter,
    clock: Arc<dyn Clock>,
    envelope_key: Option<PublicKey>,
    huawei: huawei::HuaweiState,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.config)
            .field("limiter", &self.limiter)
            .finish_non_exhaustive()
    }
}

/// One exchange's raw outcome, before normalization.
struct Exchange {
    http: HttpResponse,
    keys: Option<SessionKeys>,
    request_id: String,
}

impl Client {
    /// A client with the ureq transport built from `config`'s transport options.
    pub fn new(config: ClientConfig) -> Result<Client> {
        let transport = config.transport()?;
        Client::with_transport(config, Arc::new(transport))
    }

    /// [`Client::new`] with [`ClientConfig::from_env`].
    pub fn from_env() -> Result<Client> {
        Client::new(ClientConfig::from_env()?)
    }

    /// A client sending through `transport` (tests, custom HTTP stacks). Checks the
    /// configuration and parses the envelope public key, if any (Configuration errors).
    pub fn with_transport(
        config: ClientConfig,
        transport: Arc<dyn HttpTransport>,
    ) -> Result<Client> {
        config.validate()?;
        let envelope_key = config
            .envelope_public_key()
            .map(PublicKey::parse)
            .transpose()?;
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        Ok(Client {
            limiter: config.rate_limiter(clock.clone())?,
            config,
            transport,
            clock,
            envelope_key,
            huawei: huawei::HuaweiState::default(),
        })
    }

    /// Replace the clock the rate limiter and the retry back-off sleep on (tests use
    /// [`crate::policy::ManualClock`] so nothing really sleeps). Signing dates always
    /// come from the system time.
    pub fn with_policy_clock(mut self, clock: Arc<dyn Clock>) -> Result<Client> {
        self.limiter = self.config.rate_limiter(clock.clone())?;
        self.clock = clock;
        Ok(self)
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// Local validation only; nothing is sent.
    pub fn validate(
        &self,
        op_id: &str,
        params: &Map<String, Value>,
        media: &MediaInputs,
    ) -> Result<()> {
        local_checks(find(op_id)?, params, media)
    }

    /// Validate, build the body (media base64-encoded once), optionally seal it in the
    /// CTyun envelope, sign, rate-limit, send, retry only unsent failures, open the
    /// envelope, normalize the response, decode binary results.
    pub fn call(
        &self,
        op_id: &str,
        params: &Map<String, Value>,
        media: &MediaInputs,
        options: &CallOptions,
    ) -> Result<Response> {
        let op = find(op_id)?;
        local_checks(op, params, media)?;
        let huawei = self.huawei_credential(op)?;
        let exchange = self.exchange(op, params, media, options, huawei.as_ref())?;
        let outcome = finish::finish(
            op,
            exchange.http,
            exchange.keys.as_ref(),
            &exchange.request_id,
        );
        if let (Err(e), Some(HuaweiCredential::Token(_))) = (&outcome, &huawei) {
            if e.kind() == ErrorKind::Authentication {
                // A rejected token is not reused: the next call fetches a new one.
                self.huawei.tokens.invalidate();
            }
        }
        outcome
    }

    /// Build, seal, sign, rate-limit and send one validated call.
    fn exchange(
        &self,
        op: &'static Operation,
        params: &Map<String, Value>,
        media: &MediaInputs,
        options: &CallOptions,
        huawei: Option<&HuaweiCredential>,
    ) -> Result<Exchange> {
        let public_key = if options.encrypt {
            if !op.envelope {
                return Err(Error::invalid_input(
                    "encrypt",
                    format!("{} does not support the decrypted: true envelope", op.id),
                ));
            }
            Some(self.envelope_key.as_ref().ok_or_else(|| {
                Error::invalid_input(
                    "encrypt",
                    "no envelope SM2 public key configured (with_envelope_public_key or CTYUN_ENVELOPE_PUBLIC_KEY)",
                )
            })?)
        } else {
            None
        };
        let project_id = if op.path.contains("{project_id}") {
            Some(self.project_id()?)
        } else {
            None
        };
        let mut prepared = build::prepare(op, &self.config, params, media, project_id.as_deref())?;
        let keys = match public_key {
            Some(key) => {
                // The plain body is dropped as soon as it is sealed.
                let plain = std::mem::take(&mut prepared.body);
                let (sealed, keys) = envelope::seal(&plain, key, Mode::C1C3C2)?;
                drop(plain);
                prepared.body = sealed;
                prepared.headers.push((
                    envelope::HEADER_NAME.to_string(),
                    envelope::HEADER_VALUE.to_string(),
                ));
                Some(keys)
            }
            None => None,
        };
        let request_id = match &options.request_id {
            Some(id) if id.trim().is_empty() => {
                return Err(Error::invalid_input("request_id", "must not be empty"))
            }
            Some(id) => id.trim().to_string(),
            None => uuid::Uuid::new_v4().to_string(),
        };
        let apig = self.config.huawei_signing().algorithm;
        let digest = BodyDigest::compute(op, huawei, apig, &prepared.body);
        let base_headers = std::mem::take(&mut prepared.headers);
        let mut req = HttpRequest {
            method: op.method,
            url: std::mem::take(&mut prepared.url),
            headers: base_headers.clone(),
            body: std::mem::take(&mut prepared.body),
        };
        self.limiter.acquire(op.qps)?;
        let result = self.config.retry().run(&*self.clock, |_attempt| {
            let input = SignInput {
                op,
                path: &prepared.path,
                query: &prepared.query,
                host: &prepared.host,
                headers: &base_headers,
                body: &req.body,
                digest: &digest,
                request_id: &request_id,
                project_id: project_id.as_deref(),
                huawei,
            };
            let signed = match sign::sign(&self.config, &input, SystemTime::now()) {
                Ok(h) => h,
                Err(e) => return Ok(Err(e)),
            };
            req.headers.truncate(base_headers.len());
            req.headers.extend(signed);
            self.transport.send(&req).map(Ok)
        });
        if op.auth == AuthScheme::None {
            // Such bodies carry a password (the IAM token request): wipe them.
            zeroize::Zeroize::zeroize(&mut req.body);
        }
        let http = result
            .map_err(|f| Error::from(f).with_request_id(request_id.clone()))?
            .map_err(|e| e.with_request_id(request_id.clone()))?;
        Ok(Exchange {
            http,
            keys,
            request_id,
        })
    }
}

/// Every check made before anything is sent: the catalog limits and the path
/// parameters' characters.
fn local_checks(op: &Operation, params: &Map<String, Value>, media: &MediaInputs) -> Result<()> {
    crate::validate::check(op, params, media)?;
    build::check_path_params(op, params)
}

/// The catalog entry of `op_id`, or InvalidInput naming it.
fn find(op_id: &str) -> Result<&'static Operation> {
    catalog::find(op_id)
        .ok_or_else(|| Error::invalid_input("operation", format!("unknown operation id {op_id:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Client>();
        assert_send_sync::<Response>();
    }
}
