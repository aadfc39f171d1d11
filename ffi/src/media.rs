//! `cnvision_media`: one media item of a call, as raw bytes or a file path.

use crate::args::{bytes, c_str, opt_c_str};
use crate::error::FfiError;
use crate::status::cnvision_status;
use cnvision_core::media::Media;
use std::ffi::c_char;
use std::path::Path;

/// One media item (image, video, audio) of a call. Borrowed: cnvision reads it
/// only during the call it is passed to and never keeps a pointer.
///
/// Set exactly one source: `data` with `len` raw (not base64) bytes, or `path`,
/// a NUL-terminated UTF-8 file path read during the call. A list or sequence
/// field (e.g. liveness frames) takes one item per entry, in order, each with
/// the same `field`.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct cnvision_media {
    /// The field's wire name, e.g. `"image"`, `"imageContent"` (NUL-terminated).
    pub field: *const c_char,
    /// Raw bytes, or NULL when `path` is used.
    pub data: *const u8,
    /// Length of `data` in bytes (0 when `path` is used).
    pub len: usize,
    /// File path, or NULL when `data` is used.
    pub path: *const c_char,
}

/// The core's media inputs for a C array of items.
///
/// # Safety
/// `items` is NULL (with `count` 0) or points to `count` items whose pointers
/// satisfy the `cnvision_media` contract for `'a`.
pub(crate) unsafe fn media_inputs<'a>(
    items: *const cnvision_media,
    count: usize,
) -> Result<Vec<(&'a str, Media<'a>)>, FfiError> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if items.is_null() {
        return Err(FfiError::null("media"));
    }
    if count > isize::MAX as usize / std::mem::size_of::<cnvision_media>() {
        return Err(FfiError::new(
            cnvision_status::InvalidLength,
            format!("media: count {count} is impossible"),
        ));
    }
    // SAFETY: non-NULL, `count` items per the caller's contract, size checked above.
    let items = unsafe { std::slice::from_raw_parts(items, count) };
    let mut out = Vec::with_capacity(count);
    for (i, item) in items.iter().enumerate() {
        // SAFETY: pointers inside each item follow the struct's contract.
        let field = unsafe { c_str(item.field, &format!("media[{i}].field")) }?;
        // SAFETY: as above.
        let path = unsafe { opt_c_str(item.path, &format!("media[{i}].path")) }?;
        let media = match (path, item.data.is_null()) {
            (Some(p), true) if item.len == 0 => Media::File(Path::new(p)),
            (None, false) => {
                // SAFETY: as above.
                Media::Bytes(unsafe { bytes(item.data, item.len, &format!("media[{i}].data")) }?)
            }
            (None, true) if item.len == 0 => Media::Bytes(&[]),
            (None, true) => return Err(FfiError::null(&format!("media[{i}].data"))),
            (Some(_), _) => {
                return Err(FfiError::new(
                    cnvision_status::InvalidInput,
                    format!("media[{i}]: set either data/len or path, not both"),
                ))
            }
        };
        out.push((field, media));
    }
    Ok(out)
}
