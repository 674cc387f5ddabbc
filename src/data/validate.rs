//! Checks that serde cannot express: relations between fields and between items.

use super::load::{field_line, locate, Lines, MAX_LOCATED, UNSPLIT};
use super::model::Dataset;
use super::DataError;
use crate::present::messages;
use std::collections::{HashMap, HashSet};

/// Every problem in the dataset, in file order; empty when it is sound. `places` holds each
/// session's byte range in `text` (empty when unknown), so a problem points at its field's line.
pub fn check(data: &Dataset, text: &str, places: &[(usize, usize)], origin: &str) -> Vec<DataError> {
    let m = messages::current();
    let quoted = |value: &str| m.quoted(value);
    // Finding lines means indexing the file; only worth it once there is a problem.
    let lines = std::cell::OnceCell::new();
    let located = std::cell::Cell::new(0);
    let line_of = |index: usize, field: &str| -> Option<usize> {
        let &(start, end) = places.get(index)?;
        if start == UNSPLIT {
            if located.get() >= MAX_LOCATED {
                return None;
            }
            located.set(located.get() + 1);
            return locate(text, end, Some(field))
                .or_else(|| locate(text, end, None))
                .map(|(line, _)| line);
        }
        let lines = lines.get_or_init(|| Lines::new(text));
        let offset = field_line(&text[start..end], field).unwrap_or(0);
        Some(lines.line_of(start + offset))
    };
    let mut problems = Vec::new();
    let mut report = |line: Option<usize>, message: String| {
        problems.push(DataError::at(origin, line.map(|l| (l, 1)), message));
    };

    let forum = &data.forum;
    for (field, date) in [("forum.start", forum.start), ("forum.end", forum.end)] {
        if !super::model::within_calendars(date) {
            report(
                None,
                (m.bad_field)(field, &(m.date_beyond_calendars)(&date.to_string())),
            );
        }
    }
    if forum.end < forum.start {
        report(
            None,
            (m.bad_field)(
                "forum.end",
                &(m.forum_ends_before_start)(&forum.end.to_string(), &forum.start.to_string()),
            ),
        );
    }
    let body_ids: HashSet<&str> = data.bodies.iter().map(|b| b.id.as_ref()).collect();
    // Ids and aliases share one namespace: whatever a user types must name one session.
    let mut first_seen: HashMap<&str, usize> = HashMap::new();

    for (index, s) in data.sessions.iter().enumerate() {
        let id = quoted(&s.id);
        let at = |field: &str| line_of(index, field);
        let about =
            |field: &str, problem: String| format!("{}: {}", (m.in_session)(&id), (m.bad_field)(field, &problem));
        // An id must print as it is: `show` is given what `list` printed.
        if s.id.is_empty()
            || s.id
                .chars()
                .any(|c| c.is_whitespace() || crate::term::sanitize::needs_care(c))
        {
            report(at("id"), about("id", (m.bad_session_id)(&id)));
        }
        for (field, name) in std::iter::once(("id", &s.id)).chain(s.aliases.iter().map(|a| ("aliases", a))) {
            if let Some(&previous) = first_seen.get(name.as_ref()) {
                report(
                    at(field),
                    about(field, (m.duplicate_session_id)(&quoted(name), line_of(previous, "id"))),
                );
            } else {
                first_seen.insert(name, index);
            }
        }
        if let Some(date) = s.date.filter(|d| !super::model::within_calendars(*d)) {
            report(at("date"), about("date", (m.date_beyond_calendars)(&date.to_string())));
        } else if let Some(date) = s
            .date
            .filter(|d| !s.out_of_programme && (*d < forum.start || *d > forum.end))
        {
            report(
                at("date"),
                about(
                    "date",
                    (m.date_outside_forum)(&date.to_string(), &forum.start.to_string(), &forum.end.to_string()),
                ),
            );
        }
        match (s.start_utc, s.end_utc) {
            (Some(start), Some(end)) if end <= start => report(
                at("end_utc"),
                about("end_utc", (m.ends_before_start)(&super::hhmm(end), &super::hhmm(start))),
            ),
            (None, Some(_)) => report(at("start_utc"), about("start_utc", m.end_without_start.to_owned())),
            _ => {}
        }
        if s.sources.is_empty() {
            report(at("sources"), about("sources", m.no_sources.to_owned()));
        }
        let cited = s.sources.iter().map(|u| ("sources", u));
        let cited = cited.chain(s.other_dates.iter().map(|d| ("other_dates", &d.source)));
        let cited = cited.chain(s.egypt.iter().flat_map(|e| e.sources.iter().map(|u| ("egypt", u))));
        for (field, url) in cited {
            if let Some(fault) = uri_fault(url) {
                report(at(field), about(field, not_a_web_address(url, fault)));
            }
        }
        // Readers choose their language, so every text meant for them exists in both.
        if s.notes.is_some() != s.notes_ar.is_some() {
            report(at("notes"), about("notes", (m.one_language_only)("notes", "notes_ar")));
        }
        if s.title_en.is_none() && s.title_ar.is_none() {
            report(at("title_en"), about("title_en", m.no_title.to_owned()));
        }
        for part in s.egypt.iter() {
            if let Some(body) = &part.body {
                if !body_ids.contains(body.as_ref()) {
                    let known: Vec<&str> = data.bodies.iter().map(|b| b.id.as_ref()).collect();
                    report(
                        at("egypt"),
                        about("egypt", (m.unknown_body)(&quoted(body), &m.joined(known))),
                    );
                }
            }
            if part.evidence_ar.is_none() || part.role_ar.is_none() {
                report(
                    at("egypt"),
                    about("egypt", (m.one_language_only)("evidence, role", "evidence_ar, role_ar")),
                );
            }
            if part.body.is_none() && part.person.is_none() {
                report(at("egypt"), about("egypt", m.empty_egypt_entry.to_owned()));
            }
        }
    }

    let mut bodies_seen = HashSet::new();
    for (index, body) in data.bodies.iter().enumerate() {
        if !bodies_seen.insert(body.id.as_ref()) {
            report(
                None,
                (m.bad_field)("bodies.id", &(m.duplicate_body_id)(&quoted(&body.id))),
            );
        }
        let cited = body
            .sources
            .iter()
            .enumerate()
            .map(|(n, u)| (format!("bodies[{index}].sources[{n}]"), u));
        let related = body.related_sources.iter().enumerate();
        let cited = cited.chain(related.map(|(n, u)| (format!("bodies[{index}].related_sources[{n}]"), u)));
        for (field, url) in cited {
            if let Some(fault) = uri_fault(url) {
                report(None, (m.bad_field)(&field, &not_a_web_address(url, fault)));
            }
        }
    }
    for (index, count) in forum.reported.iter().enumerate() {
        if let Some(fault) = uri_fault(&count.source) {
            let field = format!("forum.reported[{index}].source");
            report(None, (m.bad_field)(&field, &not_a_web_address(&count.source, fault)));
        }
    }
    problems
}

