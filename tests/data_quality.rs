//! The bundled programme as readers meet it: ids they can type, each person once per session.

mod common;
use common::{bundled_sessions, plain_ids, text};

/// Longest id a session without a published code may get: short enough to type. (Coded ids
/// follow the code, as `WS182-318` does.)
const SHORT_ID_MAX: usize = 8;

#[test]
fn every_id_is_short_and_every_alias_finds_its_session() {
    for s in bundled_sessions() {
        let id = text(&s, "id").expect("every session has an id");
        let coded = text(&s, "code").is_some();
        assert!(
            coded || id.chars().count() <= SHORT_ID_MAX,
            "{id} has no published code and is longer than {SHORT_ID_MAX}"
        );
        for alias in s["aliases"].as_sequence().into_iter().flatten() {
            let alias = alias.as_str().expect("aliases are strings");
            assert_eq!(plain_ids(&["show", alias]), vec![id.clone()], "alias {alias}");
        }
    }
}

/// Words that talk about how the programme was put together rather than about the forum. Matched as
/// whole words, case-insensitively, in every project file and file name.
const PROVENANCE_TALK: &[&str] = &[
    "brief",
    "briefs",
    "assignment",
    "assignments",
    "helper's",
    "helpers'",
    "data slice",
    "trust slice",
    "inclusion slice",
    "environment slice",
    "sessions slice",
    "pre-events share",
    "other share",
    "excerpt",
    "excerpts",
    "leads",
    "queries",
    "sweep",
    "handoff",
    "stored copy",
    "stored copies",
    "round 1",
    "round 2",
];

/// Directories that hold build output or third-party text, not the project's own words.
const NOT_OURS: &[&str] = &["target", ".git", "corpus", "artifacts"];
/// Unicode's data files and the c3voc schedule schemas, shipped as published.
const THIRD_PARTY_PREFIXES: &[&str] = &[
    "Bidi",
    "Arabic",
    "UnicodeData",
    "UNICODE-LICENSE",
    "schedule.",
    "LICENCE-EUPL",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect()
}

/// The forbidden words or phrases `text` contains.
fn provenance_talk(text: &str) -> Vec<&'static str> {
    let words = words(text);
    PROVENANCE_TALK
        .iter()
        .copied()
        .filter(|entry| {
            let phrase = self::words(entry);
            words.windows(phrase.len()).any(|w| w == phrase.as_slice())
        })
        .collect()
}

fn project_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("project directory readable").flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !NOT_OURS.contains(&name.as_str()) {
                project_files(&path, found);
            }
        } else if !THIRD_PARTY_PREFIXES.iter().any(|p| name.starts_with(p)) {
            found.push(path);
        }
    }
}

#[test]
fn the_word_check_finds_whole_words_and_phrases() {
    assert_eq!(provenance_talk("Not in the Trust slice."), vec!["trust slice"]);
    assert_eq!(provenance_talk("The other helper’s file"), vec!["helper's"]);
    assert_eq!(provenance_talk("noted in round-1 notes"), vec!["round 1"]);
    assert!(provenance_talk("A Round Table; the briefing; excerpted; a slice of ids").is_empty());
}

#[test]
fn no_project_file_talks_about_how_it_was_made() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let this_file = root.join(file!());
    let mut files = Vec::new();
    project_files(root, &mut files);
    assert!(files.len() > 20, "the project files are found");
    let mut hits = Vec::new();
    for path in files.iter().filter(|p| **p != this_file) {
        let shown = path.strip_prefix(root).unwrap_or(path).display().to_string();
        let mut found = provenance_talk(&shown);
        if let Ok(text) = std::fs::read_to_string(path) {
            found.extend(provenance_talk(&text));
        }
        if !found.is_empty() {
            hits.push(format!("{shown}: {found:?}"));
        }
    }
    assert!(hits.is_empty(), "{}", hits.join("\n"));
}

