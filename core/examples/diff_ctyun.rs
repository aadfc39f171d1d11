//! Differential-test driver for the CTyun signers.
//!
//! Reads JSON lines on stdin, one case per line in the tests/vectors input.json shape
//! plus `"scheme": "eop" | "ctyun_md5" | "ctyun_hmac"`, and writes one JSON line per
//! case: `{"ok": true, "stages": {file name -> value}}` using the vector file names
//! (canonical_query.txt, body_hash.txt, string_to_sign.txt, kdate.hex, signature.txt,
//! query.txt, headers.json), or `{"ok": false, "error": "..."}`.
//! Bodies: `{"kind": "text"|"base64"|"repeat"|"file"|"precomputed", ...}`; a `file`
//! body is read from the given path, so multi-megabyte bodies never cross the pipe.
//! Also used as a module by core/tests/vectors_ctyun.rs.

use std::io::{BufRead, Write};
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use cnvision::auth::{ctyun_hmac, ctyun_md5, eop, SignableBody, SignableRequest, SigningOutput};
use serde_json::{json, Map, Value};

/// A body resolved from its JSON spec.
#[derive(Debug)]
pub enum Body {
    Bytes(Vec<u8>),
    Precomputed(String),
}

impl Body {
    pub fn signable(&self) -> SignableBody<'_> {
        match self {
            Body::Bytes(b) => SignableBody::Bytes(b),
            Body::Precomputed(h) => SignableBody::Precomputed(h),
        }
    }
}

fn field<'a>(v: &'a Value, name: &str) -> Result<&'a Value, String> {
    v.get(name).ok_or_else(|| format!("missing field {name}"))
}

fn text<'a>(v: &'a Value, name: &str) -> Result<&'a str, String> {
    field(v, name)?
        .as_str()
        .ok_or_else(|| format!("{name} must be a string"))
}

/// Resolve a body spec to bytes or a precomputed digest.
pub fn load_body(spec: &Value) -> Result<Body, String> {
    let value = text(spec, "value")?;
    Ok(match text(spec, "kind")? {
        "text" => Body::Bytes(value.as_bytes().to_vec()),
        "base64" => Body::Bytes(
            base64::engine::general_purpose::STANDARD
                .decode(value)
                .map_err(|e| e.to_string())?,
        ),
        "repeat" => {
            let n = field(spec, "count")?
                .as_u64()
                .ok_or("count must be a number")?;
            Body::Bytes(
                value
                    .as_bytes()
                    .repeat(usize::try_from(n).map_err(|e| e.to_string())?),
            )
        }
        "file" => Body::Bytes(std::fs::read(value).map_err(|e| e.to_string())?),
        "precomputed" => Body::Precomputed(value.to_string()),
        other => return Err(format!("unknown body kind {other}")),
    })
}

/// `[[name, value], ...]` as owned pairs.
pub fn pairs(v: &Value) -> Result<Vec<(String, String)>, String> {
    let arr = v.as_array().ok_or("expected a list of pairs")?;
    arr.iter()
        .map(|p| match p.as_array().map(Vec::as_slice) {
            Some([Value::String(a), Value::String(b)]) => Ok((a.clone(), b.clone())),
            _ => Err("expected [string, string]".to_string()),
        })
        .collect()
}

/// The case's instant.
pub fn case_time(case: &Value) -> Result<SystemTime, String> {
    let ms = field(case, "time_unix_ms")?
        .as_u64()
        .ok_or("time_unix_ms must be a number")?;
    Ok(SystemTime::UNIX_EPOCH + Duration::from_millis(ms))
}

fn borrow(p: &[(String, String)]) -> Vec<(&str, &str)> {
    p.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
}

fn headers_json(out: &SigningOutput) -> Value {
    Value::Array(out.headers.iter().map(|(n, v)| json!([n, v])).collect())
}

/// EOP credentials and settings from a case.
pub fn eop_inputs(case: &Value) -> Result<(eop::EopCredentials, eop::EopSettings), String> {
    let c = field(case, "credentials")?;
    let creds = eop::EopCredentials {
        access_key: text(c, "access_key")?.to_string(),
        secret_key: text(c, "secret_key")?.into(),
        app_key: c.get("app_key").and_then(Value::as_str).map(str::to_string),
    };
    let names = field(case, "signed_headers")?
        .as_array()
        .ok_or("signed_headers must be a list")?;
    let settings = eop::EopSettings {
        signed_headers: names
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        request_id: Some(text(case, "request_id")?.to_string()),
        utc_offset_seconds: case
            .get("utc_offset_seconds")
            .and_then(Value::as_i64)
            .map_or(
                Ok(cnvision::auth::timefmt::BEIJING_OFFSET_SECONDS),
                i32::try_from,
            )
            .map_err(|e| e.to_string())?,
    };
    Ok((creds, settings))
}

