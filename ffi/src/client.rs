//! `cnvision_client`: configuration + credentials + transport, shared by threads.

use crate::args::{c_str, json_object, opt_c_str, out_ptr, write};
use crate::boundary::boundary;
use crate::config_json;
use crate::error::{cnvision_error, FfiError};
use crate::local::operation;
use crate::media::{cnvision_media, media_inputs};
use crate::response::cnvision_response;
use crate::status::cnvision_status;
use cnvision_core::client::{CallOptions, Client};
use std::ffi::c_char;

/// A configured client. Opaque; made by `cnvision_client_new` or
/// `cnvision_client_new_from_env`, freed with `cnvision_client_free`.
///
/// Thread safety: one client may be used by any number of threads at once
/// (calls share its connection pool, rate limiter and token cache); free it only
/// after every call on it has returned.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct cnvision_client {
    inner: Client,
}

/// Options of one call. Pass NULL for the defaults (no envelope, generated request id).
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct cnvision_call_options {
    /// Seal the body in the CTyun `decrypted: true` envelope (needs
    /// `envelope_public_key` in the configuration; EOP-gateway operations only).
    pub encrypt: bool,
    /// Request id to send (NUL-terminated), or NULL to generate one.
    pub request_id: *const c_char,
}

/// Creates a client from a JSON configuration (every member optional):
/// credentials `ctyun_eop {ak, sk, app_key}`, `ctyun_app {app_key, app_secret}`,
/// `huawei_aksk {ak, sk}`, `huawei_iam {user, password, domain}`,
/// `huawei_project_id`, `huawei_region`, `envelope_public_key`; `endpoint` (one
/// base URL for every gateway) and `endpoints {ctyun_eop, ctyun_aiop, ctyun2019,
/// huawei_image, huawei_iam}`; `timeouts_ms {connect, read, write, total}`;
/// `proxy` (URL, `"env"` or null); `ca_file` or `ca_pem`, `ca_only`;
/// `user_agent_suffix`; `max_response_bytes`; `rate_limits {safety | face |
/// video_liveness | huawei: {qps, burst} | "unlimited"}`; `rate_limit_mode`
/// (`"block"` | `"fail_fast"`); `retry {max_attempts, base_delay_ms,
/// max_delay_ms, max_elapsed_ms}`; `eop_utc_offset_seconds` (default 28800).
/// Unknown members are rejected. The text is borrowed for the call only;
/// secrets are copied into memory that is wiped when the client is freed.
///
/// On success `*out` receives the client (free with `cnvision_client_free`).
///
/// Returns `CNVISION_STATUS_OK`; `CNVISION_STATUS_CONFIGURATION` (unknown or
/// inconsistent option; the message names it); `CNVISION_STATUS_INVALID_JSON`
/// (not a JSON object); `CNVISION_STATUS_NULL_ARGUMENT`,
/// `CNVISION_STATUS_INVALID_UTF8`, `CNVISION_STATUS_INVALID_LENGTH`.
///
/// # Safety
/// `config_json` points to `config_len` bytes (NULL with 0 = all defaults);
/// `out` is writable; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_client_new(
    config_json: *const c_char,
    config_len: usize,
    out: *mut *mut cnvision_client,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        let out = out_ptr(out, "out")?;
        // SAFETY: argument contract above.
        let config =
            config_json::parse(&unsafe { json_object(config_json, config_len, "config_json") }?)?;
        let client = Box::into_raw(Box::new(cnvision_client {
            inner: Client::new(config)?,
        }));
        // SAFETY: checked output pointer.
        unsafe { write(out, client) };
        Ok(())
    })
}

/// Creates a client from the environment: `CTYUN_AK`, `CTYUN_SK`,
/// `CTYUN_APP_KEY`, `CTYUN_APP_SECRET`, `CTYUN_ENVELOPE_PUBLIC_KEY`,
/// `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, `HUAWEICLOUD_SDK_PROJECT_ID`,
/// `HUAWEICLOUD_SDK_REGION`, `HUAWEICLOUD_IAM_USERNAME` / `_PASSWORD` /
/// `_DOMAIN`, `CNVISION_ENDPOINT_CTYUN_EOP` / `_CTYUN_AIOP` / `_CTYUN_2019` /
/// `_HUAWEI_IMAGE` / `_HUAWEI_IAM`, `CNVISION_PROXY`, `CNVISION_CA_FILE`.
///
/// On success `*out` receives the client (free with `cnvision_client_free`).
///
/// Returns `CNVISION_STATUS_OK`, `CNVISION_STATUS_CONFIGURATION` (e.g. an
/// incomplete key pair; the message names the variables) or
/// `CNVISION_STATUS_NULL_ARGUMENT`.
///
/// # Safety
/// `out` is writable; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_client_new_from_env(
    out: *mut *mut cnvision_client,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        let out = out_ptr(out, "out")?;
        let client = Box::into_raw(Box::new(cnvision_client {
            inner: Client::from_env()?,
        }));
        // SAFETY: checked output pointer.
        unsafe { write(out, client) };
        Ok(())
    })
}

