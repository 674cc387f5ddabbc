//! Dates, times and digits as each language writes them, in the zone the user asked for.

use super::{Context, Digits};
use crate::data::hhmm;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};

pub use crate::data::zones::NamedZone;

/// Where times are shown. The programme is published in UTC; users think in their own zone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zone {
    Utc,
    Named(NamedZone),
    Local,
}

impl Zone {
    /// Parses `--tz`: an IANA name (`Africa/Cairo`), `UTC` or `local`.
    pub fn parse(text: &str) -> Result<Zone, String> {
        match text.trim() {
            t if t.eq_ignore_ascii_case("utc") || t.eq_ignore_ascii_case("z") => Ok(Zone::Utc),
            t if t.eq_ignore_ascii_case("local") => Ok(Zone::Local),
            t => NamedZone::find(t).map(Zone::Named).ok_or_else(|| {
                format!("unknown time zone {t:?}: use an IANA name such as Africa/Cairo or Europe/Paris, UTC, or local")
            }),
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
}

/// Writes ASCII digits in the context's digit system.
pub fn digits(ctx: &Context, text: &str) -> String {
    match ctx.digits {
        Digits::Latin => text.to_owned(),
        Digits::Arabic => text
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
                _ => c,
            })
            .collect(),
    }
}

/// "Thu 5 Nov 2020" / "الخميس ٥ نوفمبر ٢٠٢٠", never broken over lines.
pub fn long_date(ctx: &Context, date: NaiveDate) -> String {
    let l = ctx.labels;
    let weekday = l.weekdays[date.weekday().num_days_from_monday() as usize];
    let month = l.months[date.month0() as usize];
    let nb = crate::rtl::NO_BREAK;
    digits(
        ctx,
        &format!("{weekday}{nb}{}{nb}{month}{nb}{}", date.day(), date.year()),
    )
}

/// "2020-11-05" in the context's digits: sortable, for tables and plain output.
pub fn iso_date(ctx: &Context, date: NaiveDate) -> String {
    digits(ctx, &date.to_string())
}

/// A session's slot in the context's zone: the local date, and "08:40–09:40" (or just the start).
/// None when the time was not published.
pub fn slot(
    ctx: &Context,
    date: NaiveDate,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
) -> Option<(NaiveDate, String)> {
    let start = ctx.zone.from_utc(date.and_time(start?));
    let text = match end {
        Some(end) => {
            let end = ctx.zone.from_utc(date.and_time(end));
            format!("{}–{}", hhmm(start.time()), hhmm(end.time()))
        }
        None => hhmm(start.time()),
    };
    Some((start.date(), digits(ctx, &text)))
}
