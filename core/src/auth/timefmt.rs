//! Compact `yyyyMMddTHHmmssZ` timestamps in a fixed UTC offset, whatever the host zone.

use std::time::SystemTime;
use time::{macros::format_description, OffsetDateTime, UtcOffset};

/// Beijing time, the zone of CTyun's `eop-date`.
pub const BEIJING_OFFSET_SECONDS: i32 = 8 * 3600;

/// Format `t` shifted to `offset_seconds` east of UTC as `yyyyMMddTHHmmssZ`.
/// The trailing `Z` is literal format, not a zone claim (the EOP gateway expects it).
pub fn compact(t: SystemTime, offset_seconds: i32) -> String {
    let offset = UtcOffset::from_whole_seconds(offset_seconds).unwrap_or(UtcOffset::UTC);
    let dt = OffsetDateTime::from(t).to_offset(offset);
    let fmt = format_description!("[year][month][day]T[hour][minute][second]Z");
    // Formatting a valid date with a static description cannot fail for years 0..=9999.
    dt.format(&fmt).unwrap_or_default()
}

/// Parse a compact timestamp written in `offset_seconds` back to an instant.
pub fn parse_compact(s: &str, offset_seconds: i32) -> Option<SystemTime> {
    let fmt = format_description!("[year][month][day]T[hour][minute][second]Z");
    let dt = time::PrimitiveDateTime::parse(s, &fmt).ok()?;
    let offset = UtcOffset::from_whole_seconds(offset_seconds).ok()?;
    Some(dt.assume_offset(offset).into())
}

/// Whether `t` lies within `window` of `now`, either side (clock skew check).
pub fn within(now: SystemTime, t: SystemTime, window: std::time::Duration) -> bool {
    let skew = match now.duration_since(t) {
        Ok(d) => d,
        Err(e) => e.duration(),
    };
    skew <= window
}

/// Milliseconds since the Unix epoch (13 digits for current dates).
pub fn unix_millis(t: SystemTime) -> u128 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn beijing_and_utc() {
        // 2021-01-01T00:00:00Z
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_609_459_200);
        assert_eq!(compact(t, 0), "20210101T000000Z");
        assert_eq!(compact(t, BEIJING_OFFSET_SECONDS), "20210101T080000Z");
        assert_eq!(
            parse_compact("20210101T080000Z", BEIJING_OFFSET_SECONDS),
            Some(t)
        );
        assert_eq!(unix_millis(t), 1_609_459_200_000);
    }
}
