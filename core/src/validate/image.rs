//! Image dimensions read from headers with the `imagesize` crate (no decoding).

use std::io::{BufRead, Seek};

/// Width and height in pixels from the beginning of an image (JPEG, PNG, BMP, GIF,
/// WEBP, TIFF, …). `head` may be the whole image or just a prefix; `None` when the
/// prefix is too short or the header is not understood.
pub fn dimensions(head: &[u8]) -> Option<(u32, u32)> {
    imagesize::blob_size(head).ok().and_then(to_pair)
}

/// Like [`dimensions`], reading only as much of `reader` as the header needs
/// (seeking past large JPEG segments instead of reading them).
pub fn dimensions_from_reader<R: BufRead + Seek>(reader: R) -> Option<(u32, u32)> {
    imagesize::reader_size(reader).ok().and_then(to_pair)
}

fn to_pair(size: imagesize::ImageSize) -> Option<(u32, u32)> {
    Some((
        u32::try_from(size.width).ok()?,
        u32::try_from(size.height).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_ihdr_prefix_is_enough() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&123u32.to_be_bytes());
        png.extend_from_slice(&321u32.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0]);
        assert_eq!(dimensions(&png), Some((123, 321)));
        assert_eq!(dimensions(&png[..12]), None);
        assert_eq!(dimensions(b"not an image at all"), None);
    }
}
