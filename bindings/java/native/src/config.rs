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
    v.as_u64()
        .map(Duration::from_millis)
        .ok_or_else(|| Error::config(format!("{key} must be a non-negative number of milliseconds")).into())
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
                            return Err(Error::config(format!("rate limit of {g} must be a number")).into())
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
                    .ok_or_else(|| Error::config("max_attempts must be a small non-negative integer"))?,
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
