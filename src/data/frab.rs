//! Reading conference schedules in the frab format, "schedule.xml" and its JSON sibling, as frab,
//! Pentabarf, pretalx and wafer publish them, into the same [`Dataset`] a YAML programme gives.
//!
//! Published files are looser than the c3voc schemas: events may lack `<date>`, times may be given
//! in the conference's `time_zone_name` or only by the day's offsets, optional elements are often
//! missing and abstracts carry HTML. Everything is read leniently and stored in UTC; what cannot
//! be read is one located line per problem, like the YAML loader's.

use super::model::{Confidence, Dataset, Forum, Kind, Session, Speaker, Text, Track};
use super::DataError;
use crate::present::messages::current as m;
// JSON paths and values keep JSON's own quotes; sentences quote as their language does.
use crate::term::sanitize::quoted as json_quoted;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashSet;

/// Reads `text` as a schedule when its content is one: XML whose root is `<schedule>`, or JSON with
/// a top-level `"schedule"`. Returns None for anything else, which the caller reads as YAML (JSON
/// that is not a schedule is valid YAML and may be an igf programme).
pub fn parse_if_schedule(origin: &str, address: Option<&str>, text: &str) -> Option<Result<Dataset, Vec<DataError>>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = text.trim_start();
    // Leading blank lines are dropped before parsing; positions must still count them.
    let skipped_lines = text[..text.len() - body.len()].matches('\n').count();
    if body.starts_with('<') {
        return Some(read_xml(origin, body, skipped_lines).and_then(|raw| build(origin, address, raw)));
    }
    if body.starts_with('{') {
        return match strict_json(body) {
            Ok(value) if value.get("schedule").is_some() => {
                Some(read_json(origin, &value).and_then(|raw| build(origin, address, raw)))
            }
            Ok(_) => None,
            // Broken JSON that names a schedule is reported as JSON; anything else is left to YAML.
            Err(e) if body.contains("\"schedule\"") => Some(Err(vec![DataError::at(
                origin,
                Some((e.line() + skipped_lines, e.column())),
                (m().schedule_not_json)(&json_reason(&e)),
            )])),
            Err(_) => None,
        };
    }
    None
}

/// What a schedule file says, before times are resolved and languages told apart.
#[derive(Default)]
struct RawSchedule {
    conference: RawConference,
    days: Vec<RawDay>,
    events: Vec<RawEvent>,
}

#[derive(Default)]
struct RawConference {
    title: Option<String>,
    acronym: Option<String>,
    start: Option<String>,
    end: Option<String>,
    time_zone_name: Option<String>,
    url: Option<String>,
}

#[derive(Default)]
struct RawDay {
    date: Option<String>,
    start: Option<String>,
}

#[derive(Default)]
struct RawEvent {
    /// Line and column in the file, where the parser gives them (XML does, JSON values do not).
    place: Option<(usize, usize)>,
    day: Option<usize>,
    id: Option<String>,
    guid: Option<String>,
    room: Option<String>,
    title: Option<String>,
    subtitle: Option<String>,
    event_type: Option<String>,
    date: Option<String>,
    start: Option<String>,
    duration: Option<String>,
    abstract_text: Option<String>,
    description: Option<String>,
    track: Option<String>,
    slug: Option<String>,
    url: Option<String>,
    persons: Vec<String>,
    links: Vec<String>,
}

fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

// ---------------------------------------------------------------------------------------------
// XML

/// What the XML parser found wrong, for the message tables to word; names in it are quoted.
pub enum XmlProblem {
    CloseTag {
        expected: String,
        found: String,
    },
    NeverClosed,
    EndOfText,
    NoRoot,
    BadName,
    UnknownToken,
    LessThanInValue,
    RepeatedAttribute(String),
    UnknownEntity(String),
    BadEntity,
    NotXmlCharacter(String),
    Expected {
        expected: String,
        found: Option<String>,
    },
    /// An attribute's value without quotes around it; what stands there.
    QuoteExpected(String),
    BadComment,
    BadText,
    Namespace,
    Declaration,
    TooLarge,
    /// What no other case covers, in the parser's own words.
    Other(String),
}

impl XmlProblem {
    fn of(e: &roxmltree::Error) -> Self {
        use roxmltree::Error as E;
        let q = |t: &str| m().quoted(t);
        match e {
            E::UnexpectedCloseTag(expected, found, _) => XmlProblem::CloseTag {
                expected: q(&format!("</{expected}>")),
                found: q(&format!("</{found}>")),
            },
            E::UnclosedRootNode => XmlProblem::NeverClosed,
            E::UnexpectedEndOfStream => XmlProblem::EndOfText,
            E::NoRootNode => XmlProblem::NoRoot,
            E::InvalidName(_) => XmlProblem::BadName,
            E::UnknownToken(_) => XmlProblem::UnknownToken,
            E::InvalidAttributeValue(_) => XmlProblem::LessThanInValue,
            E::DuplicatedAttribute(name, _) => XmlProblem::RepeatedAttribute(q(name)),
            E::UnknownEntityReference(name, _) => XmlProblem::UnknownEntity(q(&format!("&{name};"))),
            E::MalformedEntityReference(_)
            | E::EntityReferenceLoop(_)
            | E::UnexpectedEntityCloseTag(_)
            | E::EntityResolver(..) => XmlProblem::BadEntity,
            E::NonXmlChar(c, _) => XmlProblem::NotXmlCharacter(format!("U+{:04X}", u32::from(*c))),
            E::InvalidChar(expected, found, _) => XmlProblem::Expected {
                expected: q(&char::from(*expected).to_string()),
                found: Some(q(&char::from(*found).to_string())),
            },
            E::InvalidChar2("a quote", found, _) => XmlProblem::QuoteExpected(q(&char::from(*found).to_string())),
            E::InvalidChar2(expected, found, _) => XmlProblem::Expected {
                expected: q(expected.trim_matches('\'')),
                found: Some(q(&char::from(*found).to_string())),
            },
            E::InvalidString(expected, _) => XmlProblem::Expected {
                expected: q(expected),
                found: None,
            },
            E::InvalidComment(_) => XmlProblem::BadComment,
            E::InvalidCharacterData(_) => XmlProblem::BadText,
            E::UnknownNamespace(..)
            | E::DuplicatedNamespace(..)
            | E::InvalidXmlPrefixUri(_)
            | E::UnexpectedXmlUri(_)
            | E::UnexpectedXmlnsUri(_)
            | E::InvalidElementNamePrefix(_) => XmlProblem::Namespace,
            E::UnexpectedDeclaration(_) => XmlProblem::Declaration,
            E::NodesLimitReached | E::AttributesLimitReached | E::NamespacesLimitReached => XmlProblem::TooLarge,
            other => {
                let text = other.to_string();
                // roxmltree ends its messages with " at L:C"; the place is printed up front.
                let cut = text
                    .rfind(" at ")
                    .filter(|&i| text[i + 4..].contains(':'))
                    .unwrap_or(text.len());
                XmlProblem::Other(text[..cut].to_owned())
            }
        }
    }
}

