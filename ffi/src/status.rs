//! `cnvision_status`: 0 = OK, then the core's `ErrorKind` numbers, then FFI-only
//! statuses in their own range.

use cnvision_core::ErrorKind;
use std::ffi::c_char;

/// The result of every fallible cnvision function.
///
/// - `0` is success.
/// - `1`..`99` are the core's error kinds, with the same numbers as Rust's
///   `cnvision::ErrorKind`, Python's exception classes and Java's `ErrorCode`.
/// - `100`..`199` are raised only by the C layer (argument checks).
///
/// Numbers never change; new statuses are only appended. The type is a
/// `uint32_t`, so compare against the constants rather than switching exhaustively.
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum cnvision_status {
    /// Success.
    Ok = 0,
    /// Input rejected locally before anything was sent (not billed).
    InvalidInput = 1,
    /// Client configuration is incomplete or inconsistent.
    Configuration = 2,
    /// Credentials or signature rejected (locally or by the provider).
    Authentication = 3,
    /// The provider answered with an error code (see the error's provider code).
    Service = 4,
    /// The provider throttled the call, or the local rate limiter refused it.
    RateLimited = 5,
    /// A connection could not be made or was broken.
    Network = 6,
    /// A connect or read deadline passed.
    Timeout = 7,
    /// Envelope verification or decryption failed.
    Crypto = 8,
    /// The response could not be understood.
    Protocol = 9,
    /// A bug inside cnvision, including a caught Rust panic.
    Internal = 10,
    /// A required pointer argument was NULL.
    NullArgument = 100,
    /// A text argument was not valid UTF-8.
    InvalidUtf8 = 101,
    /// A JSON text argument did not parse, or had the wrong shape.
    InvalidJson = 102,
    /// A length was impossible (larger than `PTRDIFF_MAX`).
    InvalidLength = 103,
    /// An index was not below the item count.
    IndexOutOfRange = 104,
}

/// FFI-only statuses, in numeric order (used by tests and `cnvision_status_name`).
pub(crate) const FFI_ONLY: [cnvision_status; 5] = [
    cnvision_status::NullArgument,
    cnvision_status::InvalidUtf8,
    cnvision_status::InvalidJson,
    cnvision_status::InvalidLength,
    cnvision_status::IndexOutOfRange,
];

impl cnvision_status {
    /// The status for a core error kind (same number).
    pub(crate) fn from_kind(kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::InvalidInput => Self::InvalidInput,
            ErrorKind::Configuration => Self::Configuration,
            ErrorKind::Authentication => Self::Authentication,
            ErrorKind::Service => Self::Service,
            ErrorKind::RateLimited => Self::RateLimited,
            ErrorKind::Network => Self::Network,
            ErrorKind::Timeout => Self::Timeout,
            ErrorKind::Crypto => Self::Crypto,
            ErrorKind::Protocol => Self::Protocol,
            // `ErrorKind` is non-exhaustive: a kind added later than this layer
            // surfaces as internal until it is mirrored here.
            _ => Self::Internal,
        }
    }

    /// Stable snake_case name, NUL-terminated (the core's kind names for 1..99).
    pub(crate) fn name_cstr(self) -> &'static std::ffi::CStr {
        match self {
            Self::Ok => c"ok",
            Self::InvalidInput => c"invalid_input",
            Self::Configuration => c"configuration",
            Self::Authentication => c"authentication",
            Self::Service => c"service",
            Self::RateLimited => c"rate_limited",
            Self::Network => c"network",
            Self::Timeout => c"timeout",
            Self::Crypto => c"crypto",
            Self::Protocol => c"protocol",
            Self::Internal => c"internal",
            Self::NullArgument => c"null_argument",
            Self::InvalidUtf8 => c"invalid_utf8",
            Self::InvalidJson => c"invalid_json",
            Self::InvalidLength => c"invalid_length",
            Self::IndexOutOfRange => c"index_out_of_range",
        }
    }

    fn from_code(code: u32) -> Option<Self> {
        if code == 0 {
            return Some(Self::Ok);
        }
        if let Some(kind) = ErrorKind::from_code(code) {
            return Some(Self::from_kind(kind));
        }
        FFI_ONLY.iter().copied().find(|s| *s as u32 == code)
    }
}

/// The stable snake_case name of a status (`"ok"`, `"invalid_input"`,
/// `"null_argument"`, ...), or `"unknown"` for a number that is not a status.
///
/// Returns a static NUL-terminated string: never free it. Thread-safe.
#[no_mangle]
pub extern "C" fn cnvision_status_name(status: u32) -> *const c_char {
    let name = std::panic::catch_unwind(|| {
        cnvision_status::from_code(status).map(cnvision_status::name_cstr)
    });
    match name {
        Ok(Some(name)) => name.as_ptr(),
        _ => c"unknown".as_ptr(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn mirrors_every_core_error_kind() {
        for kind in ErrorKind::ALL {
            let status = cnvision_status::from_kind(kind);
            assert_eq!(status as u32, kind.code(), "{kind}");
            assert_eq!(status.name_cstr().to_str().unwrap(), kind.name());
            assert_eq!(cnvision_status::from_code(kind.code()), Some(status));
        }
    }

    #[test]
    fn ffi_only_statuses_do_not_collide_with_core_kinds() {
        for status in FFI_ONLY {
            let code = status as u32;
            assert!((100..200).contains(&code), "{status:?}");
            assert!(ErrorKind::from_code(code).is_none());
            assert_eq!(cnvision_status::from_code(code), Some(status));
        }
        assert!(ErrorKind::ALL.iter().all(|k| (1..100).contains(&k.code())));
    }

    #[test]
    fn status_names() {
        let name = |code| {
            unsafe { CStr::from_ptr(cnvision_status_name(code)) }
                .to_str()
                .unwrap()
        };
        assert_eq!(name(0), "ok");
        assert_eq!(name(4), "service");
        assert_eq!(name(100), "null_argument");
        assert_eq!(name(11), "unknown");
        assert_eq!(name(u32::MAX), "unknown");
    }
}
