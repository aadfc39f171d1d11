//! The JSON request body, with media base64-encoded exactly once, straight into it.
//!
//! Memory contract: the body `Vec` is allocated once at its final size (computed from
//! the params' JSON and the media sizes), and files are streamed into it in chunks, so
//! peak memory is the body plus a constant, never a second copy of the media.

use crate::catalog::{FieldKind, Location, Operation};
use crate::error::{Error, Result};
use crate::media::{Media, MediaInputs};
// base64-simd (AVX2/SSSE3 detected at run time) rather than `base64` here: media
// encoding is the client's hottest loop and it is several times faster on MB images.
use base64_simd::STANDARD as B64;
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Prefix of a data-URI item in a `UrlOrDataUriList` field (manual 003).
pub const DATA_URI_PREFIX: &str = "data:application/octet-stream;base64,";

/// Build the JSON body of `op` from the body-located `params` (defaults filled in)
/// and `media`. Query and path params are ignored here. Inputs must have passed
/// [`crate::validate::check`]; media items are taken in the order it resolved.
pub fn build(op: &Operation, params: &Map<String, Value>, media: &MediaInputs) -> Result<Vec<u8>> {
    let grouped = crate::validate::media_items(op, media)?;
    let mut members: Vec<(String, Member<'_, '_>)> = Vec::new();
    for field in op.fields.iter().filter(|f| f.location == Location::Body) {
        let key = serde_json::to_string(field.name).map_err(|e| Error::internal(e.to_string()))?;
        if let Some((_, items)) = grouped
            .iter()
            .find(|(f, items)| f.name == field.name && !items.is_empty())
        {
            members.push((key, Member::Media(field.kind, items)));
        } else if let Some(value) = params.get(field.name) {
            members.push((key, Member::Json(wire_json(field.kind, value)?)));
        } else if let Some(default) = field.default {
            let value: Value = serde_json::from_str(default).map_err(|e| {
                Error::internal(format!(
                    "catalog default of {} is not JSON: {e}",
                    field.name
                ))
            })?;
            members.push((
                key,
                Member::Json(
                    serde_json::to_vec(&value).map_err(|e| Error::internal(e.to_string()))?,
                ),
            ));
        }
    }

    let mut capacity = 2usize;
    for (key, member) in &members {
        capacity += key.len() + 2;
        capacity += match member {
            Member::Json(text) => text.len(),
            Member::Media(kind, items) => media_capacity(*kind, items)?,
        };
    }

    let mut body = Vec::with_capacity(capacity);
    body.push(b'{');
    for (i, (key, member)) in members.iter().enumerate() {
        if i > 0 {
            body.push(b',');
        }
        match member {
            Member::Json(text) => {
                body.extend_from_slice(key.as_bytes());
                body.push(b':');
                body.extend_from_slice(text);
            }
            Member::Media(kind, items) => write_media_member(&mut body, key, *kind, items)?,
        }
    }
    body.push(b'}');
    Ok(body)
}

enum Member<'i, 'a> {
    /// A parameter's wire JSON text.
    Json(Vec<u8>),
    /// Media items of a field, in order.
    Media(FieldKind, &'i [Media<'a>]),
}

/// A parameter as it goes on the wire: a polygon given as `[[x, y], …]` for a
/// `PolygonText` field becomes the manual's `"x1,y1,x2,y2,…"` text.
fn wire_json(kind: FieldKind, value: &Value) -> Result<Vec<u8>> {
    let converted;
    let value = match (kind, value) {
        (FieldKind::PolygonText, Value::Array(_)) => {
            let points = crate::validate::polygon::parse("area", value)?;
            converted = Value::String(crate::validate::polygon::to_csv(&points));
            &converted
        }
        _ => value,
    };
    serde_json::to_vec(value).map_err(|e| Error::internal(e.to_string()))
}

/// Raw byte length of a media item (file metadata; nothing read).
pub fn media_len(item: &Media<'_>) -> Result<u64> {
    match item {
        Media::Bytes(b) => Ok(b.len() as u64),
        Media::File(p) => std::fs::metadata(p).map(|m| m.len()).map_err(|e| {
            Error::invalid_input("media", format!("cannot read {}: {e}", p.display()))
        }),
    }
}

fn b64_len(n: u64) -> Result<usize> {
    usize::try_from(n.div_ceil(3) * 4)
        .map_err(|_| Error::invalid_input("media", "too large for this platform"))
}

