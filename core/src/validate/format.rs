//! Media format recognition by magic bytes (never by file name).
//!
//! Hand-written on purpose: the signatures are fixed, a dozen lines each, and no
//! single vetted crate covers both the image formats and the MP4/MOV split by
//! `ftyp` brand that the providers care about.

use crate::catalog::MediaFormat;

/// Bytes of a file's beginning that [`sniff`] needs to recognise every format.
pub const SNIFF_LEN: usize = 32;

/// The format of `head` (the first [`SNIFF_LEN`] or more bytes of a media item),
/// recognised by its magic bytes; `None` if it is none of [`MediaFormat`].
pub fn sniff(head: &[u8]) -> Option<MediaFormat> {
    let at = |off: usize, sig: &[u8]| head.get(off..off + sig.len()) == Some(sig);
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        return Some(MediaFormat::Jpeg);
    }
    if at(0, b"\x89PNG\r\n\x1a\n") {
        return Some(MediaFormat::Png);
    }
    if at(0, b"GIF87a") || at(0, b"GIF89a") {
        return Some(MediaFormat::Gif);
    }
    if at(0, b"II*\0") || at(0, b"MM\0*") {
        return Some(MediaFormat::Tiff);
    }
    if at(0, b"RIFF") {
        return match head.get(8..12)? {
            b"WEBP" => Some(MediaFormat::Webp),
            b"AVI " => Some(MediaFormat::Avi),
            b"WAVE" => Some(MediaFormat::Wav),
            _ => None,
        };
    }
    if at(0, b"BM") && is_bmp(head) {
        return Some(MediaFormat::Bmp);
    }
    if let Some(f) = iso_bmff(head) {
        return Some(f);
    }
    if at(0, b"ID3") || is_mpeg_audio_frame(head) {
        return Some(MediaFormat::Mp3);
    }
    None
}

/// Lower-case name used in messages (`jpeg`, `mp4`, …).
pub fn name(format: MediaFormat) -> &'static str {
    match format {
        MediaFormat::Jpeg => "jpeg",
        MediaFormat::Png => "png",
        MediaFormat::Bmp => "bmp",
        MediaFormat::Gif => "gif",
        MediaFormat::Webp => "webp",
        MediaFormat::Tiff => "tiff",
        MediaFormat::Mp4 => "mp4",
        MediaFormat::Mov => "mov",
        MediaFormat::Avi => "avi",
        MediaFormat::Mp3 => "mp3",
        MediaFormat::Wav => "wav",
    }
}

/// Whether `format` is a still image (has pixel dimensions in its header).
pub fn is_image(format: MediaFormat) -> bool {
    matches!(
        format,
        MediaFormat::Jpeg
            | MediaFormat::Png
            | MediaFormat::Bmp
            | MediaFormat::Gif
            | MediaFormat::Webp
            | MediaFormat::Tiff
    )
}

/// "BM" alone is too weak: also require a known DIB header size at offset 14.
fn is_bmp(head: &[u8]) -> bool {
    match head.get(14..18) {
        Some(b) => matches!(
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            12 | 16 | 40 | 52 | 56 | 64 | 108 | 124
        ),
        None => false,
    }
}

/// ISO base media (MP4) or QuickTime (MOV), told apart by the `ftyp` major brand.
/// HEIF/AVIF stills share the container and are not videos: `None`.
fn iso_bmff(head: &[u8]) -> Option<MediaFormat> {
    let kind = head.get(4..8)?;
    if kind == b"ftyp" {
        let brand = head.get(8..12)?;
        return match brand {
            b"qt  " => Some(MediaFormat::Mov),
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1"
            | b"avif" | b"avis" => None,
            _ => Some(MediaFormat::Mp4),
        };
    }
    // Classic QuickTime files may start directly with a movie-level atom.
    let size = u32::from_be_bytes(head.get(0..4)?.try_into().ok()?);
    if size >= 8 && matches!(kind, b"moov" | b"mdat" | b"wide" | b"pnot") {
        return Some(MediaFormat::Mov);
    }
    None
}

/// An MPEG-1/2 audio layer I–III frame header (MP3 without an ID3 tag).
fn is_mpeg_audio_frame(head: &[u8]) -> bool {
    let (Some(&b0), Some(&b1), Some(&b2)) = (head.first(), head.get(1), head.get(2)) else {
        return false;
    };
    let sync = b0 == 0xFF && b1 & 0xE0 == 0xE0;
    let version_ok = (b1 >> 3) & 0b11 != 0b01;
    let layer_ok = (b1 >> 1) & 0b11 != 0b00;
    let bitrate_ok = b2 >> 4 != 0b1111;
    let rate_ok = (b2 >> 2) & 0b11 != 0b11;
    sync && version_ok && layer_ok && bitrate_ok && rate_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_or_unknown_input_is_none() {
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"\xFF\xD8"), None);
        assert_eq!(sniff(b"RIFF\0\0\0\0XXXX"), None);
        assert_eq!(sniff(b"BM\0\0\0\0\0\0\0\0\0\0\0\0\x99\0\0\0"), None);
        assert_eq!(sniff(b"hello world, not media at all"), None);
    }

    #[test]
    fn heif_brand_is_not_a_video() {
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"), None);
        assert_eq!(
            sniff(b"\0\0\0\x18ftypisom\0\0\0\0isomiso2"),
            Some(MediaFormat::Mp4)
        );
        assert_eq!(
            sniff(b"\0\0\0\x08wide\0\0\0\x10mdat"),
            Some(MediaFormat::Mov)
        );
    }

    #[test]
    fn mp3_frame_sync_without_id3() {
        assert_eq!(sniff(&[0xFF, 0xFB, 0x90, 0x64]), Some(MediaFormat::Mp3));
        // ADTS AAC (layer bits 00) is not MP3.
        assert_eq!(sniff(&[0xFF, 0xF1, 0x50, 0x80]), None);
    }
}
