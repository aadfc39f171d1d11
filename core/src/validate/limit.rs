//! Comparing one measured quantity with its documented limit, and the wording of
//! the error: field, the limit, the documented range and the actual value.

use crate::catalog::Limits;
use crate::error::{Error, Result};

/// Relative slack for frame-rate comparisons (float division of exact integers).
const FPS_EPSILON: f64 = 1e-9;

/// `n` bytes in the largest unit that divides it exactly: `40 KB`, `5 MB`, `1500 bytes`.
fn human_bytes(n: u64) -> (String, &'static str) {
    if n >= 1 << 20 && n % (1 << 20) == 0 {
        ((n >> 20).to_string(), "MB")
    } else if n >= 1 << 10 && n % (1 << 10) == 0 {
        ((n >> 10).to_string(), "KB")
    } else {
        (n.to_string(), "bytes")
    }
}

/// `(10–40 KB)`, `(max 5 MB)`, `(min 1 KB)`.
fn byte_range(min: Option<u64>, max: Option<u64>) -> String {
    match (min.map(human_bytes), max.map(human_bytes)) {
        (Some((a, ua)), Some((b, ub))) if ua == ub => format!("({a}–{b} {ub})"),
        (Some((a, ua)), Some((b, ub))) => format!("({a} {ua}–{b} {ub})"),
        (Some((a, ua)), None) => format!("(min {a} {ua})"),
        (None, Some((b, ub))) => format!("(max {b} {ub})"),
        (None, None) => String::new(),
    }
}

/// A plain-number range such as `(3–35)`, `(max 64)`.
fn range<T: std::fmt::Display>(min: Option<T>, max: Option<T>, unit: &str) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("({a}–{b}{unit})"),
        (Some(a), None) => format!("(min {a}{unit})"),
        (None, Some(b)) => format!("(max {b}{unit})"),
        (None, None) => String::new(),
    }
}

/// Raw size `n` against `min_bytes`/`max_bytes`, and its base64 length
/// (`4·⌈n/3⌉`) against `max_encoded_bytes`.
pub(crate) fn size(field: &str, n: u64, l: &Limits) -> Result<()> {
    let r = byte_range(l.min_bytes, l.max_bytes);
    if let Some(max) = l.max_bytes.filter(|&m| n > m) {
        return Err(Error::invalid_input(
            field,
            format!("size {n} bytes exceeds the {max}-byte limit {r}"),
        ));
    }
    if let Some(min) = l.min_bytes.filter(|&m| n < m) {
        return Err(Error::invalid_input(
            field,
            format!("size {n} bytes is below the {min}-byte minimum {r}"),
        ));
    }
    if let Some(max) = l.max_encoded_bytes {
        encoded(field, encoded_len(n), max)?;
    }
    Ok(())
}

/// Base64 text length of `n` raw bytes (standard, padded).
pub fn encoded_len(n: u64) -> u64 {
    n.div_ceil(3).saturating_mul(4)
}

/// A base64 text of `len` characters against the `max` encoded-size limit.
pub(crate) fn encoded(field: &str, len: u64, max: u64) -> Result<()> {
    if len > max {
        return Err(Error::invalid_input(
            field,
            format!(
                "base64 size {len} bytes exceeds the {max}-byte limit on encoded size {}",
                byte_range(None, Some(max))
            ),
        ));
    }
    Ok(())
}

/// Sum of raw item sizes against `max_total_bytes`.
pub(crate) fn total(field: &str, n: u64, l: &Limits) -> Result<()> {
    match l.max_total_bytes {
        Some(max) if n > max => Err(Error::invalid_input(
            field,
            format!(
                "total size {n} bytes of all items exceeds the {max}-byte limit {}",
                byte_range(None, Some(max))
            ),
        )),
        _ => Ok(()),
    }
}

/// A count of `what` (items, frames, points) against `min_count`/`max_count`.
pub(crate) fn count(field: &str, what: &str, n: u64, l: &Limits) -> Result<()> {
    let r = range(l.min_count, l.max_count, "");
    if let Some(max) = l.max_count.filter(|&m| n > u64::from(m)) {
        return Err(Error::invalid_input(
            field,
            format!("{n} {what} exceed the maximum of {max} {r}"),
        ));
    }
    if let Some(min) = l.min_count.filter(|&m| n < u64::from(m)) {
        return Err(Error::invalid_input(
            field,
            format!("{n} {what} are fewer than the minimum of {min} {r}"),
        ));
    }
    Ok(())
}

