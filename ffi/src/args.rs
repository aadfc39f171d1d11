//! Reading C arguments: NULL checks, lengths and UTF-8, each failure a status.

use crate::error::FfiError;
use crate::status::cnvision_status;
use std::ffi::{c_char, CStr};

/// A NUL-terminated UTF-8 string argument named `name`.
///
/// # Safety
/// `p` is NULL or points to a NUL-terminated string alive for `'a`.
pub(crate) unsafe fn c_str<'a>(p: *const c_char, name: &str) -> Result<&'a str, FfiError> {
    if p.is_null() {
        return Err(FfiError::null(name));
    }
    // SAFETY: non-NULL and NUL-terminated per the caller's contract.
    let raw = unsafe { CStr::from_ptr(p) };
    raw.to_str().map_err(|e| {
        FfiError::new(
            cnvision_status::InvalidUtf8,
            format!("{name}: not UTF-8 ({e})"),
        )
    })
}

/// An optional NUL-terminated UTF-8 string (NULL = absent).
///
/// # Safety
/// As [`c_str`].
pub(crate) unsafe fn opt_c_str<'a>(
    p: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, FfiError> {
    if p.is_null() {
        Ok(None)
    } else {
        // SAFETY: forwarded contract.
        unsafe { c_str(p, name) }.map(Some)
    }
}

/// A `(pointer, length)` byte argument. NULL with length 0 is the empty slice.
///
/// # Safety
/// `p` is NULL or points to `len` readable bytes alive for `'a`.
pub(crate) unsafe fn bytes<'a>(p: *const u8, len: usize, name: &str) -> Result<&'a [u8], FfiError> {
    if len > isize::MAX as usize {
        return Err(FfiError::new(
            cnvision_status::InvalidLength,
            format!("{name}: length {len} exceeds PTRDIFF_MAX"),
        ));
    }
    if p.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(FfiError::null(name))
        };
    }
    // SAFETY: non-NULL, `len` readable bytes per the caller's contract, len <= isize::MAX.
    Ok(unsafe { std::slice::from_raw_parts(p, len) })
}

/// A `(pointer, length)` UTF-8 text argument (no NUL terminator needed).
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn text<'a>(
    p: *const c_char,
    len: usize,
    name: &str,
) -> Result<&'a str, FfiError> {
    // SAFETY: forwarded contract.
    let raw = unsafe { bytes(p.cast(), len, name) }?;
    std::str::from_utf8(raw).map_err(|e| {
        FfiError::new(
            cnvision_status::InvalidUtf8,
            format!("{name}: not UTF-8 ({e})"),
        )
    })
}

/// A `(pointer, length)` JSON text argument, parsed.
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn json(
    p: *const c_char,
    len: usize,
    name: &str,
) -> Result<serde_json::Value, FfiError> {
    // SAFETY: forwarded contract.
    let text = unsafe { text(p, len, name) }?;
    serde_json::from_str(text).map_err(|e| {
        FfiError::new(
            cnvision_status::InvalidJson,
            format!("{name}: not JSON ({e})"),
        )
    })
}

/// A JSON object argument (`{...}`); empty text (NULL, 0) is the empty object.
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn json_object(
    p: *const c_char,
    len: usize,
    name: &str,
) -> Result<serde_json::Map<String, serde_json::Value>, FfiError> {
    if len == 0 {
        // SAFETY: length 0 reads nothing; still rejects an impossible pointer/len pair.
        unsafe { bytes(p.cast(), len, name) }?;
        return Ok(serde_json::Map::new());
    }
    // SAFETY: forwarded contract.
    match unsafe { json(p, len, name) }? {
        serde_json::Value::Object(map) => Ok(map),
        other => Err(FfiError::new(
            cnvision_status::InvalidJson,
            format!("{name}: expected a JSON object, got {}", json_type(&other)),
        )),
    }
}

/// The JSON type name of a value, for messages.
pub(crate) fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Checks that an output pointer is not NULL (done before any work).
pub(crate) fn out_ptr<T>(p: *mut T, name: &str) -> Result<*mut T, FfiError> {
    if p.is_null() {
        Err(FfiError::null(name))
    } else {
        Ok(p)
    }
}

/// Writes `value` through a checked output pointer (the last step of a body).
///
/// # Safety
/// `p` came from [`out_ptr`] and points to writable storage for a `T`.
pub(crate) unsafe fn write<T>(p: *mut T, value: T) {
    // SAFETY: checked non-NULL; writable per the caller's contract.
    unsafe { p.write(value) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_checks() {
        unsafe {
            assert_eq!(
                c_str(std::ptr::null(), "a").unwrap_err().status,
                cnvision_status::NullArgument
            );
            assert_eq!(c_str(c"ok".as_ptr(), "a").unwrap(), "ok");
            let bad = [0xffu8, 0];
            assert_eq!(
                c_str(bad.as_ptr().cast(), "a").unwrap_err().status,
                cnvision_status::InvalidUtf8
            );
            assert_eq!(bytes(std::ptr::null(), 0, "b").unwrap(), &[] as &[u8]);
            assert_eq!(
                bytes(std::ptr::null(), 3, "b").unwrap_err().status,
                cnvision_status::NullArgument
            );
            assert_eq!(
                bytes(bad.as_ptr(), usize::MAX, "b").unwrap_err().status,
                cnvision_status::InvalidLength
            );
            let j = b"[1]";
            assert_eq!(
                json_object(j.as_ptr().cast(), 3, "j").unwrap_err().status,
                cnvision_status::InvalidJson
            );
            let j = b"{\"a\":";
            assert_eq!(
                json_object(j.as_ptr().cast(), 5, "j").unwrap_err().status,
                cnvision_status::InvalidJson
            );
            assert!(json_object(std::ptr::null(), 0, "j").unwrap().is_empty());
            assert_eq!(
                out_ptr(std::ptr::null_mut::<u8>(), "o").unwrap_err().status,
                cnvision_status::NullArgument
            );
        }
    }
}
