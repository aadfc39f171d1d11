//! ClientConfig: builder, environment lookup (a map, never the process environment),
//! endpoint resolution, validation, and Debug redaction.

use cnvision::catalog::{Gateway, QpsGroup};
use cnvision::config::ClientConfig;
use cnvision::policy::{ManualClock, RateLimit, RateLimitMode, RetryPolicy};
use cnvision::transport::{CaBundle, ProxySetting};
use cnvision::ErrorKind;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

fn lookup(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |name| map.get(name).cloned()
}

#[test]
fn from_lookup_reads_every_documented_variable() {
    let c = ClientConfig::from_lookup(lookup(&[
        ("CTYUN_AK", "ak-1"),
        ("CTYUN_SK", "sk-secret-1"),
        ("CTYUN_APP_KEY", "appkey-1"),
        ("CTYUN_APP_SECRET", "appsecret-1"),
        (
            "CTYUN_ENVELOPE_PUBLIC_KEY",
            "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE",
        ),
        ("HUAWEICLOUD_SDK_AK", "hw-ak"),
        ("HUAWEICLOUD_SDK_SK", "hw-sk-secret"),
        ("HUAWEICLOUD_SDK_PROJECT_ID", "proj-1"),
        ("HUAWEICLOUD_SDK_REGION", "cn-north-4"),
        ("HUAWEICLOUD_IAM_USERNAME", "alice"),
        ("HUAWEICLOUD_IAM_PASSWORD", "iam-pw-secret"),
        ("HUAWEICLOUD_IAM_DOMAIN", "acme"),
        ("CNVISION_ENDPOINT_CTYUN_EOP", "http://127.0.0.1:9000/"),
        ("CNVISION_ENDPOINT_HUAWEI_IAM", "http://127.0.0.1:9001"),
        ("CNVISION_PROXY", "http://proxy.local:3128"),
        ("CNVISION_CA_FILE", "/etc/ssl/private-ca.pem"),
    ]))
    .expect("complete environment");
    let eop = c.ctyun_eop().unwrap();
    assert_eq!(
        (eop.ak.as_str(), eop.sk.expose(), eop.app_key.as_str()),
        ("ak-1", "sk-secret-1", "appkey-1")
    );
    let app = c.ctyun_app().unwrap();
    assert_eq!(
        (app.app_key.as_str(), app.app_secret.expose()),
        ("appkey-1", "appsecret-1")
    );
    assert_eq!(
        c.envelope_public_key(),
        Some("MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE")
    );
    assert_eq!(c.huawei_aksk().unwrap().sk.expose(), "hw-sk-secret");
    let iam = c.huawei_iam_password().unwrap();
    assert_eq!(
        (
            iam.user.as_str(),
            iam.password.expose(),
            iam.domain.as_str()
        ),
        ("alice", "iam-pw-secret", "acme")
    );
    assert_eq!(c.huawei_project_id(), Some("proj-1"));
    assert_eq!(
        c.base_url(Gateway::CtyunEop).unwrap(),
        "http://127.0.0.1:9000"
    );
    assert_eq!(
        c.base_url(Gateway::HuaweiIam).unwrap(),
        "http://127.0.0.1:9001"
    );
    assert_eq!(
        c.base_url(Gateway::HuaweiImage).unwrap(),
        "https://image.cn-north-4.myhuaweicloud.com"
    );
    assert_eq!(
        c.base_url(Gateway::CtyunAiop).unwrap(),
        "https://ai.ctyun.cn"
    );
    assert_eq!(
        c.transport_options().proxy,
        ProxySetting::url("http://proxy.local:3128")
    );
    assert_eq!(
        c.transport_options().ca,
        Some(CaBundle::file("/etc/ssl/private-ca.pem"))
    );
}

#[test]
fn empty_environment_is_an_empty_config_with_defaults() {
    let c = ClientConfig::from_lookup(lookup(&[("CTYUN_AK", "  ")])).unwrap();
    assert!(
        c.ctyun_eop().is_none() && c.huawei_aksk().is_none() && c.huawei_iam_password().is_none()
    );
    assert_eq!(c.eop_utc_offset_seconds(), 8 * 3600);
    assert_eq!(c.rate_limit(QpsGroup::Safety), RateLimit::qps(5.0));
    assert_eq!(c.rate_limit_mode(), RateLimitMode::Block);
    assert_eq!(*c.retry(), RetryPolicy::default());
    assert_eq!(c.transport_options().proxy, ProxySetting::None);
    assert_eq!(c.transport_options().max_response_bytes, 64 * 1024 * 1024);
}

