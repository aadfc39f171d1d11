//! Client::call against a recording fake transport: every operation's request
//! (method, URL, headers, body, signature), validation sends nothing, retry rules,
//! error mapping, the envelope, Huawei token/project look-ups, 8 threads.

mod client_support;

use client_support::*;
use cnvision::catalog::{self, AuthScheme, Gateway, Location, Method, QpsGroup};
use cnvision::config::ClientConfig;
use cnvision::crypto::envelope;
use cnvision::crypto::sm2::SecretKey;
use cnvision::media::Media;
use cnvision::policy::{ManualClock, RetryPolicy};
use cnvision::transport::{FailureKind, TransportFailure};
use cnvision::{CallOptions, Client, ErrorKind};
use serde_json::{json, Map, Value};
use std::sync::Arc;
use std::time::Duration;

/// (operation id, parameters, media) of one call.
type Case<'a> = (&'a str, Map<String, Value>, Vec<(&'a str, Media<'a>)>);

const BASE: &str = "http://gw.test:8080";

fn config() -> ClientConfig {
    let mut c = ClientConfig::new()
        .with_ctyun_eop(EOP_AK, EOP_SK, EOP_APP_KEY)
        .with_ctyun_app(APP_KEY, APP_SECRET)
        .with_huawei_aksk(HW_AK, HW_SK)
        .with_huawei_project_id(PROJECT_ID)
        .with_huawei_region(REGION)
        .with_retry(RetryPolicy {
            max_attempts: 3,
            ..RetryPolicy::default()
        });
    for g in [
        Gateway::CtyunEop,
        Gateway::CtyunAiop,
        Gateway::Ctyun2019,
        Gateway::HuaweiImage,
        Gateway::HuaweiIam,
    ] {
        c = c.with_endpoint(g, BASE);
    }
    c
}

fn client_with(config: ClientConfig, t: Arc<FakeTransport>) -> Client {
    Client::with_transport(config, t)
        .unwrap()
        .with_policy_clock(Arc::new(ManualClock::new()))
        .unwrap()
}

fn params(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

#[test]
fn every_operation_builds_a_signed_request_and_parses_its_documented_answer() {
    let fx = Fixtures::load();
    let t = Arc::new(FakeTransport::documented());
    let client = client_with(config(), t.clone());
    for op in catalog::all() {
        let (p, media) = sample_inputs(op, &fx);
        let before = t.count();
        let r = client
            .call(op.id, &p, &media, &CallOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", op.id));
        assert_eq!(t.count(), before + 1, "{}: exactly one request", op.id);
        let req = t.last();
        assert_eq!(r.operation, op.id);
        assert_eq!(req.method, op.method, "{}", op.id);
        let expected_path = op
            .path
            .replace("{project_id}", PROJECT_ID)
            .replace("{service_code}", "svc0code1");
        assert_eq!(path_of(&req.url), expected_path, "{}", op.id);
        assert!(req.url.starts_with(BASE), "{}", req.url);
        for (name, value) in op.headers {
            assert_eq!(
                req.header(name),
                Some(*value),
                "{}: fixed header {name}",
                op.id
            );
        }
        match op.method {
            Method::Post => {
                assert_eq!(
                    req.header("Content-Type"),
                    Some("application/json"),
                    "{}",
                    op.id
                );
                let body: Value = serde_json::from_slice(&req.body)
                    .unwrap_or_else(|e| panic!("{}: body {e}", op.id));
                for f in op
                    .fields
                    .iter()
                    .filter(|f| f.location == Location::Body && f.required)
                {
                    let present = if f.name.starts_with('/') {
                        body.pointer(f.name).is_some()
                    } else if matches!(f.kind, catalog::FieldKind::ImageSequence { .. }) {
                        body.get("image1Content").is_some() && body.get("image3Content").is_some()
                    } else {
                        body.get(f.name).is_some()
                    };
                    assert!(present, "{}: body lacks {}", op.id, f.name);
                }
                for f in op.fields.iter().filter(|f| f.location != Location::Body) {
                    assert!(
                        body.get(f.name).is_none(),
                        "{}: {} leaked into the body",
                        op.id,
                        f.name
                    );
                }
            }
            Method::Get => assert!(req.body.is_empty()),
        }
        if op.id == "huawei.iam.projects" {
            assert_eq!(query_of(&req.url), "");
        }
        verify_signature(op, &req);
        assert_eq!(
            r.http_status,
            if op.id == "huawei.iam.token" {
                201
            } else {
                200
            }
        );
        assert!(!r.body.is_null(), "{}", op.id);
        assert_eq!(r.binaries.len(), op.binary_results.len(), "{}", op.id);
        for (_, bytes) in &r.binaries {
            assert_eq!(&bytes[..3], &[0xFF, 0xD8, 0xFF], "{}: decoded JPEG", op.id);
        }
    }
}

#[test]
fn body_fields_are_base64_of_the_media_and_defaults_are_filled() {
    let fx = Fixtures::load();
    let t = Arc::new(FakeTransport::documented());
    let client = client_with(config(), t.clone());
    client
        .call(
            "ctyun.face.detect",
            &Map::new(),
            &[("ImageData", Media::Bytes(&fx.jpeg))],
            &CallOptions::default(),
        )
        .unwrap();
    let body: Value = serde_json::from_slice(&t.last().body).unwrap();
    use base64::Engine;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(body["ImageData"].as_str().unwrap())
        .unwrap();
    assert_eq!(decoded, fx.jpeg);
    assert_eq!(body["Action"], "DetectFace");
    assert_eq!(body["FaceThresh"], 0.5);
    assert_eq!(t.last().header("version"), Some("v3"));
}

#[test]
fn iam_token_body_is_nested_with_the_password_method() {
    let t = Arc::new(FakeTransport::documented());
    let client = client_with(config(), t.clone());
    let r = client
        .call(
            "huawei.iam.token",
            &params(json!({
                "/auth/identity/password/user/name": "u",
                "/auth/identity/password/user/password": "p",
                "/auth/identity/password/user/domain/name": "d",
                "/auth/scope/project/name": REGION
            })),
            &[],
            &CallOptions::default(),
        )
        .unwrap();
    let body: Value = serde_json::from_slice(&t.last().body).unwrap();
    assert_eq!(
        body,
        json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "u", "password": "p", "domain": {"name": "d"}}}},
                        "scope": {"project": {"name": REGION}}}})
    );
    assert_eq!(r.subject_token.unwrap().expose(), "token-abc");
}