/// Checks the inputs of a call locally, as `cnvision_client_call` would before
/// sending: nothing is sent. Arguments as `cnvision_client_call`. Thread-safe.
///
/// Returns `CNVISION_STATUS_OK`, `CNVISION_STATUS_INVALID_INPUT` (unknown
/// operation, a limit broken), `CNVISION_STATUS_NULL_ARGUMENT`,
/// `CNVISION_STATUS_INVALID_UTF8`, `CNVISION_STATUS_INVALID_JSON`,
/// `CNVISION_STATUS_INVALID_LENGTH`.
///
/// # Safety
/// As `cnvision_client_call`.
#[no_mangle]
pub unsafe extern "C" fn cnvision_client_validate(
    client: *const cnvision_client,
    operation: *const c_char,
    params_json: *const c_char,
    params_len: usize,
    media: *const cnvision_media,
    media_len: usize,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        // SAFETY: argument contract above.
        let client = unsafe { client.as_ref() }.ok_or_else(|| FfiError::null("client"))?;
        // SAFETY: argument contract above.
        let (op, params, media) = unsafe {
            (
                c_str(operation, "operation")?,
                json_object(params_json, params_len, "params_json")?,
                media_inputs(media, media_len)?,
            )
        };
        self::operation(op)?;
        client.inner.validate(op, &params, &media)?;
        Ok(())
    })
}

/// Calls a remote operation: validates the inputs, builds the body (media
/// base64-encoded once), seals it when `options->encrypt`, signs, rate-limits,
/// sends, retries only failures that never reached the server, opens the
/// envelope, normalizes the answer and decodes binary results.
///
/// - `operation`: catalog id, e.g. `"ctyun.safety.hat_detect"` (NUL-terminated).
/// - `params_json`/`params_len`: JSON object of the non-media parameters
///   (NULL with 0 = none).
/// - `media`/`media_len`: the media items (NULL with 0 = none).
/// - `options`: NULL for defaults.
///
/// Inputs are borrowed for the call only. On success `*out` receives the
/// response (free with `cnvision_response_free`). Blocks the calling thread;
/// any number of threads may call one client at once.
///
/// Returns `CNVISION_STATUS_OK` or: `INVALID_INPUT` (local validation; nothing
/// sent, not billed), `CONFIGURATION` (missing credentials for the operation's
/// gateway), `AUTHENTICATION`, `SERVICE` (the provider's code is in the error),
/// `RATE_LIMITED`, `NETWORK`, `TIMEOUT`, `CRYPTO` (envelope verification
/// failed), `PROTOCOL`, `INTERNAL`, `NULL_ARGUMENT`, `INVALID_UTF8`,
/// `INVALID_JSON`, `INVALID_LENGTH` (all `CNVISION_STATUS_`-prefixed).
///
/// # Safety
/// `client` is NULL or live; `operation` is NUL-terminated; `params_json`
/// points to `params_len` bytes (or NULL with 0); `media` points to `media_len`
/// valid items (or NULL with 0); `options` is NULL or valid; `out` is writable;
/// `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_client_call(
    client: *const cnvision_client,
    operation: *const c_char,
    params_json: *const c_char,
    params_len: usize,
    media: *const cnvision_media,
    media_len: usize,
    options: *const cnvision_call_options,
    out: *mut *mut cnvision_response,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        // SAFETY: argument contract above.
        let client = unsafe { client.as_ref() }.ok_or_else(|| FfiError::null("client"))?;
        let out = out_ptr(out, "out")?;
        // SAFETY: argument contract above.
        let (op, params, media) = unsafe {
            (
                c_str(operation, "operation")?,
                json_object(params_json, params_len, "params_json")?,
                media_inputs(media, media_len)?,
            )
        };
        self::operation(op)?;
        let mut call = CallOptions::default();
        // SAFETY: NULL or valid per the contract.
        if let Some(o) = unsafe { options.as_ref() } {
            call.encrypt = o.encrypt;
            // SAFETY: NULL or NUL-terminated per the struct's contract.
            call.request_id =
                unsafe { opt_c_str(o.request_id, "options.request_id") }?.map(str::to_string);
        }
        let response = client.inner.call(op, &params, &media, &call)?;
        let response = Box::into_raw(Box::new(cnvision_response::from(response)));
        // SAFETY: checked output pointer.
        unsafe { write(out, response) };
        Ok(())
    })
}