fn media_capacity(kind: FieldKind, items: &[Media<'_>]) -> Result<usize> {
    let prefix = if kind == FieldKind::UrlOrDataUriList {
        DATA_URI_PREFIX.len()
    } else {
        0
    };
    let mut total = 2; // brackets of a list
    for item in items {
        total += b64_len(media_len(item)?)? + prefix + 3; // quotes and comma
    }
    if let FieldKind::ImageSequence { prefix, suffix } = kind {
        // Each item becomes its own member `"{prefix}{i}{suffix}":"..."`.
        total += items.len() * (prefix.len() + suffix.len() + 8);
    }
    Ok(total)
}

fn write_media_member(
    body: &mut Vec<u8>,
    key: &str,
    kind: FieldKind,
    items: &[Media<'_>],
) -> Result<()> {
    match kind {
        FieldKind::ImageSequence { prefix, suffix } => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    body.push(b',');
                }
                let member = serde_json::to_string(&format!("{prefix}{}{suffix}", i + 1))
                    .map_err(|e| Error::internal(e.to_string()))?;
                body.extend_from_slice(member.as_bytes());
                body.push(b':');
                write_media_string(body, "", item, key)?;
            }
        }
        FieldKind::UrlOrDataUriPairs => {
            body.extend_from_slice(key.as_bytes());
            body.extend_from_slice(b":[");
            for (i, pair) in items.chunks(2).enumerate() {
                if i > 0 {
                    body.push(b',');
                }
                body.push(b'[');
                for (j, item) in pair.iter().enumerate() {
                    if j > 0 {
                        body.push(b',');
                    }
                    write_media_string(body, DATA_URI_PREFIX, item, key)?;
                }
                body.push(b']');
            }
            body.push(b']');
        }
        FieldKind::ImageList | FieldKind::UrlOrDataUriList => {
            let prefix = if kind == FieldKind::UrlOrDataUriList {
                DATA_URI_PREFIX
            } else {
                ""
            };
            body.extend_from_slice(key.as_bytes());
            body.extend_from_slice(b":[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    body.push(b',');
                }
                write_media_string(body, prefix, item, key)?;
            }
            body.push(b']');
        }
        _ => {
            if items.len() != 1 {
                return Err(Error::invalid_input(
                    key.trim_matches('"'),
                    format!("takes exactly one media item, got {}", items.len()),
                ));
            }
            body.extend_from_slice(key.as_bytes());
            body.push(b':');
            write_media_string(body, "", &items[0], key)?;
        }
    }
    Ok(())
}

/// Bytes of a file read per chunk: a multiple of 3, so base64 output of consecutive
/// chunks concatenates without padding in between.
const FILE_CHUNK: usize = 3 * 64 * 1024;

/// Append `"{prefix}{base64(item)}"`, streaming files in chunks.
///
/// Encoding goes straight into `body`'s spare capacity (`encode_append` reserves only
/// what is missing, so the body sized by [`media_capacity`] never reallocates).
fn write_media_string(body: &mut Vec<u8>, prefix: &str, item: &Media<'_>, key: &str) -> Result<()> {
    body.push(b'"');
    body.extend_from_slice(prefix.as_bytes());
    match item {
        Media::Bytes(bytes) => B64.encode_append(bytes, body),
        Media::File(path) => append_file(body, path).map_err(|e| {
            Error::invalid_input(
                key.trim_matches('"'),
                format!("media could not be read: {e}"),
            )
        })?,
    }
    body.push(b'"');
    Ok(())
}

/// Base64 of the file at `path` appended to `body`, [`FILE_CHUNK`] bytes at a time.
fn append_file(body: &mut Vec<u8>, path: &Path) -> io::Result<()> {
    let mut file = File::open(path)?;
    let mut chunk = vec![0u8; FILE_CHUNK];
    loop {
        let filled = fill(&mut file, &mut chunk)?;
        B64.encode_append(&chunk[..filled], body);
        if filled < chunk.len() {
            return Ok(());
        }
    }
}

