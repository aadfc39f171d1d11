//! Peak-memory check of `Client::call` for the issue's 64-frame fall detection:
//! 64 JPEG files of ~3 MB passed as file paths (a ~270 MB body). The transport
//! only reads the body (as a socket would) and answers the documented example, so
//! the process's peak RSS (`VmHWM`) is the client's. Linux only (reads /proc).
//!
//! Run: `cargo run --release -p cnvision --example client_memory` (in-process sink), or
//! `cargo run --release -p cnvision --example client_memory -- http://127.0.0.1:PORT`
//! to send over the real ureq transport to a `cnvision-emulator` running in another
//! process (its default credentials), so the socket path is measured too.

use cnvision::catalog::{Gateway, QpsGroup};
use cnvision::config::ClientConfig;
use cnvision::media::Media;
use cnvision::transport::{HttpRequest, HttpResponse, HttpTransport, TransportFailure};
use cnvision::{CallOptions, Client};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Reads every body byte (checksum) like a socket write would, keeps nothing.
struct Sink(AtomicUsize);

impl HttpTransport for Sink {
    fn send(&self, req: &HttpRequest) -> Result<HttpResponse, TransportFailure> {
        let sum = req
            .body
            .iter()
            .fold(0usize, |a, b| a.wrapping_add(*b as usize));
        std::hint::black_box(sum);
        self.0.store(req.body.len(), Ordering::SeqCst);
        Ok(HttpResponse {
            status: 200,
            headers: vec![],
            body: br#"{"code":0,"message":"success","result":{"score":0.001}}"#.to_vec(),
        })
    }
}

fn vm_hwm_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let dir = std::env::temp_dir().join(format!("cnvision-mem-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/media/image_640x480_exif.jpg"
    ))
    .unwrap();
    let mut paths = Vec::new();
    for i in 0..64 {
        // A real JPEG header followed by ~3 MB of data after its end marker: the
        // validator reads the header, the body builder streams the whole file.
        let mut data = fixture.clone();
        data.extend((0..3 * 1024 * 1024 - fixture.len()).map(|j| (j * 31 + i) as u8));
        let p = dir.join(format!("frame{i:02}.jpg"));
        std::fs::write(&p, &data).unwrap();
        paths.push(p);
    }
    drop(fixture);
    let raw: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    let base_kib = vm_hwm_kib();
    let sink = Arc::new(Sink(AtomicUsize::new(0)));
    let emulator_url = std::env::args().nth(1);
    let client = match &emulator_url {
        Some(url) => Client::new(
            ClientConfig::new()
                .with_ctyun_eop(
                    cnvision_emulator::EOP_AK,
                    cnvision_emulator::EOP_SK,
                    cnvision_emulator::EOP_APP_KEY,
                )
                .with_endpoint(Gateway::CtyunEop, url.as_str())
                .without_rate_limit(QpsGroup::Safety),
        )
        .unwrap(),
        None => Client::with_transport(
            ClientConfig::new()
                .with_ctyun_eop("ak", "sk", "appkey")
                .with_endpoint(Gateway::CtyunEop, "http://127.0.0.1:9")
                .without_rate_limit(QpsGroup::Safety),
            sink.clone(),
        )
        .unwrap(),
    };
    let media: Vec<(&str, Media<'_>)> = paths.iter().map(|p| ("images", Media::File(p))).collect();
    let r = client
        .call(
            "ctyun.safety.fall_detect",
            &serde_json::Map::new(),
            &media,
            &CallOptions::default(),
        )
        .unwrap();
    let body = match emulator_url {
        // The exact body: 64 base64 strings plus the JSON around them.
        Some(_) => (raw.div_ceil(3) * 4 + 64 * 3 + 12) as f64,
        None => sink.0.load(Ordering::SeqCst) as f64,
    };
    let peak_kib = vm_hwm_kib();
    let grown = (peak_kib.saturating_sub(base_kib)) as f64 * 1024.0;
    println!(
        "{{\"frames\":64,\"raw_bytes\":{raw},\"body_bytes\":{body},\"peak_rss_bytes\":{},\"baseline_rss_bytes\":{},\"peak_over_body\":{:.3},\"growth_over_body\":{:.3},\"score\":{}}}",
        peak_kib * 1024,
        base_kib * 1024,
        (peak_kib * 1024) as f64 / body,
        grown / body,
        r.result["score"]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
