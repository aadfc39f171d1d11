//! Video container, duration and frame rate.
//!
//! MP4/MOV: the top-level boxes are walked by hand (seeking over `mdat`, so a file
//! is never read whole) and only `ftyp` + `moov` are handed to the vetted `mp4parse`
//! crate. AVI: the `avih`/`strh` headers at the start of the file are read by hand;
//! they are fixed-layout little-endian structs and no maintained crate reads them
//! without decoding the whole file.

use super::format::{self, SNIFF_LEN};
use crate::catalog::MediaFormat;
use crate::error::{Error, Result};
use std::io::{Cursor, Read, Seek, SeekFrom};

/// Largest `moov` box read into memory (short clips have a few KB).
const MAX_MOOV_BYTES: u64 = 32 << 20;
/// Bytes at the start of an AVI that must hold its `hdrl` headers.
const AVI_HEADER_BYTES: u64 = 64 << 10;

/// What [`probe`] learns about a video.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VideoInfo {
    /// Mp4, Mov or Avi.
    pub container: MediaFormat,
    /// Duration of the video track, milliseconds (rounded to nearest).
    pub duration_ms: u64,
    /// Frames of the video track.
    pub frames: u64,
    /// Average frames per second: `frames / duration`.
    pub fps: f64,
}

/// Container, duration and frame rate of a whole video held in memory.
pub fn probe(bytes: &[u8]) -> Result<VideoInfo> {
    probe_reader(Cursor::new(bytes))
}

/// Like [`probe`], reading from `reader` only the headers it needs.
pub fn probe_reader<R: Read + Seek>(reader: R) -> Result<VideoInfo> {
    probe_detail(reader).map_err(|reason| Error::invalid_input("video", reason))
}

/// [`probe_reader`] with a bare reason, for callers that name the field themselves.
pub(crate) fn probe_detail<R: Read + Seek>(mut reader: R) -> Result<VideoInfo, String> {
    let mut head = [0u8; SNIFF_LEN];
    let n = read_up_to(&mut reader, &mut head).map_err(io_reason)?;
    let container = format::sniff(&head[..n]);
    reader.seek(SeekFrom::Start(0)).map_err(io_reason)?;
    match container {
        Some(c @ (MediaFormat::Mp4 | MediaFormat::Mov)) => probe_bmff(reader, c),
        Some(MediaFormat::Avi) => probe_avi(reader),
        Some(other) => Err(format!(
            "container is {}, not a video (mp4, mov or avi)",
            format::name(other)
        )),
        None => Err("container not recognised by its magic bytes (mp4, mov or avi)".into()),
    }
}

fn io_reason(e: std::io::Error) -> String {
    format!("read failed: {e}")
}

