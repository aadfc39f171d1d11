//! Client configuration: credentials per provider, endpoints, transport options and
//! call policies. Built in code (builder methods `with_*`) or from the environment
//! ([`ClientConfig::from_env`]). `Debug` never shows a secret.
//!
//! Environment variables read by [`ClientConfig::from_env`] (empty = unset):
//!
//! | variable | meaning |
//! |---|---|
//! | `CTYUN_AK`, `CTYUN_SK` | CTyun EOP access key pair (both or neither) |
//! | `CTYUN_APP_KEY` | CTyun AI `appkey`; required with `CTYUN_AK`; also the legacy AppKey |
//! | `CTYUN_APP_SECRET` | legacy AppSecret for the `Sign` and `CTYUN` schemes (needs `CTYUN_APP_KEY`) |
//! | `CTYUN_ENVELOPE_PUBLIC_KEY` | SM2 public key for the `decrypted: true` envelope (console text) |
//! | `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK` | Huawei AK/SK (both or neither) |
//! | `HUAWEICLOUD_SDK_PROJECT_ID` | Huawei project id |
//! | `HUAWEICLOUD_SDK_REGION` | Huawei region, e.g. `cn-north-4` |
//! | `HUAWEICLOUD_IAM_USERNAME`, `HUAWEICLOUD_IAM_PASSWORD`, `HUAWEICLOUD_IAM_DOMAIN` | IAM password identity (all three or none) |
//! | `CNVISION_ENDPOINT_CTYUN_EOP`, `_CTYUN_AIOP`, `_CTYUN_2019`, `_HUAWEI_IMAGE`, `_HUAWEI_IAM` | base URL override per gateway |
//! | `CNVISION_PROXY` | explicit HTTP(S) proxy URL |
//! | `CNVISION_CA_FILE` | PEM file of extra trusted roots (added to Mozilla's) |

use crate::auth::timefmt::BEIJING_OFFSET_SECONDS;
use crate::catalog::{Gateway, QpsGroup};
use crate::error::{Error, Result};
use crate::policy::{Clock, RateLimit, RateLimitMode, RateLimiter, RetryPolicy};
use crate::secret::SecretString;
use crate::transport::{CaBundle, ProxySetting, TransportOptions, UreqTransport};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// CTyun EOP credentials (manuals 000, 002): access key pair plus the AI `appkey`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EopCredentials {
    pub ak: String,
    pub sk: SecretString,
    pub app_key: String,
}

/// CTyun AppKey/AppSecret for the older `Sign` (manual 001) and `CTYUN` (manual 003) schemes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppCredentials {
    pub app_key: String,
    pub app_secret: SecretString,
}

/// Huawei access key pair for APIG signing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HuaweiAkSk {
    pub ak: String,
    pub sk: SecretString,
}

/// Which APIG algorithm signs Huawei AK/SK requests. `V11HmacSha256` derives its key
/// for a (region, service) scope: the configured region and `derived_service_name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HuaweiSigning {
    pub algorithm: crate::auth::apig::Algorithm,
    /// The `derived_auth_service_name` of the official SDK; required for V11.
    pub derived_service_name: Option<String>,
}

impl Default for HuaweiSigning {
    fn default() -> Self {
        HuaweiSigning {
            algorithm: crate::auth::apig::Algorithm::SdkHmacSha256,
            derived_service_name: None,
        }
    }
}

/// Huawei IAM password identity (for `X-Auth-Token`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamPassword {
    pub user: String,
    pub password: SecretString,
    /// Account (domain) name.
    pub domain: String,
}

