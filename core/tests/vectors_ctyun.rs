//! Checks every case under tests/vectors/{eop,ctyun_md5,ctyun_hmac}/ stage by stage.
//! Cases are discovered by listing the directories (never hand-listed); a scheme with
//! no cases fails. Expected files were produced by scripts/gen_vectors_ctyun.py from
//! ctyun-python-sdk-core (EOP) and manual-sample Python code (Sign, CTYUN).

#[path = "../examples/diff_ctyun.rs"]
#[allow(dead_code)]
mod diff_ctyun;

use std::path::{Path, PathBuf};

use cnvision::auth::eop::VerifyError;
use cnvision::auth::{ctyun_hmac, ctyun_md5, eop, SignableRequest, SigningOutput};
use serde_json::Value;

/// Files every case of a scheme must carry besides input.json.
fn required(scheme: &str) -> &'static [&'static str] {
    match scheme {
        "eop" => &[
            "canonical_query.txt",
            "body_hash.txt",
            "string_to_sign.txt",
            "kdate.hex",
            "signature.txt",
            "headers.json",
        ],
        "ctyun_md5" => &["string_to_sign.txt", "signature.txt", "headers.json"],
        _ => &[
            "query.txt",
            "body_hash.txt",
            "string_to_sign.txt",
            "signature.txt",
            "headers.json",
        ],
    }
}

fn cases(scheme: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(scheme);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.join("input.json").is_file())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no vector cases under {}", root.display());
    dirs
}

/// Recompute with `verify` from the received request (case headers + added headers),
/// then again with the signature altered.
fn check_verify(scheme: &str, case: &Value, out: &SigningOutput) -> Result<(), String> {
    let mut received = diff_ctyun::pairs(&case["headers"])?;
    received.extend(out.headers.iter().cloned());
    let query = diff_ctyun::pairs(&case["query"])?;
    let body = diff_ctyun::load_body(&case["body"])?;
    let time = diff_ctyun::case_time(case)?;
    let verify_with = |hdrs: &[(String, String)]| -> Result<(), VerifyError> {
        let h: Vec<(&str, &str)> = hdrs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let q: Vec<(&str, &str)> = query
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let req = SignableRequest {
            method: case["method"].as_str().unwrap_or_default(),
            path: case["path"].as_str().unwrap_or_default(),
            query: &q,
            headers: &h,
            body: body.signable(),
        };
        match scheme {
            "eop" => {
                let (creds, settings) =
                    diff_ctyun::eop_inputs(case).map_err(|_| VerifyError::BadSignature)?;
                let opts = eop::EopVerifyOptions {
                    utc_offset_seconds: settings.utc_offset_seconds,
                    window: Some(eop::DATE_WINDOW),
                };
                eop::verify(&req, &creds, time, &opts)
            }
            "ctyun_md5" => {
                let c = &case["credentials"];
                let creds = ctyun_md5::Md5Credentials {
                    app_key: c["app_key"].as_str().unwrap_or_default().into(),
                    app_secret: c["app_secret"].as_str().unwrap_or_default().into(),
                };
                ctyun_md5::verify(
                    &req,
                    &creds,
                    time,
                    Some(std::time::Duration::from_secs(900)),
                )
            }
            _ => {
                let c = &case["credentials"];
                let creds = ctyun_hmac::HmacCredentials {
                    app_key: c["app_key"].as_str().unwrap_or_default().into(),
                    app_secret: c["app_secret"].as_str().unwrap_or_default().into(),
                };
                ctyun_hmac::verify(
                    &req,
                    &creds,
                    time,
                    Some(std::time::Duration::from_secs(900)),
                )
            }
        }
    };
    verify_with(&received).map_err(|e| format!("verify of own output failed: {e}"))?;
    let tampered: Vec<(String, String)> = received
        .iter()
        .map(|(n, v)| {
            if n.eq_ignore_ascii_case("Eop-Authorization")
                || n.eq_ignore_ascii_case("Authorization")
                || n == "Sign"
            {
                // Flip the signature's last character.
                let mut v = v.clone();
                let last = v.pop().unwrap_or('x');
                v.push(if last == '0' { '1' } else { '0' });
                (n.clone(), v)
            } else {
                (n.clone(), v.clone())
            }
        })
        .collect();
    match verify_with(&tampered) {
        Err(VerifyError::BadSignature) => Ok(()),
        other => Err(format!("tampered signature gave {other:?}")),
    }
}

fn check_scheme(scheme: &str) {
    let mut failures = Vec::new();
    let dirs = cases(scheme);
    for dir in &dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let result = (|| -> Result<(), String> {
            let input =
                std::fs::read_to_string(dir.join("input.json")).map_err(|e| e.to_string())?;
            let case: Value = serde_json::from_str(&input).map_err(|e| e.to_string())?;
            let (out, stages) = diff_ctyun::run(scheme, &case)?;
            for file in required(scheme) {
                if !dir.join(file).is_file() {
                    return Err(format!("missing expected file {file}"));
                }
            }
            for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
                let path = entry.map_err(|e| e.to_string())?.path();
                let file = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if file == "input.json" {
                    continue;
                }
                let raw = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
                let expected: Value = if file.ends_with(".json") {
                    serde_json::from_str(&raw).map_err(|e| e.to_string())?
                } else {
                    Value::String(raw)
                };
                let got = stages
                    .get(&file)
                    .ok_or_else(|| format!("no stage for {file}"))?;
                if *got != expected {
                    return Err(format!("{file}: expected {expected}, got {got}"));
                }
            }
            check_verify(scheme, &case, &out)
        })();
        if let Err(e) = result {
            failures.push(format!("{scheme}/{name}: {e}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n")
    );
    eprintln!("{scheme}: {} cases checked", dirs.len());
}

#[test]
fn eop_vectors() {
    check_scheme("eop");
}

#[test]
fn ctyun_md5_vectors() {
    check_scheme("ctyun_md5");
}

#[test]
fn ctyun_hmac_vectors() {
    check_scheme("ctyun_hmac");
}
