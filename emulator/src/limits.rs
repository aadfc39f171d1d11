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
    cnvision::validate::check(op, &decoded.params, media)
}

/// Maps a validation message to the failure category whose documented code answers it.
pub fn classify(message: &str) -> Rejection {
    let field = message.split(':').next().unwrap_or("").trim().to_string();
    let m = message.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| m.contains(w));
    // Polygon messages first: "outside" would otherwise read as a dimension ("side").
    if has(&["point", "polygon"]) {
        if has(&["outside", "negative"]) {
            Rejection::PolygonBounds(field)
        } else {
            Rejection::PolygonShape(field)
        }
    } else if has(&["duration", "seconds"]) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polygon_messages_are_not_read_as_dimensions() {
        assert_eq!(
            classify("area: point 0 (5000, 0) lies outside image (640x480 pixels)"),
            Rejection::PolygonBounds("area".into())
        );
        assert_eq!(
            classify("area: point 1 (-1, 0) has a negative coordinate"),
            Rejection::PolygonBounds("area".into())
        );
        assert_eq!(
            classify("area: 3 points are fewer than the minimum of 4 (4–9)"),
            Rejection::PolygonShape("area".into())
        );
        assert_eq!(
            classify("ImageData: shortest side 20 px is below 32"),
            Rejection::Dimensions("ImageData".into())
        );
    }
}
