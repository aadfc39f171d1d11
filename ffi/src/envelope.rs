//! `cnvision_envelope`: the CTyun `decrypted: true` body envelope (SM2 + SM4 +
//! HMAC-SM3), for firmware that sends requests with its own HTTP stack.

use crate::args::{bytes, c_str, out_ptr, write};
use crate::boundary::{accessor, boundary};
use crate::error::{cnvision_error, FfiError};
use crate::status::cnvision_status;
use crate::text::give_string;
use cnvision_core::crypto::envelope::{self, SessionKeys};
use cnvision_core::crypto::sm2::{Mode, PublicKey};
use std::ffi::c_char;
use std::ptr;

/// One sealed request: the sealed body to send and the session keys that open
/// its response. Opaque; made by `cnvision_envelope_seal`, freed with
/// `cnvision_envelope_free` (which wipes the keys). Immutable: usable from any
/// thread.
#[allow(non_camel_case_types)]
pub struct cnvision_envelope {
    body: Vec<u8>,
    keys: SessionKeys,
}

impl std::fmt::Debug for cnvision_envelope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("cnvision_envelope")
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}

/// Seals `plain_json` (the operation's plain JSON body, e.g. from
/// `cnvision_body_build`) for the gateway's SM2 `public_key` (NUL-terminated:
/// base64 X.509 SubjectPublicKeyInfo as the CTyun console shows it, PEM, or hex
/// of the uncompressed point), with fresh session keys and SM2 in C1C3C2 order.
/// Send the result of `cnvision_envelope_body` with the header `decrypted: true`.
///
/// On success `*out` receives an owned envelope (free with
/// `cnvision_envelope_free`). Inputs are borrowed for the call only. Thread-safe.
///
/// Returns `CNVISION_STATUS_OK`; `CNVISION_STATUS_CONFIGURATION` (public key
/// not understood); `CNVISION_STATUS_CRYPTO` (no OS randomness, encryption
/// failed); `CNVISION_STATUS_NULL_ARGUMENT`,
/// `CNVISION_STATUS_INVALID_UTF8`, `CNVISION_STATUS_INVALID_LENGTH`.
///
/// # Safety
/// `public_key` is NUL-terminated; `plain_json` points to `plain_len` bytes (or
/// is NULL with 0); `out` is writable; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_envelope_seal(
    public_key: *const c_char,
    plain_json: *const u8,
    plain_len: usize,
    out: *mut *mut cnvision_envelope,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        let out = out_ptr(out, "out")?;
        // SAFETY: argument contract above.
        let (key, plain) = unsafe {
            (
                c_str(public_key, "public_key")?,
                bytes(plain_json, plain_len, "plain_json")?,
            )
        };
        let key = PublicKey::parse(key)?;
        let (body, keys) = envelope::seal(plain, &key, Mode::C1C3C2)?;
        let env = Box::into_raw(Box::new(cnvision_envelope { body, keys }));
        // SAFETY: checked output pointer.
        unsafe { write(out, env) };
        Ok(())
    })
}

/// The sealed request body (JSON text, not NUL-terminated), borrowed from
/// `envelope` (valid until `cnvision_envelope_free`); `*len_out` receives its
/// length. Returns NULL (and leaves `*len_out` alone) when an argument is NULL.
///
/// # Safety
/// `envelope` is NULL or live; `len_out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_envelope_body(
    envelope: *const cnvision_envelope,
    len_out: *mut usize,
) -> *const u8 {
    accessor(ptr::null(), || {
        // SAFETY: NULL or live per the contract.
        match (unsafe { envelope.as_ref() }, len_out.is_null()) {
            (Some(e), false) => {
                // SAFETY: non-NULL and writable per the contract.
                unsafe { write(len_out, e.body.len()) };
                e.body.as_ptr()
            }
            _ => ptr::null(),
        }
    })
}

/// Opens the gateway's answer to the request sealed in `envelope`: verifies
/// `encryptedResultHash` (HMAC-SM3, constant time) and decrypts
/// `encryptedResult`; a plain error answer (non-zero `statusCode`) is returned
/// unchanged. The envelope may be opened more than once.
///
/// On success `*out` receives the plain JSON (owned; free with
/// `cnvision_string_free`) and `*out_len`, when not NULL, its length. Thread-safe.
///
/// Returns `CNVISION_STATUS_OK`; `CNVISION_STATUS_CRYPTO` (tampered or
/// malformed response, wrong keys); `CNVISION_STATUS_PROTOCOL` (plain text not
/// UTF-8); `CNVISION_STATUS_NULL_ARGUMENT`, `CNVISION_STATUS_INVALID_LENGTH`.
///
/// # Safety
/// `envelope` is NULL or live; `response` points to `response_len` bytes (or
/// is NULL with 0); `out` is writable; `out_len` and `error` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_envelope_open(
    envelope: *const cnvision_envelope,
    response: *const u8,
    response_len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        // SAFETY: NULL or live per the contract.
        let env = unsafe { envelope.as_ref() }.ok_or_else(|| FfiError::null("envelope"))?;
        let out = out_ptr(out, "out")?;
        // SAFETY: argument contract above.
        let response = unsafe { bytes(response, response_len, "response") }?;
        let plain = envelope::open(response, &env.keys)?;
        let text = String::from_utf8(plain).map_err(|_| {
            FfiError::new(cnvision_status::Protocol, "opened response is not UTF-8")
        })?;
        // SAFETY: `out` checked; `out_len` NULL or writable per the contract.
        unsafe { give_string(text, out, out_len) };
        Ok(())
    })
}

/// Frees an envelope and wipes its session keys. NULL is accepted and ignored.
///
/// # Safety
/// `envelope` is NULL or an object from cnvision not yet freed.
#[no_mangle]
pub unsafe extern "C" fn cnvision_envelope_free(envelope: *mut cnvision_envelope) {
    if !envelope.is_null() {
        // SAFETY: from Box::into_raw in cnvision_envelope_seal, freed once.
        drop(unsafe { Box::from_raw(envelope) });
    }
}