fn read_xml(origin: &str, text: &str, skipped_lines: usize) -> Result<RawSchedule, Vec<DataError>> {
    // DTDs are refused outright: schedule files need none, and refusing them rules out entity
    // expansion attacks whatever the parser's own defences.
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        let reason = match e {
            roxmltree::Error::DtdDetected => m().xml_with_dtd.to_owned(),
            other => (m().xml_problem)(&XmlProblem::of(&other)),
        };
        vec![DataError::at(
            origin,
            Some((pos.row as usize + skipped_lines, pos.col as usize)),
            (m().schedule_not_xml)(&reason),
        )]
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "schedule" {
        return Err(vec![DataError::at(
            origin,
            None,
            (m().xml_root_not_schedule)(&m().quoted(&format!("<{}>", root.tag_name().name()))),
        )]);
    }
    let mut places = Places::new(text, skipped_lines);
    let mut raw = RawSchedule::default();
    let mut problems = Vec::new();
    // An element that may occur once and is given twice: igf would read one and drop the other.
    let mut once_each = |node: roxmltree::Node, singles: &[&str], places: &mut Places| {
        let mut seen = HashSet::new();
        for element in node.children().filter(roxmltree::Node::is_element) {
            let name = element.tag_name().name();
            if singles.contains(&name) && !seen.insert(name) {
                problems.push(DataError::at(
                    origin,
                    Some(places.at(element.range().start)),
                    (m().duplicate_key)(&m().quoted(&format!("<{name}>"))),
                ));
            }
        }
    };
    if let Some(conf) = child(root, "conference") {
        once_each(conf, CONFERENCE_SINGLES, &mut places);
        raw.conference = RawConference {
            title: child_text(conf, "title"),
            acronym: child_text(conf, "acronym"),
            start: child_text(conf, "start"),
            end: child_text(conf, "end"),
            time_zone_name: child_text(conf, "time_zone_name"),
            url: child_text(conf, "base_url").or_else(|| child_text(conf, "url")),
        };
    }
    for day in elements(root, "day") {
        let index = raw.days.len();
        raw.days.push(RawDay {
            date: day.attribute("date").and_then(non_empty),
            start: day.attribute("start").and_then(non_empty),
        });
        for room in elements(day, "room") {
            let room_name = room.attribute("name").and_then(non_empty);
            for event in elements(room, "event") {
                let text = |name: &'static str| child_text(event, name);
                let event_place = places.at(event.range().start);
                once_each(event, EVENT_SINGLES, &mut places);
                raw.events.push(RawEvent {
                    place: Some(event_place),
                    day: Some(index),
                    id: event.attribute("id").and_then(non_empty),
                    guid: event.attribute("guid").and_then(non_empty),
                    room: text("room").or_else(|| room_name.clone()),
                    title: text("title"),
                    subtitle: text("subtitle"),
                    event_type: text("type"),
                    date: text("date"),
                    start: text("start"),
                    duration: text("duration"),
                    abstract_text: text("abstract"),
                    description: text("description"),
                    track: text("track"),
                    slug: text("slug"),
                    // wafer names the talk's page <conf_url>.
                    url: text("url").or_else(|| text("conf_url")),
                    persons: child(event, "persons")
                        .map(|p| elements(p, "person").filter_map(|n| non_empty(&all_text(n))).collect())
                        .unwrap_or_default(),
                    links: child(event, "links")
                        .map(|l| {
                            elements(l, "link")
                                .filter_map(|n| n.attribute("href").and_then(non_empty))
                                .collect()
                        })
                        .unwrap_or_default(),
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(raw)
    } else {
        Err(problems)
    }
}

/// Children of `<conference>` that hold one value and that igf reads (it may list several tracks).
const CONFERENCE_SINGLES: &[&str] = &["title", "acronym", "start", "end", "time_zone_name", "base_url", "url"];
/// Children of `<event>` that hold one value and that igf reads.
const EVENT_SINGLES: &[&str] = &[
    "title",
    "subtitle",
    "url",
    "conf_url",
    "room",
    "type",
    "date",
    "start",
    "duration",
    "abstract",
    "description",
    "track",
    "slug",
    "persons",
    "links",
];

/// Line and column of byte offsets met in increasing order. Counting from where the previous
/// one left off keeps this linear; roxmltree's own lookup counts from the start of the file each
/// time, which for a schedule of 100,000 events is quadratic.
struct Places<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
    /// 1-based column of `offset`, in characters.
    column: usize,
}

impl<'t> Places<'t> {
    fn new(text: &'t str, skipped_lines: usize) -> Self {
        Places {
            text,
            offset: 0,
            line: 1 + skipped_lines,
            column: 1,
        }
    }

    fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.clamp(self.offset, self.text.len());
        let passed = &self.text[self.offset..offset];
        match passed.rfind('\n') {
            Some(last) => {
                self.line += passed.matches('\n').count();
                self.column = passed[last + 1..].chars().count() + 1;
            }
            None => self.column += passed.chars().count(),
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

fn elements<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(move |n| n.is_element() && n.tag_name().name() == name)
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &'static str) -> Option<roxmltree::Node<'a, 'i>> {
    elements(node, name).next()
}

/// The text of an element and everything inside it (an abstract may hold CDATA or XHTML).
fn all_text(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn child_text(node: roxmltree::Node, name: &'static str) -> Option<String> {
    child(node, name).and_then(|n| non_empty(&all_text(n)))
}

// ---------------------------------------------------------------------------------------------
// JSON

fn read_json(origin: &str, value: &Value) -> Result<RawSchedule, Vec<DataError>> {
    let fail = |message: String| vec![DataError::at(origin, None, message)];
    let schedule = value
        .get("schedule")
        .filter(|s| s.is_object())
        .ok_or_else(|| fail((m().schedule_needs_object)("\"schedule\"")))?;
    let conf = schedule
        .get("conference")
        .filter(|c| c.is_object())
        .ok_or_else(|| fail((m().schedule_needs_object)("\"schedule.conference\"")))?;
    let mut types = Types::new(origin);
    types.check(value, "", TOP_LEVEL);
    types.check(schedule, "schedule", SCHEDULE);
    types.check(conf, "schedule.conference", CONFERENCE);
    let mut raw = RawSchedule {
        conference: RawConference {
            title: json_text(conf, "title"),
            acronym: json_text(conf, "acronym"),
            start: json_text(conf, "start"),
            end: json_text(conf, "end"),
            time_zone_name: json_text(conf, "time_zone_name"),
            url: json_text(schedule, "base_url")
                .or_else(|| json_text(conf, "base_url"))
                .or_else(|| json_text(conf, "url")),
        },
        ..RawSchedule::default()
    };
    let days = conf
        .get("days")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    for (d, day) in days.iter().enumerate() {
        let day_path = format!("schedule.conference.days[{d}]");
        if !types.check(day, &day_path, DAY) {
            continue;
        }
        let index = raw.days.len();
        raw.days.push(RawDay {
            date: json_text(day, "date"),
            start: json_text(day, "day_start"),
        });
        let Some(rooms) = day.get("rooms").and_then(Value::as_object) else {
            continue;
        };
        for (room_name, events) in rooms {
            let room_path = format!("{day_path}.rooms[{}]", json_quoted(room_name));
            let Some(events) = types.list(events, &room_path) else {
                continue;
            };
            for (e, event) in events.iter().enumerate() {
                let event_path = format!("{room_path}[{e}]");
                if !types.check(event, &event_path, EVENT) {
                    continue;
                }
                let text = |name: &str| json_text(event, name);
                let list = |name: &str| event.get(name).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                let persons = list("persons");
                let links = list("links");
                for (i, person) in persons.iter().enumerate() {
                    types.check(person, &format!("{event_path}.persons[{i}]"), PERSON);
                }
                for (i, link) in links.iter().enumerate() {
                    types.check(link, &format!("{event_path}.links[{i}]"), LINK);
                }
                raw.events.push(RawEvent {
                    place: None,
                    day: Some(index),
                    id: text("id"),
                    guid: text("guid"),
                    room: text("room").or_else(|| non_empty(room_name)),
                    title: text("title"),
                    subtitle: text("subtitle"),
                    event_type: text("type"),
                    date: text("date"),
                    start: text("start"),
                    duration: text("duration"),
                    abstract_text: text("abstract"),
                    description: text("description"),
                    track: text("track"),
                    slug: text("slug"),
                    url: text("url"),
                    // frab writes public_name, pretalx name; either may be alone.
                    persons: persons
                        .iter()
                        .filter_map(|p| json_text(p, "public_name").or_else(|| json_text(p, "name")))
                        .collect(),
                    links: links.iter().filter_map(|l| json_text(l, "url")).collect(),
                });
            }
        }
    }
    for (t, track) in conf
        .get("tracks")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        types.check(track, &format!("schedule.conference.tracks[{t}]"), TRACK);
    }
    if !types.problems.is_empty() {
        return Err(types.problems);
    }
    Ok(raw)
}

/// The JSON types the c3voc schema (tests/data/frab/schema/schedule.schema.json) gives a value.
/// A value of another type is refused, never coerced: a number is not read as a title, nor a
/// string as an id, nor an integer too large for an id as an approximate float.
#[derive(Clone, Copy, PartialEq)]
enum JsonType {
    String,
    StringOrNull,
    /// Any whole number that fits 64 bits.
    Integer,
    /// An event's id: a whole number from 1, as the schema's `minimum`.
    Id,
    BooleanOrNull,
    BooleanStringOrNull,
    Array,
    Object,
    /// A string in one of the schema's formats or patterns.
    Text(Format),
}

/// The `format`s and `pattern`s the schema gives strings igf reads.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    /// RFC 3339, with its offset.
    DateTime,
    /// YYYY-MM-DD.
    Date,
    /// HH:MM, 00:00 to 23:59.
    ClockTime,
    /// Hours (any number of digits), a colon, two digits of minutes.
    Duration,
    Slug,
    Acronym,
    Code,
    /// Hexadecimal in the 8-4-4-4-12 layout.
    Uuid,
    /// A scheme (`https:`) and no blank.
    Uri,
    /// An IANA-style name or UTC, as the schema's pattern has it.
    ZoneName,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::DateTime => "string, format date-time",
            Format::Date => "string, format date",
            Format::ClockTime => "string, pattern ^(0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]$",
            Format::Duration => "string, pattern ^[0-9]+:[0-9]{2}$",
            Format::Slug => "string, pattern ^[a-z0-9_-]+[a-z0-9]$",
            Format::Acronym => "string, pattern ^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$",
            Format::Code => "string, pattern ^[A-Z0-9]+$",
            Format::Uuid => "string, format uuid",
            Format::Uri => "string, format uri",
            Format::ZoneName => "string, pattern ^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$",
        }
    }

    fn accepts(self, text: &str) -> bool {
        let lower_digit = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
        let all = |t: &str, ok: &dyn Fn(char) -> bool| !t.is_empty() && t.chars().all(ok);
        match self {
            Format::DateTime => DateTime::parse_from_rfc3339(text).is_ok(),
            Format::Date => text.len() == 10 && NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
            Format::ClockTime => {
                let b = text.as_bytes();
                b.len() == 5
                    && b[2] == b':'
                    && matches!((b[0], b[1]), (b'0'..=b'1', b'0'..=b'9') | (b'2', b'0'..=b'3'))
                    && matches!((b[3], b[4]), (b'0'..=b'5', b'0'..=b'9'))
            }
            Format::Duration => text.split_once(':').is_some_and(|(h, m)| {
                all(h, &|c| c.is_ascii_digit()) && m.len() == 2 && all(m, &|c| c.is_ascii_digit())
            }),
            Format::Slug => {
                text.chars().count() >= 2
                    && all(text, &|c| lower_digit(c) || c == '_' || c == '-')
                    && text.ends_with(lower_digit)
            }
            Format::Acronym => {
                let word = |t: &str| t.chars().count() >= 3 && all(t, &|c| lower_digit(c) || c == '_');
                let mut chars = text.chars();
                let first_ok = chars.next().is_some_and(|c| lower_digit(c) || c == '_' || c == '-');
                let rest = chars.as_str();
                // The optional tail "-2YYY-name" after the word.
                let with_year = rest.rsplit_once('-').and_then(|(head, name)| {
                    let (word_part, year) = head.rsplit_once('-')?;
                    let year_ok = year.len() == 4 && year.starts_with('2') && all(year, &|c| c.is_ascii_digit());
                    Some(word(word_part) && year_ok && all(name, &|c| c.is_ascii_lowercase()))
                });
                first_ok && (word(rest) || with_year == Some(true))
            }
            Format::Code => all(text, &|c| c.is_ascii_uppercase() || c.is_ascii_digit()),
            Format::Uuid => {
                text.len() == 36
                    && text.char_indices().all(|(i, c)| {
                        if [8, 13, 18, 23].contains(&i) {
                            c == '-'
                        } else {
                            c.is_ascii_hexdigit()
                        }
                    })
            }
            Format::Uri => super::validate::is_uri(text),
            Format::ZoneName => {
                // The schema's pattern reads as "starts with Area/City" or "ends with UTC".
                let capitalised = |t: &str| {
                    let mut c = t.chars();
                    c.next().is_some_and(|f| f.is_ascii_uppercase()) && c.next().is_some_and(|s| s.is_ascii_lowercase())
                };
                text.ends_with("UTC")
                    || text.split_once('/').is_some_and(|(area, city)| {
                        capitalised(area) && area[1..].chars().all(|c| c.is_ascii_lowercase()) && capitalised(city)
                    })
            }
        }
    }
}

impl JsonType {
    fn accepts(self, value: &Value) -> bool {
        match self {
            JsonType::String => value.is_string(),
            JsonType::StringOrNull => value.is_string() || value.is_null(),
            JsonType::Integer => value.is_i64() || value.is_u64(),
            JsonType::Id => value.as_u64().is_some_and(|n| n >= 1),
            JsonType::BooleanOrNull => value.is_boolean() || value.is_null(),
            JsonType::BooleanStringOrNull => value.is_boolean() || value.is_string() || value.is_null(),
            JsonType::Array => value.is_array(),
            JsonType::Object => value.is_object(),
            JsonType::Text(format) => value.as_str().is_some_and(|t| format.accepts(t)),
        }
    }

    /// As JSON Schema writes it, so the words are the same in every language.
    fn schema_name(self) -> &'static str {
        match self {
            JsonType::String => "string",
            JsonType::StringOrNull => "string | null",
            JsonType::Integer => "integer",
            JsonType::Id => "integer >= 1",
            JsonType::BooleanOrNull => "boolean | null",
            JsonType::BooleanStringOrNull => "boolean | string | null",
            JsonType::Array => "array",
            JsonType::Object => "object",
            JsonType::Text(format) => format.name(),
        }
    }
}

