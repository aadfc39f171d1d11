//! Polygons (e.g. the electronic-fence `area` of manual 001): parsing, point
//! count, non-degeneracy and bounds against the images of the same request.

use crate::catalog::Limits;
use crate::error::{Error, Result};
use serde_json::Value;

/// A vertex in whole image pixels, origin top-left.
pub type Point = (i64, i64);

/// Parses either wire form: a JSON array of `[x, y]` pairs, or the string
/// `"x1,y1,x2,y2,…"` that manual 001 sends. Coordinates are whole pixels.
pub fn parse(field: &str, value: &Value) -> Result<Vec<Point>> {
    let bad = |why: String| Error::invalid_input(field, why);
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item.as_array().map(Vec::as_slice) {
                Some([x, y]) => match (coord(x), coord(y)) {
                    (Some(x), Some(y)) => Ok((x, y)),
                    _ => Err(bad(format!("point {i} must hold two whole-pixel numbers"))),
                },
                _ => Err(bad(format!("point {i} must be an [x, y] pair"))),
            })
            .collect(),
        Value::String(s) => {
            let nums: Vec<&str> = s.split(',').map(str::trim).collect();
            if nums.len() % 2 != 0 {
                return Err(bad(format!(
                    "\"x1,y1,x2,y2,…\" needs an even count of numbers, got {}",
                    nums.len()
                )));
            }
            nums.chunks(2)
                .enumerate()
                .map(|(i, p)| match (p[0].parse::<i64>(), p[1].parse::<i64>()) {
                    (Ok(x), Ok(y)) => Ok((x, y)),
                    _ => Err(bad(format!("point {i} must hold two whole-pixel numbers"))),
                })
                .collect()
        }
        other => Err(bad(format!(
            "expected an array of [x, y] points or an \"x1,y1,x2,y2,…\" string, got {}",
            super::value::type_name(other)
        ))),
    }
}

fn coord(v: &Value) -> Option<i64> {
    if let Some(i) = v.as_i64() {
        return Some(i);
    }
    let f = v.as_f64()?;
    (f.fract() == 0.0 && f.abs() < 1e15).then_some(f as i64)
}

/// The string wire form `"x1,y1,x2,y2,…"`.
pub fn to_csv(points: &[Point]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Checks the point count against `limits.min_count`/`max_count`, that the polygon
/// encloses a non-zero area, and that every point lies within each image
/// (`0 ≤ x ≤ width`, `0 ≤ y ≤ height`). `images` are (name, (width, height)).
pub fn check(
    field: &str,
    points: &[Point],
    limits: &Limits,
    images: &[(String, (u32, u32))],
) -> Result<()> {
    let n = points.len() as u64;
    super::limit::count(field, "points", n, limits)?;
    if n < 3 || doubled_area(points) == 0 {
        return Err(Error::invalid_input(
            field,
            format!("polygon of {n} points is degenerate (encloses no area)"),
        ));
    }
    for (i, &(x, y)) in points.iter().enumerate() {
        if x < 0 || y < 0 {
            return Err(Error::invalid_input(
                field,
                format!("point {i} ({x}, {y}) has a negative coordinate"),
            ));
        }
        for (name, (w, h)) in images {
            if x > i64::from(*w) || y > i64::from(*h) {
                return Err(Error::invalid_input(
                    field,
                    format!("point {i} ({x}, {y}) lies outside {name} ({w}x{h} pixels)"),
                ));
            }
        }
    }
    Ok(())
}

/// Twice the signed area (shoelace formula), exact in i128.
fn doubled_area(points: &[Point]) -> i128 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (x1, y1) = points[i];
            let (x2, y2) = points[(i + 1) % n];
            i128::from(x1) * i128::from(y2) - i128::from(x2) * i128::from(y1)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_wire_forms_parse_alike() {
        let a = parse("area", &json!([[0, 0], [1920, 0], [1920, 1080], [0, 1080]])).unwrap();
        let s = parse("area", &json!("0,0,1920,0,1920,1080,0,1080")).unwrap();
        assert_eq!(a, s);
        assert_eq!(to_csv(&a), "0,0,1920,0,1920,1080,0,1080");
        assert!(parse("area", &json!("0,0,1")).is_err());
        assert!(parse("area", &json!([[0.5, 1]])).is_err());
        assert!(parse("area", &json!(3)).is_err());
    }

    #[test]
    fn collinear_points_are_degenerate() {
        let pts = [(0, 0), (5, 5), (10, 10), (2, 2)];
        let e = check("area", &pts, &Limits::NONE, &[]).unwrap_err();
        assert!(e.message().contains("degenerate"), "{}", e.message());
    }
}