/// Reads until `buf` is full or EOF; returns the count read.
pub(crate) fn read_up_to<R: Read>(reader: &mut R, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(k) => filled += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

fn probe_bmff<R: Read + Seek>(mut reader: R, container: MediaFormat) -> Result<VideoInfo, String> {
    let end = reader.seek(SeekFrom::End(0)).map_err(io_reason)?;
    let mut pos = 0u64;
    let mut kept = Vec::new();
    let mut found_moov = false;
    while pos + 8 <= end {
        reader.seek(SeekFrom::Start(pos)).map_err(io_reason)?;
        let mut h = [0u8; 16];
        let n = read_up_to(&mut reader, &mut h[..8]).map_err(io_reason)?;
        if n < 8 {
            break;
        }
        let kind: [u8; 4] = [h[4], h[5], h[6], h[7]];
        let (size, header_len) = match u32::from_be_bytes([h[0], h[1], h[2], h[3]]) {
            0 => (end - pos, 8u64),
            1 => {
                if read_up_to(&mut reader, &mut h[8..16]).map_err(io_reason)? < 8 {
                    return Err("truncated 64-bit box header".into());
                }
                let mut large = [0u8; 8];
                large.copy_from_slice(&h[8..16]);
                (u64::from_be_bytes(large), 16u64)
            }
            s => (u64::from(s), 8u64),
        };
        if size < header_len || size > end - pos {
            return Err(format!(
                "box '{}' at offset {pos} has an impossible size {size}",
                String::from_utf8_lossy(&kind)
            ));
        }
        if &kind == b"moov" || &kind == b"ftyp" {
            if size > MAX_MOOV_BYTES {
                return Err(format!("'moov' box of {size} bytes is implausibly large"));
            }
            let body_len = (size - header_len) as usize;
            let mut body = vec![0u8; body_len];
            reader.read_exact(&mut body).map_err(io_reason)?;
            // Re-emit with a plain 32-bit header (size-0 / 64-bit forms normalised).
            let total = u32::try_from(body_len + 8).map_err(|_| "box too large".to_string())?;
            kept.extend_from_slice(&total.to_be_bytes());
            kept.extend_from_slice(&kind);
            kept.extend_from_slice(&body);
            found_moov |= &kind == b"moov";
        }
        pos += size;
    }
    if !found_moov {
        return Err("no 'moov' box (not a complete MP4/MOV file)".into());
    }
    let ctx = mp4parse::read_mp4(&mut Cursor::new(kept))
        .map_err(|e| format!("MP4/MOV headers could not be parsed: {e:?}"))?;
    let track = ctx
        .tracks
        .iter()
        .find(|t| t.track_type == mp4parse::TrackType::Video)
        .ok_or("no video track")?;
    let frames: u64 = match &track.stts {
        Some(stts) => stts.samples.iter().map(|s| u64::from(s.sample_count)).sum(),
        None => 0,
    };
    // Duration in the track's own (mdhd) timescale; fall back to tkhd in the movie's.
    let (units, scale) = match (track.duration, track.timescale) {
        (Some(d), Some(s)) if d.0 > 0 && s.0 > 0 => (d.0, s.0),
        _ => match (&track.tkhd, ctx.timescale) {
            (Some(tkhd), Some(s)) if tkhd.duration > 0 && s.0 > 0 => (tkhd.duration, s.0),
            _ => {
                return Err("video track has no duration (fragmented MP4 is not supported)".into())
            }
        },
    };
    if frames == 0 {
        return Err("video track has no samples (fragmented MP4 is not supported)".into());
    }
    Ok(info(container, units, scale, frames))
}

fn info(container: MediaFormat, units: u64, per_second: u64, frames: u64) -> VideoInfo {
    let secs = units as f64 / per_second as f64;
    VideoInfo {
        container,
        duration_ms: (secs * 1000.0).round() as u64,
        frames,
        fps: frames as f64 / secs,
    }
}

fn probe_avi<R: Read + Seek>(reader: R) -> Result<VideoInfo, String> {
    let mut buf = Vec::new();
    reader
        .take(AVI_HEADER_BYTES)
        .read_to_end(&mut buf)
        .map_err(io_reason)?;
    let u32_at = |b: &[u8], off: usize| -> Option<u32> {
        Some(u32::from_le_bytes(b.get(off..off + 4)?.try_into().ok()?))
    };
    // RIFF 'AVI ' then LIST 'hdrl' { 'avih' ..., LIST 'strl' { 'strh' ... } ... }
    if buf.get(12..16) != Some(b"LIST") || buf.get(20..24) != Some(b"hdrl") {
        return Err("AVI without a leading 'hdrl' header list".into());
    }
    let hdrl_end = 20usize
        .saturating_add(u32_at(&buf, 16).unwrap_or(0) as usize)
        .min(buf.len());
    let mut avih: Option<&[u8]> = None;
    let mut video_strh: Option<&[u8]> = None;
    let mut pos = 24;
    while pos + 8 <= hdrl_end {
        let id = &buf[pos..pos + 4];
        let len = u32_at(&buf, pos + 4).unwrap_or(0) as usize;
        let body_start = pos + 8;
        let body = buf
            .get(body_start..body_start.saturating_add(len).min(hdrl_end))
            .unwrap_or(&[]);
        if id == b"avih" {
            avih = Some(body);
        } else if id == b"LIST" && body.get(0..4) == Some(b"strl") {
            // The first chunk of 'strl' is 'strh'.
            if body.get(4..8) == Some(b"strh") && body.get(12..16) == Some(b"vids") {
                video_strh = video_strh.or(body.get(12..));
            }
        }
        pos = body_start.saturating_add(len).saturating_add(len & 1);
    }
    // Prefer the video stream's exact rate (dwRate/dwScale) and length.
    if let Some(strh) = video_strh {
        let (scale, rate, length) = (u32_at(strh, 20), u32_at(strh, 24), u32_at(strh, 32));
        if let (Some(scale), Some(rate), Some(length)) = (scale, rate, length) {
            if scale > 0 && rate > 0 && length > 0 {
                let units = u64::from(length) * u64::from(scale);
                return Ok(info(
                    MediaFormat::Avi,
                    units,
                    u64::from(rate),
                    u64::from(length),
                ));
            }
        }
    }
    let avih = avih.ok_or("AVI without an 'avih' main header")?;
    let (us_per_frame, total) = (u32_at(avih, 0), u32_at(avih, 16));
    match (us_per_frame, total) {
        (Some(us), Some(frames)) if us > 0 && frames > 0 => Ok(info(
            MediaFormat::Avi,
            u64::from(us) * u64::from(frames),
            1_000_000,
            u64::from(frames),
        )),
        _ => Err("AVI main header has no frame rate or frame count".into()),
    }
}
