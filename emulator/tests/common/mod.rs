//! Helpers shared by the emulator's integration tests: raw HTTP over loopback and
//! signing with the providers' official Python SDKs (independent of cnvision).
#![allow(dead_code)]

use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

pub use cnvision_emulator::*;

/// A real 640×480 JPEG (the validator's fixture): passes every documented image limit
/// of the operations tested here.
pub const JPEG: &[u8] = include_bytes!("../../../tests/fixtures/media/image_640x480_exif.jpg");

/// A response as read off the wire.
#[derive(Debug)]
pub struct Raw {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Raw {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub fn start() -> Emulator {
    Emulator::start(EmulatorConfig::default()).expect("emulator starts")
}

/// Sends one request (`Connection: close`); `None` when the server closed the
/// connection without answering.
pub fn send(
    port: u16,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<Raw> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut head =
        format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for (n, v) in headers {
        if !n.eq_ignore_ascii_case("host") {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    if buf.is_empty() {
        return None;
    }
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("response head");
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Some(Raw {
        status,
        headers,
        body: buf[split + 4..].to_vec(),
    })
}

pub fn post_json(port: u16, target: &str, headers: &[(&str, &str)], body: &Value) -> Raw {
    send(port, "POST", target, headers, body.to_string().as_bytes()).expect("an answer")
}

pub fn admin(port: u16, method: &str, sub: &str, body: &str) -> Value {
    send(
        port,
        method,
        &format!("/__emulator{sub}"),
        &[],
        body.as_bytes(),
    )
    .expect("admin answers")
    .json()
}

/// Headers from the official SDK signer (`tests/support/sign.py`).
pub fn py_sign(input: &Value) -> Vec<(String, String)> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/sign.py");
    let mut child = Command::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 with ctyun-python-sdk-core and huaweicloudsdkcore installed");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "sign.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["headers"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

/// `yyyyMMddTHHmmssZ` of now + `shift_secs`, in `offset_secs` east of UTC.
pub fn compact_now(shift_secs: i64, offset_secs: i32) -> String {
    let t = std::time::SystemTime::now();
    let t = if shift_secs >= 0 {
        t + Duration::from_secs(shift_secs as u64)
    } else {
        t - Duration::from_secs((-shift_secs) as u64)
    };
    cnvision::auth::timefmt::compact(t, offset_secs)
        .expect("the current time is in years 0000..=9999")
}

pub fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Borrowed header list from owned pairs.
pub fn refs(h: &[(String, String)]) -> Vec<(&str, &str)> {
    h.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
}
