//! Every sentence `igf` itself writes to standard error, one table per language like the labels
//! (`en.rs`, `ar.rs`). A message missing from one table is a compile error, and
//! [`Messages::samples`] lists each one so a test can check both tables together.
//!
//! Values quoted in a message (an id, a file's text, a path) are passed in already sanitised,
//! shortened and quoted as the language quotes, through [`Messages::quoted`].

pub mod ar;
mod code;
pub mod en;

pub use code::isolate_code;

use super::Lang;
use crate::data::{Kind, Shape, Track, XmlProblem};
use crate::query::typed::BadValue;
use crate::term::sanitize::{shortened, ECHO_CHARS};
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

/// Every message of one language. `fn` fields take the values the sentence names.
pub struct Messages {
    /// The language of this table, for names that come from the labels.
    pub lang: Lang,
    /// Quotes a value the user typed or the data holds, inside a sentence.
    pub quote: fn(&str) -> String,
    /// How one value of a list (names to choose from, the nearest ids) is written.
    pub list_item: fn(&str) -> String,
    /// Between the values of a list.
    pub list_separator: &'static str,
    /// Output could not be written; the reason follows.
    pub cannot_write: fn(&str) -> String,
    /// A `--data` file could not be opened or read; the reason follows.
    pub cannot_read: fn(&str) -> String,
    pub no_such_file: &'static str,
    pub permission_denied: &'static str,
    pub is_directory: &'static str,
    /// A write to a full disk.
    pub storage_full: &'static str,
    /// A write to an output that is closed (`igf list >&-`).
    pub output_closed: &'static str,
    /// The file is larger than the limit (in MiB).
    pub too_large: fn(u64) -> String,
    /// Not UTF-8; the byte offset of the first bad byte.
    pub not_utf8: fn(usize) -> String,
    /// Lists or mappings nested deeper than the limit.
    pub too_deep: fn(usize) -> String,
    /// An anchor (quoted, with its `&`) defined again; the line of its first definition.
    pub anchor_defined_twice: fn(&str, usize) -> String,
    /// Aliases that repeat more text than the limit (in MiB).
    pub too_much_repeated: fn(u64) -> String,
    /// The YAML parser's own description of a syntax error.
    pub syntax: fn(&str) -> String,
    /// Why a required field is refused when it is absent.
    pub missing_field: &'static str,
    /// A field the schema refuses, and the parser's reason.
    pub bad_field: fn(&str, &str) -> String,
    /// The part of a programme a problem is in: "session WS1", or its position when it has no id.
    pub in_session: fn(&str) -> String,
    pub in_session_number: fn(usize) -> String,
    pub forum_ends_before_start: fn(&str, &str) -> String,
    pub bad_session_id: fn(&str) -> String,
    /// A repeated id and the line where it first appeared, when known.
    pub duplicate_session_id: fn(&str, Option<usize>) -> String,
    /// A date outside the forum: the date, the forum's first and last day.
    pub date_outside_forum: fn(&str, &str, &str) -> String,
    /// End and start time.
    pub ends_before_start: fn(&str, &str) -> String,
    /// A date beyond the four-digit years calendars and schedules can hold.
    pub date_beyond_calendars: fn(&str) -> String,
    /// A key the schema does not have, and the keys it has.
    pub not_in_schema: fn(&str) -> String,
    /// A merge key (`<<: *defaults`), which the programme's reader does not apply.
    pub merge_key: &'static str,
    /// A value the schema does not list, and the values it lists.
    pub not_a_known_value: fn(&str, &str) -> String,
    pub bad_event_date_time: fn(&str) -> String,
    pub start_without_date: &'static str,
    pub event_without_title: &'static str,
    pub end_without_start: &'static str,
    pub no_sources: &'static str,
    /// A key a mapping (YAML) or object (JSON) gives twice.
    pub duplicate_key: fn(&str) -> String,
    /// An XML schedule that declares a DTD.
    pub xml_with_dtd: &'static str,
    /// An XML file whose root element (named) is not `<schedule>`.
    pub xml_root_not_schedule: fn(&str) -> String,
    /// A number beyond the 64 bits a YAML value holds.
    pub number_too_large: fn(&str) -> String,
    /// A YAML file of several documents.
    pub several_documents: &'static str,
    /// Aliases that repeat the file's text past the parser's limit.
    pub too_many_repetitions: &'static str,
    /// A schedule from which no date at all can be read.
    pub schedule_without_dates: &'static str,
    /// A value of the wrong kind: what was found, what the field takes (both from `shape`).
    pub wrong_type: fn(&str, &str) -> String,
    /// A kind of value, named in a sentence.
    pub shape: fn(&Shape) -> String,
    /// Text in a date field that is no date of the calendar (the text, when known).
    pub not_a_calendar_date: fn(Option<&str>) -> String,
    /// A required field given as null, ~ or nothing.
    pub no_value: &'static str,
    /// Text in a start or end field that is no clock time.
    pub bad_clock_time: fn(&str) -> String,
    /// A source that is not an address a reader can open.
    /// The character that keeps it from being one (its code point and place), when one does.
    pub not_a_web_address: fn(&str, Option<(&str, usize)>) -> String,
    /// A text for readers (`what`) in one language only; the Arabic fields to add follow.
    pub one_language_only: fn(&str, &str) -> String,
    pub no_title: &'static str,
    /// An unknown body id and the known ones.
    pub unknown_body: fn(&str, &str) -> String,
    pub empty_egypt_entry: &'static str,
    pub duplicate_body_id: fn(&str) -> String,
    /// How many sessions without a date a calendar leaves out.
    pub left_out_of_calendar: fn(usize) -> String,
    pub pager_not_started: fn(&str, &str) -> String,
    pub pager_failed: fn(&str, i32) -> String,
    pub left_out_of_schedule: fn(usize) -> String,
    pub schedule_not_json: fn(&str) -> String,
    pub schedule_not_xml: fn(&str) -> String,
    /// What the XML parser found wrong.
    pub xml_problem: fn(&XmlProblem) -> String,
    pub schedule_needs_object: fn(&str) -> String,
    pub schedule_needs_list: fn(&str) -> String,
    pub unknown_time_zone_name: fn(&str) -> String,
    pub in_event: fn(&str, &str) -> String,
    pub bad_event_start: fn(&str) -> String,
    pub bad_event_duration: fn(&str) -> String,
    pub times_as_printed: fn(&str, usize) -> String,
    pub ends_after_midnight: fn(&str, usize) -> String,
    /// `--format` given to an overview command.
    pub format_for_lists_only: fn(&str) -> String,
    pub empty_body: &'static str,
    /// A `--body` that names nothing, and the hint that follows.
    pub unknown_body_name: fn(&str, &str) -> String,
    pub body_example: &'static str,
    /// A `--country` that names nothing, and the hint that follows.
    pub unknown_country: fn(&str, &str) -> String,
    pub country_example: &'static str,
    /// The nearest names to what was typed.
    pub closest: fn(&str) -> String,
    /// An id that names no session, with or without the nearest ids.
    pub unknown_id: fn(&str) -> String,
    pub unknown_id_closest: fn(&str, &str) -> String,
    /// A list that came out empty, and what to try instead.
    pub nothing_listed: &'static str,
    /// How a date is written, after "not a valid value".
    pub date_shape: &'static str,
    /// The phases there are.
    pub phases: &'static str,
    /// The track names, already listed.
    pub tracks_are: fn(&str) -> String,
    /// A "did you mean" (possibly empty), and the kind names, already listed.
    pub kinds_are: fn(&str, &str) -> String,
    pub did_you_mean: fn(&str) -> String,
    /// What a time zone looks like, after the nearest zone names (possibly empty), already listed.
    pub zones_hint: fn(&str) -> String,
    /// `TZ` names a zone this program does not know: times fall back to UTC.
    pub unknown_tz_variable: fn(&str) -> String,
    /// A schedule JSON value of the wrong type: its path, the type the schema gives, what it is.
    pub wrong_json_type: fn(&str, &str, &str) -> String,
}

