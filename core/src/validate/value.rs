//! Non-media parameters: JSON type per `FieldKind`, ranges, text lengths and
//! patterns, enum membership.

use super::{idnum, limit, uri};
use crate::catalog::{Field, FieldKind, TextPattern};
use crate::error::{Error, Result};
use serde_json::Value;

/// Longest echo of a caller's enum value in a message.
const ECHO_MAX: usize = 40;

/// JSON type name for messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn expected(field: &str, what: &str, v: &Value) -> Error {
    Error::invalid_input(field, format!("expected {what}, got {}", type_name(v)))
}

/// Checks one scalar parameter (every kind except media, polygons and URI lists,
/// which need more context).
pub(crate) fn check(field: &Field, v: &Value) -> Result<()> {
    let name = field.name;
    let l = &field.limits;
    match field.kind {
        FieldKind::Text => {
            let s = v.as_str().ok_or_else(|| expected(name, "a string", v))?;
            limit::text_len(name, s.chars().count() as u64, l)?;
            match l.pattern {
                Some(TextPattern::ChineseIdNumber) => idnum::check_field(name, s),
                Some(TextPattern::Digits)
                    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    Err(Error::invalid_input(
                        name,
                        "must consist of digits 0-9 only",
                    ))
                }
                _ => Ok(()),
            }
        }
        FieldKind::Integer => {
            let n = match v {
                Value::Number(n) if n.is_i64() => n.as_i64().map(|i| i as f64),
                Value::Number(n) if n.is_u64() => n.as_u64().map(|u| u as f64),
                _ => None,
            }
            .ok_or_else(|| expected(name, "an integer", v))?;
            limit::value(name, n, l)
        }
        FieldKind::Number => {
            let n = v
                .as_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| expected(name, "a number", v))?;
            limit::value(name, n, l)
        }
        FieldKind::Bool => v
            .as_bool()
            .map(|_| ())
            .ok_or_else(|| expected(name, "a boolean", v)),
        FieldKind::Enum(allowed) => {
            // The catalog lists members as text; a JSON number/bool matches its text form.
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Number(_) | Value::Bool(_) => v.to_string(),
                _ => return Err(expected(name, "one of the listed values", v)),
            };
            if allowed.contains(&text.as_str()) {
                Ok(())
            } else {
                let shown: String = text.chars().take(ECHO_MAX).collect();
                let list = allowed
                    .iter()
                    .map(|a| format!("\"{a}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                Err(Error::invalid_input(
                    name,
                    format!("\"{shown}\" is not one of {list}"),
                ))
            }
        }
        FieldKind::Url => {
            let s = v
                .as_str()
                .ok_or_else(|| expected(name, "a URL string", v))?;
            limit::text_len(name, s.chars().count() as u64, l)?;
            uri::check_url(name, s)
        }
        FieldKind::Image
        | FieldKind::ImageList
        | FieldKind::ImageSequence { .. }
        | FieldKind::Video
        | FieldKind::UrlOrDataUriList
        | FieldKind::UrlOrDataUriPairs
        | FieldKind::Polygon
        | FieldKind::PolygonText => Err(Error::internal(format!(
            "{name}: value::check called for a {:?} field",
            field.kind
        ))),
    }
}