/// Frees a client. NULL is accepted and ignored. No call on it may still be
/// running.
///
/// # Safety
/// `client` is NULL or an object from cnvision not yet freed.
#[no_mangle]
pub unsafe extern "C" fn cnvision_client_free(client: *mut cnvision_client) {
    if !client.is_null() {
        // SAFETY: from Box::into_raw in cnvision_client_new*, freed once.
        drop(unsafe { Box::from_raw(client) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{cnvision_error_free, cnvision_error_status};
    use crate::response::{
        cnvision_response_free, cnvision_response_http_status, cnvision_response_result_json,
    };
    use cnvision_emulator::{config as emu_config, Emulator, FaultKind};
    use std::ffi::CStr;
    use std::ptr;

    const JPEG: &[u8] = include_bytes!("../../tests/fixtures/media/image_640x480_exif.jpg");

    fn client_for(emu: &Emulator) -> *mut cnvision_client {
        let json = serde_json::json!({
            "endpoint": emu.base_url(),
            "ctyun_eop": {"ak": emu_config::EOP_AK, "sk": emu_config::EOP_SK, "app_key": emu_config::EOP_APP_KEY},
            "envelope_public_key": emu.sm2_public_key_spki_b64(),
            "rate_limits": {"safety": "unlimited", "face": "unlimited"},
        })
        .to_string();
        let mut client = ptr::null_mut();
        let st = unsafe {
            cnvision_client_new(
                json.as_ptr().cast(),
                json.len(),
                &mut client,
                ptr::null_mut(),
            )
        };
        assert_eq!(st, cnvision_status::Ok);
        client
    }

    /// One call; returns its status and, on success, the result JSON.
    fn call(
        client: *const cnvision_client,
        op: &CStr,
        media: &[cnvision_media],
        encrypt: bool,
    ) -> (cnvision_status, Option<String>) {
        let options = cnvision_call_options {
            encrypt,
            request_id: ptr::null(),
        };
        let mut resp = ptr::null_mut();
        let mut err = ptr::null_mut();
        let st = unsafe {
            cnvision_client_call(
                client,
                op.as_ptr(),
                ptr::null(),
                0,
                media.as_ptr(),
                media.len(),
                &options,
                &mut resp,
                &mut err,
            )
        };
        let result = unsafe {
            if st == cnvision_status::Ok {
                assert!(err.is_null());
                assert_eq!(cnvision_response_http_status(resp), 200);
                let text = CStr::from_ptr(cnvision_response_result_json(resp, ptr::null_mut()))
                    .to_str()
                    .unwrap()
                    .to_string();
                cnvision_response_free(resp);
                Some(text)
            } else {
                assert!(resp.is_null(), "output written on failure");
                assert_eq!(cnvision_error_status(err), st);
                cnvision_error_free(err);
                None
            }
        };
        (st, result)
    }

    fn image(field: &'static CStr) -> cnvision_media {
        cnvision_media {
            field: field.as_ptr(),
            data: JPEG.as_ptr(),
            len: JPEG.len(),
            path: ptr::null(),
        }
    }

    #[test]
    fn eight_threads_share_one_client() {
        let emu = Emulator::start(Default::default()).unwrap();
        let client = client_for(&emu) as usize;
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(move || {
                    for _ in 0..3 {
                        let (st, result) = call(
                            client as *const _,
                            c"ctyun.safety.hat_detect",
                            &[image(c"image")],
                            false,
                        );
                        assert_eq!(st, cnvision_status::Ok);
                        let result: serde_json::Value =
                            serde_json::from_str(&result.unwrap()).unwrap();
                        assert!(!result.is_null());
                    }
                });
            }
        });
        assert_eq!(emu.count("ctyun.safety.hat_detect"), 24);
        unsafe { cnvision_client_free(client as *mut _) };
    }

    #[test]
    fn envelope_round_trip_and_tampered_answer() {
        let emu = Emulator::start(Default::default()).unwrap();
        let client = client_for(&emu);
        let faces = [image(c"img1Base64"), image(c"img2Base64")];
        let (st, result) = call(client, c"ctyun.face.compare", &faces, true);
        assert_eq!(st, cnvision_status::Ok);
        assert!(result.unwrap().contains("Score"));
        emu.inject(Some("ctyun.face.compare"), FaultKind::TamperResult, 1);
        assert_eq!(
            call(client, c"ctyun.face.compare", &faces, true).0,
            cnvision_status::Crypto
        );
        // Invalid input is refused locally: nothing more reaches the emulator.
        let before = emu.count("ctyun.face.compare");
        let text = cnvision_media {
            field: c"img1Base64".as_ptr(),
            data: b"text".as_ptr(),
            len: 4,
            path: ptr::null(),
        };
        assert_eq!(
            call(client, c"ctyun.face.compare", &[text, faces[1]], true).0,
            cnvision_status::InvalidInput
        );
        assert_eq!(
            call(client, c"no.such.op", &faces, false).0,
            cnvision_status::InvalidInput
        );
        assert_eq!(emu.count("ctyun.face.compare"), before);
        unsafe { cnvision_client_free(client) };
    }
}
