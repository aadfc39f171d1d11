//! Differential-test driver: reads one JSON request (or an array of them) on stdin
//! and writes the matching JSON answer(s) on stdout. Used by
//! tests/differential/test_crypto_gmssl.py and tests/interop/java. Bytes travel as
//! lower-case hex (`*_hex`) or base64 (`*_b64`). Errors come back as
//! `{"error": "<kind name>", "code": "<provider code or null>"}`, never a crash.
//!
//! This is a test tool: it prints session keys so the peers can check them.

use base64::Engine as _;
use cnvision::crypto::envelope::{self, SessionKeys};
use cnvision::crypto::sm2::{self, Mode, PublicKey, SecretKey};
use cnvision::crypto::{hmac_sm3, sm4};
use cnvision::{Error, Result, SecretBytes};
use serde_json::{json, Value};
use std::io::{Read as _, Write as _};

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

fn field<'a>(req: &'a Value, name: &str) -> Result<&'a str> {
    req.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| Error::invalid_input(name, "required string field"))
}

fn hex_field(req: &Value, name: &str) -> Result<Vec<u8>> {
    hex::decode(field(req, name)?).map_err(|_| Error::invalid_input(name, "invalid hex"))
}

fn b64_field(req: &Value, name: &str) -> Result<Vec<u8>> {
    B64.decode(field(req, name)?)
        .map_err(|_| Error::invalid_input(name, "invalid base64"))
}

fn mode(req: &Value) -> Result<Mode> {
    match req.get("mode").and_then(Value::as_str) {
        None => Ok(Mode::default()),
        Some(name) => {
            Mode::from_name(name).ok_or_else(|| Error::invalid_input("mode", "c1c3c2 or c1c2c3"))
        }
    }
}

fn keys(req: &Value) -> Result<SessionKeys> {
    SessionKeys::from_parts(
        sm4::Sm4Key::from_bytes(&hex_field(req, "sm4_key_hex")?)?,
        SecretBytes::new(hex_field(req, "hmac_key_hex")?),
    )
}

fn keys_json(keys: &SessionKeys) -> (String, String) {
    (
        hex::encode(keys.sm4_key().expose()),
        hex::encode(keys.hmac_key()),
    )
}

fn run(req: &Value) -> Result<Value> {
    let op = field(req, "op")?;
    Ok(match op {
        "keygen" => {
            let sk = SecretKey::generate()?;
            json!({
                "private_key_hex": hex::encode(sk.to_bytes().expose()),
                "public_spki_b64": sk.public_key().to_spki_base64()?,
                "public_sec1_hex": hex::encode(sk.public_key().to_sec1_uncompressed()),
            })
        }
        "parse_public_key" => {
            let pk = PublicKey::parse(field(req, "text")?)?;
            json!({ "sec1_hex": hex::encode(pk.to_sec1_uncompressed()) })
        }
        "sm2_encrypt" => {
            let pk = PublicKey::parse(field(req, "public_key")?)?;
            json!({ "ct_hex": hex::encode(sm2::encrypt(&pk, &hex_field(req, "msg_hex")?, mode(req)?)?) })
        }
        "sm2_decrypt" => {
            let sk = SecretKey::from_hex(field(req, "private_key_hex")?)?;
            json!({ "msg_hex": hex::encode(sm2::decrypt(&sk, &hex_field(req, "ct_hex")?, mode(req)?)?) })
        }
        "sm4_encrypt" => {
            let key = sm4::Sm4Key::from_bytes(&hex_field(req, "key_hex")?)?;
            json!({ "ct_hex": hex::encode(sm4::encrypt_ecb(&key, &hex_field(req, "msg_hex")?)) })
        }
        "sm4_decrypt" => {
            let key = sm4::Sm4Key::from_bytes(&hex_field(req, "key_hex")?)?;
            json!({ "msg_hex": hex::encode(sm4::decrypt_ecb(&key, &hex_field(req, "ct_hex")?)?) })
        }
        "hmac_sm3" => {
            let mac = hmac_sm3::hmac_sm3(&hex_field(req, "key_hex")?, &hex_field(req, "msg_hex")?);
            json!({ "mac_hex": hex::encode(mac) })
        }
        "seal" => {
            let pk = PublicKey::parse(field(req, "public_key")?)?;
            let plain = b64_field(req, "plain_b64")?;
            let (body, keys) = envelope::seal(&plain, &pk, mode(req)?)?;
            let (sm4_hex, hmac_hex) = keys_json(&keys);
            json!({ "body": String::from_utf8_lossy(&body), "sm4_key_hex": sm4_hex, "hmac_key_hex": hmac_hex })
        }
        "open" => {
            let plain = envelope::open(field(req, "body")?.as_bytes(), &keys(req)?)?;
            json!({ "plain_b64": B64.encode(plain) })
        }
        "open_request" => {
            let sk = SecretKey::from_hex(field(req, "private_key_hex")?)?;
            let (plain, keys) =
                envelope::open_request_with_mode(field(req, "body")?.as_bytes(), &sk, mode(req)?)?;
            let (sm4_hex, hmac_hex) = keys_json(&keys);
            json!({ "plain_b64": B64.encode(plain), "sm4_key_hex": sm4_hex, "hmac_key_hex": hmac_hex })
        }
        "seal_response" => {
            let body = envelope::seal_response(&b64_field(req, "plain_b64")?, &keys(req)?)?;
            json!({ "body": String::from_utf8_lossy(&body) })
        }
        other => return Err(Error::invalid_input("op", format!("unknown op {other}"))),
    })
}

fn answer(req: &Value) -> Value {
    match run(req) {
        Ok(v) => v,
        Err(e) => {
            json!({ "error": e.kind().name(), "code": e.provider_code(), "message": e.message() })
        }
    }
}

fn main() -> std::process::ExitCode {
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        eprintln!("diff_crypto: stdin is not UTF-8");
        return std::process::ExitCode::FAILURE;
    }
    let request: Value = match serde_json::from_str(&input) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("diff_crypto: stdin is not JSON: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let output = match &request {
        Value::Array(items) => Value::Array(items.iter().map(answer).collect()),
        single => answer(single),
    };
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{output}").is_err() {
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}
