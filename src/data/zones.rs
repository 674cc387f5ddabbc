//! The IANA time-zone database, compiled in by build.rs as integer ranges into two blobs so that it
//! needs no relocation at start-up (a table of `&'static str` and `&'static [u8]`, as time-zone
//! crates ship it, costs tens of thousands). jiff reads a zone's TZif data when `--tz` names it.

use chrono::NaiveDateTime;
use std::sync::OnceLock;

/// Zone names end to end, and TZif data end to end; `const`, so code reaches them relative to
/// itself and nothing points at them.
const NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/zones.txt"));
const TZIF: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/zones.tzif"));
include!(concat!(env!("OUT_DIR"), "/zones.rs"));

/// One zone of the database, by its place in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedZone(usize);

impl NamedZone {
    /// Every zone of the database.
    pub fn all() -> impl Iterator<Item = NamedZone> {
        (0..ZONES.len()).map(NamedZone)
    }

    /// Finds a zone by its IANA name, in any letter case ("africa/cairo" is Africa/Cairo).
    pub fn find(name: &str) -> Option<NamedZone> {
        (0..ZONES.len())
            .map(NamedZone)
            .find(|zone| zone.name().eq_ignore_ascii_case(name))
    }

    /// The canonical name, e.g. "Africa/Cairo".
    pub fn name(self) -> &'static str {
        let [start, end, _, _] = ZONES[self.0];
        &NAMES[start as usize..end as usize]
    }

    /// The zone's rules, read from its TZif data. A run shows times in one zone, so that zone's
    /// data is read once.
    fn rules(self) -> Option<jiff::tz::TimeZone> {
        static READ: OnceLock<(NamedZone, Option<jiff::tz::TimeZone>)> = OnceLock::new();
        let read = |zone: NamedZone| {
            let [_, _, start, end] = ZONES[zone.0];
            jiff::tz::TimeZone::tzif(zone.name(), &TZIF[start as usize..end as usize]).ok()
        };
        let (cached, rules) = READ.get_or_init(|| (self, read(self)));
        if *cached == self {
            rules.clone()
        } else {
            read(self)
        }
    }

    /// Seconds the zone's clocks are ahead of UTC at a UTC instant.
    pub fn offset_seconds(self, utc: NaiveDateTime) -> i32 {
        // Instants outside jiff's range (years beyond ±9999) and unreadable data fall back to UTC.
        let instant = jiff::Timestamp::from_second(utc.and_utc().timestamp());
        match (self.rules(), instant) {
            (Some(zone), Ok(instant)) => zone.to_offset(instant).seconds(),
            _ => 0,
        }
    }

    /// The UTC instant of a wall-clock time in this zone. A time in the hour repeated when clocks
    /// go back is the earlier one; a time in the hour skipped when they go forward is read with
    /// the offset before the change (RFC 5545's rule, jiff's "compatible").
    pub fn to_utc(self, local: NaiveDateTime) -> NaiveDateTime {
        use chrono::{Datelike, Timelike};
        let civil = jiff::civil::DateTime::new(
            i16::try_from(local.year()).unwrap_or(i16::MAX),
            local.month() as i8,
            local.day() as i8,
            local.hour() as i8,
            local.minute() as i8,
            local.second() as i8,
            0,
        );
        let utc = self
            .rules()
            .zip(civil.ok())
            .and_then(|(zone, civil)| zone.to_ambiguous_timestamp(civil).compatible().ok())
            .and_then(|t| chrono::DateTime::from_timestamp(t.as_second(), 0));
        // Out of jiff's range: the offset at that instant read as UTC is as near as it gets.
        utc.map_or_else(
            || local - chrono::Duration::seconds(i64::from(self.offset_seconds(local))),
            |t| t.naive_utc(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn every_zone_has_readable_data_and_is_found_by_its_name() {
        for (index, &[_, _, start, end]) in ZONES.iter().enumerate() {
            let zone = NamedZone(index);
            assert_eq!(NamedZone::find(zone.name()).map(NamedZone::name), Some(zone.name()));
            let data = &TZIF[start as usize..end as usize];
            assert!(jiff::tz::TimeZone::tzif(zone.name(), data).is_ok(), "{}", zone.name());
        }
    }

    #[test]
    fn offsets_follow_each_zone_rules_and_summer_time() {
        // Cairo kept UTC+2 all year in 2020; Auckland was on summer time (+13) in November and
        // standard time (+12) in July; New York moved from -4 to -5 on 1 November 2020.
        let zone = |name| NamedZone::find(name).unwrap();
        assert_eq!(zone("africa/cairo").name(), "Africa/Cairo");
        assert_eq!(zone("Africa/Cairo").offset_seconds(at(2020, 11, 4, 12)), 2 * 3600);
        assert_eq!(zone("Pacific/Auckland").offset_seconds(at(2020, 11, 4, 12)), 13 * 3600);
        assert_eq!(zone("Pacific/Auckland").offset_seconds(at(2020, 7, 4, 12)), 12 * 3600);
        assert_eq!(zone("America/New_York").offset_seconds(at(2020, 10, 31, 12)), -4 * 3600);
        assert_eq!(zone("America/New_York").offset_seconds(at(2020, 11, 2, 12)), -5 * 3600);
        assert!(NamedZone::find("Cairo").is_none());
    }

    #[test]
    fn wall_clock_times_become_utc_across_clock_changes() {
        let berlin = NamedZone::find("Europe/Berlin").unwrap();
        assert_eq!(berlin.to_utc(at(2023, 11, 25, 10)), at(2023, 11, 25, 9));
        assert_eq!(berlin.to_utc(at(2023, 7, 1, 10)), at(2023, 7, 1, 8));
        // 29 October 2023, 02:00-03:00 happened twice: the first (summer time) is taken.
        assert_eq!(berlin.to_utc(at(2023, 10, 29, 2)), at(2023, 10, 29, 0));
        // 26 March 2023, 02:00-03:00 did not happen: read with the winter offset.
        assert_eq!(berlin.to_utc(at(2023, 3, 26, 2)), at(2023, 3, 26, 1));
    }
}