#[test]
fn incomplete_groups_name_the_missing_variables() {
    for (vars, missing) in [
        (vec![("CTYUN_AK", "a"), ("CTYUN_SK", "s")], "CTYUN_APP_KEY"),
        (vec![("CTYUN_AK", "a"), ("CTYUN_APP_KEY", "k")], "CTYUN_SK"),
        (vec![("CTYUN_APP_SECRET", "s")], "CTYUN_APP_KEY"),
        (vec![("HUAWEICLOUD_SDK_SK", "s")], "HUAWEICLOUD_SDK_AK"),
        (
            vec![
                ("HUAWEICLOUD_IAM_USERNAME", "u"),
                ("HUAWEICLOUD_IAM_PASSWORD", "p"),
            ],
            "HUAWEICLOUD_IAM_DOMAIN",
        ),
    ] {
        let e = ClientConfig::from_lookup(lookup(&vars)).expect_err("incomplete");
        assert_eq!(e.kind(), ErrorKind::Configuration);
        assert!(e.message().contains(&format!("missing {missing}")), "{e}");
        for (_, value) in &vars {
            if value.len() > 1 {
                assert!(!e.message().contains(value));
            }
        }
    }
    let e = ClientConfig::from_lookup(lookup(&[("CNVISION_ENDPOINT_CTYUN_2019", "ftp://x")]))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Configuration);
    let e = ClientConfig::from_lookup(lookup(&[("HUAWEICLOUD_SDK_REGION", "cn-north-4/../x")]))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Configuration);
}

#[test]
fn debug_never_shows_secrets() {
    let c = ClientConfig::new()
        .with_ctyun_eop("ak-visible", "EOP-SK-SECRET", "appkey-visible")
        .with_ctyun_app("appkey-visible", "APP-SECRET-VALUE")
        .with_huawei_aksk("hw-ak", "HW-SK-SECRET")
        .with_huawei_iam_password("alice", "IAM-PASSWORD-SECRET", "acme")
        .with_proxy(ProxySetting::url("http://bob:PROXY-PW-SECRET@proxy:3128"));
    let dbg = format!("{c:?}");
    for secret in [
        "EOP-SK-SECRET",
        "APP-SECRET-VALUE",
        "HW-SK-SECRET",
        "IAM-PASSWORD-SECRET",
        "PROXY-PW-SECRET",
    ] {
        assert!(!dbg.contains(secret), "{secret} leaked in {dbg}");
    }
    assert!(
        dbg.contains("** REDACTED **") && dbg.contains("ak-visible") && dbg.contains("proxy:3128")
    );
    let pretty = format!("{c:#?}");
    assert!(!pretty.contains("EOP-SK-SECRET"));
}

#[test]
fn builder_sets_everything_and_builds_parts() {
    let c = ClientConfig::new()
        .with_endpoint(Gateway::HuaweiImage, "http://127.0.0.1:7000/{region}/")
        .with_huawei_region("cn-east-3")
        .with_connect_timeout(Duration::from_secs(3))
        .with_read_timeout(Duration::from_secs(4))
        .with_write_timeout(Duration::from_secs(5))
        .with_total_timeout(Some(Duration::from_secs(60)))
        .with_user_agent_suffix("app/1")
        .with_max_response_bytes(1024)
        .with_rate_limit(
            QpsGroup::Face,
            RateLimit::Qps {
                qps: 20.0,
                burst: 2,
            },
        )
        .without_rate_limit(QpsGroup::Safety)
        .with_rate_limit_mode(RateLimitMode::FailFast)
        .with_retry(RetryPolicy::none())
        .with_eop_utc_offset_seconds(0);
    c.validate().unwrap();
    assert_eq!(
        c.base_url(Gateway::HuaweiImage).unwrap(),
        "http://127.0.0.1:7000/cn-east-3"
    );
    let t = c.transport_options();
    assert_eq!(
        (
            t.connect_timeout,
            t.read_timeout,
            t.write_timeout,
            t.total_timeout
        ),
        (
            Duration::from_secs(3),
            Duration::from_secs(4),
            Duration::from_secs(5),
            Some(Duration::from_secs(60))
        )
    );
    assert_eq!(
        t.user_agent(),
        format!("cnvision/{} app/1", cnvision::VERSION)
    );
    assert_eq!(
        c.rate_limit(QpsGroup::Face),
        RateLimit::Qps {
            qps: 20.0,
            burst: 2
        }
    );
    assert_eq!(c.rate_limit(QpsGroup::Safety), RateLimit::Unlimited);
    assert_eq!(c.rate_limit(QpsGroup::VideoLiveness), RateLimit::qps(1.0));
    assert_eq!(c.eop_utc_offset_seconds(), 0);
    let limiter = c.rate_limiter(Arc::new(ManualClock::new())).unwrap();
    assert_eq!(limiter.mode(), RateLimitMode::FailFast);
    assert_eq!(
        limiter.limit(QpsGroup::Face),
        RateLimit::Qps {
            qps: 20.0,
            burst: 2
        }
    );
    c.transport().expect("ureq transport builds");
}

#[test]
fn validation_failures() {
    let region_missing = ClientConfig::new();
    assert_eq!(
        region_missing
            .base_url(Gateway::HuaweiImage)
            .unwrap_err()
            .kind(),
        ErrorKind::Configuration
    );
    for bad in [
        ClientConfig::new().with_eop_utc_offset_seconds(24 * 3600),
        ClientConfig::new().with_rate_limit(QpsGroup::Face, RateLimit::qps(0.0)),
        ClientConfig::new().with_ctyun_eop("ak", "", "app"),
        ClientConfig::new().with_huawei_aksk("", "sk"),
        ClientConfig::new().with_endpoint(Gateway::CtyunEop, "127.0.0.1:80"),
    ] {
        assert_eq!(
            bad.validate().unwrap_err().kind(),
            ErrorKind::Configuration,
            "{bad:?}"
        );
    }
}
