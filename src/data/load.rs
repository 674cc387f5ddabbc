//! Reading a programme file. This is the only module that knows the file format is YAML: serde_yaml
//! is deprecated upstream, and keeping it behind one door makes it cheap to replace.

use super::model::{Body, Dataset, Forum, Organisation, Session};
use super::DataError;
use serde::Deserialize;

/// Files above this are refused before parsing: a schedule is kilobytes, and a huge file is far
/// more likely a mistake (or an attack) than a programme.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Parses `text` (the contents of `origin`) into a dataset, or every problem found in it.
pub fn parse(text: &str, origin: &str) -> Result<Dataset, Vec<DataError>> {
    match serde_yaml::from_str::<Dataset>(text) {
        Ok(dataset) => Ok(dataset),
        Err(first) => Err(all_errors(text, origin, first)),
    }
}

/// The same document with sessions left untyped, so each session can fail on its own and the user
/// gets the whole list of problems in one run instead of one per run.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LooseDataset {
    #[allow(dead_code)]
    forum: Forum,
    sessions: Vec<serde_yaml::Value>,
    #[allow(dead_code)]
    #[serde(default)]
    bodies: Vec<Body>,
    #[allow(dead_code)]
    #[serde(default)]
    organisations: Vec<Organisation>,
}

fn all_errors(text: &str, origin: &str, first: serde_yaml::Error) -> Vec<DataError> {
    let at_first = || DataError::at(origin, first.location().map(|l| (l.line(), l.column())), clean(&first));
    let Ok(loose) = serde_yaml::from_str::<LooseDataset>(text) else {
        return vec![at_first()];
    };
    let lines = super::session_lines(text);
    let errors: Vec<DataError> = loose
        .sessions
        .into_iter()
        .enumerate()
        .filter_map(|(index, value)| {
            let id = value.get("id").and_then(|v| v.as_str()).map(str::to_owned);
            let err = serde_yaml::from_value::<Session>(value).err()?;
            let what = match id {
                Some(id) => format!("session {id}: {}", clean(&err)),
                None => format!("session number {}: {}", index + 1, clean(&err)),
            };
            Some(DataError::at(origin, lines.get(index).map(|&l| (l, 1)), what))
        })
        .collect();
    if errors.is_empty() {
        vec![at_first()]
    } else {
        errors
    }
}

/// serde_yaml appends " at line L column C" to its messages; we print the location up front.
fn clean(err: &serde_yaml::Error) -> String {
    let text = err.to_string();
    match text.find(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}