static CURRENT: AtomicU8 = AtomicU8::new(Lang::Ar as u8);

/// Chooses the language of every later message. Set once at start-up from `--lang` and
/// `IGF_LANG`, because argument checks run inside the parser, before any settings exist.
pub fn set_language(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// Whether counts in Arabic sentences are written in Latin digits (`--digits latin`); Arabic-Indic
/// until then, as the labels write them.
static LATIN_COUNTS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Chooses the digits of the counts in later Arabic messages, as the settings resolved them.
pub fn set_digits(digits: crate::present::Digits) {
    LATIN_COUNTS.store(digits == crate::present::Digits::Latin, Ordering::Relaxed);
}

/// A count (of sessions, levels, MiB) in an Arabic sentence, in the digits the rest of the
/// output uses. Places (lines, offsets) and values to type stay as tools and files write them.
pub fn count(n: impl std::fmt::Display) -> String {
    let n = n.to_string();
    if LATIN_COUNTS.load(Ordering::Relaxed) {
        n
    } else {
        crate::present::format::arabic_indic(&n)
    }
}

/// The messages in the language chosen by [`set_language`] (Arabic until then, like the labels).
pub fn current() -> &'static Messages {
    if CURRENT.load(Ordering::Relaxed) == Lang::En as u8 {
        &en::MESSAGES
    } else {
        &ar::MESSAGES
    }
}

