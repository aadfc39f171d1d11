//! End to end: every operation through `Client` against `cnvision-emulator` on
//! loopback, plain and encrypted where the catalog allows; gateway error codes
//! reproduced and mapped; validation failures leave the emulator's counters
//! unchanged; injected faults prove the retry / no-retry rules; 8 threads.

mod client_support;

use client_support::{sample_inputs, Fixtures};
use cnvision::catalog::{self, AuthScheme, Gateway, QpsGroup};
use cnvision::config::ClientConfig;
use cnvision::media::Media;
use cnvision::{CallOptions, Client, ErrorKind};
use cnvision_emulator::{config as emu_config, Emulator, EmulatorConfig, FaultKind};
use serde_json::{json, Map, Value};
use std::sync::Arc;

/// (operation id, parameters, media) of one call.
type Case<'a> = (&'a str, Map<String, Value>, Vec<(&'a str, Media<'a>)>);

const GROUPS: [QpsGroup; 5] = [
    QpsGroup::Safety,
    QpsGroup::Face,
    QpsGroup::VideoLiveness,
    QpsGroup::Huawei,
    QpsGroup::Ctyun2019,
];

fn start() -> Emulator {
    Emulator::start(EmulatorConfig::default()).expect("emulator starts")
}

/// The emulator's client configuration without local rate limits (tests would
/// otherwise wait on the documented 1–10 QPS).
fn unlimited(mut c: ClientConfig) -> ClientConfig {
    for g in GROUPS {
        c = c.without_rate_limit(g);
    }
    c
}

fn client(emu: &Emulator) -> Client {
    Client::new(unlimited(emu.client_config())).unwrap()
}

/// Valid inputs for `op` against the emulator (IAM token with its identity).
fn inputs<'a>(
    op: &catalog::Operation,
    fx: &'a Fixtures,
) -> (Map<String, Value>, Vec<(&'static str, Media<'a>)>) {
    if op.id == "huawei.iam.token" {
        let p = json!({
            "/auth/identity/password/user/name": emu_config::IAM_USER,
            "/auth/identity/password/user/password": emu_config::IAM_PASSWORD,
            "/auth/identity/password/user/domain/name": emu_config::IAM_DOMAIN,
            "/auth/scope/project/name": emu_config::HUAWEI_REGION,
        });
        return (p.as_object().unwrap().clone(), Vec::new());
    }
    sample_inputs(op, fx)
}

#[test]
fn every_operation_plain_and_encrypted() {
    let emu = start();
    let c = client(&emu);
    let fx = Fixtures::load();
    let mut encrypted = 0;
    for op in catalog::all() {
        let (p, m) = inputs(op, &fx);
        let modes: &[bool] = if op.envelope {
            &[false, true]
        } else {
            &[false]
        };
        for &encrypt in modes {
            let before = emu.count(op.id);
            let options = CallOptions {
                encrypt,
                request_id: None,
            };
            let r = c
                .call(op.id, &p, &m, &options)
                .unwrap_or_else(|e| panic!("{} (encrypt {encrypt}): {e}", op.id));
            assert_eq!(emu.count(op.id), before + 1, "{}: one request", op.id);
            assert_eq!(r.operation, op.id);
            assert!(!r.result.is_null(), "{}", op.id);
            assert_eq!(r.binaries.len(), op.binary_results.len());
            for (_, png) in &r.binaries {
                assert_eq!(&png[..4], b"\x89PNG", "{}: decoded result image", op.id);
            }
            if op.id == "huawei.iam.token" {
                assert!(r.subject_token.is_some());
            }
            encrypted += usize::from(encrypt);
        }
    }
    assert!(
        encrypted >= 6,
        "every envelope operation was also called encrypted"
    );
}