/// The type of each key the schema knows at one level of the file. Keys it does not know are
/// left alone: published files carry their own.
type Shape = &'static [(&'static str, JsonType)];

const TOP_LEVEL: Shape = &[
    ("schedule", JsonType::Object),
    ("$schema", JsonType::String),
    ("generator", JsonType::Object),
];
const SCHEDULE: Shape = &[
    ("version", JsonType::String),
    ("base_url", JsonType::Text(Format::Uri)),
    ("conference", JsonType::Object),
];
const CONFERENCE: Shape = &[
    ("acronym", JsonType::Text(Format::Acronym)),
    ("title", JsonType::String),
    ("description", JsonType::String),
    ("start", JsonType::String),
    ("end", JsonType::String),
    ("daysCount", JsonType::Integer),
    ("timeslot_duration", JsonType::String),
    ("time_zone_name", JsonType::Text(Format::ZoneName)),
    ("logo", JsonType::Text(Format::Uri)),
    ("colors", JsonType::Object),
    ("keywords", JsonType::Array),
    ("url", JsonType::Text(Format::Uri)),
    ("tracks", JsonType::Array),
    ("rooms", JsonType::Array),
    ("meta", JsonType::Object),
    ("days", JsonType::Array),
];
const DAY: Shape = &[
    ("index", JsonType::Integer),
    ("date", JsonType::Text(Format::Date)),
    ("day_start", JsonType::Text(Format::DateTime)),
    ("day_end", JsonType::Text(Format::DateTime)),
    ("rooms", JsonType::Object),
];
const EVENT: Shape = &[
    ("guid", JsonType::Text(Format::Uuid)),
    ("code", JsonType::Text(Format::Code)),
    ("id", JsonType::Id),
    ("logo", JsonType::StringOrNull),
    ("date", JsonType::Text(Format::DateTime)),
    ("start", JsonType::Text(Format::ClockTime)),
    ("end", JsonType::Text(Format::DateTime)),
    ("duration", JsonType::Text(Format::Duration)),
    ("room", JsonType::String),
    ("slug", JsonType::Text(Format::Slug)),
    ("url", JsonType::Text(Format::Uri)),
    ("title", JsonType::String),
    ("subtitle", JsonType::StringOrNull),
    ("track", JsonType::StringOrNull),
    ("type", JsonType::String),
    ("language", JsonType::StringOrNull),
    ("abstract", JsonType::StringOrNull),
    ("description", JsonType::StringOrNull),
    ("recording_license", JsonType::String),
    ("do_not_record", JsonType::BooleanOrNull),
    ("do_not_stream", JsonType::BooleanStringOrNull),
    ("persons", JsonType::Array),
    ("links", JsonType::Array),
    ("feedback_url", JsonType::Text(Format::Uri)),
    ("origin_url", JsonType::Text(Format::Uri)),
    ("attachments", JsonType::Array),
];
const PERSON: Shape = &[
    ("name", JsonType::String),
    ("public_name", JsonType::String),
    ("guid", JsonType::Text(Format::Uuid)),
    ("id", JsonType::Integer),
    ("url", JsonType::Text(Format::Uri)),
    ("links", JsonType::Array),
    ("code", JsonType::Text(Format::Code)),
    ("avatar", JsonType::StringOrNull),
    ("biography", JsonType::StringOrNull),
];
const LINK: Shape = &[
    ("type", JsonType::String),
    ("url", JsonType::Text(Format::Uri)),
    ("title", JsonType::String),
];
const TRACK: Shape = &[
    ("name", JsonType::String),
    ("slug", JsonType::Text(Format::Slug)),
    ("color", JsonType::String),
];