/// Everything a client needs besides the transport instance. Cheap to clone.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientConfig {
    ctyun_eop: Option<EopCredentials>,
    ctyun_app: Option<AppCredentials>,
    envelope_public_key: Option<String>,
    huawei_aksk: Option<HuaweiAkSk>,
    huawei_iam: Option<IamPassword>,
    huawei_project_id: Option<String>,
    huawei_region: Option<String>,
    huawei_signing: HuaweiSigning,
    endpoints: HashMap<Gateway, String>,
    transport: TransportOptions,
    rate_limits: HashMap<QpsGroup, RateLimit>,
    rate_limit_mode: RateLimitMode,
    retry: RetryPolicy,
    eop_utc_offset_seconds: i32,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            ctyun_eop: None,
            ctyun_app: None,
            envelope_public_key: None,
            huawei_aksk: None,
            huawei_iam: None,
            huawei_project_id: None,
            huawei_region: None,
            huawei_signing: HuaweiSigning::default(),
            endpoints: HashMap::new(),
            transport: TransportOptions::default(),
            rate_limits: HashMap::new(),
            rate_limit_mode: RateLimitMode::Block,
            retry: RetryPolicy::default(),
            eop_utc_offset_seconds: BEIJING_OFFSET_SECONDS,
        }
    }
}

/// Every gateway with its environment-variable suffix.
const GATEWAYS: [Gateway; 5] = [
    Gateway::CtyunEop,
    Gateway::CtyunAiop,
    Gateway::Ctyun2019,
    Gateway::HuaweiImage,
    Gateway::HuaweiIam,
];

fn gateway_env_suffix(g: Gateway) -> &'static str {
    match g {
        Gateway::CtyunEop => "CTYUN_EOP",
        Gateway::CtyunAiop => "CTYUN_AIOP",
        Gateway::Ctyun2019 => "CTYUN_2019",
        Gateway::HuaweiImage => "HUAWEI_IMAGE",
        Gateway::HuaweiIam => "HUAWEI_IAM",
    }
}

impl ClientConfig {
    /// No credentials, documented defaults for everything else.
    pub fn new() -> Self {
        Self::default()
    }

    /// From the process environment (variables in the module doc).
    pub fn from_env() -> Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// From any name → value lookup (tests pass a map). Fails with a Configuration
    /// error naming the variables when a pair or triple is incomplete.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let mut c = ClientConfig::new();

