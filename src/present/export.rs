//! Machine-readable output: JSON, CSV and iCalendar. Exports carry the data's exact text in their
//! own escaping, never bidi isolates. JSON escapes every control, bidi and invisible character as
//! `\uXXXX`, so it is safe anywhere; CSV and iCalendar have no such escape, so written to a
//! terminal their values pass the terminal sanitiser first (`terminal: true`).

use super::Context;
use crate::data::{Body, Dataset, Session};
use crate::term::sanitize;
use chrono::NaiveDateTime;
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
    to_json(&records)
}

/// Pretty JSON in which nothing can act on a terminal: serde_json escapes C0 controls, quotes and
/// backslashes; [`SafeJson`] escapes the rest of what the terminal sanitiser would change.
pub(crate) fn to_json(value: &impl Serialize) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut out, SafeJson(serde_json::ser::PrettyFormatter::new()));
    // Serializing plain records into memory cannot fail; an empty document would be the sign.
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's pretty layout, with every character that [`sanitize::needs_care`] names written
/// as a `\uXXXX` escape (a surrogate pair above U+FFFF): the JSON value is unchanged.
struct SafeJson(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(sanitize::needs_care) {
            w.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{:04x}", unit)?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
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
    to_json(&doc)
}

/// `--format csv`: one row per session with a header row; lists joined with "; ".
pub fn csv(ctx: &Context, sessions: &[(&Session, Option<&'static str>)], terminal: bool) -> String {
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
    // Writing to memory cannot fail, so the results below are not checked.
    let _ = out.write_record(header);
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
        let _ = if terminal {
            out.write_record(row.iter().map(|field| sanitize::for_terminal_lines(field).into_owned()))
        } else {
            out.write_record(&row)
        };
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A calendar carries the text as written, without the marks the terminal needs; which
/// language's wording is still [`Context::pick`]'s decision.
fn own_language<'a>(ctx: &Context, en: Option<&'a str>, ar: Option<&'a str>) -> Option<&'a str> {
    ctx.pick(en, ar, Option::is_some).and_then(|(text, _)| text)
}

/// `--format ics`: one event per dated session (RFC 5545). Timed sessions get UTC DTSTART/DTEND;
/// sessions whose time was not published become all-day events (DTEND the next day, as the RFC
/// wants an end after the start) that say so. Sessions with no known date cannot be placed in a
/// calendar and are counted in the returned number instead.
pub fn ics(ctx: &Context, data: &Dataset, sessions: &[&Session], terminal: bool) -> (String, usize) {
    let mut cal = Ics {
        out: String::with_capacity(512 + sessions.len() * 600),
        terminal,
    };
    cal.line("BEGIN", "VCALENDAR");
    cal.line("VERSION", "2.0");
    cal.line("PRODID", &format!("-//igf//igf {}//EN", env!("CARGO_PKG_VERSION")));
    cal.line("CALSCALE", "GREGORIAN");
    let name = own_language(ctx, Some(&data.forum.edition_en), Some(&data.forum.edition_ar)).unwrap_or_default();
    cal.text("NAME", name);
    cal.text("X-WR-CALNAME", name);
    // A fixed stamp keeps the output reproducible: the programme is history, not a live feed.
    let stamp = format!("{}T000000Z", data.forum.end.format("%Y%m%d"));
    let mut undated = 0;
    for s in sessions {
        let Some(date) = s.date else {
            undated += 1;
            continue;
        };
        cal.line("BEGIN", "VEVENT");
        cal.text("UID", &format!("{}@igf2020.programme", s.id));
        cal.line("DTSTAMP", &stamp);
        let mut description = Vec::new();
        match s.start_utc {
            Some(start) => {
                let start = date.and_time(start);
                let end = s
                    .end_utc
                    .map_or_else(|| start + super::frab::ASSUMED_LENGTH, |e| date.and_time(e));
                cal.line("DTSTART", &start.format("%Y%m%dT%H%M%SZ").to_string());
                cal.line("DTEND", &end.format("%Y%m%dT%H%M%SZ").to_string());
            }
            None => {
                let next = date.succ_opt().unwrap_or(date);
                cal.line("DTSTART;VALUE=DATE", &date.format("%Y%m%d").to_string());
                cal.line("DTEND;VALUE=DATE", &next.format("%Y%m%d").to_string());
                description.push(ctx.labels.time_not_published.to_owned());
            }
        }
        let title = own_language(ctx, s.title_en.as_deref(), s.title_ar.as_deref());
        let code = s.code.as_deref().unwrap_or(&s.id);
        cal.text("SUMMARY", &format!("{code}: {}", title.unwrap_or(ctx.labels.untitled)));
        let summary = own_language(ctx, s.summary_en.as_deref(), s.summary_ar.as_deref());
        description.extend(summary.map(|t| t.to_string()));
        description.extend(s.sources.iter().map(|t| t.to_string()));
        cal.text("DESCRIPTION", &description.join("\n"));
        if let Some(url) = s.sources.first() {
            // A URI, not TEXT: no escaping, but nothing a URI cannot hold.
            let url: String = url.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
            cal.line("URL", &url);
        }
        if let Some(room) = &s.room {
            cal.text("LOCATION", room);
        }
        cal.line("END", "VEVENT");
    }
    cal.line("END", "VCALENDAR");
    (cal.out, undated)
}

/// An iCalendar stream being written: content lines folded at 75 octets, CRLF-terminated.
struct Ics {
    out: String,
    terminal: bool,
}

/// RFC 5545 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break."
pub const ICS_LINE_OCTETS: usize = 75;

impl Ics {
    /// A property whose value is written as it is (dates, codes, URIs).
    fn line(&mut self, name: &str, value: &str) {
        let value = if self.terminal {
            sanitize::for_terminal(value)
        } else {
            std::borrow::Cow::Borrowed(value)
        };
        let mut used = 0;
        for c in name.chars().chain(std::iter::once(':')).chain(value.chars()) {
            let size = c.len_utf8();
            // Folding inserts CRLF and one space, which counts towards the next line: linear in
            // the value, and never inside a character's UTF-8 sequence.
            if used + size > ICS_LINE_OCTETS {
                self.out.push_str("\r\n ");
                used = 1;
            }
            self.out.push(c);
            used += size;
        }
        self.out.push_str("\r\n");
    }

    /// A TEXT property (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped;
    /// the other controls, which TEXT may not hold, dropped.
    fn text(&mut self, name: &str, value: &str) {
        let value = if self.terminal {
            sanitize::for_terminal_lines(value)
        } else {
            std::borrow::Cow::Borrowed(value)
        };
        let mut escaped = String::with_capacity(value.len() + 8);
        let mut chars = value.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => escaped.push_str("\\\\"),
                ';' => escaped.push_str("\\;"),
                ',' => escaped.push_str("\\,"),
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' | '\r' => escaped.push_str("\\n"),
                '\t' => escaped.push('\t'),
                c if c.is_ascii_control() => {}
                c => escaped.push(c),
            }
        }
        // Escaping leaves nothing line() would change on a terminal.
        let terminal = std::mem::replace(&mut self.terminal, false);
        self.line(name, &escaped);
        self.terminal = terminal;
    }
}