/// Checks values against their [`Shape`], collecting one problem per value of the wrong type so
/// that a run reports all of them.
struct Types<'o> {
    origin: &'o str,
    problems: Vec<DataError>,
}

impl<'o> Types<'o> {
    fn new(origin: &'o str) -> Self {
        Types {
            origin,
            problems: Vec::new(),
        }
    }

    fn refuse(&mut self, path: &str, expected: JsonType, found: &Value) {
        let message = (m().wrong_json_type)(path, expected.schema_name(), &describe(found));
        self.problems.push(DataError::at(self.origin, None, message));
    }

    /// Whether `value` is an object; if so, each key `shape` knows is checked.
    fn check(&mut self, value: &Value, path: &str, shape: Shape) -> bool {
        let Some(object) = value.as_object() else {
            self.refuse(path, JsonType::Object, value);
            return false;
        };
        for (key, expected) in shape {
            if let Some(found) = object.get(*key) {
                if !expected.accepts(found) {
                    let at = if path.is_empty() {
                        (*key).to_owned()
                    } else {
                        format!("{path}.{key}")
                    };
                    self.refuse(&at, *expected, found);
                }
            }
        }
        true
    }

    fn list<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v [Value]> {
        match value.as_array() {
            Some(items) => Some(items.as_slice()),
            None => {
                self.refuse(path, JsonType::Array, value);
                None
            }
        }
    }
}