        match (get("CTYUN_AK"), get("CTYUN_SK"), get("CTYUN_APP_KEY")) {
            (Some(ak), Some(sk), Some(app_key)) => c = c.with_ctyun_eop(ak, sk, app_key),
            (None, None, _) => {}
            (ak, sk, app_key) => {
                return Err(missing(&[
                    ("CTYUN_AK", ak.is_some()),
                    ("CTYUN_SK", sk.is_some()),
                    ("CTYUN_APP_KEY", app_key.is_some()),
                ]))
            }
        }
        if let Some(secret) = get("CTYUN_APP_SECRET") {
            let app_key = get("CTYUN_APP_KEY")
                .ok_or_else(|| missing(&[("CTYUN_APP_KEY", false), ("CTYUN_APP_SECRET", true)]))?;
            c = c.with_ctyun_app(app_key, secret);
        }
        if let Some(key) = get("CTYUN_ENVELOPE_PUBLIC_KEY") {
            c = c.with_envelope_public_key(key);
        }
        match (get("HUAWEICLOUD_SDK_AK"), get("HUAWEICLOUD_SDK_SK")) {
            (Some(ak), Some(sk)) => c = c.with_huawei_aksk(ak, sk),
            (None, None) => {}
            (ak, sk) => {
                return Err(missing(&[
                    ("HUAWEICLOUD_SDK_AK", ak.is_some()),
                    ("HUAWEICLOUD_SDK_SK", sk.is_some()),
                ]))
            }
        }
        match (
            get("HUAWEICLOUD_IAM_USERNAME"),
            get("HUAWEICLOUD_IAM_PASSWORD"),
            get("HUAWEICLOUD_IAM_DOMAIN"),
        ) {
            (Some(u), Some(p), Some(d)) => c = c.with_huawei_iam_password(u, p, d),
            (None, None, None) => {}
            (u, p, d) => {
                return Err(missing(&[
                    ("HUAWEICLOUD_IAM_USERNAME", u.is_some()),
                    ("HUAWEICLOUD_IAM_PASSWORD", p.is_some()),
                    ("HUAWEICLOUD_IAM_DOMAIN", d.is_some()),
                ]))
            }
        }
        if let Some(p) = get("HUAWEICLOUD_SDK_PROJECT_ID") {
            c = c.with_huawei_project_id(p);
        }
        if let Some(r) = get("HUAWEICLOUD_SDK_REGION") {
            c = c.with_huawei_region(r);
        }
        for g in GATEWAYS {
            if let Some(url) = get(&format!("CNVISION_ENDPOINT_{}", gateway_env_suffix(g))) {
                c = c.with_endpoint(g, url);
            }
        }
        if let Some(p) = get("CNVISION_PROXY") {
            c = c.with_proxy(ProxySetting::url(p));
        }
        if let Some(f) = get("CNVISION_CA_FILE") {
            c = c.with_ca_bundle(CaBundle::file(f));
        }
        c.validate()?;
        Ok(c)
    }

    // ---- builder -------------------------------------------------------------------

    /// CTyun EOP access key pair and AI `appkey`.
    pub fn with_ctyun_eop(
        mut self,
        ak: impl Into<String>,
        sk: impl Into<SecretString>,
        app_key: impl Into<String>,
    ) -> Self {
        self.ctyun_eop = Some(EopCredentials {
            ak: ak.into(),
            sk: sk.into(),
            app_key: app_key.into(),
        });
        self
    }

    /// CTyun AppKey/AppSecret for the `Sign` and `CTYUN` schemes.
    pub fn with_ctyun_app(
        mut self,
        app_key: impl Into<String>,
        app_secret: impl Into<SecretString>,
    ) -> Self {
        self.ctyun_app = Some(AppCredentials {
            app_key: app_key.into(),
            app_secret: app_secret.into(),
        });
        self
    }

    /// The envelope's SM2 public key as the console shows it (parsed by the crypto code).
    pub fn with_envelope_public_key(mut self, text: impl Into<String>) -> Self {
        self.envelope_public_key = Some(text.into());
        self
    }

    pub fn with_huawei_aksk(mut self, ak: impl Into<String>, sk: impl Into<SecretString>) -> Self {
        self.huawei_aksk = Some(HuaweiAkSk {
            ak: ak.into(),
            sk: sk.into(),
        });
        self
    }

    pub fn with_huawei_iam_password(
        mut self,
        user: impl Into<String>,
        password: impl Into<SecretString>,
        domain: impl Into<String>,
    ) -> Self {
        self.huawei_iam = Some(IamPassword {
            user: user.into(),
            password: password.into(),
            domain: domain.into(),
        });
        self
    }

    /// APIG algorithm for Huawei AK/SK signing (default SDK-HMAC-SHA256).
    pub fn with_huawei_signing(mut self, signing: HuaweiSigning) -> Self {
        self.huawei_signing = signing;
        self
    }

    pub fn with_huawei_project_id(mut self, id: impl Into<String>) -> Self {
        self.huawei_project_id = Some(id.into());
        self
    }

    /// Region filling `{region}` in Huawei base URLs, e.g. `cn-north-4`.
    pub fn with_huawei_region(mut self, region: impl Into<String>) -> Self {
        self.huawei_region = Some(region.into());
        self
    }

    /// Base URL override for a gateway (private deployment, emulator), e.g.
    /// `http://127.0.0.1:8080`. A trailing `/` is dropped; `{region}` is filled.
    pub fn with_endpoint(mut self, gateway: Gateway, base_url: impl Into<String>) -> Self {
        let url: String = base_url.into();
        self.endpoints
            .insert(gateway, url.trim_end_matches('/').to_string());
        self
    }

    /// Replace all transport options at once.
    pub fn with_transport_options(mut self, options: TransportOptions) -> Self {
        self.transport = options;
        self
    }

    pub fn with_connect_timeout(mut self, d: Duration) -> Self {
        self.transport.connect_timeout = d;
        self
    }

    pub fn with_read_timeout(mut self, d: Duration) -> Self {
        self.transport.read_timeout = d;
        self
    }

    pub fn with_write_timeout(mut self, d: Duration) -> Self {
        self.transport.write_timeout = d;
        self
    }

    /// Deadline for a whole exchange; `None` = none.
    pub fn with_total_timeout(mut self, d: Option<Duration>) -> Self {
        self.transport.total_timeout = d;
        self
    }

    pub fn with_proxy(mut self, proxy: ProxySetting) -> Self {
        self.transport.proxy = proxy;
        self
    }

    pub fn with_ca_bundle(mut self, ca: CaBundle) -> Self {
        self.transport.ca = Some(ca);
        self
    }

    /// Appended to the `cnvision/<version>` user agent.
    pub fn with_user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.transport.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Largest accepted response body, bytes.
    pub fn with_max_response_bytes(mut self, n: u64) -> Self {
        self.transport.max_response_bytes = n;
        self
    }

    /// Replace the documented limit of `group`.
    pub fn with_rate_limit(mut self, group: QpsGroup, limit: RateLimit) -> Self {
        self.rate_limits.insert(group, limit);
        self
    }

    /// No client-side limit for `group`.
    pub fn without_rate_limit(self, group: QpsGroup) -> Self {
        self.with_rate_limit(group, RateLimit::Unlimited)
    }

    pub fn with_rate_limit_mode(mut self, mode: RateLimitMode) -> Self {
        self.rate_limit_mode = mode;
        self
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Offset east of UTC in which `eop-date` is written (default +8 h, Beijing).
    pub fn with_eop_utc_offset_seconds(mut self, seconds: i32) -> Self {
        self.eop_utc_offset_seconds = seconds;
        self
    }

    // ---- accessors -----------------------------------------------------------------

    pub fn ctyun_eop(&self) -> Option<&EopCredentials> {
        self.ctyun_eop.as_ref()
    }
    pub fn ctyun_app(&self) -> Option<&AppCredentials> {
        self.ctyun_app.as_ref()
    }
    pub fn envelope_public_key(&self) -> Option<&str> {
        self.envelope_public_key.as_deref()
    }
    pub fn huawei_aksk(&self) -> Option<&HuaweiAkSk> {
        self.huawei_aksk.as_ref()
    }
    pub fn huawei_iam_password(&self) -> Option<&IamPassword> {
        self.huawei_iam.as_ref()
    }
    pub fn huawei_project_id(&self) -> Option<&str> {
        self.huawei_project_id.as_deref()
    }
    pub fn huawei_signing(&self) -> &HuaweiSigning {
        &self.huawei_signing
    }
    pub fn huawei_region(&self) -> Option<&str> {
        self.huawei_region.as_deref()
    }
    pub fn transport_options(&self) -> &TransportOptions {
        &self.transport
    }
    /// The limit in force for `group` (override or documented default).
    pub fn rate_limit(&self, group: QpsGroup) -> RateLimit {
        self.rate_limits
            .get(&group)
            .copied()
            .unwrap_or_else(|| RateLimit::documented(group))
    }
    pub fn rate_limit_mode(&self) -> RateLimitMode {
        self.rate_limit_mode
    }
    pub fn retry(&self) -> &RetryPolicy {
        &self.retry
    }
    pub fn eop_utc_offset_seconds(&self) -> i32 {
        self.eop_utc_offset_seconds
    }

    /// The base URL of `gateway`: the override or the default, with `{region}` filled.
    /// Configuration error when a region is needed and missing or malformed.
    pub fn base_url(&self, gateway: Gateway) -> Result<String> {
        let template = self
            .endpoints
            .get(&gateway)
            .map_or(gateway.default_base_url(), String::as_str);
        if !template.contains("{region}") {
            return Ok(template.to_string());
        }
        let region = self.huawei_region.as_deref().ok_or_else(|| {
            Error::config(format!(
                "{gateway:?} needs a Huawei region (with_huawei_region or HUAWEICLOUD_SDK_REGION)"
            ))
        })?;
        if !region_ok(region) {
            return Err(Error::config(format!(
                "Huawei region {region:?} is not of the form cn-north-4"
            )));
        }
        Ok(template.replace("{region}", region))
    }

    /// Check the settings that can be checked without network: endpoint URLs, region
    /// syntax, UTC offset range, rate limits, non-empty credentials.
    pub fn validate(&self) -> Result<()> {
        for (g, url) in &self.endpoints {
            if !(url.starts_with("http://") || url.starts_with("https://"))
                || url.contains(char::is_whitespace)
            {
                return Err(Error::config(format!(
                    "endpoint for {g:?} must be an http(s) URL: {url}"
                )));
            }
        }
        if let Some(r) = &self.huawei_region {
            if !region_ok(r) {
                return Err(Error::config(format!(
                    "Huawei region {r:?} is not of the form cn-north-4"
                )));
            }
        }
        if self.huawei_signing.algorithm == crate::auth::apig::Algorithm::V11HmacSha256
            && (self.huawei_region.is_none() || self.huawei_signing.derived_service_name.is_none())
        {
            return Err(Error::config(
                "V11-HMAC-SHA256 signing needs the Huawei region and a derived service name",
            ));
        }
        if self.eop_utc_offset_seconds.abs() >= 24 * 3600 {
            return Err(Error::config("eop-date UTC offset must be within ±24 h"));
        }
        if let Some(e) = &self.ctyun_eop {
            if e.ak.is_empty() || e.sk.is_empty() || e.app_key.is_empty() {
                return Err(Error::config(
                    "CTyun EOP ak, sk and app_key must all be non-empty",
                ));
            }
        }
        if let Some(a) = &self.ctyun_app {
            if a.app_key.is_empty() || a.app_secret.is_empty() {
                return Err(Error::config(
                    "CTyun AppKey and AppSecret must be non-empty",
                ));
            }
        }
        if let Some(h) = &self.huawei_aksk {
            if h.ak.is_empty() || h.sk.is_empty() {
                return Err(Error::config("Huawei AK and SK must be non-empty"));
            }
        }
        if let Some(i) = &self.huawei_iam {
            if i.user.is_empty() || i.password.is_empty() || i.domain.is_empty() {
                return Err(Error::config(
                    "Huawei IAM user, password and domain must be non-empty",
                ));
            }
        }
        self.rate_limiter(Arc::new(crate::policy::SystemClock))
            .map(|_| ())
    }

    /// A rate limiter with this configuration's limits and mode on `clock`.
    pub fn rate_limiter(&self, clock: Arc<dyn Clock>) -> Result<RateLimiter> {
        RateLimiter::new(
            self.rate_limits.iter().map(|(g, l)| (*g, *l)),
            self.rate_limit_mode,
            clock,
        )
    }

    /// The ureq transport for these options.
    pub fn transport(&self) -> Result<UreqTransport> {
        UreqTransport::new(&self.transport)
    }
}

/// Region names are `[A-Za-z0-9-]+`; anything else could rewrite the URL.
fn region_ok(r: &str) -> bool {
    !r.is_empty() && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

fn missing(vars: &[(&str, bool)]) -> Error {
    let absent: Vec<&str> = vars
        .iter()
        .filter(|(_, set)| !set)
        .map(|(n, _)| *n)
        .collect();
    let all: Vec<&str> = vars.iter().map(|(n, _)| *n).collect();
    Error::config(format!(
        "{} must be set together; missing {}",
        all.join(", "),
        absent.join(", ")
    ))
}
