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
    if let Some(schedule) = super::frab::parse_if_schedule(origin, text) {
        return schedule;
    }
    if let Some(dataset) = parse_in_pieces(text) {
        return Ok(dataset);
    }
    match serde_yaml::from_str::<Dataset>(text) {
        Ok(dataset) => Ok(dataset),
        Err(first) => Err(all_errors(text, origin, first)),
    }
}

/// Parses a block-style programme one session at a time. serde_yaml holds every event of the text
/// it parses in memory, which for a whole 30 MB programme is several hundred MB; a session at a
/// time keeps that to one session's worth. Any problem (including an alias to an anchor in another
/// part of the file) returns None, and the whole file is then parsed as one document, which also
/// gives the precise error messages.
fn parse_in_pieces(text: &str) -> Option<Dataset> {
    let block = super::sessions_block(text)?;
    if block.items.is_empty() {
        return None;
    }
    let skeleton = format!("{}sessions: []\n{}", &text[..block.key], &text[block.end..]);
    let mut dataset: Dataset = serde_yaml::from_str(&skeleton).ok()?;
    if !dataset.sessions.is_empty() {
        return None;
    }
    let starts = block.items.iter().map(|&(at, _)| at);
    let ends = block
        .items
        .iter()
        .skip(1)
        .map(|&(at, _)| at)
        .chain(std::iter::once(block.end));
    let ranges: Vec<(usize, usize)> = starts.zip(ends).collect();
    // Sessions parse independently, so large files use every core.
    let threads = if ranges.len() < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    let per_thread = ranges.len().div_ceil(threads).max(1);
    let parts: Vec<Option<Vec<Session>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = ranges
            .chunks(per_thread)
            .map(|chunk| scope.spawn(move || parse_sessions(text, chunk)))
            .collect();
        workers.into_iter().map(|w| w.join().ok().flatten()).collect()
    });
    let mut sessions = Vec::with_capacity(ranges.len());
    for part in parts {
        sessions.extend(part?);
    }
    dataset.sessions = std::borrow::Cow::Owned(sessions);
    Some(dataset)
}

/// Below this many sessions a second thread costs more than it saves.
const PARALLEL_FROM: usize = 2000;

/// Sessions parsed per serde_yaml call: enough to spread the parser's set-up cost, few enough
/// that the events it holds stay small.
const SESSIONS_PER_CALL: usize = 64;

/// Parses the sessions at these consecutive byte ranges of `text`, which together form a YAML list.
fn parse_sessions(text: &str, ranges: &[(usize, usize)]) -> Option<Vec<Session>> {
    let mut sessions = Vec::with_capacity(ranges.len());
    for batch in ranges.chunks(SESSIONS_PER_CALL) {
        let (start, end) = (batch.first()?.0, batch.last()?.1);
        let parsed: Vec<Session> = serde_yaml::from_str(&text[start..end]).ok()?;
        if parsed.len() != batch.len() {
            return None;
        }
        sessions.extend(parsed);
    }
    Some(sessions)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A programme of `n` sessions; `extra` is appended to the first session.
    fn programme(n: usize, extra: &str) -> String {
        let mut text = String::from(
            "forum:\n  name_en: F\n  name_ar: ف\n  edition_en: E\n  edition_ar: ا\n  host_en: H\n  host_ar: ه\n  \
             theme_en: T\n  theme_ar: ت\n  start: '2020-11-02'\n  end: '2020-11-17'\n  phases: []\nsessions:\n",
        );
        for i in 0..n {
            text.push_str(&format!(
                "- id: S{i}\n  kind: workshop\n  code: null\n  number: null\n  title_en: Title {i}\n  title_ar: null\n  \
                 date: '2020-11-04'\n  start_utc: '10:00'\n  end_utc: null\n  room: null\n  format: null\n  \
                 track: null\n  summary_en: null\n  summary_ar: null\n  sources: [x]\n  confidence: low\n  notes: null\n"
            ));
            if i == 0 {
                text.push_str(extra);
            }
        }
        text.push_str("bodies: []\n");
        text
    }

    fn ids(d: &Dataset) -> Vec<String> {
        d.sessions.iter().map(|s| s.id.to_string()).collect()
    }

    #[test]
    fn pieces_and_parallel_pieces_give_the_whole_file_parse() {
        for n in [1, 3, PARALLEL_FROM + 7] {
            let text = programme(n, "");
            let whole: Dataset = serde_yaml::from_str(&text).expect("valid");
            let pieces = parse_in_pieces(&text).expect("block style parses in pieces");
            assert_eq!(ids(&pieces), ids(&whole));
            assert_eq!(pieces.sessions.len(), n);
        }
    }

    #[test]
    fn an_alias_across_parsed_pieces_falls_back_to_the_whole_file() {
        // The anchor is in the first session, the alias in the first one of the next piece.
        let last = format!("- id: S{SESSIONS_PER_CALL}\n");
        let text = programme(SESSIONS_PER_CALL + 1, "  organizers: &orgs [A, B]\n").replacen(
            &last,
            &format!("{last}  organizers: *orgs\n"),
            1,
        );
        assert!(parse_in_pieces(&text).is_none());
        let whole = parse(&text, "t.yaml").expect("the whole file resolves the alias");
        assert_eq!(whole.sessions[SESSIONS_PER_CALL].organizers.len(), 2);
    }
}
