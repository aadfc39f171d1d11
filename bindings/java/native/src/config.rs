//! The Java builder's settings (JSON) → `cnvision::config::ClientConfig`. Names follow
//! the core's builder; unknown keys are rejected so a typo cannot pass silently.

use crate::boundary::BResult;
use crate::convert::req_str;
use cnvision::catalog::{Gateway, QpsGroup};
use cnvision::config::ClientConfig;
use cnvision::policy::{RateLimit, RateLimitMode, RetryPolicy};
use cnvision::transport::{CaBundle, ProxySetting};
use cnvision::Error;
use serde_json::{Map, Value};
use std::time::Duration;

fn gateway(name: &str) -> BResult<Gateway> {
    Ok(match name {
        "ctyun_eop" => Gateway::CtyunEop,
        "ctyun_aiop" => Gateway::CtyunAiop,
        "ctyun2019" => Gateway::Ctyun2019,
        "huawei_image" => Gateway::HuaweiImage,
        "huawei_iam" => Gateway::HuaweiIam,
        other => return Err(Error::config(format!("unknown gateway {other:?}")).into()),
    })
}

fn qps_group(name: &str) -> BResult<QpsGroup> {
    Ok(match name {
        "safety" => QpsGroup::Safety,
        "face" => QpsGroup::Face,
        "video_liveness" => QpsGroup::VideoLiveness,
        "huawei" => QpsGroup::Huawei,
        "ctyun2019" => QpsGroup::Ctyun2019,
        other => return Err(Error::config(format!("unknown rate-limit group {other:?}")).into()),
    })
}

fn millis(v: &Value, key: &str) -> BResult<Duration> {
    v.as_u64().map(Duration::from_millis).ok_or_else(|| {
        Error::config(format!(
            "{key} must be a non-negative number of milliseconds"
        ))
        .into()
    })
}

fn object<'v>(v: &'v Value, key: &str) -> BResult<&'v Map<String, Value>> {
    v.as_object()
        .ok_or_else(|| Error::config(format!("{key} must be an object")).into())
}

/// Builds the configuration; the core's `validate` runs when the client is created.
pub(crate) fn from_json(v: &Value) -> BResult<ClientConfig> {
    let mut c = ClientConfig::new();
    for (key, val) in object(v, "config")? {
        c = match key.as_str() {
            "ctyun_eop" => c.with_ctyun_eop(
                req_str(val, "ak")?,
                req_str(val, "sk")?,
                req_str(val, "app_key")?,
            ),
            "ctyun_app" => c.with_ctyun_app(req_str(val, "app_key")?, req_str(val, "app_secret")?),
            "envelope_public_key" => c.with_envelope_public_key(text(val, key)?),
            "huawei_aksk" => c.with_huawei_aksk(req_str(val, "ak")?, req_str(val, "sk")?),
            "huawei_iam" => c.with_huawei_iam_password(
                req_str(val, "user")?,
                req_str(val, "password")?,
                req_str(val, "domain")?,
            ),
            "huawei_project_id" => c.with_huawei_project_id(text(val, key)?),
            "huawei_region" => c.with_huawei_region(text(val, key)?),
            "endpoints" => {
                for (g, url) in object(val, key)? {
                    c = c.with_endpoint(gateway(g)?, text(url, g)?);
                }
                c
            }
            "connect_timeout_ms" => c.with_connect_timeout(millis(val, key)?),
            "read_timeout_ms" => c.with_read_timeout(millis(val, key)?),
            "write_timeout_ms" => c.with_write_timeout(millis(val, key)?),
            "total_timeout_ms" => c.with_total_timeout(Some(millis(val, key)?)),
            "proxy" => match text(val, key)? {
                "none" => c.with_proxy(ProxySetting::None),
                "env" => c.with_proxy(ProxySetting::FromEnv),
                url => c.with_proxy(ProxySetting::url(url)),
            },
            "ca" => {
                let bundle = match (val.get("file"), val.get("pem")) {
                    (Some(f), None) => CaBundle::file(text(f, "ca.file")?),
                    (None, Some(p)) => CaBundle::pem(text(p, "ca.pem")?.as_bytes().to_vec()),
                    _ => return Err(Error::config("ca needs exactly one of file or pem").into()),
                };
                let only = val.get("only").and_then(Value::as_bool) == Some(true);
                c.with_ca_bundle(if only { bundle.only() } else { bundle })
            }
            "user_agent_suffix" => c.with_user_agent_suffix(text(val, key)?),
            "rate_limits" => {
                for (g, qps) in object(val, key)? {
                    let group = qps_group(g)?;
                    c = match qps.as_f64() {
                        Some(0.0) => c.without_rate_limit(group),
                        Some(q) => c.with_rate_limit(group, RateLimit::qps(q)),
                        None => {
                            return Err(Error::config(format!(
                                "rate limit of {g} must be a number"
                            ))
                            .into())
                        }
                    };
                }
                c
            }
            "rate_limit_fail_fast" => c.with_rate_limit_mode(if val.as_bool() == Some(true) {
                RateLimitMode::FailFast
            } else {
                RateLimitMode::Block
            }),
            "max_attempts" => c.with_retry(RetryPolicy {
                max_attempts: val
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| {
                        Error::config("max_attempts must be a small non-negative integer")
                    })?,
                ..RetryPolicy::default()
            }),
            "eop_utc_offset_seconds" => c.with_eop_utc_offset_seconds(
                val.as_i64()
                    .and_then(|n| i32::try_from(n).ok())
                    .ok_or_else(|| Error::config("eop_utc_offset_seconds must be an integer"))?,
            ),
            other => return Err(Error::config(format!("unknown client setting {other:?}")).into()),
        };
    }
    Ok(c)
}

