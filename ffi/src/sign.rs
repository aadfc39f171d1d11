//! `cnvision_sign`: sign a request for any scheme, for firmware with its own HTTP stack.

use crate::args::{bytes, json_object, json_type, out_ptr, write};
use crate::boundary::boundary;
use crate::error::{cnvision_error, FfiError};
use crate::headers::cnvision_headers;
use crate::status::cnvision_status;
use cnvision_core::auth::{
    apig, ctyun_hmac, ctyun_md5, eop, SignableBody, SignableRequest, SigningOutput,
};
use serde_json::{Map, Value};
use std::ffi::c_char;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn bad(msg: impl Into<String>) -> FfiError {
    FfiError::new(cnvision_status::InvalidJson, msg)
}

fn get_str<'a>(obj: &'a Map<String, Value>, key: &str, ctx: &str) -> Result<&'a str, FfiError> {
    match obj.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(v) => Err(bad(format!(
            "{ctx}{key}: expected a string, got {}",
            json_type(v)
        ))),
        None => Err(bad(format!("{ctx}{key}: missing"))),
    }
}

fn opt_str<'a>(
    obj: &'a Map<String, Value>,
    key: &str,
    ctx: &str,
) -> Result<Option<&'a str>, FfiError> {
    if obj.get(key).is_none_or(Value::is_null) {
        Ok(None)
    } else {
        get_str(obj, key, ctx).map(Some)
    }
}

fn sub<'a>(
    obj: &'a Map<String, Value>,
    key: &str,
) -> Result<Option<&'a Map<String, Value>>, FfiError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(m)) => Ok(Some(m)),
        Some(v) => Err(bad(format!(
            "{key}: expected an object, got {}",
            json_type(v)
        ))),
    }
}

/// `[["name", "value"], ...]` → owned pairs.
fn pairs(obj: &Map<String, Value>, key: &str) -> Result<Vec<(String, String)>, FfiError> {
    let Some(v) = obj.get(key) else {
        return Ok(Vec::new());
    };
    let items = v
        .as_array()
        .ok_or_else(|| bad(format!("{key}: expected an array of [name, value] pairs")))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item.as_array().map(Vec::as_slice) {
            Some([Value::String(n), Value::String(v)]) => Ok((n.clone(), v.clone())),
            _ => Err(bad(format!("{key}[{i}]: expected [name, value] strings"))),
        })
        .collect()
}

fn time(obj: &Map<String, Value>) -> Result<SystemTime, FfiError> {
    match obj.get("time_unix_ms") {
        None | Some(Value::Null) => Ok(SystemTime::now()),
        Some(v) => v
            .as_u64()
            .map(|ms| UNIX_EPOCH + Duration::from_millis(ms))
            .ok_or_else(|| bad("time_unix_ms: expected a non-negative integer")),
    }
}

fn eop_settings(obj: &Map<String, Value>) -> Result<eop::EopSettings, FfiError> {
    let mut s = eop::EopSettings::default();
    let Some(e) = sub(obj, "eop")? else {
        return Ok(s);
    };
    if let Some(v) = e.get("signed_headers") {
        let names = v
            .as_array()
            .ok_or_else(|| bad("eop.signed_headers: expected an array of strings"))?;
        s.signed_headers = names
            .iter()
            .map(|n| {
                n.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| bad("eop.signed_headers: expected strings"))
            })
            .collect::<Result<_, _>>()?;
    }
    s.request_id = opt_str(e, "request_id", "eop.")?.map(str::to_string);
    if let Some(v) = e.get("utc_offset_seconds") {
        s.utc_offset_seconds = v
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .ok_or_else(|| bad("eop.utc_offset_seconds: expected an integer"))?;
    }
    Ok(s)
}

fn apig_settings(obj: &Map<String, Value>) -> Result<apig::ApigSettings, FfiError> {
    let a = sub(obj, "apig")?.ok_or_else(|| bad("apig: missing (algorithm, host, ...)"))?;
    let name = get_str(a, "algorithm", "apig.")?;
    let algorithm = apig::Algorithm::from_name(name).ok_or_else(|| {
        FfiError::new(
            cnvision_status::InvalidInput,
            format!("apig.algorithm: unknown algorithm {name:?}"),
        )
    })?;
    let mut s = apig::ApigSettings::new(algorithm, "");
    s.host = opt_str(a, "host", "apig.")?.map(str::to_string);
    s.project_id = opt_str(a, "project_id", "apig.")?.map(str::to_string);
    if let (Some(region), Some(service)) = (
        opt_str(a, "region_id", "apig.")?,
        opt_str(a, "service_name", "apig.")?,
    ) {
        s = s.with_derived_scope(region, service);
    }
    Ok(s)
}

