//! The `decrypted: true` envelope, sealed and opened by gmssl (an independent peer).

mod common;
use common::*;
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

const DETECT: &str = "ctyun.face.detect";
const DETECT_PATH: &str = "/v1/aiop/api/2f6hqix09mv4/face/PERSON/person/detectFaceFromBase64";
const SM4_KEY: &str = "00112233445566778899aabbccddeeff";
const HASH_KEY: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

fn gmssl(input: &Value) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/seal.py");
    let mut child = Command::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 with gmssl");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "seal.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn sealed(inner: &Value) -> String {
    let v = gmssl(
        &json!({"op": "seal", "public_key_spki_b64": SM2_PUBLIC_KEY_SPKI_B64,
        "body": inner.to_string(), "sm4_key_hex": SM4_KEY, "hash_key_hex": HASH_KEY}),
    );
    v["body"].as_str().unwrap().to_string()
}

fn call(emu: &Emulator, body: &str) -> Raw {
    let mut h = py_sign(
        &json!({"scheme": "eop", "ak": EOP_AK, "sk": EOP_SK, "body": body, "query": [],
        "request_id": "rid-envelope", "date": compact_now(0, 8 * 3600)}),
    );
    h.push(("appkey".into(), EOP_APP_KEY.into()));
    h.push(("version".into(), "v3".into()));
    h.push(("decrypted".into(), "true".into()));
    send(emu.port(), "POST", DETECT_PATH, &refs(&h), body.as_bytes()).unwrap()
}

fn inner() -> Value {
    json!({"Action": "DetectFace", "ImageData": b64(JPEG)})
}

#[test]
fn sealed_request_gets_an_encrypted_answer() {
    let emu = start();
    let r = call(&emu, &sealed(&inner()));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    assert!(
        v.get("statusCode").is_none(),
        "encrypted answers carry only the two fields: {v}"
    );
    let opened = gmssl(
        &json!({"op": "open", "result": v, "sm4_key_hex": SM4_KEY, "hash_key_hex": HASH_KEY}),
    );
    assert_eq!(opened["hash_ok"], true);
    let plain: Value = serde_json::from_str(opened["plain"].as_str().unwrap()).unwrap();
    assert_eq!(plain["statusCode"], 0);
    assert_eq!(emu.count(DETECT), 1);
}

#[test]
fn envelope_failures_answer_in_plain_text() {
    let emu = start();
    let mut broken: Value = serde_json::from_str(&sealed(&inner())).unwrap();
    broken["encryptedBodyHash"] = json!(b64(b"not the hash"));
    let r = call(&emu, &broken.to_string());
    assert_eq!(r.json()["error"], "AI_OP_40018");
    let r = call(&emu, r#"{"ciphertextBlob": "x"}"#);
    assert_eq!(r.json()["error"], "AI_OP_40017");
    // Inner parameter errors come back plain too.
    let r = call(&emu, &sealed(&json!({"Action": "DetectFace"})));
    assert_eq!(r.json()["error"], "AI_OP_400006");
}

#[test]
fn tamper_faults_break_the_answer_verifiably() {
    let emu = start();
    for (kind, field) in [
        (FaultKind::TamperResult, "result"),
        (FaultKind::TamperHash, "hash"),
    ] {
        emu.inject(Some(DETECT), kind, 1);
        let v = call(&emu, &sealed(&inner())).json();
        let opened = gmssl(
            &json!({"op": "open", "result": v, "sm4_key_hex": SM4_KEY, "hash_key_hex": HASH_KEY}),
        );
        assert_eq!(
            opened["hash_ok"], false,
            "{field} tampering is detected by the hash"
        );
    }
}
