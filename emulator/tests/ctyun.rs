//! CTyun gateways: EOP signed by the official `ctyun-python-sdk-core`, `Sign` MD5 and
//! `CTYUN` HMAC computed from the manuals' formulas, and the documented rejections.

mod common;
use common::*;
use hmac::{KeyInit, Mac};
use serde_json::{json, Value};
use sha2::Digest;

const HAT: &str = "ctyun.safety.hat_detect";
const HAT_PATH: &str = "/v1/aiop/api/2f3uquanbrpc/SafeHat/base/hat_detect";

/// Headers for an EOP request, signed by the official SDK at `date` (Beijing time).
fn eop_headers(date: &str, sk: &str, body: &str) -> Vec<(String, String)> {
    let mut h = py_sign(&json!({
        "scheme": "eop", "ak": EOP_AK, "sk": sk, "body": body, "query": [],
        "request_id": "11111111-2222-3333-4444-555555555555", "date": date,
    }));
    h.push(("appkey".into(), EOP_APP_KEY.into()));
    h.push(("Content-Type".into(), "application/json".into()));
    h
}

fn eop(emu: &Emulator, body: &str, headers: &[(String, String)]) -> Raw {
    send(
        emu.port(),
        "POST",
        HAT_PATH,
        &refs(headers),
        body.as_bytes(),
    )
    .expect("answer")
}

