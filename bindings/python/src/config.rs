//! `cnvision.Client(...)` keyword arguments → `ClientConfig`. Credential, endpoint,
//! proxy and CA arguments are looked up under the environment-variable names
//! `ClientConfig::from_lookup` reads, with the process environment as the fallback
//! when `from_env` is true, so arguments and environment combine with one set of
//! rules (and one set of error messages) in the core.

use std::collections::HashMap;
use std::time::Duration;

use cnvision::catalog::QpsGroup;
use cnvision::config::ClientConfig;
use cnvision::policy::RateLimitMode;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// Keyword argument name → environment variable name.
pub const ARG_ENV: [(&str, &str); 12] = [
    ("ctyun_ak", "CTYUN_AK"),
    ("ctyun_sk", "CTYUN_SK"),
    ("ctyun_app_key", "CTYUN_APP_KEY"),
    ("ctyun_app_secret", "CTYUN_APP_SECRET"),
    ("envelope_public_key", "CTYUN_ENVELOPE_PUBLIC_KEY"),
    ("huawei_ak", "HUAWEICLOUD_SDK_AK"),
    ("huawei_sk", "HUAWEICLOUD_SDK_SK"),
    ("huawei_project_id", "HUAWEICLOUD_SDK_PROJECT_ID"),
    ("huawei_region", "HUAWEICLOUD_SDK_REGION"),
    ("huawei_iam_user", "HUAWEICLOUD_IAM_USERNAME"),
    ("huawei_iam_password", "HUAWEICLOUD_IAM_PASSWORD"),
    ("huawei_iam_domain", "HUAWEICLOUD_IAM_DOMAIN"),
];

/// Gateway name (as in the catalog JSON) → endpoint environment variable.
pub const GATEWAY_ENV: [(&str, &str); 5] = [
    ("ctyun_eop", "CNVISION_ENDPOINT_CTYUN_EOP"),
    ("ctyun_aiop", "CNVISION_ENDPOINT_CTYUN_AIOP"),
    ("ctyun2019", "CNVISION_ENDPOINT_CTYUN_2019"),
    ("huawei_image", "CNVISION_ENDPOINT_HUAWEI_IMAGE"),
    ("huawei_iam", "CNVISION_ENDPOINT_HUAWEI_IAM"),
];

const QPS_GROUPS: [QpsGroup; 5] = [
    QpsGroup::Safety,
    QpsGroup::Face,
    QpsGroup::VideoLiveness,
    QpsGroup::Huawei,
    QpsGroup::Ctyun2019,
];

/// Everything `Client(...)` accepts besides credentials, already typed.
#[derive(Debug, Default)]
pub struct Options {
    pub from_env: bool,
    /// Keyword arguments keyed by environment-variable name.
    pub values: HashMap<&'static str, String>,
    pub connect_timeout: Option<f64>,
    pub read_timeout: Option<f64>,
    pub total_timeout: Option<f64>,
    pub rate_limit: bool,
    pub rate_limit_mode: String,
    pub user_agent_suffix: Option<String>,
    /// AppKey of the `Sign`/`CTYUN` schemes when it differs from the EOP `appkey`
    /// (no environment variable: the environment uses `CTYUN_APP_KEY` for both).
    pub legacy_app_key: Option<String>,
}

fn seconds(name: &str, v: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(v).map_err(|_| {
        PyValueError::new_err(format!("{name} must be a non-negative number of seconds"))
    })
}

/// Builds the configuration. Core errors (incomplete credential sets) are returned
/// as `cnvision::Error` for the caller to raise as the matching exception.
pub fn build(o: &Options) -> PyResult<cnvision::Result<ClientConfig>> {
    let lookup = |name: &str| {
        o.values.get(name).cloned().or_else(|| {
            if o.from_env {
                std::env::var(name).ok()
            } else {
                None
            }
        })
    };
    let mut c = match ClientConfig::from_lookup(lookup) {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    if let Some(key) = &o.legacy_app_key {
        match lookup("CTYUN_APP_SECRET").filter(|s| !s.trim().is_empty()) {
            Some(secret) => c = c.with_ctyun_app(key.clone(), secret),
            None => {
                return Ok(Err(cnvision::Error::config(
                    "ctyun_legacy_app_key needs ctyun_app_secret (CTYUN_APP_SECRET)",
                )))
            }
        }
    }
    if let Some(v) = o.connect_timeout {
        c = c.with_connect_timeout(seconds("connect_timeout", v)?);
    }
    if let Some(v) = o.read_timeout {
        c = c.with_read_timeout(seconds("read_timeout", v)?);
    }
    if let Some(v) = o.total_timeout {
        c = c.with_total_timeout(Some(seconds("total_timeout", v)?));
    }
    if let Some(s) = &o.user_agent_suffix {
        c = c.with_user_agent_suffix(s.clone());
    }
    if !o.rate_limit {
        for g in QPS_GROUPS {
            c = c.without_rate_limit(g);
        }
    }
    c = c.with_rate_limit_mode(match o.rate_limit_mode.as_str() {
        "block" => RateLimitMode::Block,
        "fail_fast" => RateLimitMode::FailFast,
        other => {
            return Err(PyValueError::new_err(format!(
                "rate_limit_mode must be 'block' or 'fail_fast', got {other:?}"
            )))
        }
    });
    Ok(Ok(c))
}