#[test]
fn validation_failures_send_nothing() {
    let fx = Fixtures::load();
    let t = Arc::new(FakeTransport::documented());
    let client = client_with(config(), t.clone());
    let none = CallOptions::default();
    let cases: Vec<Case<'_>> = vec![
        (
            "ctyun.face.detect",
            Map::new(),
            vec![("ImageData", Media::Bytes(&fx.tiny_bmp))],
        ),
        ("ctyun.face.detect", Map::new(), vec![]),
        (
            "ctyun.face.detect",
            params(json!({"FaceThresh": 2})),
            vec![("ImageData", Media::Bytes(&fx.jpeg))],
        ),
        (
            "ctyun.safety.fas_eye",
            Map::new(),
            vec![("imageNContent", Media::Bytes(&fx.jpeg)); 2],
        ),
        (
            "ctyun.face.real_name_auth",
            params(json!({"idNum": "110105194912310021", "fullName": "张三"})),
            vec![("portrait", Media::Bytes(&fx.jpeg))],
        ),
        (
            "huawei.image.media_tagging",
            params(json!({"url": "https://x/y.jpg"})),
            vec![("image", Media::Bytes(&fx.jpeg))],
        ),
        (
            "ctyun.safety_aiop.hat_detect",
            params(json!({"service_code": "a/b"})),
            vec![("image", Media::Bytes(&fx.jpeg))],
        ),
        ("no.such.op", Map::new(), vec![]),
    ];
    for (op, p, m) in &cases {
        let e = client.call(op, p, m, &none).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{op}: {e}");
        assert!(client.validate(op, p, m).is_err(), "{op}");
    }
    let e = client
        .call("no.such.op", &Map::new(), &[], &none)
        .unwrap_err();
    assert!(e.message().contains("no.such.op"));
    // The envelope on an operation that does not allow it, and without a key.
    let e = client
        .call(
            "huawei.image.bgm_recognition",
            &params(json!({"url": "https://x/v.mp4"})),
            &[],
            &CallOptions::encrypted(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = client
        .call(
            "ctyun.face.attributes",
            &Map::new(),
            &[("imageContent", Media::Bytes(&fx.jpeg))],
            &CallOptions::encrypted(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.message().contains("public key"), "{e}");
    assert_eq!(t.count(), 0);
}

fn failing_then_ok(kind: FailureKind, sent: bool) -> Arc<FakeTransport> {
    Arc::new(FakeTransport::new(move |req, n| {
        if n == 0 {
            Err(TransportFailure::new(kind, sent, "injected"))
        } else {
            Ok(documented_response(req))
        }
    }))
}

#[test]
fn unsent_failures_are_retried_and_resigned_sent_ones_are_not() {
    let fx = Fixtures::load();
    let media = [("image", Media::Bytes(&fx.jpeg))];
    let t = failing_then_ok(FailureKind::Connect, false);
    let client = client_with(config(), t.clone());
    let r = client
        .call(
            "ctyun.safety.hat_detect",
            &Map::new(),
            &media,
            &CallOptions::default(),
        )
        .unwrap();
    assert_eq!(t.count(), 2);
    assert!(r.result.is_array());
    let reqs = t.requests.lock().unwrap().clone();
    // Same body and request id on both attempts; each attempt carries one signature.
    assert_eq!(reqs[0].body, reqs[1].body);
    assert_eq!(
        reqs[0].header("ctyun-eop-request-id"),
        reqs[1].header("ctyun-eop-request-id")
    );
    assert_eq!(
        reqs[1]
            .headers
            .iter()
            .filter(|(n, _)| n == "Eop-Authorization")
            .count(),
        1
    );
    verify_signature(catalog::find("ctyun.safety.hat_detect").unwrap(), &reqs[1]);

    let t = failing_then_ok(FailureKind::Io, true);
    let client = client_with(config(), t.clone());
    let e = client
        .call(
            "ctyun.safety.hat_detect",
            &Map::new(),
            &media,
            &CallOptions::default(),
        )
        .unwrap_err();
    assert_eq!(t.count(), 1);
    assert_eq!(e.kind(), ErrorKind::Network);
    assert!(e.request_id().is_some());

    let t = failing_then_ok(FailureKind::Timeout, true);
    let client = client_with(config(), t.clone());
    let e = client
        .call(
            "ctyun.safety.hat_detect",
            &Map::new(),
            &media,
            &CallOptions::default(),
        )
        .unwrap_err();
    assert_eq!((t.count(), e.kind()), (1, ErrorKind::Timeout));
}

#[test]
fn throttled_and_service_errors_are_mapped_and_not_retried() {
    let fx = Fixtures::load();
    let media = [("image", Media::Bytes(&fx.jpeg))];
    let t = Arc::new(FakeTransport::new(|_, _| {
        Ok(json_response(
            400,
            r#"{"error_code":"APIG.0308","error_msg":"The throttling threshold has been reached"}"#,
        ))
    }));
    let client = client_with(config(), t.clone());
    let e = client
        .call(
            "huawei.image.media_tagging",
            &Map::new(),
            &media,
            &CallOptions::default(),
        )
        .unwrap_err();
    assert_eq!((e.kind(), t.count()), (ErrorKind::RateLimited, 1));
    assert_eq!(
        (e.provider_code(), e.http_status()),
        (Some("APIG.0308"), Some(400))
    );

    let t = Arc::new(FakeTransport::new(|_, _| {
        Ok(json_response(
            200,
            r#"{"statusCode":4010,"message":"error","error":"AI_OP_4010"}"#,
        ))
    }));
    let client = client_with(config(), t.clone());
    let e = client
        .call(
            "ctyun.face.real_name_auth",
            &params(json!({"idNum": ID_NUMBER, "fullName": "张三"})),
            &[("portrait", Media::Bytes(&fx.jpeg))],
            &CallOptions::default(),
        )
        .unwrap_err();
    assert_eq!((e.kind(), t.count()), (ErrorKind::RateLimited, 1));

    let t = Arc::new(FakeTransport::new(|_, _| {
        Ok(json_response(
            200,
            r#"{"statusCode":4003,"message":"error","details":"model failure","error":"AI_OP_4003"}"#,
        ))
    }));
    let client = client_with(config(), t.clone());
    let options = CallOptions {
        encrypt: false,
        request_id: Some("my-request-1".into()),
    };
    let e = client
        .call("ctyun.safety.hat_detect", &Map::new(), &media, &options)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Service);
    assert_eq!(e.provider_code(), Some("4003"));
    assert_eq!(e.http_status(), Some(200));
    assert_eq!(e.request_id(), Some("my-request-1"));
    assert_eq!(
        t.last().header("ctyun-eop-request-id"),
        Some("my-request-1")
    );
    assert_eq!(t.count(), 1);

    let t = Arc::new(FakeTransport::new(|_, _| {
        let mut r = json_response(500, r#"{"error_code":"AIP.0500","error_msg":"internal"}"#);
        r.headers.push(("x-request-id".into(), "hw-req-9".into()));
        Ok(r)
    }));
    let client = client_with(config(), t.clone());
    let e = client
        .call(
            "huawei.image.tagging_v2",
            &Map::new(),
            &media,
            &CallOptions::default(),
        )
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.http_status(), e.request_id(), t.count()),
        (ErrorKind::Service, Some(500), Some("hw-req-9"), 1)
    );
}

