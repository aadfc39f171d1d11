//! Native objects owned by Java through a `long` handle (a leaked `Box`).
//!
//! Contract with the Java side (io.cnvision.internal.Handle): a handle is created
//! once, used only while the Java owner holds its read lock, and released exactly once
//! under the write lock, after which the Java owner never passes it again. Zero is
//! never a live handle.

use crate::boundary::BResult;
use cnvision::Error;
use jni::sys::jlong;

/// Moves `value` to the heap and returns its handle.
pub(crate) fn into_handle<T>(value: T) -> jlong {
    Box::into_raw(Box::new(value)) as jlong
}

/// Borrows the object behind `handle`.
///
/// # Safety
/// `handle` must come from [`into_handle::<T>`] and not have been released (the Java
/// owner's lock discipline guarantees this).
pub(crate) unsafe fn borrow<'a, T>(handle: jlong) -> BResult<&'a T> {
    if handle == 0 {
        return Err(Error::invalid_input("handle", "is closed").into());
    }
    // SAFETY: per the function contract the pointer is a live Box<T>.
    Ok(unsafe { &*(handle as *const T) })
}

/// Drops the object behind `handle`; zero is ignored.
///
/// # Safety
/// As for [`borrow`], and no borrow may be alive; called once per handle.
pub(crate) unsafe fn release<T>(handle: jlong) {
    if handle != 0 {
        // SAFETY: per the function contract the pointer is a live Box<T>, released once.
        drop(unsafe { Box::from_raw(handle as *mut T) });
    }
}
