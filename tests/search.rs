//! Search precision, checked against a reading of the bundled YAML that shares no code with
//! `igf::query`: its own word splitting and its own Arabic folding.

mod common;

use common::*;
use serde_yaml::Value;
use std::collections::BTreeSet;

/// Ids `igf search WORDS` prints, in order.
fn search(words: &[&str]) -> Vec<String> {
    let mut args = vec!["search"];
    args.extend(words);
    plain_ids(&args)
}

/// Lower case, Arabic without marks or tatweel, hamza carriers as bare alef, ta marbuta as ha,
/// alef maqsura as ya.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Sequence(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Mapping(m) => m.values().for_each(|i| strings(i, out)),
        _ => {}
    }
}

fn bundled() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml")).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// Everything the file says about a session: its own record, the Egyptian bodies it names, the
/// Arabic names of its organisers, and "Egypt" for a session with Egyptian participation. Search
/// looks at part of this, so a session found must have its match in here.
fn everything_about(doc: &Value, session: &Value) -> Vec<String> {
    let mut out = Vec::new();
    strings(session, &mut out);
    let egypt = session["egypt"].as_sequence().cloned().unwrap_or_default();
    if !egypt.is_empty() {
        out.extend(["Egypt".to_owned(), "مصر".to_owned()]);
    }
    for part in &egypt {
        for body in doc["bodies"].as_sequence().unwrap() {
            if body["id"] == part["body"] {
                strings(&body["name_en"], &mut out);
                strings(&body["name_ar"], &mut out);
            }
        }
    }
    let organisers: Vec<String> = session["organizers"]
        .as_sequence()
        .map(|o| o.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    for org in doc["organisations"].as_sequence().unwrap() {
        let name = org["name_en"].as_str().unwrap();
        if organisers.iter().any(|o| o.contains(name)) {
            strings(&org["name_ar"], &mut out);
        }
    }
    out
}

fn id(session: &Value) -> String {
    session["id"].as_str().unwrap().to_owned()
}

fn titles(session: &Value) -> Vec<String> {
    ["title_en", "title_ar"]
        .iter()
        .filter_map(|k| session[*k].as_str())
        .flat_map(words)
        .collect()
}

/// Checks `igf search QUERY` against the file: every session whose title has a matching word is
/// found and ranked before the rest, and every session found has a matching word somewhere.
fn check(query: &str, word_matches: impl Fn(&str) -> bool) -> Vec<String> {
    let doc = bundled();
    let sessions = doc["sessions"].as_sequence().unwrap();
    let found = search(&[query]);
    let in_title: BTreeSet<String> = sessions
        .iter()
        .filter(|s| titles(s).iter().any(|w| word_matches(w)))
        .map(id)
        .collect();
    let first: BTreeSet<String> = found.iter().take(in_title.len()).cloned().collect();
    assert_eq!(first, in_title, "search {query}: title matches first");
    for s in sessions.iter().filter(|s| found.contains(&id(s))) {
        let all: Vec<String> = everything_about(&doc, s).iter().flat_map(|t| words(t)).collect();
        assert!(
            all.iter().any(|w| word_matches(w)),
            "search {query} found {} without the word",
            id(s)
        );
    }
    found
}

#[test]
fn ai_finds_the_ai_sessions_and_not_words_that_contain_ai() {
    let doc = bundled();
    let found = check("AI", |w| w == "ai" || w == "ais");
    assert!(found.iter().any(|id| id == "OF21"));
    // The old substring search found these through "Sustainability", "Main" or "Email".
    let inside_words = doc["sessions"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|s| {
            let all = everything_about(&doc, s).join(" ");
            fold(&all).contains("ai") && !words(&all).iter().any(|w| w == "ai" || w == "ais")
        })
        .map(id)
        .collect::<Vec<_>>();
    assert!(!inside_words.is_empty(), "the programme has words that contain 'ai'");
    assert!(inside_words.iter().all(|id| !found.contains(id)));
    assert_eq!(search(&["ai"]), found, "case does not matter");
}

#[test]
fn cyber_finds_words_that_start_with_it() {
    let found = check("cyber", |w| w.starts_with("cyber"));
    assert!(!found.is_empty());
}

#[test]
fn egypt_in_arabic_finds_every_session_with_egyptian_participation() {
    let doc = bundled();
    let found = check("مصر", |w| {
        ["", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل"]
            .iter()
            .any(|p| w.strip_prefix(p).is_some_and(|rest| rest.starts_with("مصر")))
    });
    let with_egypt: BTreeSet<String> = doc["sessions"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|s| s["egypt"].as_sequence().is_some_and(|e| !e.is_empty()))
        .map(id)
        .collect();
    assert!(!with_egypt.is_empty());
    let found: BTreeSet<String> = found.into_iter().collect();
    assert!(
        with_egypt.is_subset(&found),
        "missing: {:?}",
        with_egypt.difference(&found).collect::<Vec<_>>()
    );
    let listed: BTreeSet<String> = plain_ids(&["egypt"]).into_iter().collect();
    assert!(listed.is_subset(&found), "igf egypt lists sessions search مصر misses");
    let english: BTreeSet<String> = search(&["Egypt"]).into_iter().collect();
    assert!(with_egypt.is_subset(&english));
}

#[test]
fn arabic_search_for_intelligence_keeps_its_folding() {
    let found = check("الذكاء", |w| w.contains("ذكاء"));
    assert!(!found.is_empty());
    assert_eq!(search(&["الذَّكاء"]), found, "diacritics are ignored");
    assert_eq!(search(&["ذكاء"]), found, "the article is optional");
}

#[test]
fn whole_words_rank_before_words_that_only_start_with_the_query() {
    let doc = bundled();
    let sessions = doc["sessions"].as_sequence().unwrap();
    let title_words = |id: &str| {
        sessions
            .iter()
            .find(|s| s["id"].as_str() == Some(id))
            .map(titles)
            .unwrap_or_default()
    };
    // Words the programme's titles carry both whole and as the start of longer words.
    for query in ["cyber", "child", "trust"] {
        let found = search(&[query]);
        let whole: Vec<usize> = (0..found.len())
            .filter(|&i| title_words(&found[i]).iter().any(|w| w == query))
            .collect();
        let start_only: Vec<usize> = (0..found.len())
            .filter(|&i| {
                let words = title_words(&found[i]);
                !words.iter().any(|w| w == query) && words.iter().any(|w| w.starts_with(query))
            })
            .collect();
        assert!(
            !whole.is_empty() && !start_only.is_empty(),
            "{query}: both kinds of title"
        );
        assert!(
            whole.iter().max() < start_only.iter().min(),
            "{query}: whole words first: {found:?}"
        );
    }
}
