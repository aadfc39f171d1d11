//! Java ⇄ Rust value conversions. Null where a value is required is an
//! `InvalidInput` error naming the argument.

use crate::boundary::BResult;
use cnvision::Error;
use jni::objects::{JByteArray, JObject, JString};
use jni::Env;
use serde_json::Value;

/// A required Java string.
pub(crate) fn string(env: &Env<'_>, s: &JString<'_>, name: &str) -> BResult<String> {
    if s.is_null() {
        return Err(Error::invalid_input(name, "must not be null").into());
    }
    Ok(s.try_to_string(env)?)
}

/// An optional Java string (null → `None`).
pub(crate) fn opt_string(env: &Env<'_>, s: &JString<'_>) -> BResult<Option<String>> {
    if s.is_null() {
        return Ok(None);
    }
    Ok(Some(s.try_to_string(env)?))
}

/// A required `byte[]`, copied.
pub(crate) fn bytes(env: &Env<'_>, a: &JByteArray<'_>, name: &str) -> BResult<Vec<u8>> {
    if a.is_null() {
        return Err(Error::invalid_input(name, "must not be null").into());
    }
    Ok(env.convert_byte_array(a)?)
}

/// An optional `byte[]` (null → `None`), copied.
pub(crate) fn opt_bytes(env: &Env<'_>, a: &JByteArray<'_>) -> BResult<Option<Vec<u8>>> {
    if a.is_null() {
        return Ok(None);
    }
    Ok(Some(env.convert_byte_array(a)?))
}

/// A new Java string as a plain object reference (what the native methods return).
pub(crate) fn jstring<'local>(env: &mut Env<'local>, s: &str) -> BResult<JObject<'local>> {
    Ok(env.new_string(s)?.into())
}

/// Parse JSON text handed over by the Java layer.
pub(crate) fn json(text: &str, name: &str) -> BResult<Value> {
    serde_json::from_str(text)
        .map_err(|e| Error::invalid_input(name, format!("is not valid JSON: {e}")).into())
}

/// Serialize a value for the Java layer.
pub(crate) fn to_json(v: &Value) -> BResult<String> {
    serde_json::to_string(v).map_err(|e| Error::internal(e.to_string()).into())
}

/// Member `key` of a JSON object as a string, if present and a string.
pub(crate) fn str_member<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

/// Required string member.
pub(crate) fn req_str<'v>(v: &'v Value, key: &str) -> BResult<&'v str> {
    str_member(v, key).ok_or_else(|| Error::invalid_input(key, "is required (a string)").into())
}

/// `[[name, value], ...]` → pairs. Absent → empty.
pub(crate) fn pairs(v: &Value, key: &str) -> BResult<Vec<(String, String)>> {
    let Some(list) = v.get(key) else {
        return Ok(Vec::new());
    };
    let bad = || Error::invalid_input(key, "must be a list of [name, value] string pairs");
    let items = list.as_array().ok_or_else(bad)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item.as_array().map(Vec::as_slice) {
            Some([Value::String(n), Value::String(v)]) => out.push((n.clone(), v.clone())),
            _ => return Err(bad().into()),
        }
    }
    Ok(out)
}