/// Sign one case with `scheme`; returns (the signer's output, every stage by vector file name).
/// Stages come from the separately public stage functions and must agree with `sign`.
pub fn run(scheme: &str, case: &Value) -> Result<(SigningOutput, Map<String, Value>), String> {
    let query = pairs(field(case, "query")?)?;
    let headers = pairs(field(case, "headers")?)?;
    let body = load_body(field(case, "body")?)?;
    let (q, h) = (borrow(&query), borrow(&headers));
    let req = SignableRequest {
        method: text(case, "method")?,
        path: text(case, "path")?,
        query: &q,
        headers: &h,
        body: body.signable(),
    };
    let time = case_time(case)?;
    let mut st = Map::new();
    let out = match scheme {
        "eop" => {
            let (creds, settings) = eop_inputs(case)?;
            let out = eop::sign(&req, &creds, &settings, time).map_err(|e| e.to_string())?;
            let date = out.header(eop::DATE_HEADER).ok_or("no eop-date")?;
            let kdate = eop::derive_key(&creds.secret_key, &creds.access_key, date)
                .map_err(|e| e.to_string())?;
            let cq = eop::canonical_query(req.query);
            if cq != out.canonical_request
                || eop::signature(&kdate, &out.string_to_sign) != out.signature
            {
                return Err("sign() disagrees with the stage functions".into());
            }
            st.insert("canonical_query.txt".into(), json!(cq));
            st.insert(
                "body_hash.txt".into(),
                json!(eop::body_hash(req.body).map_err(|e| e.to_string())?),
            );
            st.insert("kdate.hex".into(), json!(hex::encode(kdate.expose())));
            out
        }
        "ctyun_md5" => {
            let c = field(case, "credentials")?;
            let creds = ctyun_md5::Md5Credentials {
                app_key: text(c, "app_key")?.to_string(),
                app_secret: text(c, "app_secret")?.into(),
            };
            let out = ctyun_md5::sign(&req, &creds, time).map_err(|e| e.to_string())?;
            let Body::Bytes(b) = &body else {
                return Err("Sign needs body bytes".into());
            };
            let ts = ctyun_md5::timestamp(time);
            if ctyun_md5::digest(&creds.app_key, &creds.app_secret, &ts, req.path, b)
                != out.signature
            {
                return Err("sign() disagrees with the stage functions".into());
            }
            out
        }
        "ctyun_hmac" => {
            let c = field(case, "credentials")?;
            let creds = ctyun_hmac::HmacCredentials {
                app_key: text(c, "app_key")?.to_string(),
                app_secret: text(c, "app_secret")?.into(),
            };
            let out = ctyun_hmac::sign(&req, &creds, time).map_err(|e| e.to_string())?;
            let query_line = ctyun_hmac::query_string(req.query);
            let hash = ctyun_hmac::body_hash(req.body).map_err(|e| e.to_string())?;
            let sts = ctyun_hmac::string_to_sign(
                req.method,
                req.path,
                &query_line,
                &ctyun_hmac::timestamp(time),
                &hash,
            );
            if sts != out.string_to_sign
                || ctyun_hmac::signature(&creds.app_secret, &sts) != out.signature
            {
                return Err("sign() disagrees with the stage functions".into());
            }
            st.insert("query.txt".into(), json!(query_line));
            st.insert("body_hash.txt".into(), json!(hash));
            out
        }
        other => return Err(format!("unknown scheme {other}")),
    };
    st.insert("string_to_sign.txt".into(), json!(out.string_to_sign));
    st.insert("signature.txt".into(), json!(out.signature));
    st.insert("headers.json".into(), headers_json(&out));
    Ok((out, st))
}

fn main() {
    let stdin = std::io::stdin();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let reply = match line.map_err(|e| e.to_string()).and_then(|l| {
            let case: Value = serde_json::from_str(&l).map_err(|e| e.to_string())?;
            let scheme = text(&case, "scheme")?.to_string();
            run(&scheme, &case)
        }) {
            Ok((_, stages)) => json!({"ok": true, "stages": stages}),
            Err(e) => json!({"ok": false, "error": e}),
        };
        // A closed stdout means the caller is gone; stop quietly.
        if writeln!(stdout, "{reply}")
            .and_then(|_| stdout.flush())
            .is_err()
        {
            return;
        }
    }
}
