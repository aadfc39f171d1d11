//! The panic boundary: every exported function runs its body through one of
//! these, so a Rust panic becomes `CNVISION_STATUS_INTERNAL` instead of
//! unwinding into C (undefined behaviour) or aborting the host process.

use crate::error::{cnvision_error, report, FfiError};
use crate::status::cnvision_status;
use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

#[cfg(not(panic = "unwind"))]
compile_error!(
    "cnvision-ffi must be built with panic=unwind: its panic boundary turns panics into statuses"
);

/// The message of a caught panic payload.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic payload".to_string());
    format!("internal error (caught panic): {text}")
}

/// Runs a fallible body; errors and panics go to `error_out`.
///
/// Bodies write their outputs only as their last step, after every fallible
/// step succeeded, so outputs are written only on success.
pub(crate) fn boundary<F>(error_out: *mut *mut cnvision_error, body: F) -> cnvision_status
where
    F: FnOnce() -> Result<(), FfiError>,
{
    let err = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return cnvision_status::Ok,
        Ok(Err(e)) => e,
        Err(payload) => FfiError::new(cnvision_status::Internal, panic_message(payload.as_ref())),
    };
    // Building the error object allocates; keep even that inside a boundary.
    catch_unwind(AssertUnwindSafe(|| report(err, error_out))).unwrap_or(cnvision_status::Internal)
}

/// Runs an infallible accessor body; a panic yields `fallback`.
pub(crate) fn accessor<T, F>(fallback: T, body: F) -> T
where
    F: FnOnce() -> T,
{
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{cnvision_error_free, cnvision_error_message, cnvision_error_status};
    use std::ffi::CStr;
    use std::ptr;

    #[test]
    fn panics_become_internal_with_message() {
        let mut err: *mut cnvision_error = ptr::null_mut();
        let status = boundary(&mut err, || panic!("boom {}", 42));
        assert_eq!(status, cnvision_status::Internal);
        assert!(!err.is_null());
        unsafe {
            assert_eq!(cnvision_error_status(err), cnvision_status::Internal);
            let msg = CStr::from_ptr(cnvision_error_message(err))
                .to_str()
                .unwrap();
            assert!(msg.contains("boom 42"), "{msg}");
            cnvision_error_free(err);
        }
    }

    #[test]
    fn errors_without_error_out_return_the_status_only() {
        let status = boundary(ptr::null_mut(), || Err(FfiError::null("x")));
        assert_eq!(status, cnvision_status::NullArgument);
        assert_eq!(accessor(7, || panic!("no")), 7);
    }

    #[test]
    fn success_leaves_error_out_untouched() {
        let mut err: *mut cnvision_error = ptr::null_mut();
        assert_eq!(boundary(&mut err, || Ok(())), cnvision_status::Ok);
        assert!(err.is_null());
    }
}
