//! The JSON request body, with media base64-encoded exactly once, straight into it.
//!
//! Memory contract: the body `Vec` is allocated once at its final size (computed from
//! the params' JSON and the media sizes), and files are streamed into it in chunks, so
//! peak memory is the body plus a constant, never a second copy of the media.

use crate::catalog::{FieldKind, Location, Operation};
use crate::error::{Error, Result};
use crate::media::{Media, MediaInputs};
use base64::engine::general_purpose::STANDARD;
use base64::write::EncoderWriter;
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{self, Write};

/// Prefix of a data-URI item in a `UrlOrDataUriList` field (manual 003).
pub const DATA_URI_PREFIX: &str = "data:application/octet-stream;base64,";

/// Build the JSON body of `op` from the body-located `params` (defaults filled in)
/// and `media`. Query and path params are ignored here. Inputs are assumed validated.
pub fn build(op: &Operation, params: &Map<String, Value>, media: &MediaInputs) -> Result<Vec<u8>> {
    let mut members: Vec<(&str, Member<'_>)> = Vec::new();
    for field in op.fields.iter().filter(|f| f.location == Location::Body) {
        let items: Vec<Media<'_>> = media
            .iter()
            .filter(|(n, _)| *n == field.name)
            .map(|(_, m)| *m)
            .collect();
        if let Some(value) = params.get(field.name) {
            if !items.is_empty() && field.kind != FieldKind::UrlOrDataUriList {
                return Err(Error::invalid_input(
                    field.name,
                    "given both as a parameter and as media",
                ));
            }
            members.push((field.name, Member::Json(value.clone(), items)));
        } else if !items.is_empty() {
            members.push((field.name, Member::Media(field.kind, items)));
        } else if let Some(default) = field.default {
            let value = serde_json::from_str(default).map_err(|e| {
                Error::internal(format!(
                    "catalog default of {} is not JSON: {e}",
                    field.name
                ))
            })?;
            members.push((field.name, Member::Json(value, Vec::new())));
        }
    }
    // Parameters the catalog does not know are refused by validation; keep any the
    // caller still passes (e.g. `decrypted` handled by the envelope) out of the body.

    let mut capacity = 2usize;
    let mut rendered: Vec<(String, Option<Vec<u8>>)> = Vec::with_capacity(members.len());
    for (name, member) in &members {
        let key = serde_json::to_string(name).map_err(|e| Error::internal(e.to_string()))?;
        capacity += key.len() + 2;
        match member {
            Member::Json(value, extra) if extra.is_empty() => {
                let text = serde_json::to_vec(value).map_err(|e| Error::internal(e.to_string()))?;
                capacity += text.len();
                rendered.push((key, Some(text)));
            }
            Member::Json(value, extra) => {
                // A URL list plus media items: URLs first, then data URIs.
                let urls = serde_json::to_vec(value).map_err(|e| Error::internal(e.to_string()))?;
                capacity += urls.len() + media_capacity(FieldKind::UrlOrDataUriList, extra)?;
                rendered.push((key, None));
            }
            Member::Media(kind, items) => {
                capacity += media_capacity(*kind, items)?;
                rendered.push((key, None));
            }
        }
    }

    let mut body = Vec::with_capacity(capacity);
    body.push(b'{');
    for (i, ((_, member), (key, text))) in members.iter().zip(&rendered).enumerate() {
        if i > 0 {
            body.push(b',');
        }
        match (member, text) {
            (Member::Json(..), Some(text)) => {
                body.extend_from_slice(key.as_bytes());
                body.push(b':');
                body.extend_from_slice(text);
            }
            (Member::Json(Value::Array(urls), extra), None) => {
                body.extend_from_slice(key.as_bytes());
                body.extend_from_slice(b":[");
                for (j, url) in urls.iter().enumerate() {
                    if j > 0 {
                        body.push(b',');
                    }
                    serde_json::to_writer(&mut body, url)
                        .map_err(|e| Error::internal(e.to_string()))?;
                }
                for (j, item) in extra.iter().enumerate() {
                    if j > 0 || !urls.is_empty() {
                        body.push(b',');
                    }
                    write_media_string(&mut body, DATA_URI_PREFIX, item, key)?;
                }
                body.push(b']');
            }
            (Member::Json(..), None) => {
                return Err(Error::invalid_input(
                    key.trim_matches('"'),
                    "must be a list of URLs when media is also given",
                ))
            }
            (Member::Media(kind, items), _) => write_media_member(&mut body, key, *kind, items)?,
        }
    }
    body.push(b'}');
    Ok(body)
}

enum Member<'a> {
    /// A JSON value from params (plus media appended for data-URI lists).
    Json(Value, Vec<Media<'a>>),
    /// Media items of a media field.
    Media(FieldKind, Vec<Media<'a>>),
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

/// Append `"{prefix}{base64(item)}"`, streaming files in chunks.
fn write_media_string(body: &mut Vec<u8>, prefix: &str, item: &Media<'_>, key: &str) -> Result<()> {
    body.push(b'"');
    body.extend_from_slice(prefix.as_bytes());
    {
        let mut encoder = EncoderWriter::new(&mut *body, &STANDARD);
        let copied = match item {
            Media::Bytes(bytes) => encoder.write_all(bytes).map(|_| ()),
            Media::File(path) => {
                File::open(path).and_then(|mut f| io::copy(&mut f, &mut encoder).map(|_| ()))
            }
        };
        copied.map_err(|e| {
            Error::invalid_input(
                key.trim_matches('"'),
                format!("media could not be read: {e}"),
            )
        })?;
        encoder
            .finish()
            .map_err(|e| Error::internal(format!("base64 encoder: {e}")))?;
    }
    body.push(b'"');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Field, Limits, Method, Operation, QpsGroup};
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
        let mut params = Map::new();
        params.insert(
            "data".into(),
            serde_json::json!(["https://e.example/a.jpg"]),
        );
        let v = parse(&build(&OP, &params, &media).unwrap());
        assert_eq!(
            v["images"],
            serde_json::json!([STANDARD.encode("a"), STANDARD.encode("bc")])
        );
        assert_eq!(v["image1Content"], STANDARD.encode("f1"));
        assert_eq!(v["image2Content"], STANDARD.encode("f2"));
        assert_eq!(
            v["data"],
            serde_json::json!([
                "https://e.example/a.jpg",
                format!("{DATA_URI_PREFIX}{}", STANDARD.encode("xyz"))
            ])
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
    fn both_param_and_media_is_refused() {
        let mut params = Map::new();
        params.insert("ImageData".into(), Value::from("abc"));
        let err = build(&OP, &params, &[("ImageData", Media::Bytes(b"x"))]).unwrap_err();
        assert!(err.message().starts_with("ImageData"), "{}", err.message());
    }
}
