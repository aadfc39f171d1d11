//! `cnvision_response`: the outcome of a successful call, with borrowed accessors.

use crate::args::{out_ptr, write};
use crate::boundary::{accessor, boundary};
use crate::error::{c_string, cnvision_error, FfiError};
use crate::status::cnvision_status;
use std::ffi::{c_char, CString};
use std::ptr;

/// A provider's successful answer. Opaque; returned by `cnvision_client_call`,
/// freed with `cnvision_response_free`. Immutable: its accessors may be called
/// from any thread, concurrently. Every pointer an accessor returns is borrowed
/// from the response and valid until `cnvision_response_free`.
#[allow(non_camel_case_types)]
pub struct cnvision_response {
    operation: CString,
    http_status: u16,
    request_id: Option<CString>,
    provider_code: Option<CString>,
    message: Option<CString>,
    result_json: CString,
    body_json: CString,
    binaries: Vec<(CString, Vec<u8>)>,
    /// `huawei.iam.token` only: the `X-Subject-Token`. Wiped on drop.
    subject_token: Option<CString>,
}

impl std::fmt::Debug for cnvision_response {
    /// The subject token is a secret: shown only as present or absent.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("cnvision_response")
            .field("operation", &self.operation)
            .field("http_status", &self.http_status)
            .field("request_id", &self.request_id)
            .field("provider_code", &self.provider_code)
            .field("binaries", &self.binaries.len())
            .field(
                "subject_token",
                &self
                    .subject_token
                    .as_ref()
                    .map(|_| cnvision_core::secret::REDACTED),
            )
            .finish()
    }
}

impl Drop for cnvision_response {
    fn drop(&mut self) {
        if let Some(token) = self.subject_token.take() {
            use zeroize::Zeroize;
            token.into_bytes_with_nul().zeroize();
        }
    }
}

impl From<cnvision_core::client::Response> for cnvision_response {
    fn from(r: cnvision_core::client::Response) -> Self {
        cnvision_response {
            operation: c_string(r.operation.to_string()),
            http_status: r.http_status,
            request_id: r.request_id.map(c_string),
            provider_code: r.provider_code.map(c_string),
            message: r.message.map(c_string),
            result_json: c_string(r.result.to_string()),
            body_json: c_string(r.body.to_string()),
            binaries: r
                .binaries
                .into_iter()
                .map(|(p, b)| (c_string(p), b))
                .collect(),
            // One copy of the token, with room for the NUL so CString::new never
            // reallocates (a reallocation would leave an unwiped copy behind).
            subject_token: r.subject_token.map(|t| {
                let mut text = String::with_capacity(t.expose().len() + 1);
                text.push_str(t.expose());
                c_string(text)
            }),
        }
    }
}

/// # Safety
/// `r` is NULL or a live response.
unsafe fn get<'a>(r: *const cnvision_response) -> Option<&'a cnvision_response> {
    // SAFETY: forwarded contract.
    unsafe { r.as_ref() }
}

fn opt(s: &Option<CString>) -> *const c_char {
    s.as_ref().map_or(ptr::null(), |s| s.as_ptr())
}

/// The operation id that was called. NULL when `response` is NULL.
///
/// # Safety
/// `response` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_operation(
    response: *const cnvision_response,
) -> *const c_char {
    // SAFETY: forwarded contract.
    accessor(ptr::null(), || {
        unsafe { get(response) }.map_or(ptr::null(), |r| r.operation.as_ptr())
    })
}

/// The HTTP status of the answer (200 for success). 0 when `response` is NULL.
///
/// # Safety
/// `response` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_http_status(response: *const cnvision_response) -> u16 {
    // SAFETY: forwarded contract.
    accessor(0, || unsafe { get(response) }.map_or(0, |r| r.http_status))
}

/// The request id (sent or returned), or NULL when none or `response` is NULL.
///
/// # Safety
/// `response` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_request_id(
    response: *const cnvision_response,
) -> *const c_char {
    // SAFETY: forwarded contract.
    accessor(ptr::null(), || {
        unsafe { get(response) }.map_or(ptr::null(), |r| opt(&r.request_id))
    })
}

/// `huawei.iam.token` only: the IAM token from the `X-Subject-Token` header, to send
/// as `X-Auth-Token`. NULL for every other operation or when `response` is NULL.
/// A secret: never log it. Borrowed; wiped and freed by `cnvision_response_free`.
///
/// # Safety
/// `response` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_subject_token(
    response: *const cnvision_response,
) -> *const c_char {
    // SAFETY: forwarded contract.
    accessor(ptr::null(), || {
        unsafe { get(response) }.map_or(ptr::null(), |r| opt(&r.subject_token))
    })
}

