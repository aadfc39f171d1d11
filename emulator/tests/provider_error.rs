//! The `provider_error` fault, armed over the admin HTTP interface as any language's
//! tests arm it: the next matching request gets the documented code in its gateway's
//! error shape and HTTP status, before authentication; then the fault is spent.

mod common;
use common::*;
use serde_json::{json, Value};

fn path_of(op_id: &str) -> String {
    cnvision::catalog::find(op_id)
        .unwrap()
        .path
        .replace("{service_code}", "svc0code1")
        .replace("{project_id}", HUAWEI_PROJECT_ID)
}

/// Arms `code` for `op_id`, sends one unsigned request and returns the answer.
fn provoke(emu: &Emulator, op_id: &str, code: &str) -> Raw {
    let armed = admin(
        emu.port(),
        "POST",
        "/faults",
        &json!({"op": op_id, "kind": "provider_error", "code": code}).to_string(),
    );
    assert_eq!(armed["armed"], 1, "{op_id} {code}: {armed}");
    let before = emu.count(op_id);
    let r = send(
        emu.port(),
        "POST",
        &path_of(op_id),
        &[("ctyun-eop-request-id", "req-under-test")],
        b"{}",
    )
    .expect("an answer");
    assert_eq!(emu.count(op_id), before + 1, "{op_id} {code}: counted");
    r
}

fn body_and_status(r: &Raw) -> (u16, Value) {
    (r.status, r.json())
}

#[test]
fn each_gateway_answers_the_injected_code_in_its_documented_shape() {
    let emu = start();

    // EOP business code: number in statusCode, AI_OP name in error, HTTP 200 (manual 002).
    let r = provoke(&emu, "ctyun.safety.quality_detect", "AI_OP_4201");
    let (status, v) = body_and_status(&r);
    assert_eq!(status, 200);
    assert_eq!(v["statusCode"], 4201);
    assert_eq!(v["message"], "error");
    assert_eq!(v["error"], "AI_OP_4201");
    assert!(v["details"].as_str().unwrap().starts_with("请求内容错误"));
    assert_eq!(r.header("ctyun-eop-request-id"), Some("req-under-test"));

    // Codes documented only by name keep it in both fields.
    let (_, v) = body_and_status(&provoke(&emu, "ctyun.face.detect", "CTAPI_0009"));
    assert_eq!(
        (&v["statusCode"], &v["error"]),
        (&json!("CTAPI_0009"), &json!("CTAPI_0009"))
    );

    // Gateway-wide and rate-limit codes get the statuses of the emulator's own checks.
    let (status, v) = body_and_status(&provoke(&emu, "ctyun.safety.hat_detect", "10020"));
    assert_eq!(
        (status, &v["statusCode"], &v["error"]),
        (401, &json!(10020), &json!("10020"))
    );
    let (status, v) = body_and_status(&provoke(&emu, "ctyun.face.real_name_auth", "AI_OP_4010"));
    assert_eq!((status, &v["error"]), (429, &json!("AI_OP_4010")));

    // Manual 001: {"code": n, "message": "error", "details": …}.
    let (status, v) = body_and_status(&provoke(&emu, "ctyun.safety_aiop.electronic_fence", "4013"));
    assert_eq!(
        (status, &v["code"], &v["message"]),
        (200, &json!(4013), &json!("error"))
    );
    assert!(v["details"].as_str().unwrap().contains("area"));

    // Manual 003: {"code": n, "message": text}.
    let (status, v) = body_and_status(&provoke(&emu, "ctyun.face2019.detect", "4008"));
    assert_eq!((status, &v["code"]), (200, &json!(4008)));
    assert!(v["message"].as_str().unwrap().contains("分辨率"));

    // Manual 004 §7.2: {"error_code", "error_msg"} with the documented statuses.
    for (code, want) in [
        ("AIS.0014", 400),
        ("AIP.0001", 403),
        ("AIP.0003", 401),
        ("AIP.0500", 500),
        ("APIG.0308", 400),
        ("APIG.0101", 404),
    ] {
        let r = provoke(&emu, "huawei.image.tagging_v2", code);
        let (status, v) = body_and_status(&r);
        assert_eq!((status, &v["error_code"]), (want, &json!(code)), "{code}");
        assert!(v["error_msg"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(r.header("X-Request-Id").is_some());
    }

    // Spent: the next request is judged normally (unsigned → the gateway's auth code).
    let r = send(
        emu.port(),
        "POST",
        &path_of("huawei.image.tagging_v2"),
        &[],
        b"{}",
    )
    .unwrap();
    assert_eq!(r.json()["error_code"], "ModelArts.4101");
}

#[test]
fn provider_error_faults_are_listed_matched_and_validated() {
    let emu = start();
    let port = emu.port();
    // Without "op" it hits the next request of any operation, and it is listed.
    admin(
        port,
        "POST",
        "/faults",
        r#"{"kind":"provider_error","code":"AIS.0014","count":2}"#,
    );
    let listed = admin(port, "GET", "/faults", "");
    assert_eq!(listed["faults"][0]["kind"], "provider_error");
    assert_eq!(listed["faults"][0]["code"], "AIS.0014");
    assert_eq!(listed["faults"][0]["count"], 2);
    let r = send(
        port,
        "POST",
        &path_of("huawei.image.tagging_v2"),
        &[],
        b"{}",
    )
    .unwrap();
    assert_eq!(r.json()["error_code"], "AIS.0014");
    // On a CTyun operation the same fault takes that gateway's shape (numeric part).
    let r = send(port, "POST", &path_of("ctyun.face2019.detect"), &[], b"{}").unwrap();
    assert_eq!(r.json()["code"], 14);
    assert_eq!(admin(port, "GET", "/faults", "")["faults"], json!([]));

    // A code no operation documents, or no code at all, is refused when armed.
    for bad in [
        r#"{"kind":"provider_error","code":"AI_OP_999999"}"#,
        r#"{"kind":"provider_error"}"#,
    ] {
        let r = send(port, "POST", "/__emulator/faults", &[], bad.as_bytes()).unwrap();
        assert_eq!(r.status, 400, "{bad}");
        assert!(r.json()["error"].as_str().unwrap().contains("fault JSON"));
    }
    assert_eq!(admin(port, "GET", "/faults", "")["faults"], json!([]));

    // From Rust, the same kind.
    emu.inject(
        Some("ctyun.face.attributes"),
        FaultKind::ProviderError { code: "AI_OP_4103" },
        1,
    );
    let r = send(port, "POST", &path_of("ctyun.face.attributes"), &[], b"{}").unwrap();
    assert_eq!(
        (r.status, r.json()["error"].clone()),
        (200, json!("AI_OP_4103"))
    );
}
