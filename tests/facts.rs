//! The bundled programme keeps every gathered fact: each session of the shared fact file is in it,
//! with the same date and times.

mod common;
use common::{bundled_sessions, text};
use serde_yaml::Value;
use std::path::PathBuf;

/// The snapshot of the shared fact file kept in the repository, so the check needs nothing outside it.
fn facts() -> (PathBuf, Vec<Value>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/shared-facts/sessions.facts.yaml");
    let raw = std::fs::read_to_string(&path).expect("fact file readable");
    (path, serde_yaml::from_str(&raw).expect("fact file is YAML"))
}

/// Times in the fact file are sometimes unquoted; YAML 1.2 reads 06:30 as a string either way.
fn time(v: &Value, key: &str) -> Option<String> {
    v[key]
        .as_str()
        .map(|t| if t.len() == 4 { format!("0{t}") } else { t.to_owned() })
}

/// A value the facts give must be kept as it is (unless documented as corrected). Where the facts had none, a later page may supply
/// it, but only documented: the bundled session must then cite a source the facts did not, or have
/// a note (a source the facts already cited may have been read again, as dig.watch's CET times were).
fn agrees(bundled: &Value, fact: &Value, key: &str, read: fn(&Value, &str) -> Option<String>) -> bool {
    match (read(fact, key), read(bundled, key)) {
        (Some(f), Some(b)) if b != f => corrected(bundled, &f),
        (Some(f), b) => b == Some(f),
        (None, None) => true,
        (None, Some(_)) => {
            let sources = |v: &Value| v["sources"].as_sequence().cloned().unwrap_or_default();
            let known = sources(fact);
            sources(bundled).iter().any(|s| !known.contains(s)) || text(bundled, "notes").is_some()
        }
    }
}

/// A fact found wrong may be replaced only with a note that says "Corrected:" and quotes the old
/// value, so the change is visible to every user of `igf show`.
fn corrected(bundled: &Value, old: &str) -> bool {
    text(bundled, "notes").is_some_and(|n| {
        n.split(" | ")
            .any(|part| part.starts_with("Corrected:") && part.contains(old))
    })
}

#[test]
fn every_fact_session_is_bundled_with_the_same_date_and_times() {
    let (path, facts) = facts();
    let bundled = bundled_sessions();
    assert!(facts.len() >= 90, "{}", path.display());
    for fact in &facts {
        let same = |s: &&Value| {
            let code_matches = text(fact, "code")
                .is_some_and(|c| text(s, "code").is_some_and(|b| b == c || b.starts_with(&format!("{c}&"))));
            let title_matches = text(s, "title_en") == text(fact, "title");
            (code_matches || title_matches) && agrees(s, fact, "date", text)
        };
        let Some(session) = bundled.iter().find(same) else {
            panic!(
                "fact session {:?} {:?} on {:?} is missing",
                text(fact, "code"),
                text(fact, "title"),
                text(fact, "date")
            );
        };
        assert!(
            agrees(session, fact, "start_utc", time),
            "start of {:?}",
            text(session, "id")
        );
        assert!(
            agrees(session, fact, "end_utc", time),
            "end of {:?}",
            text(session, "id")
        );
    }
}

#[test]
fn every_bundled_session_has_sources_arabic_and_english_text_and_quoted_times() {
    let raw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml")).expect("readable");
    for line in raw.lines() {
        let trimmed = line.trim_start();
        if let Some(value) = trimmed
            .strip_prefix("start_utc: ")
            .or_else(|| trimmed.strip_prefix("end_utc: "))
        {
            let quoted = value.len() == 7 && value.starts_with('\'') && value.ends_with('\'');
            assert!(value == "null" || quoted, "time not a quoted HH:MM: {line}");
        }
    }
    for s in bundled_sessions() {
        let id = text(&s, "id").expect("every session has an id");
        assert!(
            s["sources"].as_sequence().is_some_and(|v| !v.is_empty()),
            "{id} has no source"
        );
        for field in ["title_ar", "summary_ar", "summary_en"] {
            assert!(
                text(&s, field).is_some_and(|t| !t.trim().is_empty()),
                "{id} lacks {field}"
            );
        }
        if let Some(track) = text(&s, "track") {
            assert!(
                ["Data", "Environment", "Inclusion", "Trust"].contains(&track.as_str()),
                "{id}: track {track}"
            );
        }
    }
}