/// The messages of one language.
pub fn of(lang: Lang) -> &'static Messages {
    match lang {
        Lang::Ar => &ar::MESSAGES,
        Lang::En => &en::MESSAGES,
    }
}

/// Refusals of typed values are worded in the interface language when clap shows them.
impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&current().bad_value(self))
    }
}

impl Messages {
    /// A user's or the data's value, sanitised, shortened and quoted for a sentence.
    /// Why reading or writing failed: in this language for the usual causes, else in the
    /// system's words without their "(os error N)".
    pub fn io_reason(&self, e: &std::io::Error) -> String {
        use std::io::ErrorKind;
        #[cfg(unix)]
        let closed = e.raw_os_error() == Some(libc::EBADF);
        #[cfg(not(unix))]
        let closed = false;
        match e.kind() {
            ErrorKind::NotFound => self.no_such_file.to_owned(),
            ErrorKind::PermissionDenied => self.permission_denied.to_owned(),
            ErrorKind::IsADirectory => self.is_directory.to_owned(),
            ErrorKind::StorageFull => self.storage_full.to_owned(),
            _ if closed => self.output_closed.to_owned(),
            _ => {
                let text = e.to_string();
                text.find(" (os error")
                    .map_or(text.clone(), |cut| text[..cut].to_owned())
            }
        }
    }

    pub fn quoted(&self, value: &str) -> String {
        (self.quote)(&shortened(value, ECHO_CHARS))
    }

    /// Values joined by this language's separator, as they are.
    pub fn joined<S: AsRef<str>>(&self, values: impl IntoIterator<Item = S>) -> String {
        let values: Vec<S> = values.into_iter().collect();
        values
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(self.list_separator)
    }

    /// Values a user may type or look for (names, ids), each sanitised and shortened, joined as
    /// this language writes a list.
    pub fn listed<S: AsRef<str>>(&self, values: impl IntoIterator<Item = S>) -> String {
        self.joined(
            values
                .into_iter()
                .map(|v| (self.list_item)(&shortened(v.as_ref(), ECHO_CHARS))),
        )
    }

