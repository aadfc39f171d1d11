//! URL fields and lists of URLs or `data:application/octet-stream;base64,` URIs
//! (manual 003's batch `data`).

use super::{item, limit};
use crate::catalog::Limits;
use crate::error::{Error, Result};
use crate::media::Media;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use serde_json::Value;

/// The only data-URI prefix the 2019 face API documents.
pub const DATA_URI_PREFIX: &str = "data:application/octet-stream;base64,";

const LENIENT: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
/// Manual 003 asks for URL-safe base64; standard base64 is accepted too.
const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, LENIENT);
const STANDARD: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, LENIENT);

/// An absolute `http://` or `https://` URL with a host and no whitespace.
/// Hand-written: only the scheme/host shape matters before sending, and the URL is
/// never echoed (it may carry signed query tokens).
pub fn check_url(field: &str, s: &str) -> Result<()> {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return Err(Error::invalid_input(
            field,
            "URL scheme must be http:// or https://",
        ));
    };
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::invalid_input(
            field,
            "URL must not contain whitespace",
        ));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(Error::invalid_input(field, "URL has no host"));
    }
    Ok(())
}

/// Checks a JSON array of URLs / data URIs: item count, each URL's shape, each data
/// URI's prefix, base64 text (against `max_encoded_bytes`) and decoded content
/// (size, format, dimensions, as for media), and the decoded total.
/// A list of `[a, b]` pairs of URLs or data URIs (manual 003 compare). Count
/// limits count pairs; every item is checked as in [`check_list`].
pub(crate) fn check_pairs(field: &str, v: &Value, limits: &Limits) -> Result<()> {
    let pairs = v.as_array().ok_or_else(|| {
        Error::invalid_input(
            field,
            format!(
                "expected an array of [a, b] pairs, got {}",
                super::value::type_name(v)
            ),
        )
    })?;
    limit::count(field, "pairs", pairs.len() as u64, limits)?;
    let item_limits = Limits {
        min_count: None,
        max_count: None,
        ..*limits
    };
    for (i, pair) in pairs.iter().enumerate() {
        let name = format!("{field}[{i}]");
        match pair.as_array() {
            Some(items) if items.len() == 2 => check_list(&name, pair, &item_limits)?,
            _ => {
                return Err(Error::invalid_input(
                    &name,
                    "must be a pair [a, b] of two URLs or data URIs",
                ))
            }
        }
    }
    Ok(())
}

pub(crate) fn check_list(field: &str, v: &Value, limits: &Limits) -> Result<()> {
    let items = v.as_array().ok_or_else(|| {
        Error::invalid_input(
            field,
            format!(
                "expected an array of URLs or data URIs, got {}",
                super::value::type_name(v)
            ),
        )
    })?;
    limit::count(field, "items", items.len() as u64, limits)?;
    let mut total = 0u64;
    for (i, item) in items.iter().enumerate() {
        let name = format!("{field}[{i}]");
        let s = item.as_str().ok_or_else(|| {
            Error::invalid_input(
                &name,
                format!(
                    "expected a URL or data URI string, got {}",
                    super::value::type_name(item)
                ),
            )
        })?;
        if s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("data:")) {
            let payload = s
                .get(..DATA_URI_PREFIX.len())
                .filter(|p| p.eq_ignore_ascii_case(DATA_URI_PREFIX))
                .map(|_| &s[DATA_URI_PREFIX.len()..])
                .ok_or_else(|| {
                    Error::invalid_input(
                        &name,
                        format!("data URI must start with {DATA_URI_PREFIX}"),
                    )
                })?;
            // The manual's own example has a space after the comma.
            let b64 = payload.trim();
            if let Some(max) = limits.max_encoded_bytes {
                limit::encoded(&name, b64.len() as u64, max)?;
            }
            let bytes = URL_SAFE
                .decode(b64)
                .or_else(|_| STANDARD.decode(b64))
                .map_err(|_| Error::invalid_input(&name, "data URI payload is not valid base64"))?;
            let info = item::check(
                &name,
                Media::Bytes(&bytes),
                limits,
                item::Want::Image { dims: false },
            )?;
            total += info.bytes;
        } else {
            limit::text_len(
                &name,
                s.chars().count() as u64,
                &Limits {
                    max_len: limits.max_len,
                    ..Limits::NONE
                },
            )?;
            check_url(&name, s)?;
        }
    }
    limit::total(field, total, limits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_shapes() {
        assert!(check_url("url", "https://example.org/a.png").is_ok());
        assert!(check_url("url", "HTTP://example.org").is_ok());
        assert!(check_url("url", "ftp://example.org/a.png").is_err());
        assert!(check_url("url", "https:///a.png").is_err());
        assert!(check_url("url", "https://exa mple.org/").is_err());
        assert!(check_url("url", "https://").is_err());
    }
}
