//! The client configuration as JSON text: every option of the core's
//! `ClientConfig`, with unknown keys rejected so a typo never goes unnoticed.
//!
//! ```json
//! {
//!   "ctyun_eop": {"ak": "...", "sk": "...", "app_key": "..."},
//!   "ctyun_app": {"app_key": "...", "app_secret": "..."},
//!   "envelope_public_key": "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE...",
//!   "huawei_aksk": {"ak": "...", "sk": "..."},
//!   "huawei_iam": {"user": "...", "password": "...", "domain": "..."},
//!   "huawei_project_id": "...", "huawei_region": "cn-north-4",
//!   "endpoint": "http://127.0.0.1:8080",
//!   "endpoints": {"ctyun_eop": "...", "ctyun_aiop": "...", "ctyun2019": "...",
//!                 "huawei_image": "...", "huawei_iam": "..."},
//!   "timeouts_ms": {"connect": 10000, "read": 60000, "write": 60000, "total": null},
//!   "proxy": "http://user:pw@host:3128" | "env" | null,
//!   "ca_file": "/path/roots.pem", "ca_pem": "-----BEGIN CERTIFICATE-----...",
//!   "ca_only": false,
//!   "user_agent_suffix": "camera-fw/2.1",
//!   "max_response_bytes": 67108864,
//!   "rate_limits": {"safety": {"qps": 5, "burst": 1}, "huawei": "unlimited"},
//!   "rate_limit_mode": "block" | "fail_fast",
//!   "retry": {"max_attempts": 3, "base_delay_ms": 200, "max_delay_ms": 2000,
//!             "max_elapsed_ms": 10000},
//!   "eop_utc_offset_seconds": 28800
//! }
//! ```
//! `endpoint` overrides every gateway at once (an emulator); `endpoints` entries
//! win over it. Every key is optional.

use crate::args::json_type;
use crate::error::FfiError;
use crate::status::cnvision_status;
use cnvision_core::catalog::{Gateway, QpsGroup};
use cnvision_core::config::ClientConfig;
use cnvision_core::policy::{RateLimit, RateLimitMode, RetryPolicy};
use cnvision_core::transport::{CaBundle, ProxySetting};
use serde_json::{Map, Value};
use std::time::Duration;

const GATEWAYS: [Gateway; 5] = [
    Gateway::CtyunEop,
    Gateway::CtyunAiop,
    Gateway::Ctyun2019,
    Gateway::HuaweiImage,
    Gateway::HuaweiIam,
];
const GROUPS: [QpsGroup; 4] = [
    QpsGroup::Safety,
    QpsGroup::Face,
    QpsGroup::VideoLiveness,
    QpsGroup::Huawei,
];

fn bad(msg: impl Into<String>) -> FfiError {
    FfiError::new(cnvision_status::Configuration, msg)
}

/// The catalog's JSON name of a serializable enum value (`"ctyun_eop"`, `"safety"`).
fn wire_name<T: serde::Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

fn object<'a>(v: &'a Value, key: &str) -> Result<&'a Map<String, Value>, FfiError> {
    v.as_object()
        .ok_or_else(|| bad(format!("{key}: expected an object, got {}", json_type(v))))
}

fn string(v: &Value, key: &str) -> Result<String, FfiError> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| bad(format!("{key}: expected a string, got {}", json_type(v))))
}

fn uint(v: &Value, key: &str) -> Result<u64, FfiError> {
    v.as_u64()
        .ok_or_else(|| bad(format!("{key}: expected a non-negative integer, got {v}")))
}

fn millis(v: &Value, key: &str) -> Result<Duration, FfiError> {
    uint(v, key).map(Duration::from_millis)
}

/// Reads exactly the listed members of an object (all required).
fn members<const N: usize>(
    v: &Value,
    key: &str,
    names: [&str; N],
) -> Result<[String; N], FfiError> {
    let obj = object(v, key)?;
    if let Some(extra) = obj.keys().find(|k| !names.contains(&k.as_str())) {
        return Err(bad(format!(
            "{key}: unknown member {extra:?} (expected {})",
            names.join(", ")
        )));
    }
    let mut out: [String; N] = std::array::from_fn(|_| String::new());
    for (slot, name) in out.iter_mut().zip(names) {
        let item = obj
            .get(name)
            .ok_or_else(|| bad(format!("{key}: missing member {name:?}")))?;
        *slot = string(item, &format!("{key}.{name}"))?;
    }
    Ok(out)
}

