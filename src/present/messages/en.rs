//! English messages.

use super::Messages;
use crate::data::{Shape, XmlProblem};
use crate::present::Lang;

pub const MESSAGES: Messages = Messages {
    lang: Lang::En,
    quote: |value| format!("\"{value}\""),
    // A name with a comma in it is quoted, so the list still reads as a list.
    list_item: |value| {
        if value.contains(',') {
            format!("\"{value}\"")
        } else {
            value.to_owned()
        }
    },
    list_separator: ", ",
    cannot_write: |reason| format!("cannot write output: {reason}"),
    cannot_read: |reason| format!("cannot read: {reason}"),
    no_such_file: "no such file",
    permission_denied: "permission denied",
    is_directory: "is a directory; expected a YAML programme file",
    storage_full: "no space left on the device",
    output_closed: "the output is closed",
    too_large: |mib| format!("larger than {mib} MiB; programme files may be at most {mib} MiB"),
    not_utf8: |offset| format!("not valid UTF-8 (first bad byte at offset {offset})"),
    too_deep: |limit| format!("lists or mappings nested more than {limit} deep; a programme needs far fewer"),
    too_much_repeated: |mib| {
        format!("the aliases (*name) up to here repeat more than {mib} MiB of text; a programme needs far less")
    },
    anchor_defined_twice: |anchor, line| {
        format!("the anchor {anchor} is defined a second time (first at line {line}); give each anchor its own name")
    },
    syntax: |reason| format!("not valid YAML: {reason}"),
    missing_field: "the field is missing",
    bad_field: |field, reason| format!("field {field}: {reason}"),
    in_session: |id| format!("session {id}"),
    in_session_number: |n| format!("session number {n}"),
    forum_ends_before_start: |end, start| format!("forum ends ({end}) before it starts ({start})"),
    bad_session_id: |id| format!("session id {id} must be non-empty, without spaces or control characters"),
    duplicate_session_id: |id, first| match first {
        Some(line) => format!("duplicate session id {id} (first at line {line}); ids must be unique"),
        None => format!("duplicate session id {id}; ids must be unique"),
    },
    date_outside_forum: |date, start, end| {
        format!("date {date} is outside the forum ({start} to {end}); set out_of_programme: true if that is intended")
    },
    ends_before_start: |end, start| format!("ends at {end} but starts at {start}; the end must be after the start"),
    bad_event_date_time: |date| {
        format!("date {date} is not an ISO 8601 date and time such as 2020-11-04T10:00:00+01:00")
    },
    start_without_date: "has a start time but neither a date nor a dated day",
    event_without_title: "has no title",
    not_a_known_value: |value, known| format!("{value} is not one of {known}"),
    not_in_schema: |known| format!("not a field of the schema; the fields are {known}"),
    merge_key: "merge keys (<<) are not applied here; write the fields out; each value may be an alias (*name)",
    date_beyond_calendars: |date| {
        format!("date {date} is outside the years 0001 to 9999 that calendars and schedules can hold")
    },
    end_without_start: "has an end time but no start time",
    no_sources: "no sources; every session needs at least one source URL",
    duplicate_key: |key| format!("{key} is given twice in the same place; keep one"),
    xml_with_dtd: "the file declares a DTD; schedule files need none and igf reads no DTDs or entities",
    xml_root_not_schedule: |root| {
        format!("an XML file whose root is {root}, not <schedule>; igf reads frab schedule XML or its own YAML")
    },
    number_too_large: |n| {
        format!("the number {n} is beyond 18446744073709551615, the largest a file may hold; quote it if it is text")
    },
    several_documents:
        "the file holds more than one YAML document (a line --- or ... inside it); a programme is one document",
    too_many_repetitions: "aliases (*name) repeat parts of the file more often than any programme needs",
    schedule_without_dates: "the schedule gives no dates: no conference start, no days and no dated events",
    wrong_type: |found, expected| format!("found {found}, expected {expected}"),
    shape: |shape| match shape {
        Shape::List => "a list".to_owned(),
        Shape::Mapping => "fields (key: value)".to_owned(),
        Shape::Programme => "a programme (forum:, sessions: and their fields)".to_owned(),
        Shape::Text(Some(value)) => format!("the text {value}"),
        Shape::Text(None) => "text".to_owned(),
        Shape::Whole(Some(value)) => format!("the number {value}"),
        Shape::Whole(None) => "a whole number".to_owned(),
        Shape::WholeUpTo(max) => format!("a whole number from 0 to {max}"),
        Shape::Number(value) if !value.is_empty() => format!("the number {value}"),
        Shape::Number(_) => "a number".to_owned(),
        Shape::Boolean(Some(value)) => format!("the value {value}"),
        Shape::Boolean(None) => "true or false".to_owned(),
        Shape::Empty => "no value".to_owned(),
        Shape::Date => "a date written YYYY-MM-DD".to_owned(),
        Shape::Name => "one of the names the field takes".to_owned(),
        Shape::Other(words) => (*words).to_owned(),
    },
    not_a_calendar_date: |date| {
        let rule = "dates are written YYYY-MM-DD, such as 2020-11-04";
        match date {
            Some(date) => format!("{date} is not a date of the calendar; {rule}"),
            None => format!("not a date of the calendar; {rule}"),
        }
    },
    no_value: "the field has no value (null, ~ or nothing after the colon) and needs one",
    bad_clock_time: |time| {
        format!("{time} is not a time of day; times are written in quotes as HH:MM, such as '16:50'")
    },
    not_a_web_address: |url, character| {
        let rule = "write it whole, such as https://www.intgovforum.org/, with no spaces or control characters";
        match character {
            Some((code, at)) => {
                format!("{url} is not a web address: character {at} is {code}, which an address cannot hold; {rule}")
            }
            None => format!("{url} is not a web address; {rule}"),
        }
    },
    one_language_only: |what, arabic| {
        format!("{what} in one language only; write {arabic} beside the English, or neither")
    },
    no_title: "needs title_en or title_ar",
    unknown_body: |body, known| format!("egypt names unknown body {body}; known bodies: {known}"),
    empty_egypt_entry: "an egypt entry needs a body or a person",
    duplicate_body_id: |id| format!("duplicate body id {id}; ids must be unique"),
    left_out_of_schedule: |n| format!("{n} session(s) without a known date or time left out of the schedule"),
    schedule_not_json: |reason| format!("not valid schedule JSON: {reason}"),
    schedule_not_xml: |reason| format!("not valid schedule XML: {reason}"),
    xml_problem: |problem| match problem {
        XmlProblem::CloseTag { expected, found } => format!("{found} closes what {expected} should"),
        XmlProblem::NeverClosed => "the root element is never closed".to_owned(),
        XmlProblem::EndOfText => "the file ends inside a tag or an element".to_owned(),
        XmlProblem::NoRoot => "no root element".to_owned(),
        XmlProblem::BadName => "not a valid element or attribute name".to_owned(),
        XmlProblem::UnknownToken => "text that starts nothing XML knows".to_owned(),
        XmlProblem::LessThanInValue => "a \"<\" inside an attribute value; write &lt;".to_owned(),
        XmlProblem::RepeatedAttribute(name) => format!("the attribute {name} is given twice"),
        XmlProblem::UnknownEntity(name) => format!("unknown entity {name}; XML knows &amp; &lt; &gt; &quot; &apos;"),
        XmlProblem::BadEntity => "a malformed entity reference (&…;)".to_owned(),
        XmlProblem::NotXmlCharacter(code) => format!("the character {code} is not allowed in XML"),
        XmlProblem::Expected {
            expected,
            found: Some(found),
        } => format!("expected {expected}, found {found}"),
        XmlProblem::Expected { expected, found: None } => format!("expected {expected}"),
        XmlProblem::QuoteExpected(found) => {
            format!("expected a quote (\" or ') around the attribute's value, found {found}")
        }
        XmlProblem::BadComment => "a malformed comment (<!-- … -->)".to_owned(),
        XmlProblem::BadText => "text that XML does not allow here (]]> or a stray character)".to_owned(),
        XmlProblem::Namespace => "a namespace prefix that is unknown or given twice".to_owned(),
        XmlProblem::Declaration => "an XML declaration (<?xml …?>) after the start".to_owned(),
        XmlProblem::TooLarge => "more elements, attributes or namespaces than a schedule can have".to_owned(),
        XmlProblem::Other(reason) => reason.clone(),
    },
    schedule_needs_object: |key| format!("not a frab schedule: {key} is missing or not an object"),
    schedule_needs_list: |key| format!("not a frab schedule: {key} is not a list"),
    unknown_time_zone_name: |name| {
        format!("unknown time_zone_name {name}; expected an IANA name such as Europe/Berlin")
    },
    in_event: |event, problem| format!("event {event}: {problem}"),
    bad_event_start: |start| format!("start {start} is not a time such as 10:30"),
    bad_event_duration: |text| format!("duration {text} is not a length such as 01:30"),
    times_as_printed: |origin, n| {
        format!("{origin}: the file states no time zone; {n} session time(s) are shown as printed, labelled UTC")
    },
    ends_after_midnight: |origin, n| {
        format!("{origin}: {n} session(s) end after midnight UTC; only their start is kept")
    },
    pager_not_started: |pager, reason| format!("cannot run the pager {pager}: {reason}; printing directly"),
    pager_failed: |pager, status| format!("the pager {pager} ended with status {status}; printing directly"),
    left_out_of_calendar: |n| match n {
        1 => "1 session without a known date left out of the calendar".to_owned(),
        n => format!("{n} sessions without a known date left out of the calendar"),
    },
    format_for_lists_only: |format| {
        format!(
            "--format {format} is for session lists (list, show, egypt, search); this command supports table and plain"
        )
    },
    empty_body: "--body needs part of a name, e.g. --body OECD",
    unknown_body_name: |name, hint| format!("no organiser, affiliation or body matches {name}; {hint}"),
    body_example: "try part of an organiser's name, e.g. OECD, UNESCO, ICANN or وزارة الاتصالات",
    unknown_country: |name, hint| format!("no speaker or body from a country matching {name}; {hint}"),
    country_example: "try a country's name or code, e.g. Egypt, EG, USA or مصر",
    closest: |names| format!("closest: {names}"),
    unknown_id: |id| {
        format!("no session {id}; ids look like OF39, WS195, PE30 or a bare number (see 'igf list --format plain')")
    },
    unknown_id_closest: |id, closest| format!("no session {id}; closest ids: {closest}"),
    nothing_listed: "no session matches these filters; try fewer filters, or see 'igf days' and 'igf tracks'",
    date_shape: "use YYYY-MM-DD, e.g. 2020-11-04",
    phases: "phases are 1 (2-6 November) and 2 (9-17 November)",
    tracks_are: |names| format!("tracks are {names}"),
    kinds_are: |guess, names| format!("{guess}kinds are {names}"),
    did_you_mean: |name| format!("did you mean {name}? "),
    zones_hint: |closest| {
        if closest.is_empty() {
            "use an IANA name such as Africa/Cairo or Europe/Paris, UTC, or local".to_owned()
        } else {
            format!("did you mean {closest}? (IANA names such as Africa/Cairo, UTC, or local)")
        }
    },
    unknown_tz_variable: |value| {
        format!("warning: TZ={value} is not a time zone known here; local times are shown in UTC")
    },
    wrong_json_type: |path, expected, found| format!("{path}: expected JSON {expected}, found {found}"),
};
