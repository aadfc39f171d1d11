//! Serving, admin interface, counters, fault injection, concurrency, the binary.

mod common;
use common::*;
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

const PROJECTS: &str = "huawei.iam.projects";

fn projects(port: u16) -> Option<Raw> {
    send(
        port,
        "GET",
        &format!("/v3/projects?name={HUAWEI_REGION}"),
        &[("X-Auth-Token", "EMU-none")],
        b"",
    )
}

#[test]
fn starts_on_an_ephemeral_port_and_shuts_down() {
    let mut emu = start();
    assert_ne!(emu.port(), 0);
    assert_eq!(emu.base_url(), format!("http://127.0.0.1:{}", emu.port()));
    assert_eq!(admin(emu.port(), "GET", "/health", "")["ok"], true);
    let port = emu.port();
    emu.shutdown();
    emu.shutdown();
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "listener closed"
    );
}

#[test]
fn unknown_paths_answer_each_gateways_code() {
    let emu = start();
    let r = send(emu.port(), "POST", "/v1/aiop/api/nope/x", &[], b"{}").unwrap();
    assert_eq!(
        (r.status, r.json()["statusCode"].as_i64()),
        (404, Some(50003))
    );
    let r = send(emu.port(), "POST", "/v2/p/image/nope", &[], b"{}").unwrap();
    assert_eq!(r.json()["error_code"], "APIG.0101");
    assert_eq!(emu.total(), 0, "unrouted requests reach no operation");
}

#[test]
fn admin_counts_reset_clock_and_config() {
    let emu = start();
    let port = emu.port();
    for _ in 0..3 {
        assert_eq!(projects(port).unwrap().json()["error"]["code"], 401);
    }
    assert_eq!(emu.count(PROJECTS), 3);
    assert_eq!(
        admin(port, "GET", &format!("/counts/{PROJECTS}"), "")["count"],
        3
    );
    let all = admin(port, "GET", "/counts", "");
    assert_eq!(all["total"], 3);
    assert_eq!(all["ops"][PROJECTS], 3);
    assert_eq!(admin(port, "POST", "/reset", "")["ok"], true);
    assert_eq!(emu.total(), 0);

    let cfg = admin(port, "GET", "/config", "");
    assert_eq!(cfg["credentials"]["eop_ak"], EOP_AK);
    assert_eq!(cfg["sm2_public_key_spki_b64"], SM2_PUBLIC_KEY_SPKI_B64);
    assert_eq!(emu.sm2_public_key_spki_b64(), SM2_PUBLIC_KEY_SPKI_B64);
    assert_eq!(
        admin(port, "POST", "/clock", r#"{"offset_secs": -5}"#)["offset_secs"],
        -5
    );
    assert_eq!(admin(port, "GET", "/config", "")["clock_offset_secs"], -5);
    assert!(admin(port, "GET", "/catalog", "").is_array());
    assert_eq!(
        send(port, "GET", "/__emulator/nope", &[], b"")
            .unwrap()
            .status,
        404
    );
}

#[test]
fn faults_over_admin_http() {
    let emu = start();
    let port = emu.port();
    let armed = admin(
        port,
        "POST",
        "/faults",
        &json!([
            {"op": PROJECTS, "kind": "reset"},
            {"op": PROJECTS, "kind": "status", "status": 503},
            {"op": PROJECTS, "kind": "throttle"},
            {"op": PROJECTS, "kind": "malformed_json"},
        ])
        .to_string(),
    );
    assert_eq!(armed["armed"], 4);
    assert_eq!(
        admin(port, "GET", "/faults", "")["faults"]
            .as_array()
            .unwrap()
            .len(),
        4
    );

    assert!(
        projects(port).is_none(),
        "connection closed without an answer"
    );
    let r = projects(port).unwrap();
    assert_eq!(r.status, 503);
    let r = projects(port).unwrap();
    assert_eq!(r.json()["error_code"], "APIG.0308");
    let r = projects(port).unwrap();
    assert!(
        serde_json::from_slice::<serde_json::Value>(&r.body).is_err(),
        "malformed JSON body"
    );
    // Spent: back to the normal answer.
    assert_eq!(projects(port).unwrap().json()["error"]["code"], 401);
    assert_eq!(emu.count(PROJECTS), 5, "faulted requests are counted");

    assert!(
        send(
            port,
            "POST",
            "/__emulator/faults",
            &[],
            b"{\"kind\":\"explode\"}"
        )
        .unwrap()
        .status
            == 400
    );
    admin(port, "POST", "/faults", r#"{"kind":"reset","count":2}"#);
    assert_eq!(admin(port, "DELETE", "/faults", "")["ok"], true);
    assert!(projects(port).is_some());
}

#[test]
fn delay_fault_and_any_op_faults_from_rust() {
    let emu = start();
    emu.inject(None, FaultKind::Delay { ms: 200 }, 1);
    let t = Instant::now();
    assert!(projects(emu.port()).is_some());
    // Lower bound only (never an upper one): the answer cannot precede the delay.
    assert!(t.elapsed().as_millis() >= 200);
    emu.inject(Some("other.op"), FaultKind::Reset, 1);
    assert!(
        projects(emu.port()).is_some(),
        "a fault for another op does not fire"
    );
    emu.clear_faults();
}

#[test]
fn concurrent_clients_are_all_counted() {
    let emu = start();
    let port = emu.port();
    let threads: Vec<_> = (0..8)
        .map(|_| {
            std::thread::spawn(move || {
                for _ in 0..10 {
                    assert_eq!(projects(port).unwrap().status, 401);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(emu.count(PROJECTS), 80);
    assert_eq!(emu.total(), 80);
}

#[test]
fn keep_alive_serves_several_requests_on_one_connection() {
    use std::io::{Read, Write};
    let emu = start();
    let mut s = std::net::TcpStream::connect(("127.0.0.1", emu.port())).unwrap();
    let req = "GET /__emulator/health HTTP/1.1\r\nHost: x\r\n\r\n";
    s.write_all(format!("{req}{req}").as_bytes()).unwrap();
    s.write_all(b"GET /__emulator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert_eq!(out.matches("HTTP/1.1 200 OK").count(), 3);
}

#[test]
fn chunked_request_bodies_are_decoded() {
    use std::io::{Read, Write};
    let emu = start();
    let mut s = std::net::TcpStream::connect(("127.0.0.1", emu.port())).unwrap();
    s.write_all(
        b"POST /__emulator/clock HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n\
          6\r\n{\"offs\r\n10\r\net_secs\": 42}   \r\n0\r\n\r\n",
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.contains("\"offset_secs\":42"), "{out}");
}

#[test]
fn binary_prints_its_url_first() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cnvision-emulator"))
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening http://127.0.0.1:")
        .map(str::to_string);
    let port: u16 = url.expect("listening line").parse().unwrap();
    let health = admin(port, "GET", "/health", "");
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(health["ok"], true);

    let help = Command::new(env!("CARGO_BIN_EXE_cnvision-emulator"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("--port"));
    let bad = Command::new(env!("CARGO_BIN_EXE_cnvision-emulator"))
        .arg("--bogus")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