fn rate_limit(v: &Value, key: &str) -> Result<RateLimit, FfiError> {
    if v.as_str() == Some("unlimited") {
        return Ok(RateLimit::Unlimited);
    }
    let obj = object(v, key)?;
    if let Some(extra) = obj.keys().find(|k| !["qps", "burst"].contains(&k.as_str())) {
        return Err(bad(format!(
            "{key}: unknown member {extra:?} (expected qps, burst)"
        )));
    }
    let qps = obj
        .get("qps")
        .and_then(Value::as_f64)
        .ok_or_else(|| bad(format!("{key}.qps: expected a number")))?;
    let burst = match obj.get("burst") {
        None => 1,
        Some(b) => u32::try_from(uint(b, &format!("{key}.burst"))?)
            .map_err(|_| bad(format!("{key}.burst: too large")))?,
    };
    Ok(RateLimit::Qps { qps, burst })
}

fn retry(v: &Value) -> Result<RetryPolicy, FfiError> {
    let mut policy = RetryPolicy::default();
    for (k, item) in object(v, "retry")? {
        let key = format!("retry.{k}");
        match k.as_str() {
            "max_attempts" => {
                policy.max_attempts = u32::try_from(uint(item, &key)?)
                    .map_err(|_| bad(format!("{key}: too large")))?
            }
            "base_delay_ms" => policy.base_delay = millis(item, &key)?,
            "max_delay_ms" => policy.max_delay = millis(item, &key)?,
            "max_elapsed_ms" => policy.max_elapsed = millis(item, &key)?,
            _ => return Err(bad(format!("retry: unknown member {k:?}"))),
        }
    }
    Ok(policy)
}

fn timeouts(mut c: ClientConfig, v: &Value) -> Result<ClientConfig, FfiError> {
    for (k, item) in object(v, "timeouts_ms")? {
        let key = format!("timeouts_ms.{k}");
        c = match k.as_str() {
            "connect" => c.with_connect_timeout(millis(item, &key)?),
            "read" => c.with_read_timeout(millis(item, &key)?),
            "write" => c.with_write_timeout(millis(item, &key)?),
            "total" if item.is_null() => c.with_total_timeout(None),
            "total" => c.with_total_timeout(Some(millis(item, &key)?)),
            _ => return Err(bad(format!("timeouts_ms: unknown member {k:?}"))),
        };
    }
    Ok(c)
}

