//! `--format frab` and `--format frab-json`: the programme as a frab schedule ("schedule.xml" and
//! its JSON sibling), the format Giggity, ConfClerk, EventFahrplan and the c3voc tools read. Both
//! follow the c3voc schemas (tests validate them). Titles are in the chosen language with the other
//! language as subtitle; times are in the chosen zone, which becomes the conference's zone.

use super::export::rfc3339;
use super::{Context, Lang};
use crate::data::{hhmm, Dataset, Session};
use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

/// Length given to a session whose end was not published: schedule apps and calendars need one
/// to draw it.
pub const ASSUMED_LENGTH: Duration = Duration::hours(1);

/// Writes the schedule of `sessions` in frab XML (`json` false) or JSON. Sessions without a date
/// or start time cannot be placed in a schedule: they are left out and, as for calendars, counted
/// on standard error.
pub fn export(ctx: &Context, data: &Dataset, sessions: &[&Session], json: bool) -> String {
    let schedule = Schedule::plan(ctx, data, sessions);
    if schedule.left_out > 0 {
        crate::term::error_line(&(super::messages::current().left_out_of_schedule)(schedule.left_out));
    }
    if json {
        let mut text = super::export::to_json(&schedule.to_json());
        text.push('\n');
        text
    } else {
        schedule.to_xml()
    }
}

/// Everything both formats write, worked out once.
struct Schedule<'a> {
    ctx: &'a Context,
    title: String,
    acronym: String,
    start: NaiveDate,
    end: NaiveDate,
    /// None for `--tz local`, which has no IANA name; every time still carries its offset.
    zone_name: Option<String>,
    base_url: Option<String>,
    timeslot: String,
    tracks: Vec<&'static str>,
    rooms: Vec<String>,
    days: Vec<Day<'a>>,
    left_out: usize,
}

struct Day<'a> {
    date: NaiveDate,
    start: NaiveDateTime,
    end: NaiveDateTime,
    /// Room name to its events in start order; rooms sorted by name.
    rooms: BTreeMap<String, Vec<Event<'a>>>,
}

struct Event<'a> {
    session: &'a Session,
    id: u64,
    guid: Uuid,
    start: NaiveDateTime,
    length: Duration,
    room: String,
    slug: String,
    title: &'a str,
    subtitle: Option<&'a str>,
    language: &'static str,
    summary: Option<&'a str>,
    other_summary: Option<&'a str>,
    url: Option<String>,
}

/// The text in the chosen language, else the other; and the other when both exist.
fn in_language<'a>(
    ctx: &Context,
    ar: &'a Option<crate::data::Text>,
    en: &'a Option<crate::data::Text>,
) -> (Option<(&'a str, Lang)>, Option<&'a str>) {
    let (own, other, own_lang, other_lang) = match ctx.lang {
        Lang::Ar => (ar, en, Lang::Ar, Lang::En),
        Lang::En => (en, ar, Lang::En, Lang::Ar),
    };
    match (own.as_deref(), other.as_deref()) {
        (Some(o), second) => (Some((o, own_lang)), second),
        (None, Some(t)) => (Some((t, other_lang)), None),
        (None, None) => (None, None),
    }
}

fn language_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar",
        Lang::En => "en",
    }
}

