//! Owned strings handed to C, and the functions that return only static or owned text.

use crate::args::{out_ptr, write};
use crate::boundary::boundary;
use crate::error::{c_string, cnvision_error};
use crate::status::cnvision_status;
use std::ffi::{c_char, CString};

/// Hands an owned Rust string to C: `*out` gets a NUL-terminated copy that the
/// caller frees with `cnvision_string_free`, `*out_len` (when not NULL) its
/// length in bytes without the NUL.
///
/// # Safety
/// `out` was checked with `out_ptr`; `out_len` is NULL or writable.
pub(crate) unsafe fn give_string(text: String, out: *mut *mut c_char, out_len: *mut usize) {
    let c = c_string(text);
    let len = c.as_bytes().len();
    // SAFETY: checked output pointers per the caller's contract.
    unsafe {
        write(out, c.into_raw());
        if !out_len.is_null() {
            write(out_len, len);
        }
    }
}

/// Frees a string returned through a `char **out` argument of cnvision. NULL is
/// accepted and ignored. Never pass strings returned as `const char *`
/// (those are borrowed or static).
///
/// # Safety
/// `s` is NULL or a `char *` from cnvision not yet freed.
#[no_mangle]
pub unsafe extern "C" fn cnvision_string_free(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: `s` came from CString::into_raw in `give_string` and is freed once.
        drop(unsafe { CString::from_raw(s) });
    }
}

/// The library version, e.g. `"0.1.0"` (equal to `CNVISION_VERSION` of the
/// header the program was compiled with, when header and library match).
/// Static NUL-terminated string: never free it. Thread-safe.
#[no_mangle]
pub extern "C" fn cnvision_version() -> *const c_char {
    static VERSION: &std::ffi::CStr = match std::ffi::CStr::from_bytes_with_nul(
        concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes(),
    ) {
        Ok(v) => v,
        Err(_) => c"",
    };
    VERSION.as_ptr()
}

/// The operation catalog as JSON text: an array of every remote operation (id,
/// provider, method, path, input fields with their documented limits, error
/// codes, ...), the same JSON every binding tests its coverage against.
///
/// On success `*out` receives an owned NUL-terminated string (free it with
/// `cnvision_string_free`) and `*out_len`, when not NULL, its length in bytes.
/// Thread-safe.
///
/// Returns `CNVISION_STATUS_OK` or `CNVISION_STATUS_NULL_ARGUMENT` (`out` NULL).
///
/// # Safety
/// `out` is writable; `out_len` and `error` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cnvision_catalog_json(
    out: *mut *mut c_char,
    out_len: *mut usize,
    error: *mut *mut cnvision_error,
) -> cnvision_status {
    boundary(error, || {
        let out = out_ptr(out, "out")?;
        let json = cnvision_core::catalog::to_json();
        // SAFETY: `out` checked; `out_len` NULL or writable per the contract.
        unsafe { give_string(json, out, out_len) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;
    use std::ptr;

    #[test]
    fn version_matches_cargo() {
        let v = unsafe { CStr::from_ptr(cnvision_version()) };
        assert_eq!(v.to_str().unwrap(), cnvision_core::VERSION);
    }

    #[test]
    fn catalog_json_is_the_core_catalog() {
        let mut s: *mut c_char = ptr::null_mut();
        let mut len = 0usize;
        unsafe {
            assert_eq!(
                cnvision_catalog_json(&mut s, &mut len, ptr::null_mut()),
                cnvision_status::Ok
            );
            let text = CStr::from_ptr(s).to_str().unwrap();
            assert_eq!(text.len(), len);
            let v: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                v.as_array().unwrap().len(),
                cnvision_core::catalog::all().len()
            );
            cnvision_string_free(s);
            cnvision_string_free(ptr::null_mut());
            assert_eq!(
                cnvision_catalog_json(ptr::null_mut(), ptr::null_mut(), ptr::null_mut()),
                cnvision_status::NullArgument
            );
        }
    }
}
