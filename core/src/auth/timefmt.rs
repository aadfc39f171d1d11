//! Compact `yyyyMMddTHHmmssZ` timestamps in a fixed UTC offset, whatever the host zone.

use std::time::SystemTime;
use time::{macros::format_description, OffsetDateTime, UtcOffset};

use crate::{Error, Result};

/// Beijing time, the zone of CTyun's `eop-date`.
pub const BEIJING_OFFSET_SECONDS: i32 = 8 * 3600;

/// `t` as a UTC date-time; `None` outside the `time` crate's range (years ±9999).
/// Checked because `OffsetDateTime::from(SystemTime)` panics there.
pub fn to_datetime(t: SystemTime) -> Option<OffsetDateTime> {
    let nanos = match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => i128::try_from(d.as_nanos()).ok()?,
        Err(e) => -i128::try_from(e.duration().as_nanos()).ok()?,
    };
    OffsetDateTime::from_unix_timestamp_nanos(nanos).ok()
}

/// `dt` as a `SystemTime`; `None` when the platform cannot represent it (e.g. before
/// 1601 on Windows). Checked because `SystemTime::from(OffsetDateTime)` panics there.
pub fn to_system_time(dt: OffsetDateTime) -> Option<SystemTime> {
    let since_epoch = dt - OffsetDateTime::UNIX_EPOCH;
    if since_epoch.is_negative() {
        SystemTime::UNIX_EPOCH.checked_sub(since_epoch.unsigned_abs())
    } else {
        SystemTime::UNIX_EPOCH.checked_add(since_epoch.unsigned_abs())
    }
}

/// Format `t` shifted to `offset_seconds` east of UTC as `yyyyMMddTHHmmssZ`.
/// The trailing `Z` is literal format, not a zone claim (the EOP gateway expects it).
/// Errors: `Configuration` when `offset_seconds` is not a valid UTC offset (beyond
/// ±25:59:59); `InvalidInput` (field `time`) when the shifted time is not in years
/// 0000..=9999.
pub fn compact(t: SystemTime, offset_seconds: i32) -> Result<String> {
    let offset = UtcOffset::from_whole_seconds(offset_seconds).map_err(|_| {
        Error::config(format!(
            "UTC offset {offset_seconds} s is out of range (at most ±25:59:59)"
        ))
    })?;
    let out_of_range = || Error::invalid_input("time", "must be within years 0000..=9999");
    let dt = to_datetime(t)
        .and_then(|dt| dt.checked_to_offset(offset))
        .filter(|dt| (0..=9999).contains(&dt.year()))
        .ok_or_else(out_of_range)?;
    let fmt = format_description!("[year][month][day]T[hour][minute][second]Z");
    dt.format(&fmt).map_err(|_| out_of_range())
}

/// Parse a compact timestamp written in `offset_seconds` back to an instant.
/// `None` for malformed text, an invalid offset or an unrepresentable instant.
pub fn parse_compact(s: &str, offset_seconds: i32) -> Option<SystemTime> {
    let fmt = format_description!("[year][month][day]T[hour][minute][second]Z");
    let dt = time::PrimitiveDateTime::parse(s, &fmt).ok()?;
    let offset = UtcOffset::from_whole_seconds(offset_seconds).ok()?;
    to_system_time(dt.assume_offset(offset))
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
        assert_eq!(compact(t, 0).unwrap(), "20210101T000000Z");
        assert_eq!(
            compact(t, BEIJING_OFFSET_SECONDS).unwrap(),
            "20210101T080000Z"
        );
        assert_eq!(
            parse_compact("20210101T080000Z", BEIJING_OFFSET_SECONDS),
            Some(t)
        );
        assert_eq!(unix_millis(t), 1_609_459_200_000);
    }

    #[test]
    fn out_of_range_time_is_an_error_not_a_panic() {
        // Year ~14645: beyond what `time` represents without `large-dates`.
        let far = SystemTime::UNIX_EPOCH + Duration::from_secs(400_000_000_000);
        let e = compact(far, BEIJING_OFFSET_SECONDS).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::InvalidInput);
        // 9999-12-31T23:00:00Z is representable, but +8 h crosses into year 10000.
        let edge = SystemTime::UNIX_EPOCH + Duration::from_secs(253_402_297_200);
        assert_eq!(compact(edge, 0).unwrap(), "99991231T230000Z");
        assert_eq!(
            compact(edge, BEIJING_OFFSET_SECONDS).unwrap_err().kind(),
            crate::ErrorKind::InvalidInput
        );
        let before_year_0 = SystemTime::UNIX_EPOCH - Duration::from_secs(62_167_219_201);
        assert_eq!(
            compact(before_year_0, 0).unwrap_err().kind(),
            crate::ErrorKind::InvalidInput
        );
    }

    #[test]
    fn invalid_offset_is_a_configuration_error() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_609_459_200);
        for bad in [26 * 3600, -26 * 3600, i32::MAX, i32::MIN] {
            let e = compact(t, bad).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::Configuration, "{bad}");
        }
        assert_eq!(compact(t, -(5 * 3600)).unwrap(), "20201231T190000Z");
    }

    #[test]
    fn extreme_parsed_dates_do_not_panic() {
        // Year 0000 local +8 h: representable on Unix, not on Windows (before 1601).
        let year0 = Duration::from_secs(62_167_219_200 + 8 * 3600);
        assert_eq!(
            parse_compact("00000101T000000Z", BEIJING_OFFSET_SECONDS),
            SystemTime::UNIX_EPOCH.checked_sub(year0)
        );
        let end = Duration::from_secs(253_402_300_799);
        assert_eq!(
            parse_compact("99991231T235959Z", 0),
            SystemTime::UNIX_EPOCH.checked_add(end)
        );
        assert_eq!(parse_compact("99991231T235959Z", i32::MAX), None);
    }
}