#[test]
fn huawei_with_iam_password_fetches_token_and_project_once() {
    let emu = start();
    let mut cfg = ClientConfig::new()
        .with_huawei_iam_password(
            emu_config::IAM_USER,
            emu_config::IAM_PASSWORD,
            emu_config::IAM_DOMAIN,
        )
        .with_huawei_region(emu_config::HUAWEI_REGION);
    for g in [Gateway::HuaweiImage, Gateway::HuaweiIam] {
        cfg = cfg.with_endpoint(g, emu.base_url());
    }
    let c = Client::new(unlimited(cfg)).unwrap();
    let fx = Fixtures::load();
    let huawei_ops: Vec<_> = catalog::all()
        .iter()
        .filter(|o| o.auth == AuthScheme::Huawei && o.gateway == Gateway::HuaweiImage)
        .collect();
    for op in &huawei_ops {
        let (p, m) = inputs(op, &fx);
        c.call(op.id, &p, &m, &CallOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", op.id));
        assert_eq!(emu.count(op.id), 1);
    }
    assert_eq!(emu.count("huawei.iam.token"), 1, "token cached");
    assert_eq!(emu.count("huawei.iam.projects"), 1, "project id cached");
    let img = Media::Bytes(&fx.jpeg);
    let tags = c
        .huawei_image()
        .tagging_v2(img.into(), &Default::default())
        .unwrap();
    assert!(!tags.tags.is_empty());
}

#[test]
fn typed_api_against_the_emulator() {
    let emu = start();
    let c = client(&emu);
    let fx = Fixtures::load();
    let img = Media::Bytes(&fx.jpeg);
    assert!(!c.ctyun_safety().hat_detect(img).unwrap().is_empty());
    let enc = c.ctyun_face().encrypted();
    assert!(enc.compare(img, img).unwrap().score >= 0.0);
    let rn = c
        .ctyun_face()
        .encrypted()
        .real_name_auth(img, client_support::ID_NUMBER, "张三")
        .unwrap();
    assert_eq!(rn.res_str.len(), 4);
    let sr = c
        .huawei_image()
        .super_resolution(img, Some(3), None)
        .unwrap();
    assert_eq!(&sr.bytes[..4], b"\x89PNG");
    let d = c
        .ctyun_face2019()
        .compare(&[(
            cnvision::api::BatchImage::Media(img),
            cnvision::api::BatchImage::Media(img),
        )])
        .unwrap();
    assert!(!d.is_empty());
}

#[test]
fn validation_failures_leave_the_emulator_counters_unchanged() {
    let emu = start();
    let c = client(&emu);
    let fx = Fixtures::load();
    let p = |v: Value| v.as_object().unwrap().clone();
    let none = CallOptions::default();
    let cases: Vec<Case<'_>> = vec![
        ("ctyun.safety.hat_detect", Map::new(), vec![]),
        (
            "ctyun.face.detect",
            Map::new(),
            vec![("ImageData", Media::Bytes(&fx.tiny_bmp))],
        ),
        (
            "ctyun.safety.fas_shake",
            Map::new(),
            vec![("imageNContent", Media::Bytes(&fx.jpeg)); 2],
        ),
        (
            "ctyun.safety.fall_detect",
            Map::new(),
            vec![("images", Media::Bytes(&fx.jpeg)); 65],
        ),
        (
            "ctyun.face.real_name_auth",
            p(json!({"idNum": "123", "fullName": "x"})),
            vec![("portrait", Media::Bytes(&fx.jpeg))],
        ),
        (
            "ctyun.face.action_liveness",
            p(json!({"ActionType": "Dance"})),
            vec![("VideoBase64", Media::Bytes(&fx.mp4))],
        ),
        (
            "ctyun.safety_aiop.electronic_fence",
            p(json!({"service_code": "s", "area": [[0, 0], [5000, 0], [5000, 5000]]})),
            vec![("image", Media::Bytes(&fx.jpeg))],
        ),
        (
            "huawei.image.recapture_detect",
            p(json!({"threshold": 2})),
            vec![("image", Media::Bytes(&fx.jpeg))],
        ),
        ("huawei.image.media_tagging", Map::new(), vec![]),
    ];
    for (op, params, media) in &cases {
        let e = c.call(op, params, media, &none).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{op}: {e}");
    }
    // The envelope on an operation whose catalog entry does not allow it.
    let e = c
        .call(
            "ctyun.safety_aiop.hat_detect",
            &p(json!({"service_code": "s"})),
            &[("image", Media::Bytes(&fx.jpeg))],
            &CallOptions::encrypted(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        emu.total(),
        0,
        "nothing reached the emulator: {:?}",
        emu.counts()
    );
}

#[test]
fn gateway_error_codes_are_reproduced_and_mapped() {
    let emu = start();
    let fx = Fixtures::load();
    let img = [("image", Media::Bytes(&fx.jpeg))];
    let none = CallOptions::default();
    let base = emu.base_url();
    let eop = |ak: &str, sk: &str, app: &str| {
        let mut cfg = ClientConfig::new().with_ctyun_eop(ak, sk, app);
        cfg = cfg.with_endpoint(Gateway::CtyunEop, base.as_str());
        Client::new(unlimited(cfg)).unwrap()
    };
    // Wrong secret → 10020 signature error; unknown AK → 10002; wrong appkey → 40006.
    for (client, code) in [
        (
            eop(emu_config::EOP_AK, "wrong-sk", emu_config::EOP_APP_KEY),
            "10020",
        ),
        (
            eop("unknown-ak", emu_config::EOP_SK, emu_config::EOP_APP_KEY),
            "10002",
        ),
        (
            eop(emu_config::EOP_AK, emu_config::EOP_SK, "wrong-appkey"),
            "40006",
        ),
    ] {
        let e = client
            .call("ctyun.safety.hat_detect", &Map::new(), &img, &none)
            .unwrap_err();
        assert_eq!(
            (e.kind(), e.provider_code()),
            (ErrorKind::Authentication, Some(code)),
            "{e}"
        );
        assert!(e.http_status().is_some() && e.request_id().is_some());
    }
    // Huawei wrong SK → APIG.0301 (Authentication), HTTP 400.
    let mut cfg = emu
        .client_config()
        .with_huawei_aksk(emu_config::HUAWEI_AK, "wrong");
    cfg = unlimited(cfg);
    let e = Client::new(cfg)
        .unwrap()
        .call("huawei.image.tagging_v2", &Map::new(), &img, &none)
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.provider_code(), e.http_status()),
        (ErrorKind::Authentication, Some("APIG.0301"), Some(400))
    );
    // Envelope sealed for a different public key → AI_OP_40019 (SM2 failure) → Crypto.
    let other = cnvision::crypto::sm2::SecretKey::generate()
        .unwrap()
        .public_key()
        .to_spki_base64()
        .unwrap();
    let c = Client::new(unlimited(
        emu.client_config().with_envelope_public_key(other),
    ))
    .unwrap();
    let e = c
        .call(
            "ctyun.face.attributes",
            &Map::new(),
            &[("imageContent", Media::Bytes(&fx.jpeg))],
            &CallOptions::encrypted(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Crypto, "{e}");
    assert!(e.provider_code().unwrap().contains("40019"), "{e}");
    // IAM wrong password → 401 Authentication.
    let mut cfg = ClientConfig::new()
        .with_huawei_iam_password(emu_config::IAM_USER, "wrong", emu_config::IAM_DOMAIN)
        .with_huawei_region(emu_config::HUAWEI_REGION)
        .with_huawei_project_id(emu_config::HUAWEI_PROJECT_ID);
    for g in [Gateway::HuaweiImage, Gateway::HuaweiIam] {
        cfg = cfg.with_endpoint(g, base.as_str());
    }
    let e = Client::new(cfg)
        .unwrap()
        .call("huawei.image.tagging_v2", &Map::new(), &img, &none)
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.http_status()),
        (ErrorKind::Authentication, Some(401))
    );
    assert_eq!(
        emu.count("huawei.image.tagging_v2"),
        1,
        "only the AK/SK attempt reached the image API"
    );
}