/// Whether a source starts with a URI scheme ("https:", "file:"); others cannot be links.
fn has_scheme(text: &str) -> bool {
    text.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

fn is_web_address(text: &str) -> bool {
    text.starts_with("https://") || text.starts_with("http://")
}

/// A short name of lowercase letters and digits, as both schemas want: the part of the edition
/// in parentheses ("IGF 2020" gives igf2020), else the forum's name.
fn acronym(data: &Dataset) -> String {
    let edition = &data.forum.edition_en;
    let source = edition
        .rfind('(')
        .and_then(|open| edition[open + 1..].split(')').next())
        .unwrap_or(&data.forum.name_en);
    let short: String = source
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match short.len() {
        0 => "schedule".to_owned(),
        1..=3 => format!("{short}_schedule"),
        _ => short,
    }
}

/// The web site most of the programme's sources are on, as "https://host/".
fn base_url(data: &Dataset) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for source in data.sessions.iter().flat_map(|s| s.sources.iter()) {
        if let Some(scheme_end) = source.find("://").filter(|_| is_web_address(source)) {
            let host_end = source[scheme_end + 3..]
                .find('/')
                .map_or(source.len(), |i| scheme_end + 3 + i);
            *counts.entry(&source[..host_end]).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(site, _)| uri(&format!("{site}/")))
}

/// Lowercase ASCII letters and digits, other runs becoming one hyphen, at most `words` words.
fn slug_words(text: &str, words: usize) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(words)
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// A source as a URI both schemas accept: characters a URI may not hold (spaces, brackets,
/// non-ASCII letters, controls) are percent-encoded, as a browser would send them.
fn uri(text: &str) -> String {
    const KEPT: &[u8] = b"-._~:/?#@!$&'()*+,;=%";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || KEPT.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Title words kept in a slug: enough to recognise the session in a URL.
const SLUG_TITLE_WORDS: usize = 6;

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

impl<'a> Schedule<'a> {
    fn plan(ctx: &'a Context, data: &'a Dataset, sessions: &[&'a Session]) -> Schedule<'a> {
        let acronym = acronym(data);
        let mut used_ids = HashSet::new();
        let mut by_day: BTreeMap<NaiveDate, Vec<Event<'a>>> = BTreeMap::new();
        let mut left_out = 0;
        let mut slot = 0i64;
        for &s in sessions {
            let (Some(date), Some(time)) = (s.date, s.start_utc) else {
                left_out += 1;
                continue;
            };
            let start_utc = date.and_time(time);
            let length = s.end_utc.map_or(ASSUMED_LENGTH, |end| date.and_time(end) - start_utc);
            let guid = Uuid::new_v5(&Uuid::NAMESPACE_URL, format!("{acronym}/{}", s.id).as_bytes());
            // Both schemas want a positive integer id: the session's own when it is one, else a
            // number drawn from the guid (so it is stable), moved on in the rare case it is taken.
            let mut id = s.id.parse::<u64>().ok().filter(|&n| n > 0).unwrap_or_else(|| {
                let b = guid.as_bytes();
                u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) & 0x7fff_ffff).max(1)
            });
            while !used_ids.insert(id) {
                id += 1;
            }
            let (title, subtitle) = in_language(ctx, &s.title_ar, &s.title_en);
            let (title, language) = title.unwrap_or((ctx.labels.untitled, ctx.lang));
            let (summary, other_summary) = in_language(ctx, &s.summary_ar, &s.summary_en);
            let id_words = slug_words(&s.id, usize::MAX);
            let title_words = slug_words(s.title_en.as_deref().unwrap_or_default(), SLUG_TITLE_WORDS);
            let mut rest = [id_words, title_words]
                .into_iter()
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            if rest.len() < 4 {
                rest = format!("session-{rest}").trim_end_matches('-').to_owned();
            }
            let local = ctx.zone.from_utc(start_utc);
            slot = gcd(slot, i64::from(local.hour() * 60 + local.minute()));
            slot = gcd(slot, length.num_minutes());
            by_day.entry(local.date()).or_default().push(Event {
                session: s,
                id,
                guid,
                start: start_utc,
                length,
                room: s.room.as_deref().unwrap_or(ctx.labels.room_not_published).to_owned(),
                slug: format!("{acronym}-{rest}"),
                title,
                subtitle,
                language: language_code(language),
                summary: summary.map(|(t, _)| t),
                other_summary,
                url: s.sources.iter().find(|u| is_web_address(u)).map(|u| uri(u)),
            });
        }
        let mut days: Vec<Day> = by_day
            .into_iter()
            .map(|(date, mut events)| {
                events.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.session.id.cmp(&b.session.id)));
                let start = events.iter().map(|e| e.start).min().unwrap_or_default();
                let end = events.iter().map(|e| e.start + e.length).max().unwrap_or_default();
                let mut rooms: BTreeMap<String, Vec<Event>> = BTreeMap::new();
                for e in events {
                    rooms.entry(e.room.clone()).or_default().push(e);
                }
                Day {
                    date,
                    start,
                    end,
                    rooms,
                }
            })
            .collect();
        // A schedule needs at least one day; with no dated session it gets the forum's first, empty.
        if days.is_empty() {
            let midnight = data.forum.start.and_time(chrono::NaiveTime::MIN);
            days.push(Day {
                date: data.forum.start,
                start: midnight,
                end: midnight + Duration::days(1),
                rooms: BTreeMap::new(),
            });
        }
        let mut rooms: Vec<String> = days.iter().flat_map(|d| d.rooms.keys().cloned()).collect();
        rooms.sort();
        rooms.dedup();
        let mut tracks: Vec<&'static str> = sessions.iter().filter_map(|s| s.track.map(|t| t.slug())).collect();
        tracks.sort_unstable();
        tracks.dedup();
        // Sessions start on whole quarter hours in most programmes; an hour is the coarsest grid.
        let slot = slot.clamp(5, 60);
        let forum = &data.forum;
        Schedule {
            ctx,
            title: match ctx.lang {
                Lang::Ar => forum.edition_ar.to_string(),
                Lang::En => forum.edition_en.to_string(),
            },
            start: days.first().map_or(forum.start, |d| d.date.min(forum.start)),
            end: days.last().map_or(forum.end, |d| d.date.max(forum.end)),
            acronym,
            zone_name: match ctx.zone {
                super::Zone::Local => None,
                zone => Some(zone.name()),
            },
            base_url: base_url(data),
            timeslot: format!("{:02}:{:02}", slot / 60, slot % 60),
            tracks,
            rooms,
            days,
            left_out,
        }
    }

    fn room_guid(&self, name: &str) -> Uuid {
        Uuid::new_v5(&Uuid::NAMESPACE_URL, format!("{}/room/{name}", self.acronym).as_bytes())
    }

    fn iso(&self, utc: NaiveDateTime) -> String {
        rfc3339(self.ctx, utc)
    }

    fn clock(&self, utc: NaiveDateTime) -> String {
        hhmm(self.ctx.zone.from_utc(utc).time())
    }

    fn to_xml(&self) -> String {
        let mut x = Xml::default();
        x.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.open("schedule", &[]);
        x.empty("generator", &[("name", "igf"), ("version", env!("CARGO_PKG_VERSION"))]);
        x.leaf("version", &[], env!("CARGO_PKG_VERSION"));
        x.open("conference", &[]);
        x.leaf("title", &[], &self.title);
        x.leaf("acronym", &[], &self.acronym);
        x.leaf("start", &[], &self.start.to_string());
        x.leaf("end", &[], &self.end.to_string());
        x.leaf("days", &[], &self.days.len().to_string());
        x.leaf("timeslot_duration", &[], &self.timeslot);
        if let Some(url) = &self.base_url {
            x.leaf("base_url", &[], url);
        }
        if let Some(zone) = &self.zone_name {
            x.leaf("time_zone_name", &[], zone);
        }
        for track in &self.tracks {
            x.empty("track", &[("name", track)]);
        }
        x.close("conference");
        for (i, day) in self.days.iter().enumerate() {
            let (index, date) = ((i + 1).to_string(), day.date.to_string());
            let (start, end) = (self.iso(day.start), self.iso(day.end));
            x.open(
                "day",
                &[("index", &index), ("date", &date), ("start", &start), ("end", &end)],
            );
            for (room, events) in &day.rooms {
                let guid = self.room_guid(room).to_string();
                x.open("room", &[("name", room), ("guid", &guid)]);
                for e in events {
                    self.xml_event(&mut x, e);
                }
                x.close("room");
            }
            x.close("day");
        }
        x.close("schedule");
        x.out
    }

    fn xml_event(&self, x: &mut Xml, e: &Event) {
        let s = e.session;
        let (guid, id) = (e.guid.to_string(), e.id.to_string());
        x.open("event", &[("guid", &guid), ("id", &id)]);
        x.leaf("date", &[], &self.iso(e.start));
        x.leaf("start", &[], &self.clock(e.start));
        x.leaf("duration", &[], &length_text(e.length));
        x.leaf("room", &[], &e.room);
        x.leaf("slug", &[], &e.slug);
        x.leaf("title", &[], e.title);
        if let Some(sub) = e.subtitle {
            x.leaf("subtitle", &[], sub);
        }
        x.leaf("track", &[], s.track.map_or("", |t| t.slug()));
        x.leaf("type", &[], s.kind.slug());
        x.leaf("language", &[], e.language);
        x.leaf("abstract", &[], e.summary.unwrap_or_default());
        if let Some(other) = e.other_summary {
            x.leaf("description", &[], other);
        }
        x.open("persons", &[]);
        for p in s.speakers.iter() {
            x.leaf("person", &[], &p.name);
        }
        x.close("persons");
        x.open("links", &[]);
        for source in s.sources.iter().filter(|u| has_scheme(u)) {
            x.leaf("link", &[("href", &uri(source))], source);
        }
        x.close("links");
        if let Some(url) = &e.url {
            x.leaf("url", &[], url);
        }
        x.close("event");
    }

    fn to_json(&self) -> Value {
        let days: Vec<Value> = self
            .days
            .iter()
            .enumerate()
            .map(|(i, day)| {
                let rooms: serde_json::Map<String, Value> = day
                    .rooms
                    .iter()
                    .map(|(room, events)| (room.clone(), events.iter().map(|e| self.json_event(e)).collect()))
                    .collect();
                json!({
                    "index": i + 1,
                    "date": day.date.to_string(),
                    "day_start": self.iso(day.start),
                    "day_end": self.iso(day.end),
                    "rooms": rooms,
                })
            })
            .collect();
        let mut conference = json!({
            "acronym": self.acronym,
            "title": self.title,
            "start": self.start.to_string(),
            "end": self.end.to_string(),
            "daysCount": days.len(),
            "timeslot_duration": self.timeslot,
            "rooms": self.rooms.iter().map(|r| json!({"name": r, "guid": self.room_guid(r).to_string()})).collect::<Vec<_>>(),
            "tracks": self.tracks.iter().map(|t| json!({"name": t})).collect::<Vec<_>>(),
            "days": days,
        });
        if let Some(zone) = &self.zone_name {
            conference["time_zone_name"] = json!(zone);
        }
        if let Some(url) = &self.base_url {
            conference["url"] = json!(url);
        }
        let mut schedule = json!({
            "version": env!("CARGO_PKG_VERSION"),
            "conference": conference,
        });
        if let Some(url) = &self.base_url {
            schedule["base_url"] = json!(url);
        }
        json!({
            "$schema": "https://c3voc.de/schedule/schema.json",
            "generator": {"name": "igf", "version": env!("CARGO_PKG_VERSION")},
            "schedule": schedule,
        })
    }

    fn json_event(&self, e: &Event) -> Value {
        let s = e.session;
        let mut event = json!({
            "guid": e.guid.to_string(),
            "id": e.id,
            "date": self.iso(e.start),
            "start": self.clock(e.start),
            "end": self.iso(e.start + e.length),
            "duration": length_text(e.length),
            "room": e.room,
            "slug": e.slug,
            // Required here: the session's page, else the site, else where it was read from.
            "url": e.url.clone().or(self.base_url.clone()).or(s.sources.iter().find(|u| has_scheme(u)).map(|u| uri(u))),
            "title": e.title,
            "subtitle": e.subtitle,
            "track": s.track.map(|t| t.slug()),
            "type": s.kind.slug(),
            "language": e.language,
            "abstract": e.summary,
            "persons": s.speakers.iter().map(|p| json!({"name": p.name})).collect::<Vec<_>>(),
            "links": s.sources.iter().filter(|u| has_scheme(u)).map(|u| json!({"url": uri(u)})).collect::<Vec<_>>(),
        });
        if let Some(other) = e.other_summary {
            event["description"] = json!(other);
        }
        event
    }
}

