//! The client: `io.cnvision.CnvisionClient`'s native half.
//!
//! `clientNew(configJson)` → handle; `clientCall(handle, opId, paramsJson, mediaFields,
//! mediaBytes, mediaPaths, encrypt, requestId)` → `byte[][]` whose item 0 is the UTF-8
//! response JSON (`operation`, `http_status`, `request_id`, `provider_code`, `message`,
//! `result`, `body`, `binary_pointers`, `subject_token`) and items 1.. the decoded binary
//! results in `binary_pointers` order; `clientValidate` checks locally; `clientFree`.
//! Media item i is `mediaBytes[i]` when non-null, else the file `mediaPaths[i]`.

use crate::boundary::{run, BResult};
use crate::convert::{json, opt_string, string, to_json};
use crate::handle::{borrow, into_handle, release};
use cnvision::media::Media;
use cnvision::{CallOptions, Client, Error, Response};
use jni::objects::{JByteArray, JClass, JObject, JObjectArray, JString};
use jni::sys::{jboolean, jlong};
use jni::{Env, EnvUnowned};
use serde_json::{json, Map, Value};
use std::path::PathBuf;

/// `static native long clientNew(String configJson)`.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_clientNew<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    config_json: JString<'local>,
) -> jlong {
    run(&mut env, |env| {
        let config =
            crate::config::from_json(&json(&string(env, &config_json, "config")?, "config")?)?;
        Ok(into_handle(Client::new(config)?))
    })
}

/// `static native void clientFree(long handle)`.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_clientFree<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    run(&mut env, |_env| -> BResult<()> {
        // SAFETY: the Java owner releases each handle once, under its write lock.
        unsafe { release::<Client>(handle) };
        Ok(())
    })
}

/// Owned media items copied out of the Java arrays.
enum Item {
    Bytes(Vec<u8>),
    File(PathBuf),
}

fn media_items(
    env: &mut Env<'_>,
    fields: &JObjectArray<'_, JString<'_>>,
    bytes: &JObjectArray<'_, JByteArray<'_>>,
    paths: &JObjectArray<'_, JString<'_>>,
) -> BResult<Vec<(String, Item)>> {
    if fields.is_null() {
        return Ok(Vec::new());
    }
    let n = fields.len(env)?;
    if bytes.is_null() || paths.is_null() || bytes.len(env)? != n || paths.len(env)? != n {
        return Err(Error::invalid_input(
            "media",
            "fields, bytes and paths must have the same length",
        )
        .into());
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let field = fields.get_element(env, i)?;
        let name = string(env, &field, "media field")?;
        let b = bytes.get_element(env, i)?;
        let item = if !b.is_null() {
            Item::Bytes(env.convert_byte_array(&b)?)
        } else {
            let p = paths.get_element(env, i)?;
            match opt_string(env, &p)? {
                Some(p) => Item::File(PathBuf::from(p)),
                None => return Err(Error::invalid_input(&name, "media item is null").into()),
            }
        };
        out.push((name, item));
    }
    Ok(out)
}

fn params_of(env: &Env<'_>, params_json: &JString<'_>) -> BResult<Map<String, Value>> {
    match opt_string(env, params_json)? {
        None => Ok(Map::new()),
        Some(text) => match json(&text, "params")? {
            Value::Object(m) => Ok(m),
            _ => Err(Error::invalid_input("params", "must be a JSON object").into()),
        },
    }
}

fn response_parts(resp: &Response) -> BResult<Vec<Vec<u8>>> {
    let pointers: Vec<&str> = resp.binaries.iter().map(|(p, _)| p.as_str()).collect();
    let head = json!({
        "operation": resp.operation,
        "http_status": resp.http_status,
        "request_id": resp.request_id,
        "provider_code": resp.provider_code,
        "message": resp.message,
        "result": resp.result,
        "body": resp.body,
        "binary_pointers": pointers,
        "subject_token": resp.subject_token.as_ref().map(|t| t.expose().to_string()),
    });
    let mut parts = vec![to_json(&head)?.into_bytes()];
    parts.extend(resp.binaries.iter().map(|(_, b)| b.clone()));
    Ok(parts)
}

/// `static native byte[][] clientCall(long handle, String opId, String paramsJson,
/// String[] mediaFields, byte[][] mediaBytes, String[] mediaPaths, boolean encrypt, String requestId)`.
#[allow(clippy::too_many_arguments)]
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_clientCall<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    op_id: JString<'local>,
    params_json: JString<'local>,
    media_fields: JObjectArray<'local, JString<'local>>,
    media_bytes: JObjectArray<'local, JByteArray<'local>>,
    media_paths: JObjectArray<'local, JString<'local>>,
    encrypt: jboolean,
    request_id: JString<'local>,
) -> JObject<'local> {
    run(&mut env, |env| {
        // SAFETY: called under the Java owner's read lock.
        let client = unsafe { borrow::<Client>(handle)? };
        let op = string(env, &op_id, "opId")?;
        let params = params_of(env, &params_json)?;
        let items = media_items(env, &media_fields, &media_bytes, &media_paths)?;
        let media: Vec<(&str, Media<'_>)> = items
            .iter()
            .map(|(f, i)| {
                let m = match i {
                    Item::Bytes(b) => Media::Bytes(b),
                    Item::File(p) => Media::File(p),
                };
                (f.as_str(), m)
            })
            .collect();
        let options = CallOptions {
            encrypt,
            request_id: opt_string(env, &request_id)?,
        };
        let parts = response_parts(&client.call(&op, &params, &media, &options)?)?;
        drop(items);
        let empty = env.byte_array_from_slice(&[])?;
        let arr = JObjectArray::<JByteArray>::new(env, parts.len(), &empty)?;
        for (i, p) in parts.iter().enumerate() {
            let item = env.byte_array_from_slice(p)?;
            arr.set_element(env, i, &item)?;
        }
        Ok(arr.into())
    })
}

/// `static native void clientValidate(long handle, String opId, String paramsJson,
/// String[] mediaFields, byte[][] mediaBytes, String[] mediaPaths)`: local checks only.
#[no_mangle]
pub extern "system" fn Java_io_cnvision_internal_NativeBridge_clientValidate<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    op_id: JString<'local>,
    params_json: JString<'local>,
    media_fields: JObjectArray<'local, JString<'local>>,
    media_bytes: JObjectArray<'local, JByteArray<'local>>,
    media_paths: JObjectArray<'local, JString<'local>>,
) {
    run(&mut env, |env| -> BResult<()> {
        // SAFETY: called under the Java owner's read lock.
        let client = unsafe { borrow::<Client>(handle)? };
        let op = string(env, &op_id, "opId")?;
        let params = params_of(env, &params_json)?;
        let items = media_items(env, &media_fields, &media_bytes, &media_paths)?;
        let media: Vec<(&str, Media<'_>)> = items
            .iter()
            .map(|(f, i)| {
                let m = match i {
                    Item::Bytes(b) => Media::Bytes(b),
                    Item::File(p) => Media::File(p),
                };
                (f.as_str(), m)
            })
            .collect();
        client.validate(&op, &params, &media)?;
        Ok(())
    })
}
