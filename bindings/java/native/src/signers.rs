//! The request signers for callers with their own HTTP client:
//! `static native String signRequest(String scheme, String requestJson, byte[] body, long unixMillis)`.
//!
//! `requestJson`: `{"method", "path", "query": [[k, v]], "headers": [[n, v]],
//! "body_hash": "<hex, instead of body>", "credentials": {...}, "settings": {...}}`.
//! Credentials per scheme: `eop` {access_key, secret_key, app_key?} with settings
//! {signed_headers?, request_id?, utc_offset_seconds?}; `ctyun_md5` and `ctyun_hmac`
//! {app_key, app_secret}; `apig` {ak, sk} with settings {algorithm (`SDK-HMAC-SHA256`,
//! `SDK-HMAC-SM3`, `V11-HMAC-SHA256`), host?, project_id?, region_id?, service_name?};
//! `"unsigned_payload": true` signs `UNSIGNED-PAYLOAD` (APIG only). Returns `{"headers": [[n, v]], "canonical_request",
//! "string_to_sign", "signature"}`.

use crate::boundary::{run, BResult};
use crate::convert::{json, jstring, opt_bytes, pairs, req_str, str_member, string, to_json};
use cnvision::auth::{
    apig, ctyun_hmac, ctyun_md5, eop, SignableBody, SignableRequest, SigningOutput,
};
use cnvision::{Error, SecretString};
use jni::objects::{JByteArray, JClass, JObject, JString};
use jni::sys::jlong;
use jni::EnvUnowned;
use serde_json::{json, Value};
use std::time::{Duration, SystemTime};

/// Unix milliseconds → `SystemTime` (negative is rejected).
fn time_of(unix_millis: jlong) -> BResult<SystemTime> {
    let ms = u64::try_from(unix_millis)
        .map_err(|_| Error::invalid_input("unixMillis", "must not be negative"))?;
    Ok(SystemTime::UNIX_EPOCH + Duration::from_millis(ms))
}

fn output_json(out: &SigningOutput) -> BResult<String> {
    to_json(&json!({
        "headers": out.headers,
        "canonical_request": out.canonical_request,
        "string_to_sign": out.string_to_sign,
        "signature": out.signature,
    }))
}

fn sign(
    scheme: &str,
    req: &Value,
    body: Option<&[u8]>,
    time: SystemTime,
) -> BResult<SigningOutput> {
    let query = pairs(req, "query")?;
    let headers = pairs(req, "headers")?;
    let query_refs: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let header_refs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let unsigned = req.get("unsigned_payload").and_then(Value::as_bool) == Some(true);
    let body = match (body, str_member(req, "body_hash")) {
        _ if unsigned => SignableBody::Unsigned,
        (Some(b), None) => SignableBody::Bytes(b),
        (None, Some(h)) => SignableBody::Precomputed(h),
        (None, None) => SignableBody::Bytes(&[]),
        (Some(_), Some(_)) => {
            return Err(Error::invalid_input("body", "give the body or its hash, not both").into())
        }
    };
    let request = SignableRequest {
        method: req_str(req, "method")?,
        path: req_str(req, "path")?,
        query: &query_refs,
        headers: &header_refs,
        body,
    };
    let empty = Value::Object(Default::default());
    let creds = req.get("credentials").unwrap_or(&empty);
    let settings = req.get("settings").unwrap_or(&empty);
    let out = match scheme {
        "eop" => {
            let c = eop::EopCredentials {
                access_key: req_str(creds, "access_key")?.to_string(),
                secret_key: SecretString::from(req_str(creds, "secret_key")?.to_string()),
                app_key: str_member(creds, "app_key").map(str::to_string),
            };
            let mut s = eop::EopSettings::default();
            if let Some(list) = settings.get("signed_headers").and_then(Value::as_array) {
                s.signed_headers = list
                    .iter()
                    .map(|v| {
                        v.as_str().map(str::to_string).ok_or_else(|| {
                            Error::invalid_input("signed_headers", "must be strings")
                        })
                    })
                    .collect::<Result<_, _>>()?;
            }
            s.request_id = str_member(settings, "request_id").map(str::to_string);
            if let Some(off) = settings.get("utc_offset_seconds").and_then(Value::as_i64) {
                s.utc_offset_seconds = i32::try_from(off)
                    .map_err(|_| Error::invalid_input("utc_offset_seconds", "out of range"))?;
            }
            eop::sign(&request, &c, &s, time)?
        }
        "ctyun_md5" => {
            let c = ctyun_md5::Md5Credentials {
                app_key: req_str(creds, "app_key")?.to_string(),
                app_secret: SecretString::from(req_str(creds, "app_secret")?.to_string()),
            };
            ctyun_md5::sign(&request, &c, time)?
        }
        "ctyun_hmac" => {
            let c = ctyun_hmac::HmacCredentials {
                app_key: req_str(creds, "app_key")?.to_string(),
                app_secret: SecretString::from(req_str(creds, "app_secret")?.to_string()),
            };
            ctyun_hmac::sign(&request, &c, time)?
        }
        "apig" => {
            let c = apig::ApigCredentials::new(req_str(creds, "ak")?, req_str(creds, "sk")?);
            let name = req_str(settings, "algorithm")?;
            let algorithm = apig::Algorithm::from_name(name).ok_or_else(|| {
                Error::invalid_input("algorithm", format!("unknown APIG algorithm {name:?}"))
            })?;
            let mut s = apig::ApigSettings {
                algorithm,
                host: str_member(settings, "host").map(str::to_string),
                project_id: str_member(settings, "project_id").map(str::to_string),
                derived: None,
            };
            if let (Some(region), Some(service)) = (
                str_member(settings, "region_id"),
                str_member(settings, "service_name"),
            ) {
                s = s.with_derived_scope(region, service);
            }
            apig::sign(&request, &c, &s, time)?
        }
        other => {
            return Err(
                Error::invalid_input("scheme", format!("unknown signing scheme {other:?}")).into(),
            )
        }
    };
    Ok(out)
}

/// `static native String signRequest(String scheme, String requestJson, byte[] body, long unixMillis)`.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_signRequest<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    scheme: JString<'local>,
    request_json: JString<'local>,
    body: JByteArray<'local>,
    unix_millis: jlong,
) -> JObject<'local> {
    run(&mut env, |env| {
        let scheme = string(env, &scheme, "scheme")?;
        let req = json(&string(env, &request_json, "request")?, "request")?;
        let body = opt_bytes(env, &body)?;
        let out = sign(&scheme, &req, body.as_deref(), time_of(unix_millis)?)?;
        jstring(env, &output_json(&out)?)
    })
}
