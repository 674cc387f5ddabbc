//! One decision per fact: Egypt's bodies are the same in every format, and each interface keeps
//! to its own punctuation.

mod common;

use common::*;
use serde_yaml::Value;
use std::collections::BTreeSet;

fn bundled() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml")).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

#[test]
fn egypts_bodies_are_the_same_in_the_table_and_in_json() {
    let doc = bundled();
    // Read from the file: Egyptian bodies that are organisations, not the people it names.
    let organisations: Vec<&Value> = doc["bodies"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|b| b["country"].as_str() == Some("Egypt") && b["type"].as_str() != Some("person"))
        .collect();
    let people: Vec<&str> = doc["bodies"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|b| b["type"].as_str() == Some("person"))
        .filter_map(|b| b["name_en"].as_str())
        .collect();
    assert!(!organisations.is_empty() && !people.is_empty());
    let expected: BTreeSet<String> = organisations
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_owned())
        .collect();

    let json: serde_json::Value = serde_json::from_str(&stdout_of(&["egypt", "--format", "json"])).unwrap();
    let in_json: BTreeSet<String> = json["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(in_json, expected);

    for lang in ["en", "ar"] {
        let table = stdout_of(&["egypt", "--lang", lang, "--bidi", "logical"]);
        let labels = igf::present::Context::new(
            if lang == "en" {
                igf::present::Lang::En
            } else {
                igf::present::Lang::Ar
            },
            None,
            igf::present::Zone::Utc,
        )
        .labels;
        let section = table
            .split_once(labels.egypt_bodies)
            .and_then(|(_, rest)| rest.split_once(labels.egypt_sessions))
            .map(|(section, _)| section.to_owned())
            .expect("the egypt view has a bodies section before its sessions");
        let headings: Vec<&str> = section
            .lines()
            .filter(|l| !l.starts_with(' ') && l.ends_with(':'))
            .collect();
        assert_eq!(headings.len(), organisations.len(), "{lang}: {headings:?}");
        for body in &organisations {
            let name = body["name_en"].as_str().unwrap();
            assert!(section.contains(name), "{lang}: {name} missing from the table");
        }
        for person in &people {
            assert!(
                !headings.iter().any(|h| h.contains(person)),
                "{lang}: {person} listed as a body"
            );
        }
    }
}

const ARABIC_PUNCTUATION: [char; 3] = ['،', '؛', '؟'];
const LATIN_PUNCTUATION: [char; 3] = [',', ';', '?'];

fn is_arabic_letter(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c) && !ARABIC_PUNCTUATION.contains(&c)
}

/// Punctuation from `marks` whose preceding word is not written in the script it belongs to:
/// "participant؛ Sally" in English, "الجهات; المشاركة" in Arabic.
fn out_of_place(text: &str, marks: [char; 3], arabic_marks: bool) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if !marks.contains(c) {
            continue;
        }
        let before = chars[..i]
            .iter()
            .rev()
            .find(|c| !c.is_whitespace() && !('\u{2066}'..='\u{2069}').contains(*c));
        if before.is_some_and(|&b| is_arabic_letter(b) != arabic_marks) {
            let from = i.saturating_sub(30);
            found.push(chars[from..(i + 10).min(chars.len())].iter().collect());
        }
    }
    found
}

/// What every command prints in `lang`, in logical order.
fn everything_shown(lang: &str) -> String {
    let ids = plain_ids(&["list"]);
    let mut out = String::new();
    let mut show = vec!["show".to_owned()];
    // Ids `show` cannot find yet are left out here: this test is about punctuation.
    let probe = igf().arg("show").args(&ids).output().unwrap();
    let refused: BTreeSet<String> = String::from_utf8_lossy(&probe.stderr)
        .lines()
        .filter_map(|l| l.split('"').nth(1).map(str::to_owned))
        .collect();
    show.extend(ids.into_iter().filter(|id| !refused.contains(id)));
    let commands: Vec<Vec<String>> = [
        vec!["list".to_owned()],
        show,
        vec!["egypt".to_owned()],
        vec!["search".to_owned(), "AI".to_owned()],
        vec!["search".to_owned(), "مصر".to_owned()],
        vec!["about".to_owned()],
        vec!["days".to_owned()],
        vec!["kinds".to_owned()],
        vec!["tracks".to_owned()],
        vec!["--help".to_owned()],
        vec!["list".to_owned(), "--help".to_owned()],
    ]
    .into_iter()
    .collect();
    for args in commands {
        let run = igf()
            .args(&args)
            .args(["--lang", lang, "--bidi", "logical"])
            .output()
            .unwrap();
        assert!(run.status.success(), "igf {args:?}");
        out.push_str(&String::from_utf8(run.stdout).unwrap());
    }
    out
}

#[test]
fn the_english_interface_shows_no_arabic_punctuation() {
    let shown = everything_shown("en");
    let wrong = out_of_place(&shown, ARABIC_PUNCTUATION, true);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_arabic_interface_puts_no_latin_punctuation_after_arabic_words() {
    let shown = everything_shown("ar");
    let wrong = out_of_place(&shown, LATIN_PUNCTUATION, false);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// String literals of a Rust source file (enough for label tables: no raw strings there).
fn literals(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    let mut escaped = false;
    for c in source.chars() {
        match (&mut current, c) {
            (Some(text), _) if escaped => {
                text.push(c);
                escaped = false;
            }
            (Some(_), '\\') => escaped = true,
            (Some(_), '"') => found.push(current.take().unwrap()),
            (Some(text), _) => text.push(c),
            (None, '"') => current = Some(String::new()),
            (None, _) => {}
        }
    }
    found
}

#[test]
fn arabic_labels_use_arabic_punctuation() {
    for file in ["src/present/ar.rs", "src/present/help/ar.rs"] {
        let source = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let arabic: Vec<String> = literals(&source)
            .into_iter()
            .filter(|l| l.chars().any(is_arabic_letter))
            .collect();
        assert!(arabic.len() > 20, "{file}: the Arabic labels were read");
        for label in arabic {
            let wrong = out_of_place(&label, LATIN_PUNCTUATION, false);
            assert!(wrong.is_empty(), "{file}: {label}");
        }
    }
}
