//! Local validation of every documented limit before a request is sent (the
//! providers bill failed calls). Each failure is an `InvalidInput` error whose
//! message names the field (wire name; `images[3]` for list items,
//! `image4Content` for sequence items), the limit and the actual value.
//!
//! One concept per file: [`format`] (magic bytes), [`image`] (dimensions),
//! [`video`] (container, duration, fps), [`idnum`] (GB 11643), [`polygon`],
//! [`uri`] (URLs and data URIs); `item`, `value` and `limit` hold the per-item,
//! per-parameter and per-limit checks that [`check`] combines.

pub mod format;
pub mod idnum;
pub mod image;
mod item;
mod limit;
pub mod polygon;
pub mod uri;
mod value;
pub mod video;

pub use format::sniff;
pub use limit::encoded_len;
pub use video::VideoInfo;

use crate::catalog::{Field, FieldKind, Operation};
use crate::error::{Error, Result};
use crate::media::{Media, MediaInputs};
use serde_json::{Map, Value};

/// Checks the inputs of one call of `op` against the catalog: no unknown fields,
/// required fields and `one_of` groups present, every parameter of the right JSON
/// type and within its documented limits, every media item of an accepted format
/// (by magic bytes), size, dimensions and (video) duration/frame rate, counts and
/// totals of lists, polygons inside the images. Reads files only as far as their
/// headers. Fields with a catalog default need not be given. Polygon bounds are
/// checked against every image given as media (images given by URL cannot be
/// measured locally); video duration/fps only when the field has such limits.
///
/// Media entries use the field's wire name (one entry per list item, in order);
/// a sequence field also accepts its numbered names (`image1Content`, …) if they
/// run 1..=N. Media fields must not appear in `params`, nor parameters in `media`.
pub fn check(op: &Operation, params: &Map<String, Value>, media: &MediaInputs<'_>) -> Result<()> {
    let groups = group_media(op, media)?;
    reject_unknown_params(op, params)?;
    check_presence(op, params, &groups)?;

    let polygon_given = op.fields.iter().any(|f| {
        matches!(f.kind, FieldKind::Polygon | FieldKind::PolygonText) && params.contains_key(f.name)
    });
    let mut image_dims: Vec<(String, (u32, u32))> = Vec::new();
    for (field, items) in &groups {
        let l = &field.limits;
        let (want, listed) = match field.kind {
            FieldKind::Video => (item::Want::Video, false),
            FieldKind::Image => (
                item::Want::Image {
                    dims: polygon_given,
                },
                false,
            ),
            _ => (
                item::Want::Image {
                    dims: polygon_given,
                },
                true,
            ),
        };
        if params.contains_key(field.name) {
            return Err(Error::invalid_input(
                field.name,
                "give items either as a parameter or as media, not both",
            ));
        }
        if field.kind == FieldKind::UrlOrDataUriPairs {
            if items.len() % 2 != 0 {
                return Err(Error::invalid_input(
                    field.name,
                    format!("media items form pairs; got an odd count {}", items.len()),
                ));
            }
            limit::count(field.name, "pairs", items.len() as u64 / 2, l)?;
        } else if listed {
            let what = if matches!(field.kind, FieldKind::ImageSequence { .. }) {
                "frames"
            } else {
                "items"
            };
            limit::count(field.name, what, items.len() as u64, l)?;
        }
        let mut total = 0u64;
        for (name, m) in items {
            let info = item::check(name, *m, l, want)?;
            total = total.saturating_add(info.bytes);
            if let Some(d) = info.dims {
                image_dims.push((name.clone(), d));
            }
        }
        limit::total(field.name, total, l)?;
    }

    for field in op.fields {
        let Some(v) = params.get(field.name) else {
            continue;
        };
        match field.kind {
            FieldKind::Polygon | FieldKind::PolygonText => {
                let points = polygon::parse(field.name, v)?;
                polygon::check(field.name, &points, &field.limits, &image_dims)?;
            }
            FieldKind::UrlOrDataUriList => uri::check_list(field.name, v, &field.limits)?,
            FieldKind::UrlOrDataUriPairs => uri::check_pairs(field.name, v, &field.limits)?,
            _ => value::check(field, v)?,
        }
    }
    Ok(())
}

fn is_media(kind: &FieldKind) -> bool {
    matches!(
        kind,
        FieldKind::Image
            | FieldKind::ImageList
            | FieldKind::ImageSequence { .. }
            | FieldKind::Video
    )
}

/// Kinds that take media items: the media kinds, and the URL/data-URI lists of
/// manual 003, whose media items become data URIs.
fn accepts_media(kind: &FieldKind) -> bool {
    is_media(kind)
        || matches!(
            kind,
            FieldKind::UrlOrDataUriList | FieldKind::UrlOrDataUriPairs
        )
}

/// Media items per field, in catalog order and item order (numbered sequence names
/// resolved). This is the order the body builder writes them in.
pub(crate) fn media_items<'a>(
    op: &Operation,
    media: &MediaInputs<'a>,
) -> Result<Vec<(&'static Field, Vec<Media<'a>>)>> {
    Ok(group_media(op, media)?
        .into_iter()
        .map(|(f, items)| (f, items.into_iter().map(|(_, m)| m).collect()))
        .collect())
}

