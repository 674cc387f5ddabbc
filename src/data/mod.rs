//! Loading and validating the programme. Everything downstream may assume a [`Dataset`] that passed
//! [`validate`]: unique ids, dates inside the forum, ends after starts, known references.

mod frab;
mod load;
pub mod model;
mod validate;
pub mod zones;

pub use load::MAX_FILE_BYTES;
pub use model::*;

use std::fmt;
use std::path::Path;

/// The programme shipped inside the binary, so `igf` works with no file beside it: data/igf2020.yaml
/// as build.rs compiled it (see there why it is code over one text rather than a static literal).
mod compiled {
    use super::model::*;
    use chrono::{NaiveDate, NaiveTime};

    /// Every string of the programme. A `const`, so code reaches it relative to itself and the
    /// executable holds no pointer to it that would need relocating.
    const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled.txt"));

    fn text<T: From<&'static str>>(start: usize, end: usize) -> T {
        T::from(&TEXT[start..end])
    }

    fn list<T, L: From<Vec<T>>>(items: Vec<T>) -> L {
        L::from(items)
    }

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("build.rs writes only valid dates")
    }

    fn time(hour: u32, minute: u32, second: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, second).expect("build.rs writes only valid times")
    }

    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// One problem in a data file, located as precisely as the parser allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub origin: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl DataError {
    fn at(origin: &str, place: Option<(usize, usize)>, message: String) -> Self {
        DataError {
            origin: origin.to_owned(),
            line: place.map(|p| p.0),
            column: place.map(|p| p.1),
            message,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.origin, self.message),
            (Some(l), None) => write!(f, "{}:{l}: {}", self.origin, self.message),
            _ => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

/// The bundled programme. It was parsed at build time and validated by the test suite; its text
/// borrows from the executable, so this allocates only its lists.
pub fn bundled() -> Dataset {
    compiled::dataset()
}

/// Loads a programme file given with `--data`.
pub fn from_file(path: &Path) -> Result<Dataset, Vec<DataError>> {
    let origin = path.display().to_string();
    let fail = |message: String| vec![DataError::at(&origin, None, message)];
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(fail("is a directory; expected a YAML programme file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "file is {} MiB; programme files may be at most {} MiB",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        fail(format!("not valid UTF-8 (first bad byte at offset {at})"))
    })?;
    from_text(&text, &origin)
}

/// Parses and validates a programme held in memory.
pub fn from_text(text: &str, origin: &str) -> Result<Dataset, Vec<DataError>> {
    let dataset = load::parse(text, origin)?;
    let problems = validate::check(&dataset, text, origin);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(problems)
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Where the top-level `sessions:` list lies in a file: the byte range from its key to the next
/// top-level key, and where each of its items starts (byte offset and 1-based line). Found by
/// scanning lines, so it works for block-style lists, which the bundled file and the documented
/// schema use; for anything else it finds no items and callers fall back to whole-file parsing.
struct SessionsBlock {
    key: usize,
    end: usize,
    items: Vec<(usize, usize)>,
}

fn sessions_block(text: &str) -> Option<SessionsBlock> {
    let mut block: Option<SessionsBlock> = None;
    let mut item_indent = None;
    let mut offset = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let at = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        if trimmed.trim_end().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if indent == 0 && !trimmed.starts_with('-') {
            match block.as_mut() {
                Some(b) if b.end == usize::MAX => b.end = at,
                Some(_) => {}
                None if trimmed.starts_with("sessions:") => {
                    block = Some(SessionsBlock {
                        key: at,
                        end: usize::MAX,
                        items: Vec::new(),
                    });
                }
                None => {}
            }
            continue;
        }
        if let Some(b) = block.as_mut().filter(|b| b.end == usize::MAX) {
            let is_item = trimmed.starts_with("- ") || trimmed.trim_end() == "-";
            if is_item && indent == *item_indent.get_or_insert(indent) {
                b.items.push((at, number + 1));
            }
        }
    }
    let mut block = block?;
    if block.end == usize::MAX {
        block.end = text.len();
    }
    Some(block)
}

/// The 1-based line where each session of the file starts, so problems found after parsing can
/// still point into the file.
fn session_lines(text: &str) -> Vec<usize> {
    sessions_block(text).map_or_else(Vec::new, |b| b.items.iter().map(|&(_, line)| line).collect())
}
