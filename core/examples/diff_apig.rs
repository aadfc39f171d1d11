//! Differential-test driver for the APIG signers: one JSON case per stdin line (the
//! tests/vectors/apig/*/input.json format), one JSON result per stdout line:
//! `{"headers": [[name, value], ...], "canonical_request", "string_to_sign",
//! "signature", "verified": bool}` or `{"error": "<kind>: <message>"}`.

use std::io::{BufRead, BufWriter, Write};

use base64::Engine;
use cnvision::auth::apig::{self, Algorithm, ApigCredentials, ApigSettings, ReceivedRequest};
use cnvision::auth::{encode::rfc3986, SignableBody, SignableRequest};
use cnvision::{Error, SecretString};
use serde_json::{json, Value};

fn pairs(v: &Value) -> Result<Vec<(String, String)>, Error> {
    let bad = || Error::invalid_input("case", "pairs must be [[string, string], ...]");
    v.as_array()
        .ok_or_else(bad)?
        .iter()
        .map(|p| {
            match (
                p.get(0).and_then(Value::as_str),
                p.get(1).and_then(Value::as_str),
            ) {
                (Some(k), Some(v)) => Ok((k.to_owned(), v.to_owned())),
                _ => Err(bad()),
            }
        })
        .collect()
}

fn field<'a>(case: &'a Value, name: &str) -> Result<&'a str, Error> {
    case[name]
        .as_str()
        .ok_or_else(|| Error::invalid_input(name, "missing string"))
}

fn run(case: &Value) -> Result<Value, Error> {
    let alg = Algorithm::from_name(field(case, "algorithm")?)
        .ok_or_else(|| Error::invalid_input("algorithm", "unknown"))?;
    let query = pairs(&case["query"])?;
    let headers = pairs(&case["headers"])?;
    let body = base64::engine::general_purpose::STANDARD
        .decode(case["body_base64"].as_str().unwrap_or(""))
        .map_err(|_| Error::invalid_input("body_base64", "not base64"))?;
    let q: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let h: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let unsigned = case["unsigned_payload"].as_bool().unwrap_or(false);
    let req = SignableRequest {
        method: field(case, "method")?,
        path: field(case, "path")?,
        query: &q,
        headers: &h,
        body: if unsigned {
            SignableBody::Unsigned
        } else {
            SignableBody::Bytes(&body)
        },
    };
    let creds = ApigCredentials::new(field(case, "ak")?, field(case, "sk")?);
    let mut settings = ApigSettings::new(alg, field(case, "host")?);
    if let Some(pid) = case["project_id"].as_str() {
        settings = settings.with_project_id(pid);
    }
    if alg == Algorithm::V11HmacSha256 {
        settings =
            settings.with_derived_scope(field(case, "region_id")?, field(case, "service_name")?);
    }
    let time = apig::sign::parse_sdk_date(field(case, "time")?)
        .ok_or_else(|| Error::invalid_input("time", "yyyyMMddTHHmmssZ"))?;
    let out = apig::sign(&req, &creds, &settings, time)?;

    // Round trip through the verifier on the wire form of the request.
    let mut all = h.clone();
    all.extend(out.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let raw_path = req
        .path
        .split('/')
        .map(rfc3986)
        .collect::<Vec<_>>()
        .join("/");
    let raw_query = apig::canonical::canonical_query(&q);
    let rx = ReceivedRequest {
        method: req.method,
        raw_path: &raw_path,
        raw_query: &raw_query,
        headers: &all,
        body: &body,
    };
    let sk = field(case, "sk")?.to_owned();
    let verified = apig::verify_request(&rx, |_| Some(SecretString::new(sk))).is_ok();

    Ok(json!({
        "headers": out.headers,
        "canonical_request": out.canonical_request,
        "string_to_sign": out.string_to_sign,
        "signature": out.signature,
        "verified": verified,
    }))
}

fn main() {
    let stdin = std::io::stdin();
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Value>(&line)
            .map_err(|e| Error::invalid_input("case", e))
            .and_then(|case| run(&case))
            .unwrap_or_else(|e| json!({ "error": e.to_string() }));
        if writeln!(stdout, "{result}")
            .and_then(|_| stdout.flush())
            .is_err()
        {
            break;
        }
    }
}