fn sign_json(spec: &Map<String, Value>, body: &[u8]) -> Result<SigningOutput, FfiError> {
    let scheme = get_str(spec, "scheme", "")?;
    let method = get_str(spec, "method", "")?;
    let path = get_str(spec, "path", "")?;
    let query = pairs(spec, "query")?;
    let headers = pairs(spec, "headers")?;
    let query: Vec<(&str, &str)> = query
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let body_hash = opt_str(spec, "body_hash", "")?;
    let unsigned = spec
        .get("unsigned_payload")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let body = match (body_hash, unsigned) {
        (Some(_), _) if !body.is_empty() => {
            return Err(bad("body_hash: give either body bytes or body_hash"))
        }
        (Some(h), false) => SignableBody::Precomputed(h),
        (None, true) => SignableBody::Unsigned,
        (Some(_), true) => return Err(bad("unsigned_payload: exclusive with body_hash")),
        (None, false) => SignableBody::Bytes(body),
    };
    let req = SignableRequest {
        method,
        path,
        query: &query,
        headers: &headers,
        body,
    };
    let creds = sub(spec, "credentials")?.ok_or_else(|| bad("credentials: missing"))?;
    let when = time(spec)?;
    let out = match scheme {
        "eop" => {
            let c = eop::EopCredentials {
                access_key: get_str(creds, "ak", "credentials.")?.to_string(),
                secret_key: get_str(creds, "sk", "credentials.")?.into(),
                app_key: opt_str(creds, "app_key", "credentials.")?.map(str::to_string),
            };
            eop::sign(&req, &c, &eop_settings(spec)?, when)?
        }
        "ctyun_md5" => {
            let c = ctyun_md5::Md5Credentials {
                app_key: get_str(creds, "app_key", "credentials.")?.to_string(),
                app_secret: get_str(creds, "app_secret", "credentials.")?.into(),
            };
            ctyun_md5::sign(&req, &c, when)?
        }
        "ctyun_hmac" => {
            let c = ctyun_hmac::HmacCredentials {
                app_key: get_str(creds, "app_key", "credentials.")?.to_string(),
                app_secret: get_str(creds, "app_secret", "credentials.")?.into(),
            };
            ctyun_hmac::sign(&req, &c, when)?
        }
        "apig" => {
            let c = apig::ApigCredentials::new(
                get_str(creds, "ak", "credentials.")?,
                get_str(creds, "sk", "credentials.")?,
            );
            apig::sign(&req, &c, &apig_settings(spec)?, when)?
        }
        other => {
            return Err(FfiError::new(
                cnvision_status::InvalidInput,
                format!(
                    "scheme: unknown signing scheme {other:?} (eop, ctyun_md5, ctyun_hmac, apig)"
                ),
            ))
        }
    };
    Ok(out)
}

/// Signs one HTTP request and returns the headers to add to it, for firmware
/// that sends requests with its own HTTP stack.
///
/// `request_json` (JSON object, borrowed for the call):
/// ```json
/// {"scheme": "eop" | "ctyun_md5" | "ctyun_hmac" | "apig",
///  "method": "POST", "path": "/v1/...",
///  "query": [["name", "value"], ...], "headers": [["name", "value"], ...],
///  "credentials": eop: {"ak", "sk", "app_key"?}; ctyun_md5 / ctyun_hmac:
///                 {"app_key", "app_secret"}; apig: {"ak", "sk"},
///  "time_unix_ms": 1700000000000,           (optional; default now)
///  "body_hash": "<hex digest>",             (optional, instead of body bytes)
///  "unsigned_payload": false,               (apig only)
///  "eop": {"signed_headers": [...], "request_id": "...", "utc_offset_seconds": 28800},
///  "apig": {"algorithm": "SDK-HMAC-SHA256" | "SDK-HMAC-SM3" | "V11-HMAC-SHA256",
///           "host": "image.cn-north-4.myhuaweicloud.com", "project_id": "...",
///           "region_id": "...", "service_name": "..."}}
/// ```
/// `body`/`body_len` are the exact body bytes to send (NULL with 0 for none).
///
/// On success `*out` receives an owned header list (free with
/// `cnvision_headers_free`). Secrets are not kept. Thread-safe.
///
/// Returns `CNVISION_STATUS_OK`; `CNVISION_STATUS_INVALID_JSON` (a member missing
/// or of the wrong type); `CNVISION_STATUS_INVALID_INPUT` (unknown scheme or
/// algorithm, request the scheme cannot sign); `CNVISION_STATUS_NULL_ARGUMENT`,
/// `CNVISION_STATUS_INVALID_UTF8`, `CNVISION_STATUS_INVALID_LENGTH`.
///
/// # Safety
/// `request_json` points to `request_len` bytes; `body` points to `body_len`
/// bytes or is NULL with 0; `out` is writable; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_sign(
    request_json: *const c_char,
    request_len: usize,
    body: *const u8,
    body_len: usize,
    out: *mut *mut cnvision_headers,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        let out = out_ptr(out, "out")?;
        if request_json.is_null() {
            return Err(FfiError::null("request_json"));
        }
        // SAFETY: argument contract above.
        let (spec, body) = unsafe {
            (
                json_object(request_json, request_len, "request_json")?,
                bytes(body, body_len, "body")?,
            )
        };
        let signed = sign_json(&spec, body)?;
        let headers = Box::into_raw(Box::new(cnvision_headers::new(signed.headers)));
        // SAFETY: checked output pointer.
        unsafe { write(out, headers) };
        Ok(())
    })
}
