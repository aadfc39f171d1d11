//! Chinese resident identity numbers (GB 11643-1999): 17 digits and a check
//! character, with a plausible birth date in digits 7–14.
//!
//! Messages never repeat the number (it is personal data), only what is wrong.

use crate::error::{Error, Result};
use time::{Date, Month, OffsetDateTime};

/// Weights of the first 17 digits (GB 11643 §5, 2^(18-i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for `sum mod 11`.
const CHECK: [u8; 11] = *b"10X98765432";
/// Earliest birth year accepted as plausible.
const MIN_YEAR: i32 = 1900;

/// Accepts a valid 18-character ID number (upper-case `X` check character),
/// born between 1900-01-01 and today (UTC+8).
pub fn check(id: &str) -> Result<()> {
    check_field("idNum", id)
}

/// [`check`] with errors naming `field`.
pub fn check_field(field: &str, id: &str) -> Result<()> {
    let today = OffsetDateTime::now_utc()
        .to_offset(time::macros::offset!(+8))
        .date();
    problem(id, today).map_or(Ok(()), |p| Err(Error::invalid_input(field, p)))
}

/// What is wrong with `id` judged on `today`, or `None` when it is valid.
pub(crate) fn problem(id: &str, today: Date) -> Option<String> {
    let b = id.as_bytes();
    let chars = id.chars().count();
    if chars != 18 {
        return Some(format!(
            "ID number must be 18 characters (GB 11643), got {chars}"
        ));
    }
    if let Some(pos) = b[..17].iter().position(|c| !c.is_ascii_digit()) {
        return Some(format!(
            "ID number character {} must be a digit (the first 17 are digits)",
            pos + 1
        ));
    }
    let last = b[17];
    if last == b'x' {
        return Some("ID number check character must be upper-case 'X'".into());
    }
    if !(last.is_ascii_digit() || last == b'X') {
        return Some("ID number check character must be a digit or 'X'".into());
    }
    let sum: u32 = b[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    if CHECK[(sum % 11) as usize] != last {
        return Some("ID number check character does not match the GB 11643 checksum".into());
    }
    let num = |r: std::ops::Range<usize>| -> u32 {
        b[r].iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0'))
    };
    let (year, month, day) = (num(6..10) as i32, num(10..12), num(12..14));
    let birth = Month::try_from(month as u8)
        .ok()
        .and_then(|m| Date::from_calendar_date(year, m, day as u8).ok());
    match birth {
        None => Some(format!(
            "ID number birth date {year:04}-{month:02}-{day:02} is not a calendar date"
        )),
        Some(d) if year < MIN_YEAR || d > today => Some(format!(
            "ID number birth date {year:04}-{month:02}-{day:02} is outside {MIN_YEAR}-01-01 … today"
        )),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2025 - 06 - 01);

    #[test]
    fn standard_example_with_x_passes() {
        // The worked example of GB 11643-1999.
        assert_eq!(problem("11010519491231002X", TODAY), None);
    }

    #[test]
    fn birth_date_rules() {
        // Valid checksum, impossible date 1990-02-30 (check digit computed here).
        let id = with_check("11010519900230123");
        assert!(problem(&id, TODAY).unwrap().contains("not a calendar date"));
        // Future birth date.
        let id = with_check("11010520250602123");
        assert!(problem(&id, TODAY).unwrap().contains("outside"));
        let id = with_check("11010520250601123");
        assert_eq!(problem(&id, TODAY), None);
        let id = with_check("11010518991231123");
        assert!(problem(&id, TODAY).unwrap().contains("outside"));
        // Leap day.
        assert_eq!(problem(&with_check("11010520000229123"), TODAY), None);
        assert!(problem(&with_check("11010519000229123"), TODAY).is_some());
    }

    fn with_check(first17: &str) -> String {
        let sum: u32 = first17
            .bytes()
            .zip(WEIGHTS)
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        format!("{first17}{}", CHECK[(sum % 11) as usize] as char)
    }
}
