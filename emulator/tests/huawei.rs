//! Huawei gateway: IAM tokens, APIG AK/SK in all three algorithms signed by the
//! official `huaweicloudsdkcore`, and the documented rejections.

mod common;
use common::*;
use serde_json::json;

const TAGGING: &str = "huawei.image.tagging_v2";

fn tagging_path() -> String {
    format!("/v2/{HUAWEI_PROJECT_ID}/image/tagging")
}

fn token_body(password: &str) -> serde_json::Value {
    json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": IAM_USER, "password": password, "domain": {"name": IAM_DOMAIN}}}},
        "scope": {"project": {"name": HUAWEI_REGION}}}})
}

fn get_token(port: u16) -> String {
    let r = post_json(
        port,
        "/v3/auth/tokens",
        &[("Content-Type", "application/json")],
        &token_body(IAM_PASSWORD),
    );
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    assert!(r.json()["token"]["expires_at"].is_string());
    r.header("X-Subject-Token")
        .expect("token header")
        .to_string()
}

fn image_body() -> serde_json::Value {
    json!({"image": b64(RESULT_PNG)})
}

#[test]
fn token_flow_accepts_and_rejects() {
    let emu = start();
    let port = emu.port();
    let bad = post_json(port, "/v3/auth/tokens", &[], &token_body("wrong"));
    assert_eq!(bad.status, 401);
    assert_eq!(bad.json()["error"]["code"], 401);

    let token = get_token(port);
    let ok = post_json(
        port,
        &tagging_path(),
        &[
            ("X-Auth-Token", &token),
            ("Content-Type", "application/json"),
        ],
        &image_body(),
    );
    assert_eq!(ok.status, 200, "{}", String::from_utf8_lossy(&ok.body));
    assert!(ok.json()["result"].is_object());
    assert_eq!(emu.count(TAGGING), 1);

    let forged = post_json(
        port,
        &tagging_path(),
        &[("X-Auth-Token", "EMU-forged")],
        &image_body(),
    );
    assert_eq!(
        (forged.status, forged.json()["error_code"].as_str()),
        (400, Some("APIG.0301"))
    );

    let none = post_json(port, &tagging_path(), &[], &image_body());
    assert_eq!(none.json()["error_code"], "ModelArts.4101");

    let other_project = post_json(
        port,
        "/v2/0000/image/tagging",
        &[("X-Auth-Token", &token)],
        &image_body(),
    );
    assert_eq!(
        (
            other_project.status,
            other_project.json()["error_code"].as_str()
        ),
        (401, Some("AIP.0003"))
    );

    // 24 h later the token has expired.
    emu.set_clock_offset_secs(24 * 3600 + 1);
    let expired = post_json(
        port,
        &tagging_path(),
        &[("X-Auth-Token", &token)],
        &image_body(),
    );
    assert_eq!(expired.json()["error_code"], "APIG.0301");
    assert_eq!(
        emu.count(TAGGING),
        5,
        "rejected requests that reached the gateway are counted"
    );
}

#[test]
fn projects_lookup_with_token() {
    let emu = start();
    let token = get_token(emu.port());
    let r = send(
        emu.port(),
        "GET",
        &format!("/v3/projects?name={HUAWEI_REGION}"),
        &[("X-Auth-Token", &token)],
        b"",
    )
    .unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["projects"][0]["id"], HUAWEI_PROJECT_ID);
}

fn signed(emu: &Emulator, scheme: &str, date: &str, body: &str) -> Vec<(String, String)> {
    let host = format!("127.0.0.1:{}", emu.port());
    py_sign(&json!({
        "scheme": scheme, "ak": HUAWEI_AK, "sk": HUAWEI_SK, "method": "POST", "path": tagging_path(),
        "query": [], "headers": {"Host": host, "Content-Type": "application/json", "X-Project-Id": HUAWEI_PROJECT_ID},
        "body": body, "date": date, "region": HUAWEI_REGION, "service": "image",
    }))
}

#[test]
fn aksk_all_three_algorithms_from_the_official_sdk() {
    let emu = start();
    let body = image_body().to_string();
    for scheme in ["sdk-hmac-sha256", "sdk-hmac-sm3", "v11-hmac-sha256"] {
        let headers = signed(&emu, scheme, &compact_now(0, 0), &body);
        let r = send(
            emu.port(),
            "POST",
            &tagging_path(),
            &refs(&headers),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(
            r.status,
            200,
            "{scheme}: {}",
            String::from_utf8_lossy(&r.body)
        );

        // One byte of body changed after signing: rejected.
        let tampered = body.replacen('i', "j", 1);
        let r = send(
            emu.port(),
            "POST",
            &tagging_path(),
            &refs(&headers),
            tampered.as_bytes(),
        )
        .unwrap();
        assert_eq!(r.json()["error_code"], "APIG.0301", "{scheme}");
    }
}

#[test]
fn aksk_stale_date_is_rejected() {
    let emu = start();
    let body = image_body().to_string();
    let headers = signed(&emu, "sdk-hmac-sha256", &compact_now(-16 * 60, 0), &body);
    let r = send(
        emu.port(),
        "POST",
        &tagging_path(),
        &refs(&headers),
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(
        (r.status, r.json()["error_code"].as_str()),
        (400, Some("APIG.0301"))
    );
    // Within the window it passes.
    let headers = signed(&emu, "sdk-hmac-sha256", &compact_now(-14 * 60, 0), &body);
    let r = send(
        emu.port(),
        "POST",
        &tagging_path(),
        &refs(&headers),
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(r.status, 200);
}

#[test]
fn parameter_errors_use_documented_codes() {
    let emu = start();
    let token = get_token(emu.port());
    let h = [("X-Auth-Token", token.as_str())];
    let not_json = send(emu.port(), "POST", &tagging_path(), &h, b"{not json").unwrap();
    assert_eq!(not_json.status, 400);
    assert!(not_json.json()["error_code"]
        .as_str()
        .unwrap()
        .starts_with("AIS."));

    let missing = post_json(emu.port(), &tagging_path(), &h, &json!({"language": "zh"}));
    assert_eq!(missing.status, 400);
    let code = missing.json()["error_code"].as_str().unwrap().to_string();
    assert!(["AIS.0011", "AIP.0006"].contains(&code.as_str()), "{code}");

    let bad_b64 = post_json(emu.port(), &tagging_path(), &h, &json!({"image": "!!!"}));
    assert_eq!(bad_b64.status, 400);
}

#[test]
fn image_results_are_valid_images() {
    let emu = start();
    let token = get_token(emu.port());
    let r = post_json(
        emu.port(),
        "/v1.0/vision/super-resolution",
        &[("X-Auth-Token", &token)],
        &json!({"image": b64(RESULT_PNG)}),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    let text = v["result"].as_str().expect("base64 image at /result");
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text)
        .unwrap();
    assert_eq!(bytes, RESULT_PNG);
}