#[test]
fn local_rate_limit_spaces_calls_per_group() {
    let fx = Fixtures::load();
    let clock = Arc::new(ManualClock::new());
    let t = Arc::new(FakeTransport::documented());
    let client = Client::with_transport(config(), t.clone())
        .unwrap()
        .with_policy_clock(clock.clone())
        .unwrap();
    let media = [("image", Media::Bytes(&fx.jpeg))];
    for _ in 0..3 {
        client
            .call(
                "ctyun.safety.hat_detect",
                &Map::new(),
                &media,
                &CallOptions::default(),
            )
            .unwrap();
    }
    // Safety is 5 QPS: the 2nd and 3rd calls waited 200 ms each on the policy clock.
    assert_eq!(clock.sleeps(), vec![Duration::from_millis(200); 2]);
    assert_eq!(QpsGroup::Safety.default_qps(), Some(5.0));
}

#[test]
fn envelope_round_trip_and_tampering() {
    let fx = Fixtures::load();
    let sk = SecretKey::generate().unwrap();
    let pk = sk.public_key().to_spki_base64().unwrap();
    let sk = Arc::new(sk);
    let tamper = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (sk2, tamper2) = (sk.clone(), tamper.clone());
    let t = Arc::new(FakeTransport::new(move |req, _| {
        assert_eq!(req.header("decrypted"), Some("true"));
        let (plain, keys) =
            envelope::open_request(&req.body, &sk2).expect("gateway opens the sealed body");
        let plain: Value = serde_json::from_slice(&plain).unwrap();
        assert!(plain.get("imageContent").is_some());
        let op = op_of(req);
        let mut sealed = envelope::seal_response(op.response_example.as_bytes(), &keys).unwrap();
        if tamper2.load(std::sync::atomic::Ordering::SeqCst) {
            let i = sealed.iter().position(|&b| b == b'"').unwrap() + 20;
            sealed[i] = if sealed[i] == b'A' { b'B' } else { b'A' };
        }
        Ok(json_response(200, std::str::from_utf8(&sealed).unwrap()))
    }));
    let client = client_with(config().with_envelope_public_key(pk), t.clone());
    let media = [("imageContent", Media::Bytes(&fx.jpeg))];
    let r = client
        .call(
            "ctyun.face.attributes",
            &Map::new(),
            &media,
            &CallOptions::encrypted(),
        )
        .unwrap();
    assert_eq!(r.result["face_num"], 1);
    assert_eq!(r.body["statusCode"], 0);
    verify_signature(catalog::find("ctyun.face.attributes").unwrap(), &t.last());
    let typed = client
        .ctyun_face()
        .encrypted()
        .attributes(Media::Bytes(&fx.jpeg))
        .unwrap();
    assert_eq!(typed.faces[0].age, Some(23));

    tamper.store(true, std::sync::atomic::Ordering::SeqCst);
    let e = client
        .call(
            "ctyun.face.attributes",
            &Map::new(),
            &media,
            &CallOptions::encrypted(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Crypto);
    assert_eq!(e.http_status(), Some(200));
    assert!(e.request_id().is_some());
}

#[test]
fn huawei_token_and_project_are_fetched_once_and_used() {
    let fx = Fixtures::load();
    let t = Arc::new(FakeTransport::new(|req, _| {
        let path = path_of(&req.url);
        if path == "/v3/auth/tokens" {
            let body: Value = serde_json::from_slice(&req.body).unwrap();
            assert_eq!(body["auth"]["scope"]["project"]["name"], REGION);
            let mut r = json_response(
                201,
                r#"{"token":{"expires_at":"2999-01-01T00:00:00.000000Z"}}"#,
            );
            r.headers.push(("X-Subject-Token".into(), "tok-1".into()));
            return Ok(r);
        }
        assert_eq!(req.header("X-Auth-Token"), Some("tok-1"), "{path}");
        if path == "/v3/projects" {
            assert_eq!(query_of(&req.url), format!("name={REGION}"));
            return Ok(json_response(
                200,
                &format!(r#"{{"projects":[{{"id":"pid-7","name":"{REGION}"}}]}}"#),
            ));
        }
        assert!(path.starts_with("/v2/pid-7/"), "{path}");
        assert_eq!(req.header("X-Project-Id"), Some("pid-7"));
        Ok(documented_response(req))
    }));
    let mut c = ClientConfig::new()
        .with_huawei_iam_password("user", "pw", "dom")
        .with_huawei_region(REGION);
    for g in [Gateway::HuaweiImage, Gateway::HuaweiIam] {
        c = c.with_endpoint(g, BASE);
    }
    let client = client_with(c, t.clone());
    let media = [("image", Media::Bytes(&fx.jpeg))];
    for _ in 0..2 {
        let tags = client
            .huawei_image()
            .media_tagging(media[0].1.into(), &Default::default())
            .unwrap();
        assert_eq!(tags.tags[0].confidence, 39.42);
    }
    let paths: Vec<String> = t
        .requests
        .lock()
        .unwrap()
        .iter()
        .map(|r| path_of(&r.url))
        .collect();
    assert_eq!(
        paths,
        [
            "/v3/auth/tokens",
            "/v3/projects",
            "/v2/pid-7/image/media-tagging",
            "/v2/pid-7/image/media-tagging"
        ]
    );
}

#[test]
fn missing_credentials_are_configuration_errors_before_sending() {
    let fx = Fixtures::load();
    let t = Arc::new(FakeTransport::documented());
    let client = client_with(ClientConfig::new(), t.clone());
    for (op, m) in [
        ("ctyun.safety.hat_detect", "image"),
        ("ctyun.safety_aiop.hat_detect", "image"),
        ("huawei.image.tagging_v2", "image"),
    ] {
        let p = if op.contains("aiop") {
            params(json!({"service_code": "abc"}))
        } else {
            Map::new()
        };
        let e = client
            .call(
                op,
                &p,
                &[(m, Media::Bytes(&fx.jpeg))],
                &CallOptions::default(),
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Configuration, "{op}: {e}");
    }
    assert_eq!(t.count(), 0);
}

#[test]
fn eight_threads_share_one_client() {
    let fx = Arc::new(Fixtures::load());
    let t = Arc::new(FakeTransport::documented());
    let client = Arc::new(client_with(
        config()
            .without_rate_limit(QpsGroup::Safety)
            .without_rate_limit(QpsGroup::Face),
        t.clone(),
    ));
    let ops: Vec<&'static str> = catalog::all()
        .iter()
        .filter(|o| o.auth != AuthScheme::None && o.qps != QpsGroup::VideoLiveness)
        .map(|o| o.id)
        .collect();
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let (client, fx, ops) = (client.clone(), fx.clone(), ops.clone());
            std::thread::spawn(move || {
                for (j, id) in ops.iter().enumerate().filter(|(j, _)| j % 8 == i || *j < 4) {
                    let op = catalog::find(id).unwrap();
                    let (p, m) = sample_inputs(op, &fx);
                    let r = client
                        .call(id, &p, &m, &CallOptions::default())
                        .unwrap_or_else(|e| panic!("{id}: {e}"));
                    assert_eq!(r.operation, *id, "{j}");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let expected: usize = (0..8)
        .map(|i| (0..ops.len()).filter(|j| j % 8 == i || *j < 4).count())
        .sum();
    assert_eq!(t.count(), expected);
    for req in t.requests.lock().unwrap().iter() {
        verify_signature(op_of(req), req);
    }
}