#[test]
fn injected_faults_follow_the_retry_rules() {
    let emu = start();
    let c = client(&emu);
    let fx = Fixtures::load();
    let op = "ctyun.face.attributes";
    let media = [("imageContent", Media::Bytes(&fx.jpeg))];
    let call = |o: &CallOptions| c.call(op, &Map::new(), &media, o);
    let plain = CallOptions::default();
    let mut expected = 0;
    let mut check = |kind: FaultKind, options: &CallOptions, want: Option<ErrorKind>| {
        emu.inject(Some(op), kind, 1);
        let outcome = call(options);
        expected += 1;
        assert_eq!(
            emu.count(op),
            expected,
            "{kind:?}: exactly one request reached the emulator"
        );
        match (want, outcome) {
            (None, Ok(_)) => {}
            (Some(k), Err(e)) => {
                assert_eq!(e.kind(), k, "{kind:?}: {e}");
                assert!(e.request_id().is_some(), "{kind:?}: {e}");
            }
            (w, o) => panic!("{kind:?}: wanted {w:?}, got {o:?}"),
        }
    };
    // The connection is closed after the request was sent: maybe billed, not retried.
    check(FaultKind::Reset, &plain, Some(ErrorKind::Network));
    check(
        FaultKind::Status { status: 503 },
        &plain,
        Some(ErrorKind::Service),
    );
    check(FaultKind::Throttle, &plain, Some(ErrorKind::RateLimited));
    check(FaultKind::MalformedJson, &plain, Some(ErrorKind::Protocol));
    check(
        FaultKind::TamperResult,
        &CallOptions::encrypted(),
        Some(ErrorKind::Crypto),
    );
    check(
        FaultKind::TamperHash,
        &CallOptions::encrypted(),
        Some(ErrorKind::Crypto),
    );
    check(FaultKind::Delay { ms: 20 }, &plain, None);
}

