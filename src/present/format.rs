//! Dates, times and digits as each language writes them, in the zone the user asked for.

use super::{Context, Digits};
use crate::data::hhmm;
use chrono::{Datelike, NaiveDate, NaiveTime};

pub use crate::query::zone::Zone;

/// Writes ASCII digits in the context's digit system.
pub fn digits(ctx: &Context, text: &str) -> String {
    match ctx.digits {
        Digits::Latin => text.to_owned(),
        Digits::Arabic => arabic_indic(text),
    }
}

/// The text with its ASCII digits written as Arabic-Indic ones (٠–٩).
pub fn arabic_indic(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
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
