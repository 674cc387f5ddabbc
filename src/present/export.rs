//! Machine-readable output: JSON, CSV and iCalendar. Exports carry the data's exact text (their own
//! escaping keeps it safe), never terminal sanitising or bidi isolates.

use super::Context;
use crate::data::{Body, Dataset, Session};
use chrono::{NaiveDateTime, TimeZone, Utc};
use serde::Serialize;

/// One session as exported: every field of the data schema, plus the start and end as RFC 3339
/// instants in the requested zone, so scripts need no time arithmetic.
#[derive(Serialize)]
struct SessionRecord<'a> {
    #[serde(flatten)]
    session: &'a Session,
    start: Option<String>,
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    matched_in: Option<&'static str>,
}

fn instant(s: &Session, time: Option<chrono::NaiveTime>) -> Option<NaiveDateTime> {
    Some(s.date?.and_time(time?))
}

pub(super) fn rfc3339(ctx: &Context, utc: NaiveDateTime) -> String {
    format!(
        "{}{}",
        ctx.zone.from_utc(utc).format("%Y-%m-%dT%H:%M:%S"),
        ctx.zone.offset_at(utc)
    )
}

fn record<'a>(ctx: &Context, s: &'a Session, matched_in: Option<&'static str>) -> SessionRecord<'a> {
    SessionRecord {
        session: s,
        start: instant(s, s.start_utc).map(|t| rfc3339(ctx, t)),
        end: instant(s, s.end_utc).map(|t| rfc3339(ctx, t)),
        matched_in,
    }
}

/// `--format json` for list, show and search: an array of session objects.
pub fn json_sessions(ctx: &Context, sessions: &[(&Session, Option<&'static str>)]) -> String {
    let records: Vec<SessionRecord> = sessions.iter().map(|&(s, m)| record(ctx, s, m)).collect();
    serde_json::to_string_pretty(&records).expect("session records always serialize")
}

/// `--format json` for egypt: the Egyptian bodies and the sessions.
pub fn json_egypt(ctx: &Context, bodies: &[&Body], sessions: &[&Session]) -> String {
    #[derive(Serialize)]
    struct Egypt<'a> {
        bodies: &'a [&'a Body],
        sessions: Vec<SessionRecord<'a>>,
    }
    let doc = Egypt {
        bodies,
        sessions: sessions.iter().map(|s| record(ctx, s, None)).collect(),
    };
    serde_json::to_string_pretty(&doc).expect("egypt records always serialize")
}

/// `--format csv`: one row per session with a header row; lists joined with "; ".
pub fn csv(ctx: &Context, sessions: &[(&Session, Option<&'static str>)]) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = [
        "id",
        "code",
        "kind",
        "date",
        "start_utc",
        "end_utc",
        "start",
        "end",
        "track",
        "title_en",
        "title_ar",
        "room",
        "format",
        "organizers",
        "speakers",
        "summary_en",
        "summary_ar",
        "sources",
        "confidence",
        "matched_in",
    ];
    out.write_record(header).expect("writing to memory cannot fail");
    for &(s, matched) in sessions {
        let time = |t: Option<chrono::NaiveTime>| t.map(crate::data::hhmm).unwrap_or_default();
        let speakers: Vec<&str> = s.speakers.iter().map(|p| p.name.as_ref()).collect();
        let text = |t: &Option<crate::data::Text>| t.as_deref().unwrap_or_default().to_owned();
        let row = [
            s.id.to_string(),
            text(&s.code),
            s.kind.slug().to_owned(),
            s.date.map(|d| d.to_string()).unwrap_or_default(),
            time(s.start_utc),
            time(s.end_utc),
            instant(s, s.start_utc).map(|t| rfc3339(ctx, t)).unwrap_or_default(),
            instant(s, s.end_utc).map(|t| rfc3339(ctx, t)).unwrap_or_default(),
            s.track.map(|t| t.slug().to_owned()).unwrap_or_default(),
            text(&s.title_en),
            text(&s.title_ar),
            text(&s.room),
            text(&s.format),
            s.organizers.join("; "),
            speakers.join("; "),
            text(&s.summary_en),
            text(&s.summary_ar),
            s.sources.join(" "),
            format!("{:?}", s.confidence).to_lowercase(),
            matched.unwrap_or_default().to_owned(),
        ];
        out.write_record(&row).expect("writing to memory cannot fail");
    }
    String::from_utf8(out.into_inner().expect("flushing memory cannot fail")).expect("csv of UTF-8 fields is UTF-8")
}

/// A calendar carries the text as written, without the marks the terminal needs; which
/// language's wording is still [`Context::pick`]'s decision.
fn own_language<'a>(ctx: &Context, en: Option<&'a str>, ar: Option<&'a str>) -> Option<&'a str> {
    ctx.pick(en, ar, Option::is_some).and_then(|(text, _)| text)
}

/// `--format ics`: one event per dated session. Timed sessions get UTC DTSTART/DTEND; sessions whose
/// time was not published become all-day events that say so. Sessions with no known date cannot
/// be placed in a calendar and are counted in the returned number instead.
pub fn ics(ctx: &Context, data: &Dataset, sessions: &[&Session]) -> (String, usize) {
    use icalendar::{Calendar, Component, Event, EventLike};
    let mut calendar = Calendar::new();
    calendar.name(own_language(ctx, Some(&data.forum.edition_en), Some(&data.forum.edition_ar)).unwrap_or_default());
    // A fixed stamp keeps the output reproducible: the programme is history, not a live feed.
    let stamp = Utc.from_utc_datetime(&data.forum.end.and_hms_opt(0, 0, 0).expect("midnight exists"));
    let mut undated = 0;
    for s in sessions {
        let Some(date) = s.date else {
            undated += 1;
            continue;
        };
        let mut event = Event::new();
        event.uid(&format!("{}@igf2020.programme", s.id)).timestamp(stamp);
        let title = own_language(ctx, s.title_en.as_deref(), s.title_ar.as_deref());
        let code = s.code.as_deref().unwrap_or(&s.id);
        event.summary(&match title {
            Some(t) => format!("{code}: {t}"),
            None => format!("{code}: {}", ctx.labels.untitled),
        });
        let mut description = Vec::new();
        match (s.start_utc, s.end_utc) {
            (Some(start), end) => {
                let start = date.and_time(start);
                event.starts(Utc.from_utc_datetime(&start));
                let end = end.map_or(start + super::frab::ASSUMED_LENGTH, |e| date.and_time(e));
                event.ends(Utc.from_utc_datetime(&end));
            }
            _ => {
                event.all_day(date);
                description.push(ctx.labels.time_not_published.to_owned());
            }
        }
        let summary = own_language(ctx, s.summary_en.as_deref(), s.summary_ar.as_deref());
        description.extend(summary.map(|t| t.to_string()));
        description.extend(s.sources.iter().map(|t| t.to_string()));
        event.description(&description.join("\n"));
        if let Some(url) = s.sources.first() {
            event.url(url);
        }
        if let Some(room) = &s.room {
            event.location(room);
        }
        calendar.push(event.done());
    }
    (calendar.done().to_string(), undated)
}
