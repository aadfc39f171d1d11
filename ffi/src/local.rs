//! Local helpers that need no client: input validation and body building for
//! firmware that sends requests with its own HTTP stack.

use crate::args::{c_str, json_object, out_ptr};
use crate::boundary::boundary;
use crate::error::{cnvision_error, FfiError};
use crate::media::{cnvision_media, media_inputs};
use crate::status::cnvision_status;
use crate::text::give_string;
use cnvision_core::catalog::{self, Operation};
use std::ffi::c_char;

/// The catalog entry for an operation id; unknown ids are invalid input.
pub(crate) fn operation(id: &str) -> Result<&'static Operation, FfiError> {
    catalog::find(id).ok_or_else(|| {
        FfiError::new(
            cnvision_status::InvalidInput,
            format!("operation: unknown operation id {id:?} (see cnvision_catalog_json)"),
        )
    })
}

/// Checks the inputs of one call of `operation` against every documented limit
/// (formats, sizes, dimensions, counts, polygons, ID numbers, video duration),
/// locally: nothing is sent. Media files are read only as far as their headers.
///
/// `params_json` is a JSON object of the non-media parameters (NULL with length
/// 0 = none); `media` is an array of `media_len` items. All inputs are borrowed
/// for the call only. Thread-safe.
///
/// Returns `CNVISION_STATUS_OK`; `CNVISION_STATUS_INVALID_INPUT` (unknown
/// operation, a limit broken: the message names the field and the limit);
/// `CNVISION_STATUS_NULL_ARGUMENT`, `CNVISION_STATUS_INVALID_UTF8`,
/// `CNVISION_STATUS_INVALID_JSON`, `CNVISION_STATUS_INVALID_LENGTH`.
///
/// # Safety
/// `operation` is a NUL-terminated string; `params_json` points to
/// `params_len` bytes (or is NULL with 0); `media` points to `media_len` valid
/// items (or is NULL with 0); `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_validate(
    operation: *const c_char,
    params_json: *const c_char,
    params_len: usize,
    media: *const cnvision_media,
    media_len: usize,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        // SAFETY: argument contract above.
        let (op, params, media) = unsafe {
            (
                c_str(operation, "operation")?,
                json_object(params_json, params_len, "params_json")?,
                media_inputs(media, media_len)?,
            )
        };
        cnvision_core::validate::check(self::operation(op)?, &params, &media)?;
        Ok(())
    })
}

/// Validates the inputs (as `cnvision_validate`) and builds the JSON request
/// body of `operation` exactly as the client sends it (before any envelope):
/// media base64-encoded once, defaults filled in. For firmware that signs and
/// sends with its own HTTP stack.
///
/// On success `*out` receives the owned body (free with `cnvision_string_free`)
/// and `*out_len`, when not NULL, its length in bytes. Thread-safe.
///
/// Returns the statuses of `cnvision_validate`, or `CNVISION_STATUS_NULL_ARGUMENT`
/// when `out` is NULL.
///
/// # Safety
/// As `cnvision_validate`; `out` is writable; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_body_build(
    operation: *const c_char,
    params_json: *const c_char,
    params_len: usize,
    media: *const cnvision_media,
    media_len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        let out = out_ptr(out, "out")?;
        // SAFETY: argument contract above.
        let (op, params, media) = unsafe {
            (
                c_str(operation, "operation")?,
                json_object(params_json, params_len, "params_json")?,
                media_inputs(media, media_len)?,
            )
        };
        let op = self::operation(op)?;
        cnvision_core::validate::check(op, &params, &media)?;
        let body = cnvision_core::request::body::build(op, &params, &media)?;
        let body = String::from_utf8(body)
            .map_err(|_| FfiError::new(cnvision_status::Internal, "request body is not UTF-8"))?;
        // SAFETY: `out` checked; `out_len` NULL or writable per the contract.
        unsafe { give_string(body, out, out_len) };
        Ok(())
    })
}
