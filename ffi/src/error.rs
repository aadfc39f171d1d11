//! Error details: one owned `cnvision_error` object per failed call.
//!
//! Design (documented in the header): every fallible function takes a last
//! argument `cnvision_error **error`. When the call fails and `error` is not NULL,
//! `*error` receives a new error object that the caller owns and frees with
//! `cnvision_error_free`. No thread-local state: details cannot be overwritten by
//! another call, and objects may be passed between threads.

use crate::status::cnvision_status;
use std::ffi::{c_char, CString};
use std::ptr;

/// The Rust-side error of an FFI call, before it becomes a `cnvision_error`.
#[derive(Debug)]
pub(crate) struct FfiError {
    pub status: cnvision_status,
    pub message: String,
    pub provider_code: Option<String>,
    pub http_status: u16,
    pub request_id: Option<String>,
}

impl FfiError {
    pub fn new(status: cnvision_status, message: impl Into<String>) -> Self {
        FfiError {
            status,
            message: message.into(),
            provider_code: None,
            http_status: 0,
            request_id: None,
        }
    }

    pub fn null(arg: &str) -> Self {
        FfiError::new(
            cnvision_status::NullArgument,
            format!("{arg}: must not be NULL"),
        )
    }
}

impl From<cnvision_core::Error> for FfiError {
    fn from(e: cnvision_core::Error) -> Self {
        FfiError {
            status: cnvision_status::from_kind(e.kind()),
            message: e.message().to_string(),
            provider_code: e.provider_code().map(str::to_string),
            http_status: e.http_status().unwrap_or(0),
            request_id: e.request_id().map(str::to_string),
        }
    }
}

/// Details of one failed call. Opaque; created by cnvision, freed by the caller
/// with `cnvision_error_free`. Immutable: its accessors may be called from any
/// thread, concurrently.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct cnvision_error {
    status: cnvision_status,
    message: CString,
    provider_code: Option<CString>,
    http_status: u16,
    request_id: Option<CString>,
}

/// A C string from Rust text; interior NULs (never expected) become U+FFFD.
pub(crate) fn c_string(text: String) -> CString {
    CString::new(text).unwrap_or_else(|e| {
        let cleaned = String::from_utf8_lossy(&e.into_vec()).replace('\0', "\u{FFFD}");
        CString::new(cleaned).unwrap_or_default()
    })
}

impl From<FfiError> for cnvision_error {
    fn from(e: FfiError) -> Self {
        cnvision_error {
            status: e.status,
            message: c_string(e.message),
            provider_code: e.provider_code.map(c_string),
            http_status: e.http_status,
            request_id: e.request_id.map(c_string),
        }
    }
}

fn opt_ptr(s: &Option<CString>) -> *const c_char {
    s.as_ref().map_or(ptr::null(), |s| s.as_ptr())
}

/// The status of the failed call (never `CNVISION_STATUS_OK` for a real error
/// object). Returns `CNVISION_STATUS_NULL_ARGUMENT` when `error` is NULL.
///
/// # Safety
/// `error` is NULL or a live object from cnvision.
#[no_mangle]
pub unsafe extern "C" fn cnvision_error_status(error: *const cnvision_error) -> cnvision_status {
    // SAFETY: the caller passes NULL or a live error object.
    match unsafe { error.as_ref() } {
        Some(e) => e.status,
        None => cnvision_status::NullArgument,
    }
}

/// A human-readable message (UTF-8, NUL-terminated, never containing secrets).
/// Borrowed from `error`: valid until `cnvision_error_free(error)`. Returns NULL
/// when `error` is NULL.
///
/// # Safety
/// `error` is NULL or a live object from cnvision.
#[no_mangle]
pub unsafe extern "C" fn cnvision_error_message(error: *const cnvision_error) -> *const c_char {
    // SAFETY: the caller passes NULL or a live error object.
    unsafe { error.as_ref() }.map_or(ptr::null(), |e| e.message.as_ptr())
}

/// The provider's error code (e.g. `"AI_OP_40018"`, `"ModelArts.4201"`), or NULL
/// when the error did not come from the provider or `error` is NULL. Borrowed
/// from `error`: valid until `cnvision_error_free(error)`.
///
/// # Safety
/// `error` is NULL or a live object from cnvision.
#[no_mangle]
pub unsafe extern "C" fn cnvision_error_provider_code(
    error: *const cnvision_error,
) -> *const c_char {
    // SAFETY: the caller passes NULL or a live error object.
    unsafe { error.as_ref() }.map_or(ptr::null(), |e| opt_ptr(&e.provider_code))
}

/// The HTTP status of the provider's answer, or 0 when no answer was received
/// (local errors, network failures) or `error` is NULL.
///
/// # Safety
/// `error` is NULL or a live object from cnvision.
#[no_mangle]
pub unsafe extern "C" fn cnvision_error_http_status(error: *const cnvision_error) -> u16 {
    // SAFETY: the caller passes NULL or a live error object.
    unsafe { error.as_ref() }.map_or(0, |e| e.http_status)
}

/// The request id of the failed call (sent or returned), or NULL when there is
/// none or `error` is NULL. Borrowed from `error`: valid until
/// `cnvision_error_free(error)`.
///
/// # Safety
/// `error` is NULL or a live object from cnvision.
#[no_mangle]
pub unsafe extern "C" fn cnvision_error_request_id(error: *const cnvision_error) -> *const c_char {
    // SAFETY: the caller passes NULL or a live error object.
    unsafe { error.as_ref() }.map_or(ptr::null(), |e| opt_ptr(&e.request_id))
}

/// Frees an error object. NULL is accepted and ignored. Freeing twice is
/// undefined behaviour.
///
/// # Safety
/// `error` is NULL or an object from cnvision not yet freed; no accessor result
/// of it is used afterwards.
#[no_mangle]
pub unsafe extern "C" fn cnvision_error_free(error: *mut cnvision_error) {
    if !error.is_null() {
        // SAFETY: the pointer came from Box::into_raw in `boundary` and is freed once.
        drop(unsafe { Box::from_raw(error) });
    }
}

/// Hands `err` to the caller through `error_out` (when not NULL); returns its status.
pub(crate) fn report(err: FfiError, error_out: *mut *mut cnvision_error) -> cnvision_status {
    let status = err.status;
    if !error_out.is_null() {
        let object = Box::into_raw(Box::new(cnvision_error::from(err)));
        // SAFETY: a non-NULL `error_out` points to writable storage for one pointer.
        unsafe { error_out.write(object) };
    }
    status
}