/// A value as a problem names it: its JSON type, and the value itself when it is short.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) if n.is_i64() || n.is_u64() => format!("integer {n}"),
        // serde_json reads an integer beyond 64 bits as the nearest float; it is shown so.
        Value::Number(n) => format!("number {n}"),
        Value::String(s) => format!("string {}", json_quoted(s)),
        Value::Array(_) => "array".to_owned(),
        Value::Object(_) => "object".to_owned(),
    }
}

/// The text of a string at `key`, or of a whole number (frab's ids). Types were checked before.
fn json_text(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) => non_empty(s),
        Value::Number(n) if n.is_u64() || n.is_i64() => Some(n.to_string()),
        _ => None,
    }
}

/// serde_json appends " at line L column C"; the place is printed up front.
fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// `text` as JSON, refusing an object that gives a key twice: serde_json keeps the last value
/// silently, so a file edited by hand could lose a field without a word.
fn strict_json(text: &str) -> Result<Value, serde_json::Error> {
    use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
    struct Strict;
    impl<'de> DeserializeSeed<'de> for Strict {
        type Value = Value;
        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
            deserializer.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Strict {
        type Value = Value;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element_seed(Strict)? {
                items.push(item);
            }
            Ok(Value::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut object = serde_json::Map::new();
            while let Some(key) = map.next_key::<String>()? {
                if object.contains_key(&key) {
                    return Err(A::Error::custom((m().duplicate_key)(&m().quoted(&key))));
                }
                let value = map.next_value_seed(Strict)?;
                object.insert(key, value);
            }
            Ok(Value::Object(object))
        }
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Strict.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

// ---------------------------------------------------------------------------------------------
// From what the file says to sessions

/// How local times without an offset of their own become UTC.
#[derive(Clone, Copy)]
enum Clock {
    /// The conference's `time_zone_name`.
    Zone(super::zones::NamedZone),
    /// The offset of the day's `start`, for files that name no zone.
    Offset(FixedOffset),
    /// Neither: times are shown as printed (taken as UTC), with a warning.
    AsPrinted,
}

impl Clock {
    fn to_utc(self, local: NaiveDateTime) -> NaiveDateTime {
        match self {
            // In the hour repeated when clocks go back, the earlier reading is taken.
            // A time in the hour skipped when clocks go forward is read an hour later, less that hour.
            Clock::Zone(zone) => zone.to_utc(local),
            Clock::Offset(offset) => local
                .checked_sub_signed(Duration::seconds(i64::from(offset.local_minus_utc())))
                .unwrap_or(local),
            Clock::AsPrinted => local,
        }
    }
}

struct ResolvedDay {
    date: Option<NaiveDate>,
    /// The day's start as written (local), and its offset when it has one.
    start: Option<(NaiveDateTime, Option<FixedOffset>)>,
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// An ISO 8601 date and time with or without an offset, seconds optional.
fn parse_date_time(text: &str) -> Option<(NaiveDateTime, Option<FixedOffset>)> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some((t.naive_local(), Some(*t.offset())));
    }
    for format in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z"] {
        if let Ok(t) = DateTime::parse_from_str(text, format) {
            return Some((t.naive_local(), Some(*t.offset())));
        }
    }
    [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
    .map(|t| (t, None))
}

fn parse_clock_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .ok()
}

/// "01:30", "1:30" or "01:30:00" (frab and pretalx); "1:02:30" is read as hours, minutes, seconds.
fn parse_duration(text: &str) -> Option<Duration> {
    let parts: Vec<i64> = text.split(':').map(|p| p.trim().parse().ok()).collect::<Option<_>>()?;
    if parts.iter().any(|&p| p < 0) {
        return None;
    }
    // Checked: a published length of billions of hours is refused like any other bad length.
    let seconds = match parts.as_slice() {
        [h, m] if *m < 60 => h.checked_mul(3600)?.checked_add(m * 60)?,
        [h, m, s] if *m < 60 && *s < 60 => h.checked_mul(3600)?.checked_add(m * 60 + s)?,
        _ => return None,
    };
    Duration::try_seconds(seconds)
}

/// Where the text is mostly in Arabic script (more Arabic letters than Latin ones).
fn is_arabic(text: &str) -> bool {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
            c if c.is_alphabetic() => latin += 1,
            _ => {}
        }
    }
    arabic > latin
}