/// Reads until `buf` is full or the reader is at its end; returns the bytes read.
fn fill(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Field, Limits, Method, Operation, QpsGroup};
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;

    const fn field(name: &'static str, kind: FieldKind, default: Option<&'static str>) -> Field {
        Field {
            name,
            kind,
            required: false,
            default,
            location: Location::Body,
            limits: Limits::NONE,
            doc: "",
        }
    }

    const FIELDS: &[Field] = &[
        field("Action", FieldKind::Text, Some("\"DetectFace\"")),
        field("ImageData", FieldKind::Image, None),
        field("images", FieldKind::ImageList, None),
        field(
            "image",
            FieldKind::ImageSequence {
                prefix: "image",
                suffix: "Content",
            },
            None,
        ),
        field("data", FieldKind::UrlOrDataUriList, None),
        field("pairs", FieldKind::UrlOrDataUriPairs, None),
        field("area", FieldKind::PolygonText, None),
        field("FaceThresh", FieldKind::Number, None),
    ];

    const OP: Operation = Operation {
        id: "test.op",
        summary: "",
        gateway: crate::catalog::Gateway::CtyunEop,
        auth: crate::catalog::AuthScheme::Eop,
        method: Method::Post,
        path: "/x",
        headers: &[],
        fields: FIELDS,
        one_of: &[],
        envelope: false,
        qps: QpsGroup::Face,
        errors: &[],
        binary_results: &[],
        deprecated: false,
        manual: "",
        response_example: "{}",
    };

    fn parse(body: &[u8]) -> Value {
        serde_json::from_slice(body).expect("body is JSON")
    }

    #[test]
    fn defaults_params_and_single_image() {
        let mut params = Map::new();
        params.insert("FaceThresh".into(), Value::from(0.5));
        let body = build(&OP, &params, &[("ImageData", Media::Bytes(b"hello"))]).unwrap();
        let v = parse(&body);
        assert_eq!(v["Action"], "DetectFace");
        assert_eq!(v["ImageData"], STANDARD.encode(b"hello"));
        assert_eq!(v["FaceThresh"], 0.5);
    }

    #[test]
    fn lists_sequences_and_data_uris() {
        let media = [
            ("images", Media::Bytes(b"a")),
            ("images", Media::Bytes(b"bc")),
            ("image", Media::Bytes(b"f1")),
            ("image", Media::Bytes(b"f2")),
            ("data", Media::Bytes(b"xyz")),
        ];
        let v = parse(&build(&OP, &Map::new(), &media).unwrap());
        assert_eq!(
            v["images"],
            serde_json::json!([STANDARD.encode("a"), STANDARD.encode("bc")])
        );
        assert_eq!(v["image1Content"], STANDARD.encode("f1"));
        assert_eq!(v["image2Content"], STANDARD.encode("f2"));
        assert_eq!(
            v["data"],
            serde_json::json!([format!("{DATA_URI_PREFIX}{}", STANDARD.encode("xyz"))])
        );
    }

    #[test]
    fn file_media_streams_and_capacity_is_exact_enough() {
        let dir = std::env::temp_dir().join(format!("cnvision-body-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("img.bin");
        let data: Vec<u8> = (0..100_001u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let body = build(&OP, &Map::new(), &[("ImageData", Media::File(&path))]).unwrap();
        let v = parse(&body);
        assert_eq!(
            STANDARD.decode(v["ImageData"].as_str().unwrap()).unwrap(),
            data
        );
        // One allocation at the computed size: the body never outgrew it.
        assert!(
            body.capacity() - body.len() < 64,
            "slack {}",
            body.capacity() - body.len()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn multi_chunk_file_and_every_tail_length_match_the_base64_crate() {
        let dir = std::env::temp_dir().join(format!("cnvision-body-mc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.bin");
        // Two full chunks plus a tail that needs padding.
        let data: Vec<u8> = (0..2 * FILE_CHUNK as u32 + 2)
            .map(|i| (i.wrapping_mul(7) % 256) as u8)
            .collect();
        std::fs::write(&path, &data).unwrap();
        let body = build(&OP, &Map::new(), &[("ImageData", Media::File(&path))]).unwrap();
        assert_eq!(parse(&body)["ImageData"], STANDARD.encode(&data));
        assert!(body.capacity() - body.len() < 64);
        std::fs::remove_dir_all(&dir).unwrap();

        for n in 1..=7 {
            let bytes = &data[..n];
            let v = parse(&build(&OP, &Map::new(), &[("ImageData", Media::Bytes(bytes))]).unwrap());
            assert_eq!(v["ImageData"], STANDARD.encode(bytes), "length {n}");
        }
    }

    #[test]
    fn missing_file_names_the_field() {
        let err = build(
            &OP,
            &Map::new(),
            &[(
                "ImageData",
                Media::File(std::path::Path::new("/nonexistent/x.jpg")),
            )],
        )
        .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(err.message().contains("media"), "{}", err.message());
    }

    #[test]
    fn numbered_frames_pairs_and_polygon_text() {
        let media = [
            ("image2Content", Media::Bytes(b"second")),
            ("image1Content", Media::Bytes(b"first")),
            ("pairs", Media::Bytes(b"a")),
            ("pairs", Media::Bytes(b"b")),
        ];
        let mut params = Map::new();
        params.insert(
            "area".into(),
            serde_json::json!([[0, 0], [10, 0], [10, 10], [0, 10]]),
        );
        let v = parse(&build(&OP, &params, &media).unwrap());
        assert_eq!(v["image1Content"], STANDARD.encode("first"));
        assert_eq!(v["image2Content"], STANDARD.encode("second"));
        let uri = |b: &str| format!("{DATA_URI_PREFIX}{}", STANDARD.encode(b));
        assert_eq!(v["pairs"], serde_json::json!([[uri("a"), uri("b")]]));
        assert_eq!(v["area"], "0,0,10,0,10,10,0,10");
    }
}