    /// How a kind is named to the reader of this language: its Arabic name, or its slug.
    fn kind_name(&self, kind: Kind) -> &'static str {
        if self.lang == Lang::Ar {
            (super::ar::LABELS.kind_name)(kind)
        } else {
            kind.slug()
        }
    }

    /// Like [`Messages::kind_name`], for tracks.
    fn track_name(&self, track: Track) -> &'static str {
        if self.lang == Lang::Ar {
            (super::ar::LABELS.track_name)(track)
        } else {
            track.slug()
        }
    }

    /// Why a typed value was refused, without the value (the usage error names it).
    pub fn bad_value(&self, bad: &BadValue) -> String {
        match bad {
            BadValue::Date => self.date_shape.to_owned(),
            BadValue::Phase => self.phases.to_owned(),
            BadValue::Track => (self.tracks_are)(&self.listed(Track::ALL.map(|t| self.track_name(t)))),
            BadValue::Kind { nearest } => {
                let guess = nearest.map_or_else(String::new, |k| {
                    (self.did_you_mean)(&(self.list_item)(self.kind_name(k)))
                });
                (self.kinds_are)(&guess, &self.listed(Kind::ALL.map(|k| self.kind_name(k))))
            }
            BadValue::Zone { closest } => (self.zones_hint)(&self.listed(closest)),
        }
    }

    /// Every message, named, with sample values, so tests can compare the two tables. The
    /// destructuring names every field: a message added to the table and not here does not compile.
    pub fn samples(&self) -> Vec<(&'static str, String)> {
        let Messages {
            // The language and the punctuation of lists and quotes are no sentences; the test of
            // every bad command-line value checks how they are used.
            lang: _,
            quote: _,
            list_item: _,
            list_separator: _,
            cannot_write,
            cannot_read,
            no_such_file,
            permission_denied,
            is_directory,
            storage_full,
            output_closed,
            too_large,
            not_utf8,
            too_deep,
            too_much_repeated,
            anchor_defined_twice,
            syntax,
            missing_field,
            bad_field,
            in_session,
            in_session_number,
            forum_ends_before_start,
            bad_session_id,
            duplicate_session_id,
            date_outside_forum,
            ends_before_start,
            date_beyond_calendars,
            not_in_schema,
            merge_key,
            not_a_known_value,
            bad_event_date_time,
            start_without_date,
            event_without_title,
            end_without_start,
            no_sources,
            duplicate_key,
            number_too_large,
            xml_with_dtd,
            xml_root_not_schedule,
            several_documents,
            too_many_repetitions,
            schedule_without_dates,
            wrong_type,
            shape,
            not_a_calendar_date,
            no_value,
            bad_clock_time,
            not_a_web_address,
            one_language_only,
            no_title,
            unknown_body,
            empty_egypt_entry,
            duplicate_body_id,
            left_out_of_calendar,
            pager_not_started,
            pager_failed,
            left_out_of_schedule,
            schedule_not_json,
            schedule_not_xml,
            xml_problem,
            schedule_needs_object,
            schedule_needs_list,
            unknown_time_zone_name,
            in_event,
            bad_event_start,
            bad_event_duration,
            times_as_printed,
            ends_after_midnight,
            format_for_lists_only,
            empty_body,
            unknown_body_name,
            body_example,
            unknown_country,
            country_example,
            closest,
            unknown_id,
            unknown_id_closest,
            nothing_listed,
            date_shape,
            phases,
            tracks_are,
            kinds_are,
            did_you_mean,
            zones_hint,
            unknown_tz_variable,
            wrong_json_type,
        } = self;
        vec![
            ("cannot_write", cannot_write("No space left on device")),
            ("cannot_read", cannot_read("Is a pipe")),
            ("no_such_file", (*no_such_file).to_owned()),
            ("permission_denied", (*permission_denied).to_owned()),
            ("is_directory", (*is_directory).to_owned()),
            ("storage_full", (*storage_full).to_owned()),
            ("output_closed", (*output_closed).to_owned()),
            ("too_large", too_large(32)),
            ("not_utf8", not_utf8(7)),
            ("too_deep", too_deep(64)),
            ("too_much_repeated", too_much_repeated(32)),
            ("anchor_defined_twice", anchor_defined_twice("\"&t\"", 12)),
            ("syntax", syntax("did not find expected key")),
            ("missing_field", (*missing_field).to_owned()),
            ("bad_field", bad_field("kind", "unknown variant `seminar`")),
            ("in_session", in_session("WS1")),
            ("in_session_number", in_session_number(3)),
            (
                "forum_ends_before_start",
                forum_ends_before_start("2020-11-01", "2020-11-02"),
            ),
            ("bad_session_id", bad_session_id("\"W S\"")),
            ("duplicate_session_id", duplicate_session_id("\"WS1\"", Some(4))),
            ("duplicate_session_id_unplaced", duplicate_session_id("\"WS1\"", None)),
            (
                "date_outside_forum",
                date_outside_forum("2020-12-04", "2020-11-02", "2020-11-17"),
            ),
            ("ends_before_start", ends_before_start("09:00", "10:00")),
            ("date_beyond_calendars", date_beyond_calendars("+262142-12-31")),
            ("not_in_schema", not_in_schema("id, kind")),
            ("merge_key", (*merge_key).to_owned()),
            ("not_a_known_value", not_a_known_value("\"seminar\"", "workshop, other")),
            ("bad_event_date_time", bad_event_date_time("\"tomorrow\"")),
            ("start_without_date", (*start_without_date).to_owned()),
            ("event_without_title", (*event_without_title).to_owned()),
            ("end_without_start", (*end_without_start).to_owned()),
            ("no_sources", (*no_sources).to_owned()),
            ("duplicate_key", duplicate_key("\"title\"")),
            ("number_too_large", number_too_large("99999999999999999999999")),
            ("xml_with_dtd", (*xml_with_dtd).to_owned()),
            ("xml_root_not_schedule", xml_root_not_schedule("\"<svg>\"")),
            ("several_documents", (*several_documents).to_owned()),
            ("too_many_repetitions", (*too_many_repetitions).to_owned()),
            ("schedule_without_dates", (*schedule_without_dates).to_owned()),
            (
                "wrong_type",
                wrong_type(&shape(&Shape::Whole(Some("5"))), &shape(&Shape::Text(None))),
            ),
            (
                "wrong_type_list",
                wrong_type(&shape(&Shape::List), &shape(&Shape::Programme)),
            ),
            (
                "wrong_type_mapping",
                wrong_type(&shape(&Shape::Mapping), &shape(&Shape::WholeUpTo(255))),
            ),
            (
                "wrong_type_number",
                wrong_type(&shape(&Shape::Number("1.5")), &shape(&Shape::Name)),
            ),
            (
                "wrong_type_boolean",
                wrong_type(&shape(&Shape::Boolean(Some("true"))), &shape(&Shape::Date)),
            ),
            (
                "wrong_type_empty",
                wrong_type(&shape(&Shape::Empty), &shape(&Shape::Boolean(None))),
            ),
            (
                "wrong_type_text",
                wrong_type(&shape(&Shape::Text(Some("\"x\""))), &shape(&Shape::List)),
            ),
            (
                "wrong_type_other",
                wrong_type(&shape(&Shape::Other("bytes")), &shape(&Shape::Whole(None))),
            ),
            ("not_a_calendar_date", not_a_calendar_date(Some("\"2020-02-30\""))),
            ("not_a_calendar_date_unquoted", not_a_calendar_date(None)),
            ("no_value", (*no_value).to_owned()),
            ("bad_clock_time", bad_clock_time("\"25:00\"")),
            ("not_a_web_address", not_a_web_address("\"www.intgovforum.org\"", None)),
            (
                "not_a_web_address_character",
                not_a_web_address("\"https://x.org/a b\"", Some(("U+0020", 16))),
            ),
            ("one_language_only", one_language_only("notes", "notes_ar")),
            ("no_title", (*no_title).to_owned()),
            ("unknown_body", unknown_body("\"ntra\"", "mcit, ntra")),
            ("empty_egypt_entry", (*empty_egypt_entry).to_owned()),
            ("duplicate_body_id", duplicate_body_id("\"mcit\"")),
            ("left_out_of_calendar", left_out_of_calendar(2)),
            ("pager_not_started", pager_not_started("\"less\"", "not found")),
            ("pager_failed", pager_failed("\"false\"", 1)),
            ("left_out_of_schedule", left_out_of_schedule(2)),
            ("schedule_not_json", schedule_not_json("expected value")),
            ("schedule_not_xml", schedule_not_xml("unexpected end")),
            (
                "xml_problem",
                xml_problem(&XmlProblem::CloseTag {
                    expected: "\"</event>\"".to_owned(),
                    found: "\"</room>\"".to_owned(),
                }),
            ),
            ("schedule_needs_object", schedule_needs_object("\"schedule\"")),
            ("schedule_needs_list", schedule_needs_list("\"conference.days\"")),
            ("unknown_time_zone_name", unknown_time_zone_name("\"Mars/Base\"")),
            ("in_event", in_event("\"101\"", "start")),
            ("bad_event_start", bad_event_start("\"25:00\"")),
            ("bad_event_duration", bad_event_duration("\"an hour\"")),
            ("times_as_printed", times_as_printed("schedule.xml", 3)),
            ("ends_after_midnight", ends_after_midnight("schedule.xml", 1)),
            ("format_for_lists_only", format_for_lists_only("json")),
            ("empty_body", (*empty_body).to_owned()),
            ("unknown_body_name", unknown_body_name("\"Unesko\"", &closest("UNESCO"))),
            ("body_example", (*body_example).to_owned()),
            ("unknown_country", unknown_country("\"Atlantis\"", country_example)),
            ("country_example", (*country_example).to_owned()),
            ("closest", closest("UNESCO")),
            ("unknown_id", unknown_id("\"XY1\"")),
            ("unknown_id_closest", unknown_id_closest("\"WS19\"", "WS190, WS191")),
            ("nothing_listed", (*nothing_listed).to_owned()),
            ("date_shape", (*date_shape).to_owned()),
            ("phases", (*phases).to_owned()),
            ("tracks_are", tracks_are("Data")),
            ("kinds_are", kinds_are(&did_you_mean("workshop"), "workshop")),
            ("did_you_mean", did_you_mean("workshop")),
            ("zones_hint", zones_hint("Africa/Cairo")),
            ("zones_hint_without_closest", zones_hint("")),
            ("unknown_tz_variable", unknown_tz_variable("\"Mars/Olympus\"")),
            (
                "wrong_json_type",
                wrong_json_type("schedule.conference.title", "string", "integer 7"),
            ),
        ]
    }
}
