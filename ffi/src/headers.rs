//! `cnvision_headers`: an owned list of (name, value) header pairs.

use crate::args::{c_str, out_ptr, write};
use crate::boundary::{accessor, boundary};
use crate::error::{c_string, cnvision_error, FfiError};
use crate::status::cnvision_status;
use std::ffi::{c_char, CString};
use std::ptr;

/// Headers to add to a request, in the order to send them. Opaque; returned by
/// `cnvision_sign`, freed with `cnvision_headers_free`. Immutable: readable from
/// any thread.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct cnvision_headers {
    pairs: Vec<(CString, CString)>,
}

impl cnvision_headers {
    pub(crate) fn new(pairs: Vec<(String, String)>) -> Self {
        cnvision_headers {
            pairs: pairs
                .into_iter()
                .map(|(n, v)| (c_string(n), c_string(v)))
                .collect(),
        }
    }
}

/// Number of headers; 0 when `headers` is NULL.
///
/// # Safety
/// `headers` is NULL or a live object from cnvision.
#[no_mangle]
pub unsafe extern "C" fn cnvision_headers_count(headers: *const cnvision_headers) -> usize {
    // SAFETY: NULL or live per the contract.
    accessor(0, || {
        unsafe { headers.as_ref() }.map_or(0, |h| h.pairs.len())
    })
}

/// Header number `index`: `*name_out` and `*value_out` receive NUL-terminated
/// strings borrowed from `headers` (valid until `cnvision_headers_free`).
///
/// Returns `CNVISION_STATUS_OK`, `CNVISION_STATUS_NULL_ARGUMENT` or
/// `CNVISION_STATUS_INDEX_OUT_OF_RANGE` (`index >= cnvision_headers_count`).
///
/// # Safety
/// `headers` is NULL or live; `name_out` and `value_out` are writable; `error`
/// is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_headers_get(
    headers: *const cnvision_headers,
    index: usize,
    name_out: *mut *const c_char,
    value_out: *mut *const c_char,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        // SAFETY: NULL or live per the contract.
        let h = unsafe { headers.as_ref() }.ok_or_else(|| FfiError::null("headers"))?;
        let (name_out, value_out) = (
            out_ptr(name_out, "name_out")?,
            out_ptr(value_out, "value_out")?,
        );
        let (n, v) = h.pairs.get(index).ok_or_else(|| {
            FfiError::new(
                cnvision_status::IndexOutOfRange,
                format!("index {index} >= count {}", h.pairs.len()),
            )
        })?;
        // SAFETY: checked output pointers.
        unsafe {
            write(name_out, n.as_ptr());
            write(value_out, v.as_ptr());
        }
        Ok(())
    })
}

/// The value of the first header named `name` (ASCII case-insensitive), borrowed
/// from `headers`; NULL when absent or when an argument is NULL or not UTF-8.
///
/// # Safety
/// `headers` is NULL or live; `name` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn cnvision_headers_find(
    headers: *const cnvision_headers,
    name: *const c_char,
) -> *const c_char {
    accessor(ptr::null(), || {
        // SAFETY: NULL or live / NUL-terminated per the contract.
        let (Some(h), Ok(name)) = (unsafe { headers.as_ref() }, unsafe { c_str(name, "name") })
        else {
            return ptr::null();
        };
        h.pairs
            .iter()
            .find(|(n, _)| n.to_bytes().eq_ignore_ascii_case(name.as_bytes()))
            .map_or(ptr::null(), |(_, v)| v.as_ptr())
    })
}

/// Frees a header list. NULL is accepted and ignored.
///
/// # Safety
/// `headers` is NULL or an object from cnvision not yet freed.
#[no_mangle]
pub unsafe extern "C" fn cnvision_headers_free(headers: *mut cnvision_headers) {
    if !headers.is_null() {
        // SAFETY: from Box::into_raw in cnvision_sign, freed once.
        drop(unsafe { Box::from_raw(headers) });
    }
}