/// Places a text under Arabic or English by its script, joining it to what is there already.
fn add_by_script(text: String, ar: &mut Option<String>, en: &mut Option<String>, joiner: &str) {
    let slot = if is_arabic(&text) { ar } else { en };
    match slot {
        Some(existing) if existing.contains(text.as_str()) => {}
        Some(existing) => {
            existing.push_str(joiner);
            existing.push_str(&text);
        }
        None => *slot = Some(text),
    }
}

/// The event type as one of our kinds where it clearly is one ("workshop", our own slugs on a
/// file igf wrote), else Other; the file's own wording is kept as the session's format.
fn kind_of(event_type: &str) -> Kind {
    let folded: String = event_type
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '_' { '-' } else { c })
        .collect();
    Kind::ALL
        .into_iter()
        .find(|k| k.slug() == folded)
        .unwrap_or(if folded.contains("workshop") {
            Kind::Workshop
        } else {
            Kind::Other
        })
}

fn track_of(name: &str) -> Option<Track> {
    Track::ALL
        .into_iter()
        .find(|t| t.slug().eq_ignore_ascii_case(name.trim()))
}

/// Block-level HTML tags: where they stand, the text breaks a line.
const BREAKING_TAGS: [&str; 12] = [
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "tr",
    "blockquote",
];

/// Abstracts from frab and wafer carry HTML; users see its text. Tags are dropped (block tags
/// become line breaks) and character references decoded; a `<` that starts no tag is kept.
pub(crate) fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let starts_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>').filter(|_| starts_tag) {
            Some(close) => {
                let name: String = after[..close]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if BREAKING_TAGS.contains(&name.as_str()) {
                    out.push('\n');
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let decoded = decode_references(&out);
    // Collapse the spacing HTML ignores: runs of blanks, and more than one empty line.
    let mut text = String::with_capacity(decoded.len());
    let mut blank_run = 0;
    for line in decoded.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        text.push_str(&line);
    }
    text
}

fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &after[..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| name.strip_prefix('#').map(str::parse))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A link as an absolute address. Schedules give links as written by hand (frab's XML schema
/// takes any string): a space is percent-encoded, as browsers do, and a reference relative to
/// the schedule (`/attachments/a.pdf`, `//host/a`, `slides.pdf`) is resolved against `base`
/// as RFC 3986 resolves the usual forms.
fn absolute_address(href: &str, base: &str) -> String {
    let mut link = String::new();
    super::push_uri_text(&mut link, href.trim(), &[]);
    if super::validate::is_uri(&link) {
        return link;
    }
    let scheme_end = base.find(':').map_or(0, |at| at + 1);
    let authority_end = base[scheme_end..]
        .strip_prefix("//")
        .map_or(scheme_end, |rest| scheme_end + 2 + rest.find('/').unwrap_or(rest.len()));
    let without_query = base.find(['?', '#']).map_or(base, |at| &base[..at]);
    if link.starts_with("//") {
        format!("{}{link}", &base[..scheme_end])
    } else if link.starts_with('/') {
        format!("{}{link}", &base[..authority_end])
    } else if link.starts_with(['?', '#']) {
        format!("{without_query}{link}")
    } else {
        let directory = without_query
            .rfind('/')
            .filter(|&at| at >= authority_end)
            .map_or(without_query.len(), |at| at + 1);
        let slash = if directory == without_query.len() && !without_query.ends_with('/') {
            "/"
        } else {
            ""
        };
        format!("{}{slash}{link}", &without_query[..directory])
    }
}

fn build(origin: &str, address: Option<&str>, raw: RawSchedule) -> Result<Dataset, Vec<DataError>> {
    let mut problems = Vec::new();
    let conf = &raw.conference;
    // A schedule read from memory has no address: the name shown is the best there is.
    let file = address.map_or_else(|| super::file_address(std::path::Path::new(origin)), str::to_owned);
    // What relative links are relative to: the conference's own address, else the file.
    let base = conf
        .url
        .as_deref()
        .map_or_else(|| file.clone(), |url| absolute_address(url, &file));
    let zone = match conf.time_zone_name.as_deref() {
        None => None,
        Some(name) => match super::zones::NamedZone::find(name.trim()) {
            Some(zone) => Some(zone),
            None => {
                return Err(vec![DataError::at(
                    origin,
                    None,
                    (m().unknown_time_zone_name)(&m().quoted(name)),
                )])
            }
        },
    };
    let days: Vec<ResolvedDay> = raw
        .days
        .iter()
        .map(|d| {
            let start = d.start.as_deref().and_then(parse_date_time);
            ResolvedDay {
                date: d.date.as_deref().and_then(parse_date).or(start.map(|s| s.0.date())),
                start,
            }
        })
        .collect();

    let mut sessions = Vec::with_capacity(raw.events.len());
    let mut seen_ids = HashSet::new();
    let mut as_printed = 0usize;
    let mut ends_dropped = 0usize;
    for (n, event) in raw.events.into_iter().enumerate() {
        let name = event
            .id
            .clone()
            .or_else(|| event.title.clone())
            .unwrap_or_else(|| format!("number {}", n + 1));
        let mut report = |message: String| {
            problems.push(DataError::at(
                origin,
                event.place,
                (m().in_event)(&m().quoted(&name), &message),
            ))
        };
        let day = event.day.and_then(|i| days.get(i));
        let clock = |offset: Option<FixedOffset>| match (zone, offset, day.and_then(|d| d.start).and_then(|s| s.1)) {
            (Some(tz), _, _) => Clock::Zone(tz),
            (None, Some(own), _) => Clock::Offset(own),
            (None, None, Some(day_offset)) => Clock::Offset(day_offset),
            (None, None, None) => Clock::AsPrinted,
        };
        // The instant the event starts (UTC), from <date> when given, else from its day and <start>.
        let start: Option<NaiveDateTime> = match (&event.date, &event.start) {
            (Some(date), _) => match parse_date_time(date) {
                // An offset written on the event itself is exact, whatever the conference zone.
                Some((local, Some(offset))) => Some(Clock::Offset(offset).to_utc(local)),
                Some((local, None)) => {
                    let c = clock(None);
                    as_printed += usize::from(matches!(c, Clock::AsPrinted));
                    Some(c.to_utc(local))
                }
                None => {
                    report((m().bad_event_date_time)(&m().quoted(date)));
                    continue;
                }
            },
            (None, Some(start)) => {
                let Some(time) = parse_clock_time(start) else {
                    report((m().bad_event_start)(&m().quoted(start)));
                    continue;
                };
                let Some(date) = day.and_then(|d| d.date) else {
                    report(m().start_without_date.to_owned());
                    continue;
                };
                // A conference day may run past midnight: 01:00 on a day starting at 10:00 is the
                // next morning.
                let after_midnight = day
                    .and_then(|d| d.start)
                    .is_some_and(|(s, _)| s.date() == date && time < s.time());
                let day_of_start = if after_midnight { date.succ_opt() } else { Some(date) };
                let Some(date) = day_of_start.filter(|d| super::model::within_calendars(*d)) else {
                    report((m().date_beyond_calendars)(&date.to_string()));
                    continue;
                };
                let c = clock(None);
                as_printed += usize::from(matches!(c, Clock::AsPrinted));
                Some(c.to_utc(date.and_time(time)))
            }
            (None, None) => None,
        };
        if let Some(start) = start.filter(|s| !super::model::within_calendars(s.date())) {
            report((m().date_beyond_calendars)(&start.date().to_string()));
            continue;
        }
        let length = match event.duration.as_deref().map(|d| (d, parse_duration(d))) {
            Some((text, None)) => {
                report((m().bad_event_duration)(&m().quoted(text)));
                continue;
            }
            Some((_, Some(length))) => Some(length).filter(|l| *l > Duration::zero()),
            None => None,
        };
        let end = match start.zip(length) {
            Some((s, l)) => match s.checked_add_signed(l) {
                Some(end) => Some(end),
                // An end past any date there is: the length cannot be right.
                None => {
                    report((m().bad_event_duration)(
                        &m().quoted(event.duration.as_deref().unwrap_or_default()),
                    ));
                    continue;
                }
            },
            None => None,
        };
        // The model keeps an end as a time on the start's day; one past midnight UTC is dropped.
        let end = match (start, end) {
            (Some(s), Some(e)) if e.date() != s.date() => {
                ends_dropped += 1;
                None
            }
            (_, e) => e,
        };

        let (mut title_ar, mut title_en) = (None, None);
        for text in [event.title.clone(), event.subtitle.clone()].into_iter().flatten() {
            add_by_script(text, &mut title_ar, &mut title_en, " — ");
        }
        if title_ar.is_none() && title_en.is_none() {
            report(m().event_without_title.to_owned());
            continue;
        }
        let (mut summary_ar, mut summary_en) = (None, None);
        for text in [&event.abstract_text, &event.description].into_iter().flatten() {
            if let Some(text) = non_empty(&html_to_text(text)) {
                add_by_script(text, &mut summary_ar, &mut summary_en, "\n\n");
            }
        }

        let base_id: String = event
            .id
            .clone()
            .or(event.guid.clone())
            .or(event.slug.clone())
            .unwrap_or_else(|| format!("event-{}", n + 1))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        // pretalx repeats an id when a talk has several slots; later ones get a suffix.
        let mut id = base_id.clone();
        let mut copy = 1;
        while !seen_ids.insert(id.clone()) {
            copy += 1;
            id = format!("{base_id}-{copy}");
        }

        let mut sources: Vec<Text> = Vec::new();
        for url in event.links.iter().chain(&event.url) {
            let url = absolute_address(url, &base);
            if !sources.iter().any(|s| *s == url) {
                sources.push(Cow::Owned(url));
            }
        }
        if sources.is_empty() {
            // The file itself is where this session is said to take place.
            sources.push(Cow::Owned(base.clone()));
        }
        let kind = event.event_type.as_deref().map_or(Kind::Other, kind_of);
        let text = |t: Option<String>| t.map(Cow::Owned);
        sessions.push(Session {
            number: base_id.parse().ok(),
            id: Cow::Owned(id),
            kind,
            title_en: text(title_en),
            title_ar: text(title_ar),
            date: start.map(|s| s.date()).or(day.and_then(|d| d.date)),
            start_utc: start.map(|s| s.time()),
            end_utc: end.map(|e| e.time()),
            room: text(event.room),
            format: text(event.event_type.filter(|t| t.as_str() != kind.slug())),
            track: event.track.as_deref().and_then(track_of),
            speakers: Cow::Owned(
                event
                    .persons
                    .into_iter()
                    .map(|name| Speaker {
                        name: Cow::Owned(name),
                        ..Speaker::default()
                    })
                    .collect(),
            ),
            summary_en: text(summary_en),
            summary_ar: text(summary_ar),
            sources: Cow::Owned(sources),
            confidence: Confidence::High,
            ..Session::default()
        });
    }
    for (field, value) in [("conference.start", &conf.start), ("conference.end", &conf.end)] {
        if let Some(value) = value.as_deref().filter(|v| parse_date(v).is_none()) {
            let reason = (m().not_a_calendar_date)(Some(&m().quoted(value)));
            problems.push(DataError::at(origin, None, (m().bad_field)(field, &reason)));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if as_printed > 0 {
        crate::term::error_line(&(m().times_as_printed)(origin, as_printed));
    }
    if ends_dropped > 0 {
        crate::term::error_line(&(m().ends_after_midnight)(origin, ends_dropped));
    }

    let dates = conf
        .start
        .as_deref()
        .and_then(parse_date)
        .into_iter()
        .chain(conf.end.as_deref().and_then(parse_date))
        .chain(days.iter().filter_map(|d| d.date))
        .chain(sessions.iter().filter_map(|s| s.date));
    let (first, last) = dates.fold((None, None), |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
        (Some(lo.map_or(d, |lo| lo.min(d))), Some(hi.map_or(d, |hi| hi.max(d))))
    });
    let (Some(start), Some(end)) = (first, last) else {
        return Err(vec![DataError::at(origin, None, m().schedule_without_dates.to_owned())]);
    };
    let title = conf
        .title
        .clone()
        .or(conf.acronym.clone())
        .unwrap_or_else(|| origin.to_owned());
    let edition = match &conf.acronym {
        Some(acronym) if !title.contains(acronym.as_str()) => format!("{title} ({acronym})"),
        _ => title.clone(),
    };
    // A schedule names neither a host nor a theme; they stay empty, and views leave them out.
    let both = |t: &str| (Cow::Owned(t.to_owned()), Cow::Owned(t.to_owned()));
    let (name_en, name_ar) = both(&title);
    let (edition_en, edition_ar) = both(&edition);
    let (host_en, host_ar) = both("");
    let (theme_en, theme_ar) = both("");
    Ok(Dataset {
        forum: Forum {
            name_en,
            name_ar,
            edition_en,
            edition_ar,
            host_en,
            host_ar,
            theme_en,
            theme_ar,
            start,
            end,
            // Phases are IGF 2020's; another event's schedule has none.
            phases: Cow::Owned(Vec::new()),
            ..Forum::default()
        },
        sessions: Cow::Owned(sessions),
        ..Dataset::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_absolute_addresses() {
        let base = "https://frab.example.org/en/fnt23/public/schedule";
        let cases = [
            ("https://example.org/a b.pdf", "https://example.org/a%20b.pdf"),
            (
                "/system/attachments/1.pdf",
                "https://frab.example.org/system/attachments/1.pdf",
            ),
            ("//cdn.example.org/x", "https://cdn.example.org/x"),
            ("slides.pdf", "https://frab.example.org/en/fnt23/public/slides.pdf"),
            ("#event-1", "https://frab.example.org/en/fnt23/public/schedule#event-1"),
            ("mailto:a@example.org", "mailto:a@example.org"),
        ];
        for (href, wanted) in cases {
            let got = absolute_address(href, base);
            assert_eq!(got, wanted, "{href}");
            assert!(super::super::validate::is_uri(&got), "{got}");
        }
        assert_eq!(absolute_address("a.pdf", "file:///tmp/s.xml"), "file:///tmp/a.pdf");
        assert_eq!(
            absolute_address("/a.pdf", "https://example.org"),
            "https://example.org/a.pdf"
        );
    }

    #[test]
    fn places_count_lines_and_columns_from_where_they_left_off() {
        let text = "ab\ncd\n\u{e9}f";
        let mut places = Places::new(text, 2);
        assert_eq!(places.at(1), (3, 2));
        assert_eq!(places.at(4), (4, 2));
        assert_eq!(places.at(text.len() - 1), (5, 2));
    }

    #[test]
    fn html_becomes_text_and_a_lone_angle_bracket_stays() {
        assert_eq!(
            html_to_text("<p>Privacy &amp; <b>data</b></p><p>x &lt; y, 3 < 4 &#x41;&#66;</p>"),
            "Privacy & data\n\nx < y, 3 < 4 AB"
        );
        assert_eq!(html_to_text("no markup &unknown; here"), "no markup &unknown; here");
    }

    #[test]
    fn durations_and_times_in_the_shapes_files_use() {
        assert_eq!(parse_duration("01:30"), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("0:45:00"), Some(Duration::minutes(45)));
        assert_eq!(parse_duration("1:75"), None);
        assert_eq!(parse_clock_time("09:05:00"), NaiveTime::from_hms_opt(9, 5, 0));
        let (local, offset) = parse_date_time("2020-11-04T10:00:00+01:00").expect("ISO 8601 with offset");
        assert_eq!(local.to_string(), "2020-11-04 10:00:00");
        assert_eq!(offset.map(|o| o.local_minus_utc()), Some(3600));
        assert_eq!(parse_date_time("2020-11-04T10:00").map(|t| t.1.is_none()), Some(true));
    }

    #[test]
    fn kinds_map_only_where_they_clearly_match() {
        assert_eq!(kind_of("Workshop (2 hours)"), Kind::Workshop);
        assert_eq!(kind_of("open-forum"), Kind::OpenForum);
        assert_eq!(kind_of("Open forum"), Kind::OpenForum);
        assert_eq!(kind_of("lecture"), Kind::Other);
    }

    #[test]
    fn titles_go_to_the_language_of_their_script() {
        let (mut ar, mut en) = (None, None);
        add_by_script("الذكاء الاصطناعي".to_owned(), &mut ar, &mut en, " — ");
        add_by_script("Artificial intelligence".to_owned(), &mut ar, &mut en, " — ");
        add_by_script("and rights".to_owned(), &mut ar, &mut en, " — ");
        assert_eq!(ar.as_deref(), Some("الذكاء الاصطناعي"));
        assert_eq!(en.as_deref(), Some("Artificial intelligence — and rights"));
    }
}