fn field_names(op: &Operation, media: bool) -> String {
    let names: Vec<&str> = op
        .fields
        .iter()
        .filter(|f| {
            if media {
                accepts_media(&f.kind)
            } else {
                !is_media(&f.kind)
            }
        })
        .map(|f| f.name)
        .collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// The 1-based number `n` if `name` is `{prefix}{n}{suffix}`.
fn sequence_number(name: &str, prefix: &str, suffix: &str) -> Option<usize> {
    let digits = name.strip_prefix(prefix)?.strip_suffix(suffix)?;
    if digits.is_empty() || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

type Items<'a> = Vec<(String, Media<'a>)>;

/// Media entries of one field: by wire name, and by sequence number.
struct Slot<'a> {
    field: &'static Field,
    plain: Vec<Media<'a>>,
    numbered: Vec<(usize, Media<'a>)>,
}

/// Media entries per field, in catalog order, each item with its display name.
fn group_media<'a>(
    op: &Operation,
    media: &MediaInputs<'a>,
) -> Result<Vec<(&'static Field, Items<'a>)>> {
    let mut by_field: Vec<Slot<'a>> = op
        .fields
        .iter()
        .filter(|f| accepts_media(&f.kind))
        .map(|f| Slot {
            field: f,
            plain: Vec::new(),
            numbered: Vec::new(),
        })
        .collect();
    for (name, m) in media {
        if let Some(slot) = by_field.iter_mut().find(|s| s.field.name == *name) {
            slot.plain.push(*m);
            continue;
        }
        let numbered = by_field.iter_mut().find_map(|s| match s.field.kind {
            FieldKind::ImageSequence { prefix, suffix } => {
                sequence_number(name, prefix, suffix).map(|n| (s, n))
            }
            _ => None,
        });
        if let Some((slot, n)) = numbered {
            slot.numbered.push((n, *m));
            continue;
        }
        let why = if op.field(name).is_some() {
            format!("is not a media field of {}; pass it as a parameter", op.id)
        } else {
            format!(
                "unknown media field for {} (media fields: {})",
                op.id,
                field_names(op, true)
            )
        };
        return Err(Error::invalid_input(name, why));
    }
    let mut out = Vec::new();
    for Slot {
        field,
        plain,
        mut numbered,
    } in by_field
    {
        let items: Items<'a> = match field.kind {
            FieldKind::Image | FieldKind::Video => {
                if plain.len() > 1 {
                    return Err(Error::invalid_input(
                        field.name,
                        format!("takes one item, got {}", plain.len()),
                    ));
                }
                plain
                    .into_iter()
                    .map(|m| (field.name.to_string(), m))
                    .collect()
            }
            FieldKind::ImageSequence { prefix, suffix } => {
                if !plain.is_empty() && !numbered.is_empty() {
                    return Err(Error::invalid_input(
                        field.name,
                        format!(
                            "give frames either as {} or as {prefix}N{suffix}, not both",
                            field.name
                        ),
                    ));
                }
                numbered.sort_by_key(|(n, _)| *n);
                for (i, (n, _)) in numbered.iter().enumerate() {
                    if *n != i + 1 {
                        return Err(Error::invalid_input(
                            &format!("{prefix}{n}{suffix}"),
                            format!(
                                "frames must be numbered 1..={} without gaps or repeats",
                                numbered.len()
                            ),
                        ));
                    }
                }
                let frames = if numbered.is_empty() {
                    plain
                } else {
                    numbered.into_iter().map(|(_, m)| m).collect()
                };
                frames
                    .into_iter()
                    .enumerate()
                    .map(|(i, m)| (format!("{prefix}{}{suffix}", i + 1), m))
                    .collect()
            }
            _ => plain
                .into_iter()
                .enumerate()
                .map(|(i, m)| (format!("{}[{i}]", field.name), m))
                .collect(),
        };
        if !items.is_empty() {
            out.push((field, items));
        }
    }
    Ok(out)
}

fn reject_unknown_params(op: &Operation, params: &Map<String, Value>) -> Result<()> {
    let unknown: Vec<&str> = params
        .keys()
        .map(String::as_str)
        .filter(|k| op.field(k).is_none())
        .collect();
    if !unknown.is_empty() {
        return Err(Error::invalid_input(
            &unknown.join(", "),
            format!(
                "unknown field{} for {} (parameters: {})",
                if unknown.len() > 1 { "s" } else { "" },
                op.id,
                field_names(op, false)
            ),
        ));
    }
    if let Some(f) = op
        .fields
        .iter()
        .find(|f| is_media(&f.kind) && params.contains_key(f.name))
    {
        return Err(Error::invalid_input(
            f.name,
            "is a media field; pass it as media (bytes or a file), not as a parameter",
        ));
    }
    Ok(())
}

fn check_presence(
    op: &Operation,
    params: &Map<String, Value>,
    groups: &[(&'static Field, Items<'_>)],
) -> Result<()> {
    let given =
        |name: &str| params.contains_key(name) || groups.iter().any(|(f, _)| f.name == name);
    let missing: Vec<&str> = op
        .fields
        .iter()
        .filter(|f| f.required && f.default.is_none() && !given(f.name))
        .map(|f| f.name)
        .collect();
    if !missing.is_empty() {
        return Err(Error::invalid_input(
            &missing.join(", "),
            format!("required by {} but not given", op.id),
        ));
    }
    for group in op.one_of {
        let present: Vec<&str> = group.iter().copied().filter(|n| given(n)).collect();
        if present.len() != 1 {
            let got = if present.is_empty() {
                "none".to_string()
            } else {
                present.join(" and ")
            };
            return Err(Error::invalid_input(
                &group.join(" | "),
                format!("exactly one of these must be given, got {got}"),
            ));
        }
    }
    Ok(())
}
