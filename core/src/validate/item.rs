//! One media item (bytes or a file): size, format by magic bytes, and the image
//! dimensions or video duration/fps its limits ask for. A file is opened once and
//! only its metadata, first bytes and headers are read.

use super::format::{self, SNIFF_LEN};
use super::{image, limit, video};
use crate::catalog::{Limits, MediaFormat};
use crate::error::{Error, Result};
use crate::media::Media;
use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};

/// What the field expects of an item.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Want {
    /// A still image; `dims` forces reading its dimensions even without limits
    /// (a polygon of the same request needs them).
    Image { dims: bool },
    /// A video (or audio clip).
    Video,
}

/// What was learnt about an accepted item.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Info {
    pub bytes: u64,
    pub dims: Option<(u32, u32)>,
}

/// Checks one item named `name` (e.g. `images[3]`) against `limits`.
pub(crate) fn check(name: &str, media: Media<'_>, limits: &Limits, want: Want) -> Result<Info> {
    match media {
        Media::Bytes(b) => inspect(name, b.len() as u64, Cursor::new(b), limits, want),
        Media::File(path) => {
            let unreadable = |e: std::io::Error| {
                Error::invalid_input(name, format!("cannot read file {}: {e}", path.display()))
            };
            let file = File::open(path).map_err(unreadable)?;
            let meta = file.metadata().map_err(unreadable)?;
            if !meta.is_file() {
                return Err(Error::invalid_input(
                    name,
                    format!("{} is not a regular file", path.display()),
                ));
            }
            inspect(name, meta.len(), file, limits, want)
        }
    }
}

fn needs_dims(l: &Limits) -> bool {
    [
        l.min_width,
        l.min_height,
        l.max_width,
        l.max_height,
        l.min_side,
        l.max_side,
    ]
    .iter()
    .any(Option::is_some)
}

fn needs_probe(l: &Limits) -> bool {
    l.min_duration_ms.is_some()
        || l.max_duration_ms.is_some()
        || l.min_fps.is_some()
        || l.max_fps.is_some()
}

fn accepted(formats: &[MediaFormat]) -> String {
    formats
        .iter()
        .map(|f| format::name(*f))
        .collect::<Vec<_>>()
        .join(", ")
}

fn inspect<R: Read + Seek>(
    name: &str,
    size: u64,
    mut reader: R,
    limits: &Limits,
    want: Want,
) -> Result<Info> {
    if size == 0 {
        return Err(Error::invalid_input(name, "is empty (0 bytes)"));
    }
    limit::size(name, size, limits)?;
    let io = |e: std::io::Error| Error::invalid_input(name, format!("read failed: {e}"));
    let mut head = [0u8; SNIFF_LEN];
    let n = video::read_up_to(&mut reader, &mut head).map_err(io)?;
    let sniffed = format::sniff(&head[..n]);
    if !limits.formats.is_empty() {
        match sniffed {
            Some(f) if limits.formats.contains(&f) => {}
            Some(f) => {
                return Err(Error::invalid_input(
                    name,
                    format!(
                        "format {} is not accepted (accepted: {})",
                        format::name(f),
                        accepted(limits.formats)
                    ),
                ))
            }
            None => {
                return Err(Error::invalid_input(
                    name,
                    format!(
                        "format not recognised by its magic bytes (accepted: {})",
                        accepted(limits.formats)
                    ),
                ))
            }
        }
    }
    let mut info = Info {
        bytes: size,
        dims: None,
    };
    match want {
        Want::Image { dims } if dims || needs_dims(limits) => {
            let fmt = sniffed.filter(|f| format::is_image(*f)).ok_or_else(|| {
                Error::invalid_input(
                    name,
                    "is not a recognised image (jpeg, png, bmp, gif, webp, tiff)",
                )
            })?;
            reader.seek(SeekFrom::Start(0)).map_err(io)?;
            let wh =
                image::dimensions_from_reader(BufReader::new(&mut reader)).ok_or_else(|| {
                    Error::invalid_input(
                        name,
                        format!(
                            "cannot read the dimensions from the {} header",
                            format::name(fmt)
                        ),
                    )
                })?;
            limit::dimensions(name, wh, limits)?;
            info.dims = Some(wh);
        }
        Want::Video if needs_probe(limits) => {
            reader.seek(SeekFrom::Start(0)).map_err(io)?;
            let v = video::probe_detail(&mut reader).map_err(|r| Error::invalid_input(name, r))?;
            limit::duration(name, v.duration_ms, limits)?;
            limit::fps(name, v.fps, limits)?;
        }
        _ => {}
    }
    Ok(info)
}
