//! Media inputs (images, videos, audio) as callers hand them over.

use std::path::Path;

/// One media item, borrowed for the duration of a call. Bytes are base64-encoded
/// exactly once, straight into the request body; a file is read when the body is
/// built (validation reads only its size and header).
#[derive(Debug, Clone, Copy)]
pub enum Media<'a> {
    /// Raw (not base64) bytes.
    Bytes(&'a [u8]),
    /// A file on disk holding the raw bytes.
    File(&'a Path),
}

/// Media inputs of one call: (field wire name, item). A list or sequence field gets
/// one entry per item, in order.
pub type MediaInputs<'a> = [(&'a str, Media<'a>)];