/// A name as a reader would compare it: case, apostrophe style and diacritics do not matter.
fn normalised_name(name: &str) -> String {
    let folded: String = name
        .chars()
        .filter_map(|c| match c {
            '\'' | '’' | '‘' | '`' | '´' => None,
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' => Some('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => Some('o'),
            'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ç' | 'ć' | 'č' => Some('c'),
            'ñ' | 'ń' => Some('n'),
            'š' | 'ś' => Some('s'),
            'ž' | 'ź' | 'ż' => Some('z'),
            'ł' => Some('l'),
            c => Some(c),
        })
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn names_are_compared_without_case_apostrophes_or_diacritics() {
    assert_eq!(
        normalised_name("Benjamin Prud'homme"),
        normalised_name("Benjamin Prud’homme")
    );
    assert_eq!(normalised_name("Léonard  Bouchet"), normalised_name("leonard bouchet"));
    assert_ne!(normalised_name("Yoichi Ida"), normalised_name("Yoichi Iida"));
}

#[test]
fn no_session_lists_a_speaker_twice() {
    for s in bundled_sessions() {
        let id = text(&s, "id").unwrap_or_default();
        let mut seen = std::collections::HashSet::new();
        for speaker in s["speakers"].as_sequence().into_iter().flatten() {
            let name = text(speaker, "name").expect("every speaker has a name");
            assert!(seen.insert(normalised_name(&name)), "{id} lists {name} twice");
        }
    }
}

/// The counts the forum and others published (`forum.reported`), read from the YAML itself: each
/// with the kind it counts (none for all sessions) and its figure.
fn published_counts() -> Vec<(Option<String>, u64)> {
    let yaml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml")).expect("readable");
    let doc: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("YAML");
    doc["forum"]["reported"]
        .as_sequence()
        .into_iter()
        .flatten()
        .filter_map(|r| Some((text(r, "kind"), r["sessions"].as_u64()?)))
        .collect()
}

/// The rows of `igf about --lang en --format plain`, split into their columns.
fn about_rows() -> Vec<Vec<String>> {
    common::stdout_of(&["about", "--lang", "en", "--format", "plain"])
        .lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

/// Whether a row of the coverage table has `held` sessions and `figure` among its published counts.
fn row_sets(row: &[String], held: usize, figure: u64) -> bool {
    row.len() == 3 && row[1] == held.to_string() && row[2].split(" / ").any(|c| c == figure.to_string())
}

#[test]
fn about_sets_the_published_counts_beside_the_programme_total() {
    let published: Vec<u64> = published_counts()
        .into_iter()
        .filter(|(kind, _)| kind.is_none())
        .map(|(_, figure)| figure)
        .collect();
    assert!(!published.is_empty(), "the forum's published counts are recorded");
    let total = bundled_sessions().len();
    let rows = about_rows();
    for figure in published {
        assert!(
            rows.iter().any(|row| row_sets(row, total, figure)),
            "no row sets {figure} beside the total {total}: {rows:?}"
        );
    }
}

#[test]
fn about_sets_each_count_by_kind_beside_the_sessions_of_that_kind() {
    let sessions = bundled_sessions();
    let by_kind: Vec<(String, u64)> = published_counts()
        .into_iter()
        .filter_map(|(kind, figure)| Some((kind?, figure)))
        .collect();
    assert!(!by_kind.is_empty(), "some published counts are by kind");
    let rows = about_rows();
    for (kind, figure) in by_kind {
        let held = sessions
            .iter()
            .filter(|s| text(s, "kind").as_deref() == Some(kind.as_str()))
            .count();
        assert!(
            rows.iter().any(|row| row_sets(row, held, figure)),
            "no row sets the published {figure} {kind} beside the {held} the programme holds: {rows:?}"
        );
    }
}

/// Every string in `value` that sits under a key ending in `_ar`, with the key's path.
fn arabic_texts(value: &serde_yaml::Value, path: &str, arabic: bool, out: &mut Vec<(String, String)>) {
    match value {
        serde_yaml::Value::String(s) if arabic => out.push((path.to_owned(), s.clone())),
        serde_yaml::Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                arabic_texts(item, &format!("{path}[{i}]"), arabic, out);
            }
        }
        serde_yaml::Value::Mapping(map) => {
            for (key, item) in map {
                let key = key.as_str().unwrap_or_default();
                arabic_texts(item, &format!("{path}.{key}"), key.ends_with("_ar"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn arabic_prose_in_the_data_quotes_with_guillemets() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml")).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let mut texts = Vec::new();
    arabic_texts(&doc, "", false, &mut texts);
    assert!(texts.len() > 100, "the walk finds the Arabic fields: {}", texts.len());
    let ascii_quoted: Vec<&(String, String)> = texts.iter().filter(|(_, t)| t.contains('"')).collect();
    assert!(ascii_quoted.is_empty(), "{ascii_quoted:#?}");
    let unbalanced: Vec<&(String, String)> = texts
        .iter()
        .filter(|(_, t)| t.matches('«').count() != t.matches('»').count())
        .collect();
    assert!(unbalanced.is_empty(), "{unbalanced:#?}");
}