#[test]
fn unsent_failures_are_retried_against_a_port_that_comes_up() {
    // Nothing listens on the first endpoint: every attempt fails before sending, so the
    // policy retries until its attempts are spent and reports a Network error.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let emu = start();
    let cfg = unlimited(emu.client_config().with_endpoint(Gateway::CtyunEop, dead));
    let fx = Fixtures::load();
    let e = Client::new(cfg)
        .unwrap()
        .call(
            "ctyun.safety.hat_detect",
            &Map::new(),
            &[("image", Media::Bytes(&fx.jpeg))],
            &CallOptions::default(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Network, "{e}");
    assert_eq!(emu.total(), 0);
}

#[test]
fn eight_threads_share_one_client_against_the_emulator() {
    let emu = start();
    let c = Arc::new(client(&emu));
    let fx = Arc::new(Fixtures::load());
    let ops: Vec<&'static str> = catalog::all()
        .iter()
        .filter(|o| o.id != "huawei.iam.token")
        .map(|o| o.id)
        .collect();
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let (c, fx, ops) = (c.clone(), fx.clone(), ops.clone());
            std::thread::spawn(move || {
                for id in ops.iter().skip(i % 4).step_by(2) {
                    let op = catalog::find(id).unwrap();
                    let (p, m) = sample_inputs(op, &fx);
                    let options = CallOptions {
                        encrypt: op.envelope && i % 2 == 0,
                        request_id: None,
                    };
                    c.call(id, &p, &m, &options)
                        .unwrap_or_else(|e| panic!("thread {i} {id}: {e}"));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let expected: usize = (0..8)
        .map(|i| ops.iter().skip(i % 4).step_by(2).count())
        .sum();
    assert_eq!(emu.total() as usize, expected);
}

#[test]
fn huawei_aksk_signing_with_each_apig_algorithm() {
    use cnvision::auth::apig::Algorithm;
    use cnvision::config::HuaweiSigning;
    let emu = start();
    let fx = Fixtures::load();
    let op = catalog::find("huawei.image.media_tagging").unwrap();
    let (params, media) = inputs(op, &fx);
    for algorithm in [
        Algorithm::SdkHmacSha256,
        Algorithm::SdkHmacSm3,
        Algorithm::V11HmacSha256,
    ] {
        let signing = HuaweiSigning {
            algorithm,
            derived_service_name: Some("image".into()),
        };
        let c = Client::new(unlimited(emu.client_config()).with_huawei_signing(signing)).unwrap();
        let r = c
            .call(op.id, &params, &media, &CallOptions::default())
            .unwrap_or_else(|e| panic!("{algorithm:?}: {e}"));
        assert_eq!(r.http_status, 200, "{algorithm:?}");
    }
    assert_eq!(emu.count(op.id), 3);
    // V11 without a derived service name is refused before anything is sent.
    let bad = unlimited(emu.client_config()).with_huawei_signing(HuaweiSigning {
        algorithm: Algorithm::V11HmacSha256,
        derived_service_name: None,
    });
    assert_eq!(bad.validate().unwrap_err().kind(), ErrorKind::Configuration);
}