fn code_of(v: &Value) -> String {
    let c = &v["statusCode"];
    c.as_i64()
        .map(|n| n.to_string())
        .or_else(|| c.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn beijing(shift: i64) -> String {
    compact_now(shift, 8 * 3600)
}

#[test]
fn eop_good_signature_is_accepted() {
    let emu = start();
    let body = json!({"image": b64(JPEG)}).to_string();
    let r = eop(&emu, &body, &eop_headers(&beijing(0), EOP_SK, &body));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    assert_eq!(code_of(&v), "0");
    assert!(v["returnObj"].is_array());
    assert_eq!(
        r.header("ctyun-eop-request-id"),
        Some("11111111-2222-3333-4444-555555555555")
    );
    assert_eq!(emu.count(HAT), 1);
}

#[test]
fn eop_rejections_carry_the_gateway_codes() {
    let emu = start();
    let body = json!({"image": b64(JPEG)}).to_string();

    let wrong_key = eop(&emu, &body, &eop_headers(&beijing(0), "not-the-sk", &body));
    assert_eq!(
        (wrong_key.status, code_of(&wrong_key.json())),
        (401, "10020".into())
    );

    let stale = eop(&emu, &body, &eop_headers(&beijing(-16 * 60), EOP_SK, &body));
    assert_eq!(
        (stale.status, code_of(&stale.json())),
        (401, "10020".into())
    );
    // The same date in UTC (a host formatting its local UTC time) is 8 h off.
    let utc = eop(&emu, &body, &eop_headers(&compact_now(0, 0), EOP_SK, &body));
    assert_eq!(code_of(&utc.json()), "10020");
    // Shifting the emulator's clock makes a fresh date stale too.
    emu.set_clock_offset_secs(20 * 60);
    let shifted = eop(&emu, &body, &eop_headers(&beijing(0), EOP_SK, &body));
    assert_eq!(code_of(&shifted.json()), "10020");
    emu.set_clock_offset_secs(0);

    let mut no_appkey = eop_headers(&beijing(0), EOP_SK, &body);
    no_appkey.retain(|(n, _)| n != "appkey");
    assert_eq!(code_of(&eop(&emu, &body, &no_appkey).json()), "40002");
    let mut bad_appkey = eop_headers(&beijing(0), EOP_SK, &body);
    bad_appkey
        .iter_mut()
        .filter(|(n, _)| n == "appkey")
        .for_each(|(_, v)| *v = "nope".into());
    assert_eq!(code_of(&eop(&emu, &body, &bad_appkey).json()), "40006");

    let unsigned = send(emu.port(), "POST", HAT_PATH, &[], body.as_bytes()).unwrap();
    assert_eq!(code_of(&unsigned.json()), "10020");
    assert_eq!(emu.count(HAT), 7);
}

#[test]
fn eop_parameter_errors_use_the_operations_codes() {
    let emu = start();
    let cases = [
        ("{oops", "4006"),
        ("{}", "4001"),
        (r#"{"image": ""}"#, "4001"),
        (r#"{"image": "%%%"}"#, "4003"),
    ];
    for (body, want) in cases {
        let r = eop(&emu, body, &eop_headers(&beijing(0), EOP_SK, body));
        let v = r.json();
        assert_eq!(
            (r.status, code_of(&v)),
            (200, want.to_string()),
            "{body}: {v}"
        );
        assert_eq!(v["message"], "error");
        assert_eq!(v["error"], format!("AI_OP_{want}"));
    }
}

#[test]
fn eop_throttle_and_tamper_faults() {
    let emu = start();
    let body = json!({"image": b64(JPEG)}).to_string();
    emu.inject(Some(HAT), FaultKind::Throttle, 1);
    let r = eop(&emu, &body, &eop_headers(&beijing(0), EOP_SK, &body));
    assert_eq!(r.status, 429);
    // Tampering only touches encrypted answers: a plain one passes through intact.
    emu.inject(Some(HAT), FaultKind::TamperResult, 1);
    let r = eop(&emu, &body, &eop_headers(&beijing(0), EOP_SK, &body));
    assert_eq!(code_of(&r.json()), "0");
}

/// `Sign = MD5(AppKey + AppSecret + Timestamp + Path + Body)` as manual 001's sample computes it.
#[test]
fn sign_md5_gateway() {
    let emu = start();
    let path = "/v1/aiop/api/my-service-code/SafeHat/base/hat_detect";
    let body = json!({"image": b64(JPEG)}).to_string();
    let ts = "1700000000000";
    let sign = |secret: &str| {
        hex::encode(md5::Md5::digest(format!(
            "{LEGACY_APP_KEY}{secret}{ts}{path}{body}"
        )))
    };
    let good = sign(LEGACY_APP_SECRET);
    let h = [
        ("Sign", good.as_str()),
        ("Timestamp", ts),
        ("AppKey", LEGACY_APP_KEY),
    ];
    let r = send(emu.port(), "POST", path, &h, body.as_bytes()).unwrap();
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.json()["code"], 0);
    assert_eq!(emu.count("ctyun.safety_aiop.hat_detect"), 1);
    assert_eq!(
        emu.count(HAT),
        0,
        "the Sign header routes to the /v1/aiop gateway"
    );

    let bad = sign("wrong");
    let h = [
        ("Sign", bad.as_str()),
        ("Timestamp", ts),
        ("AppKey", LEGACY_APP_KEY),
    ];
    let r = send(emu.port(), "POST", path, &h, body.as_bytes()).unwrap();
    assert_eq!((r.status, r.json()["code"].as_i64()), (401, Some(401)));

    let h = [
        ("Sign", good.as_str()),
        ("Timestamp", ts),
        ("AppKey", LEGACY_APP_KEY),
    ];
    let r = send(emu.port(), "POST", path, &h, br#"{"image": 5}"#).unwrap();
    assert_eq!(r.json()["code"], 401, "body changed after signing");
}

/// `CTYUN {AppKey}:{hex HMAC-SHA256(AppSecret, METHOD\nPATH\nQUERY\nDT\nhex SHA1(body))}` (manual 003).
#[test]
fn ctyun_hmac_2019_gateway() {
    let emu = start();
    let path = "/api/v1/face_detect.json";
    let body = json!({"data": [format!("data:application/octet-stream;base64,{}", b64(JPEG))]})
        .to_string();
    let dt = "1700000000000";
    let sign = |secret: &str| {
        let s = format!(
            "POST\n{path}\n\n{dt}\n{}",
            hex::encode(sha1::Sha1::digest(body.as_bytes()))
        );
        let mut mac =
            <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(s.as_bytes());
        format!(
            "CTYUN {LEGACY_APP_KEY}:{}",
            hex::encode(mac.finalize().into_bytes())
        )
    };
    let good = sign(LEGACY_APP_SECRET);
    let r = send(
        emu.port(),
        "POST",
        path,
        &[("Authorization", &good), ("X-CTYUN-DT", dt)],
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.json()["code"], 0);
    let bad = sign("wrong");
    let r = send(
        emu.port(),
        "POST",
        path,
        &[("Authorization", &bad), ("X-CTYUN-DT", dt)],
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!((r.status, r.json()["code"].as_i64()), (401, Some(401)));
}
