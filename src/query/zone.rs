//! The time zone a run works in. The programme is published in UTC; users think in their own
//! zone, and "which day" depends on it: a session at 02:00 UTC on 4 November is on 3 November in
//! Los Angeles. Filters, ordering, `days` and every view use the day in this zone.

use super::closest::Names;
use crate::data::zones::NamedZone;
use crate::data::Session;
use chrono::{NaiveDate, NaiveDateTime, Offset, TimeZone};
use std::sync::OnceLock;

/// Where times are shown.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Zone {
    #[default]
    Utc,
    Named(NamedZone),
    /// The system's zone when neither `TZ` nor /etc/localtime names one (chrono's own lookup).
    Local,
}

/// Why a zone name was refused: what was typed and the nearest known names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownZone {
    pub typed: String,
    pub closest: Vec<&'static str>,
}

impl Zone {
    /// Parses `--tz`: an IANA name in any case (`Africa/Cairo`, `africa/cairo`), `UTC` or
    /// `local`. `local` stays unresolved until [`Zone::resolve_local`].
    pub fn parse(text: &str) -> Result<Zone, UnknownZone> {
        match text.trim() {
            t if t.eq_ignore_ascii_case("utc") || t.eq_ignore_ascii_case("z") => Ok(Zone::Utc),
            t if t.eq_ignore_ascii_case("local") => Ok(Zone::Local),
            t => named(t).map(Zone::Named).ok_or_else(|| UnknownZone {
                typed: t.to_owned(),
                closest: zone_names().closest(&t.to_lowercase()),
            }),
        }
    }

    /// `local` as the zone it is: the one `TZ` names, else the one /etc/localtime links to.
    /// A `TZ` that names no known zone gives UTC (as the C library does) and the value, so the
    /// caller can warn instead of silently showing UTC.
    pub fn resolve_local(self) -> (Zone, Option<String>) {
        if self != Zone::Local {
            return (self, None);
        }
        if let Some(value) = std::env::var("TZ").ok().filter(|v| !v.trim().is_empty()) {
            let name = value.trim().trim_start_matches(':');
            if name.eq_ignore_ascii_case("utc") || name.eq_ignore_ascii_case("utc0") {
                return (Zone::Utc, None);
            }
            // "TZ=:/usr/share/zoneinfo/Africa/Cairo" names a file; its tail names the zone.
            let tail = name.rsplit_once("zoneinfo/").map_or(name, |(_, tail)| tail);
            return match named(tail) {
                Some(tz) => (Zone::Named(tz), None),
                None => (Zone::Utc, Some(value)),
            };
        }
        let from_link = std::fs::read_link("/etc/localtime").ok().and_then(|target| {
            let target = target.to_string_lossy().into_owned();
            let (_, tail) = target.rsplit_once("zoneinfo/")?;
            named(tail)
        });
        let from_file = || {
            std::fs::read_to_string("/etc/timezone")
                .ok()
                .and_then(|t| named(t.trim()))
        };
        match from_link.or_else(from_file) {
            Some(tz) => (Zone::Named(tz), None),
            None => (Zone::Local, None),
        }
    }

    /// The name shown in headers ("UTC", "Africa/Cairo", "local").
    pub fn name(self) -> String {
        match self {
            Zone::Utc => "UTC".to_owned(),
            Zone::Named(tz) => tz.name().to_owned(),
            Zone::Local => "local".to_owned(),
        }
    }

    /// The wall-clock date and time in this zone of a UTC instant.
    pub fn from_utc(self, utc: NaiveDateTime) -> NaiveDateTime {
        match self {
            Zone::Utc => utc,
            Zone::Named(zone) => utc + chrono::TimeDelta::seconds(zone.offset_seconds(utc).into()),
            Zone::Local => chrono::Local.from_utc_datetime(&utc).naive_local(),
        }
    }

    /// The zone's offset from UTC at a UTC instant, e.g. "+02:00", for headers and exports.
    pub fn offset_at(self, utc: NaiveDateTime) -> String {
        let seconds = match self {
            Zone::Utc => 0,
            Zone::Named(zone) => zone.offset_seconds(utc),
            Zone::Local => chrono::Local.from_utc_datetime(&utc).offset().fix().local_minus_utc(),
        };
        let sign = if seconds < 0 { '-' } else { '+' };
        format!("{sign}{:02}:{:02}", seconds.abs() / 3600, seconds.abs() % 3600 / 60)
    }

    /// The day a session is on in this zone: the day its start falls on, or the programme's day
    /// when its time was not published.
    pub fn day_of(self, s: &Session) -> Option<NaiveDate> {
        let date = s.date?;
        Some(match s.start_utc {
            Some(start) => self.from_utc(date.and_time(start)).date(),
            None => date,
        })
    }
}

/// Every zone name, folded and split once: a mistyped `--tz` is compared with all of them.
fn zone_names() -> &'static Names<'static> {
    static NAMES: OnceLock<Names<'static>> = OnceLock::new();
    NAMES.get_or_init(|| Names::new(NamedZone::all().map(|zone| (zone.name(), zone.name().to_lowercase()))))
}

/// An IANA zone by name, in any letter case.
fn named(text: &str) -> Option<NamedZone> {
    NamedZone::find(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_case_and_suggestions_for_typos() {
        let zone = |name| Zone::Named(NamedZone::find(name).unwrap());
        assert_eq!(Zone::parse("africa/cairo"), Ok(zone("Africa/Cairo")));
        assert_eq!(Zone::parse("EUROPE/PARIS"), Ok(zone("Europe/Paris")));
        let err = Zone::parse("Africa/Kairo").unwrap_err();
        assert_eq!(err.closest.first(), Some(&"Africa/Cairo"), "{err:?}");
    }
}