/// The provider's status code as text (e.g. `"0"`), or NULL when the answer
/// had none or `response` is NULL.
///
/// # Safety
/// `response` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_provider_code(
    response: *const cnvision_response,
) -> *const c_char {
    // SAFETY: forwarded contract.
    accessor(ptr::null(), || {
        unsafe { get(response) }.map_or(ptr::null(), |r| opt(&r.provider_code))
    })
}

/// The provider's message, or NULL when none or `response` is NULL.
///
/// # Safety
/// `response` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_message(
    response: *const cnvision_response,
) -> *const c_char {
    // SAFETY: forwarded contract.
    accessor(ptr::null(), || {
        unsafe { get(response) }.map_or(ptr::null(), |r| opt(&r.message))
    })
}

/// The normalized payload as JSON text (`returnObj` / `result` / `data`, or the
/// whole Huawei body), NUL-terminated; `*len_out`, when not NULL, receives its
/// length. NULL when `response` is NULL.
///
/// # Safety
/// `response` is NULL or live; `len_out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_result_json(
    response: *const cnvision_response,
    len_out: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded contract.
    accessor(ptr::null(), || unsafe {
        json_out(get(response).map(|r| &r.result_json), len_out)
    })
}

/// The whole response JSON (decrypted when the envelope was used),
/// NUL-terminated; `*len_out`, when not NULL, receives its length. NULL when
/// `response` is NULL.
///
/// # Safety
/// `response` is NULL or live; `len_out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_body_json(
    response: *const cnvision_response,
    len_out: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded contract.
    accessor(ptr::null(), || unsafe {
        json_out(get(response).map(|r| &r.body_json), len_out)
    })
}

/// # Safety
/// `len_out` is NULL or writable.
unsafe fn json_out(s: Option<&CString>, len_out: *mut usize) -> *const c_char {
    match s {
        Some(s) => {
            if !len_out.is_null() {
                // SAFETY: non-NULL and writable per the contract.
                unsafe { write(len_out, s.as_bytes().len()) };
            }
            s.as_ptr()
        }
        None => ptr::null(),
    }
}

/// Number of decoded binary results (e.g. the image of a super-resolution or
/// defog operation); 0 when none or `response` is NULL.
///
/// # Safety
/// `response` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_binary_count(
    response: *const cnvision_response,
) -> usize {
    // SAFETY: forwarded contract.
    accessor(0, || {
        unsafe { get(response) }.map_or(0, |r| r.binaries.len())
    })
}

/// Binary result number `index`: `*pointer_out` receives the JSON pointer of its
/// place in the response body (e.g. `"/result/image"`, NUL-terminated),
/// `*data_out` the decoded bytes and `*len_out` their length. All borrowed from
/// `response`.
///
/// Returns `CNVISION_STATUS_OK`, `CNVISION_STATUS_NULL_ARGUMENT` or
/// `CNVISION_STATUS_INDEX_OUT_OF_RANGE`.
///
/// # Safety
/// `response` is NULL or live; the three outputs are writable; `error` is NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_binary(
    response: *const cnvision_response,
    index: usize,
    pointer_out: *mut *const c_char,
    data_out: *mut *const u8,
    len_out: *mut usize,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        // SAFETY: forwarded contract.
        let r = unsafe { get(response) }.ok_or_else(|| FfiError::null("response"))?;
        let (p_out, d_out, l_out) = (
            out_ptr(pointer_out, "pointer_out")?,
            out_ptr(data_out, "data_out")?,
            out_ptr(len_out, "len_out")?,
        );
        let (pointer, data) = r.binaries.get(index).ok_or_else(|| {
            FfiError::new(
                cnvision_status::IndexOutOfRange,
                format!("index {index} >= count {}", r.binaries.len()),
            )
        })?;
        // SAFETY: checked output pointers.
        unsafe {
            write(p_out, pointer.as_ptr());
            write(d_out, data.as_ptr());
            write(l_out, data.len());
        }
        Ok(())
    })
}

/// Frees a response. NULL is accepted and ignored.
///
/// # Safety
/// `response` is NULL or an object from cnvision not yet freed.
#[no_mangle]
pub unsafe extern "C" fn cnvision_response_free(response: *mut cnvision_response) {
    if !response.is_null() {
        // SAFETY: from Box::into_raw in cnvision_client_call, freed once.
        drop(unsafe { Box::from_raw(response) });
    }
}