/// Builds and validates a `ClientConfig` from the JSON described in the module doc.
pub(crate) fn parse(root: &Map<String, Value>) -> Result<ClientConfig, FfiError> {
    let mut c = ClientConfig::new();
    if let Some(url) = root.get("endpoint") {
        let url = string(url, "endpoint")?;
        for g in GATEWAYS {
            c = c.with_endpoint(g, url.clone());
        }
    }
    let (mut ca_file, mut ca_pem, mut ca_only) = (None, None, false);
    for (key, v) in root {
        c = match key.as_str() {
            "endpoint" => c,
            "ctyun_eop" => {
                let [ak, sk, app_key] = members(v, key, ["ak", "sk", "app_key"])?;
                c.with_ctyun_eop(ak, sk, app_key)
            }
            "ctyun_app" => {
                let [app_key, app_secret] = members(v, key, ["app_key", "app_secret"])?;
                c.with_ctyun_app(app_key, app_secret)
            }
            "envelope_public_key" => c.with_envelope_public_key(string(v, key)?),
            "huawei_aksk" => {
                let [ak, sk] = members(v, key, ["ak", "sk"])?;
                c.with_huawei_aksk(ak, sk)
            }
            "huawei_iam" => {
                let [user, password, domain] = members(v, key, ["user", "password", "domain"])?;
                c.with_huawei_iam_password(user, password, domain)
            }
            "huawei_project_id" => c.with_huawei_project_id(string(v, key)?),
            "huawei_region" => c.with_huawei_region(string(v, key)?),
            "endpoints" => {
                for (name, url) in object(v, key)? {
                    let g = GATEWAYS
                        .into_iter()
                        .find(|g| wire_name(*g) == *name)
                        .ok_or_else(|| bad(format!("endpoints: unknown gateway {name:?}")))?;
                    c = c.with_endpoint(g, string(url, &format!("endpoints.{name}"))?);
                }
                c
            }
            "timeouts_ms" => timeouts(c, v)?,
            "proxy" => match v {
                Value::Null => c.with_proxy(ProxySetting::None),
                Value::String(s) if s == "env" => c.with_proxy(ProxySetting::FromEnv),
                _ => c.with_proxy(ProxySetting::url(string(v, key)?)),
            },
            "ca_file" => {
                ca_file = Some(string(v, key)?);
                c
            }
            "ca_pem" => {
                ca_pem = Some(string(v, key)?);
                c
            }
            "ca_only" => {
                ca_only = v
                    .as_bool()
                    .ok_or_else(|| bad("ca_only: expected true or false"))?;
                c
            }
            "user_agent_suffix" => c.with_user_agent_suffix(string(v, key)?),
            "max_response_bytes" => c.with_max_response_bytes(uint(v, key)?),
            "rate_limits" => {
                for (name, limit) in object(v, key)? {
                    let g = GROUPS
                        .into_iter()
                        .find(|g| wire_name(*g) == *name)
                        .ok_or_else(|| bad(format!("rate_limits: unknown group {name:?}")))?;
                    c = c.with_rate_limit(g, rate_limit(limit, &format!("rate_limits.{name}"))?);
                }
                c
            }
            "rate_limit_mode" => match v.as_str() {
                Some("block") => c.with_rate_limit_mode(RateLimitMode::Block),
                Some("fail_fast") => c.with_rate_limit_mode(RateLimitMode::FailFast),
                _ => return Err(bad("rate_limit_mode: expected \"block\" or \"fail_fast\"")),
            },
            "retry" => c.with_retry(retry(v)?),
            "eop_utc_offset_seconds" => {
                let secs = v.as_i64().and_then(|s| i32::try_from(s).ok());
                c.with_eop_utc_offset_seconds(
                    secs.ok_or_else(|| bad("eop_utc_offset_seconds: expected an integer"))?,
                )
            }
            _ => return Err(bad(format!("unknown configuration key {key:?}"))),
        };
    }
    let ca = match (ca_file, ca_pem) {
        (Some(_), Some(_)) => return Err(bad("ca_file and ca_pem are exclusive")),
        (Some(f), None) => Some(CaBundle::file(f)),
        (None, Some(p)) => Some(CaBundle::pem(p.into_bytes())),
        (None, None) if ca_only => return Err(bad("ca_only needs ca_file or ca_pem")),
        (None, None) => None,
    };
    if let Some(ca) = ca {
        c = c.with_ca_bundle(if ca_only { ca.only() } else { ca });
    }
    c.validate()?;
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cfg(v: Value) -> Result<ClientConfig, FfiError> {
        parse(v.as_object().unwrap())
    }

    #[test]
    fn every_option_reaches_the_core_config() {
        let c = cfg(json!({
            "ctyun_eop": {"ak": "a", "sk": "s", "app_key": "k"},
            "ctyun_app": {"app_key": "k2", "app_secret": "s2"},
            "envelope_public_key": "PUB",
            "huawei_aksk": {"ak": "ha", "sk": "hs"},
            "huawei_iam": {"user": "u", "password": "p", "domain": "d"},
            "huawei_project_id": "pid", "huawei_region": "cn-north-4",
            "endpoint": "http://127.0.0.1:9",
            "endpoints": {"huawei_iam": "http://127.0.0.1:10/"},
            "timeouts_ms": {"connect": 1000, "read": 2000, "write": 3000, "total": 4000},
            "proxy": "http://u:pw@127.0.0.1:3128",
            "ca_pem": "PEM", "ca_only": true,
            "user_agent_suffix": "fw/1",
            "max_response_bytes": 1024,
            "rate_limits": {"safety": {"qps": 2.5, "burst": 3}, "face": "unlimited"},
            "rate_limit_mode": "fail_fast",
            "retry": {"max_attempts": 5, "base_delay_ms": 1, "max_delay_ms": 2, "max_elapsed_ms": 3},
            "eop_utc_offset_seconds": 0
        }))
        .unwrap();
        assert_eq!(c.ctyun_eop().unwrap().app_key, "k");
        assert_eq!(c.ctyun_app().unwrap().app_secret.expose(), "s2");
        assert_eq!(c.envelope_public_key(), Some("PUB"));
        assert_eq!(c.huawei_aksk().unwrap().ak, "ha");
        assert_eq!(c.huawei_iam_password().unwrap().domain, "d");
        assert_eq!(c.huawei_project_id(), Some("pid"));
        assert_eq!(c.base_url(Gateway::CtyunEop).unwrap(), "http://127.0.0.1:9");
        assert_eq!(
            c.base_url(Gateway::HuaweiIam).unwrap(),
            "http://127.0.0.1:10"
        );
        let t = c.transport_options();
        assert_eq!(t.connect_timeout, Duration::from_secs(1));
        assert_eq!(t.read_timeout, Duration::from_secs(2));
        assert_eq!(t.write_timeout, Duration::from_secs(3));
        assert_eq!(t.total_timeout, Some(Duration::from_secs(4)));
        assert_eq!(t.proxy, ProxySetting::url("http://u:pw@127.0.0.1:3128"));
        assert!(!t.ca.as_ref().unwrap().keeps_default_roots());
        assert_eq!(t.user_agent_suffix.as_deref(), Some("fw/1"));
        assert_eq!(t.max_response_bytes, 1024);
        assert_eq!(
            c.rate_limit(QpsGroup::Safety),
            RateLimit::Qps { qps: 2.5, burst: 3 }
        );
        assert_eq!(c.rate_limit(QpsGroup::Face), RateLimit::Unlimited);
        assert_eq!(c.rate_limit(QpsGroup::VideoLiveness), RateLimit::qps(1.0));
        assert_eq!(c.rate_limit_mode(), RateLimitMode::FailFast);
        assert_eq!(c.retry().max_attempts, 5);
        assert_eq!(c.retry().max_elapsed, Duration::from_millis(3));
        assert_eq!(c.eop_utc_offset_seconds(), 0);
    }

    #[test]
    fn empty_object_is_the_default_config() {
        assert_eq!(cfg(json!({})).unwrap(), ClientConfig::new());
    }

    #[test]
    fn mistakes_are_configuration_errors_naming_the_key() {
        for (v, needle) in [
            (json!({"ctyun_eop": {"ak": "a", "sk": "s"}}), "app_key"),
            (
                json!({"ctyun_eop": {"ak": "a", "sk": "s", "app_key": "k", "x": "1"}}),
                "\"x\"",
            ),
            (json!({"endpoints": {"moon": "http://x"}}), "moon"),
            (json!({"endpoint": "ftp://x"}), "http(s)"),
            (
                json!({"timeouts_ms": {"connect": -1}}),
                "timeouts_ms.connect",
            ),
            (json!({"rate_limits": {"safety": {"qps": 0}}}), "qps"),
            (json!({"rate_limit_mode": "sometimes"}), "rate_limit_mode"),
            (json!({"huawei_region": "cn/../x"}), "region"),
            (json!({"ca_only": true}), "ca_only"),
            (json!({"ca_file": "a", "ca_pem": "b"}), "exclusive"),
            (json!({"retyr": {}}), "retyr"),
            (json!({"proxy": 5}), "proxy"),
        ] {
            let e = cfg(v.clone()).unwrap_err();
            assert_eq!(e.status, cnvision_status::Configuration, "{v}");
            assert!(e.message.contains(needle), "{v}: {}", e.message);
        }
    }

    #[test]
    fn secrets_stay_out_of_messages() {
        let e =
            cfg(json!({"ctyun_eop": {"ak": "a", "sk": "TOPSECRET", "app_key": ""}})).unwrap_err();
        assert!(!e.message.contains("TOPSECRET"));
    }
}