fn not_a_web_address(url: &str, fault: UriFault) -> String {
    let m = messages::current();
    let character = match fault {
        UriFault::Character(c, at) => Some((format!("U+{:04X}", u32::from(c)), at)),
        UriFault::NoScheme => None,
    };
    (m.not_a_web_address)(&m.quoted(url), character.as_ref().map(|(c, at)| (c.as_str(), *at)))
}

/// Why a text is not an absolute URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UriFault {
    /// No scheme (a letter, then letters, digits, `+`, `-` or `.`) and colon before the rest.
    NoScheme,
    /// A character a URI cannot hold as it is, and its place (the first character is 1).
    Character(char, usize),
}

/// What keeps `text` from being an absolute URI as RFC 3986 writes one (letters of any script
/// are allowed, as in IRIs), if anything. Sources are printed for readers to open, so one that
/// is not an address is a mistake in the data, and one with a control or bidi character could
/// show as another address.
pub(super) fn uri_fault(text: &str) -> Option<UriFault> {
    if let Some((at, c)) = text.chars().enumerate().find(|(_, c)| super::uri_cannot_hold(*c)) {
        return Some(UriFault::Character(c, at + 1));
    }
    let has_scheme = text.split_once(':').is_some_and(|(scheme, rest)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            && !rest.is_empty()
    });
    (!has_scheme).then_some(UriFault::NoScheme)
}

pub(super) fn is_uri(text: &str) -> bool {
    uri_fault(text).is_none()
}