/// Image `width`×`height` against the width, height and side limits.
pub(crate) fn dimensions(field: &str, (w, h): (u32, u32), l: &Limits) -> Result<()> {
    let checks: [(&str, u32, Option<u32>, bool); 6] = [
        ("width", w, l.min_width, false),
        ("width", w, l.max_width, true),
        ("height", h, l.min_height, false),
        ("height", h, l.max_height, true),
        ("shortest side", w.min(h), l.min_side, false),
        ("longest side", w.max(h), l.max_side, true),
    ];
    for (what, actual, limit, is_max) in checks {
        let Some(limit) = limit else { continue };
        if (is_max && actual > limit) || (!is_max && actual < limit) {
            let (verb, kind) = if is_max {
                ("exceeds", "maximum")
            } else {
                ("is below", "minimum")
            };
            return Err(Error::invalid_input(
                field,
                format!("{what} {actual} px {verb} the {kind} of {limit} px (image is {w}x{h})"),
            ));
        }
    }
    Ok(())
}

/// Video duration in ms against `min_duration_ms`/`max_duration_ms`.
pub(crate) fn duration(field: &str, ms: u64, l: &Limits) -> Result<()> {
    let secs = |v: u32| format!("{}", f64::from(v) / 1000.0);
    let r = range(
        l.min_duration_ms.map(secs),
        l.max_duration_ms.map(secs),
        " s",
    );
    if let Some(max) = l.max_duration_ms.filter(|&m| ms > u64::from(m)) {
        return Err(Error::invalid_input(
            field,
            format!("duration {ms} ms exceeds the {max} ms limit {r}"),
        ));
    }
    if let Some(min) = l.min_duration_ms.filter(|&m| ms < u64::from(m)) {
        return Err(Error::invalid_input(
            field,
            format!("duration {ms} ms is below the {min} ms minimum {r}"),
        ));
    }
    Ok(())
}

/// Video frame rate against `min_fps`/`max_fps`.
pub(crate) fn fps(field: &str, fps: f64, l: &Limits) -> Result<()> {
    let r = range(l.min_fps, l.max_fps, " fps");
    if let Some(max) = l.max_fps.filter(|&m| fps > m * (1.0 + FPS_EPSILON)) {
        return Err(Error::invalid_input(
            field,
            format!("frame rate {fps:.3} fps exceeds the maximum of {max} fps {r}"),
        ));
    }
    if let Some(min) = l.min_fps.filter(|&m| fps < m * (1.0 - FPS_EPSILON)) {
        return Err(Error::invalid_input(
            field,
            format!("frame rate {fps:.3} fps is below the minimum of {min} fps {r}"),
        ));
    }
    Ok(())
}

/// A number against `min_value`/`max_value` (inclusive).
pub(crate) fn value(field: &str, v: f64, l: &Limits) -> Result<()> {
    let r = range(l.min_value, l.max_value, "");
    if let Some(max) = l.max_value.filter(|&m| v > m) {
        return Err(Error::invalid_input(
            field,
            format!("value {v} exceeds the maximum of {max} {r}"),
        ));
    }
    if let Some(min) = l.min_value.filter(|&m| v < m) {
        return Err(Error::invalid_input(
            field,
            format!("value {v} is below the minimum of {min} {r}"),
        ));
    }
    Ok(())
}

/// A text length in characters against `min_len`/`max_len`.
pub(crate) fn text_len(field: &str, chars: u64, l: &Limits) -> Result<()> {
    let r = range(l.min_len, l.max_len, " characters");
    if let Some(max) = l.max_len.filter(|&m| chars > u64::from(m)) {
        return Err(Error::invalid_input(
            field,
            format!("length {chars} characters exceeds the maximum of {max} {r}"),
        ));
    }
    if let Some(min) = l.min_len.filter(|&m| chars < u64::from(m)) {
        return Err(Error::invalid_input(
            field,
            format!("length {chars} characters is below the minimum of {min} {r}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_ranges_read_naturally() {
        assert_eq!(byte_range(Some(10 << 10), Some(40 << 10)), "(10–40 KB)");
        assert_eq!(byte_range(None, Some(5 << 20)), "(max 5 MB)");
        assert_eq!(byte_range(Some(1500), Some(2 << 20)), "(1500 bytes–2 MB)");
    }

    #[test]
    fn encoded_length_is_padded_base64() {
        assert_eq!(encoded_len(0), 0);
        assert_eq!(encoded_len(1), 4);
        assert_eq!(encoded_len(3), 4);
        assert_eq!(encoded_len(4), 8);
    }
}