fn text<'v>(v: &'v Value, key: &str) -> BResult<&'v str> {
    v.as_str()
        .ok_or_else(|| Error::config(format!("{key} must be a string")).into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn err(v: Value) -> String {
        match from_json(&v) {
            Err(crate::boundary::BridgeError::Core(e)) => {
                assert_eq!(e.kind(), cnvision::ErrorKind::Configuration);
                e.message().to_string()
            }
            other => panic!("expected a configuration error, got {other:?}"),
        }
    }

    #[test]
    fn every_builder_setting_reaches_the_core_config() {
        let c = from_json(&json!({
            "ctyun_eop": {"ak": "a", "sk": "s", "app_key": "k"},
            "ctyun_app": {"app_key": "ak2", "app_secret": "sec"},
            "huawei_aksk": {"ak": "HA", "sk": "HS"},
            "huawei_iam": {"user": "u", "password": "p", "domain": "d"},
            "huawei_project_id": "pid", "huawei_region": "cn-north-4",
            "endpoints": {"ctyun_eop": "http://127.0.0.1:1/", "huawei_iam": "http://127.0.0.1:2"},
            "connect_timeout_ms": 1500, "read_timeout_ms": 2500, "write_timeout_ms": 3500,
            "total_timeout_ms": 4500, "proxy": "env", "user_agent_suffix": "app/1",
            "rate_limits": {"safety": 0, "face": 2.5}, "rate_limit_fail_fast": true,
            "max_attempts": 1, "eop_utc_offset_seconds": 0
        }))
        .unwrap();
        assert_eq!(c.ctyun_eop().unwrap().app_key, "k");
        assert_eq!(c.ctyun_app().unwrap().app_key, "ak2");
        assert_eq!(c.huawei_aksk().unwrap().ak, "HA");
        assert_eq!(c.huawei_iam_password().unwrap().domain, "d");
        assert_eq!(c.huawei_project_id(), Some("pid"));
        assert_eq!(c.base_url(Gateway::CtyunEop).unwrap(), "http://127.0.0.1:1");
        assert_eq!(
            c.base_url(Gateway::HuaweiIam).unwrap(),
            "http://127.0.0.1:2"
        );
        let t = c.transport_options();
        assert_eq!(t.connect_timeout, Duration::from_millis(1500));
        assert_eq!(t.read_timeout, Duration::from_millis(2500));
        assert_eq!(t.write_timeout, Duration::from_millis(3500));
        assert_eq!(t.total_timeout, Some(Duration::from_millis(4500)));
        assert_eq!(t.proxy, ProxySetting::FromEnv);
        assert_eq!(c.rate_limit(QpsGroup::Safety), RateLimit::Unlimited);
        assert_eq!(c.rate_limit(QpsGroup::Face), RateLimit::qps(2.5));
        assert_eq!(c.rate_limit_mode(), RateLimitMode::FailFast);
        assert_eq!(c.retry().max_attempts, 1);
        assert_eq!(c.eop_utc_offset_seconds(), 0);
        c.validate().unwrap();
    }

    #[test]
    fn unknown_or_malformed_settings_are_configuration_errors() {
        assert!(err(json!({"ctyun_epo": {}})).contains("ctyun_epo"));
        assert!(err(json!({"endpoints": {"nowhere": "http://x"}})).contains("nowhere"));
        assert!(err(json!({"rate_limits": {"safety": "fast"}})).contains("safety"));
        assert!(err(json!({"connect_timeout_ms": -1})).contains("connect_timeout_ms"));
        assert!(err(json!({"ca": {}})).contains("ca"));
        assert!(err(json!([])).contains("config"));
    }

    #[test]
    fn secrets_stay_out_of_messages() {
        let msg = err(json!({"huawei_region": 5, "huawei_aksk": {"ak": "A", "sk": "topsecret"}}));
        assert!(!msg.contains("topsecret"), "{msg}");
    }
}