/// "HH:MM", hours allowed past 24 for very long events.
fn length_text(length: Duration) -> String {
    let minutes = length.num_minutes().max(0);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A small XML writer: indentation, escaping, and nothing the format does not use.
#[derive(Default)]
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn start_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push_str(&format!(" {key}=\"{}\"", escape(value)));
        }
    }

    fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.start_tag(name, attributes);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.out.push_str(&format!("{}</{name}>\n", "  ".repeat(self.depth)));
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.start_tag(name, attributes);
        self.out.push_str("/>\n");
    }

    fn leaf(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.start_tag(name, attributes);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str(&format!("</{name}>\n"));
    }
}

/// Escapes markup characters and drops the characters XML 1.0 cannot carry at all (most C0
/// controls, U+FFFE, U+FFFF): a programme read from a file may hold them, and a schedule that no
/// reader will open helps nobody.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Kept as a reference: a raw carriage return would be read back as a line feed.
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_become_uris_the_schemas_accept() {
        assert_eq!(
            uri("https://example.org/a b/\u{1b}[0m?x=é"),
            "https://example.org/a%20b/%1B%5B0m?x=%C3%A9"
        );
        assert_eq!(
            uri("https://www.intgovforum.org/en/content/x#y"),
            "https://www.intgovforum.org/en/content/x#y"
        );
    }

    #[test]
    fn escaping_keeps_markup_inert_and_drops_what_xml_cannot_hold() {
        assert_eq!(escape("a<b & \"c\"\u{1b}[2J\r"), "a&lt;b &amp; &quot;c&quot;[2J&#13;");
    }

    #[test]
    fn slugs_and_lengths() {
        assert_eq!(slug_words("OF #39: Data & the Pandemic!", 3), "of-39-data");
        assert_eq!(length_text(Duration::minutes(90)), "01:30");
        assert_eq!(length_text(Duration::minutes(25 * 60)), "25:00");
    }
}
