//! Checks that serde cannot express: relations between fields and between items.

use super::model::Dataset;
use super::DataError;
use std::collections::{HashMap, HashSet};

/// Every problem in the dataset, in file order; empty when it is sound.
pub fn check(data: &Dataset, text: &str, origin: &str) -> Vec<DataError> {
    // Finding lines means scanning the file again; only worth it once there is a problem.
    let lines = std::cell::OnceCell::new();
    let mut problems = Vec::new();
    let mut report = |index: Option<usize>, message: String| {
        let line = index.and_then(|i| lines.get_or_init(|| super::session_lines(text)).get(i).copied());
        problems.push(DataError::at(origin, line.map(|l| (l, 1)), message));
    };

    let forum = &data.forum;
    if forum.end < forum.start {
        report(
            None,
            format!("forum ends ({}) before it starts ({})", forum.end, forum.start),
        );
    }
    let body_ids: HashSet<&str> = data.bodies.iter().map(|b| b.id.as_ref()).collect();
    // Ids and aliases share one namespace: whatever a user types must name one session.
    let mut first_seen: HashMap<&str, usize> = HashMap::new();

    for (index, s) in data.sessions.iter().enumerate() {
        let at = Some(index);
        if s.id.is_empty() || s.id.chars().any(|c| c.is_whitespace() || c.is_control()) {
            report(
                at,
                format!(
                    "session id {:?} must be non-empty, without spaces or control characters",
                    s.id
                ),
            );
        }
        for name in std::iter::once(&s.id).chain(s.aliases.iter()) {
            if let Some(&previous) = first_seen.get(name.as_ref()) {
                let where_first = lines
                    .get_or_init(|| super::session_lines(text))
                    .get(previous)
                    .map_or(String::new(), |l| format!(" (first at line {l})"));
                report(
                    at,
                    format!("duplicate session id {name:?}{where_first}; ids and aliases must be unique"),
                );
            } else {
                first_seen.insert(name, index);
            }
        }
        if let Some(date) = s
            .date
            .filter(|d| !s.out_of_programme && (*d < forum.start || *d > forum.end))
        {
            report(
                at,
                format!(
                    "session {}: date {date} is outside the forum ({} to {}); set out_of_programme: true if that is intended",
                    s.id, forum.start, forum.end
                ),
            );
        }
        match (s.start_utc, s.end_utc) {
            (Some(start), Some(end)) if end <= start => report(
                at,
                format!(
                    "session {}: ends at {} but starts at {}; the end must be after the start",
                    s.id,
                    super::hhmm(end),
                    super::hhmm(start)
                ),
            ),
            (None, Some(_)) => report(at, format!("session {}: has an end time but no start time", s.id)),
            _ => {}
        }
        if s.sources.is_empty() {
            report(
                at,
                format!(
                    "session {}: no sources; every session needs at least one source URL",
                    s.id
                ),
            );
        }
        if s.notes.is_some() != s.notes_ar.is_some() {
            report(
                at,
                format!("session {}: {}", s.id, one_language_only("notes", "notes_ar")),
            );
        }
        if s.title_en.is_none() && s.title_ar.is_none() {
            report(at, format!("session {}: needs title_en or title_ar", s.id));
        }
        for part in s.egypt.iter() {
            if let Some(body) = &part.body {
                if !body_ids.contains(body.as_ref()) {
                    let known: Vec<&str> = data.bodies.iter().map(|b| b.id.as_ref()).collect();
                    report(
                        at,
                        format!(
                            "session {}: egypt names unknown body {body:?}; known bodies: {}",
                            s.id,
                            known.join(", ")
                        ),
                    );
                }
            }
            if part.evidence_ar.is_none() || part.role_ar.is_none() {
                report(
                    at,
                    format!(
                        "session {}: {}",
                        s.id,
                        one_language_only("egypt evidence and role", "evidence_ar and role_ar")
                    ),
                );
            }
            if part.body.is_none() && part.person.is_none() {
                report(at, format!("session {}: an egypt entry needs a body or a person", s.id));
            }
        }
    }

    let mut bodies_seen = HashSet::new();
    for body in data.bodies.iter() {
        if !bodies_seen.insert(body.id.as_ref()) {
            report(None, format!("duplicate body id {:?}; ids must be unique", body.id));
        }
    }
    problems
}

/// Readers choose their language, so every text meant for them exists in both.
fn one_language_only(what: &str, arabic_fields: &str) -> String {
    format!("{what} in one language only; write {arabic_fields} beside the English, or neither")
}
