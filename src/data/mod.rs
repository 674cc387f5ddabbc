//! Loading and validating the programme. Everything downstream may assume a [`Dataset`] that passed
//! [`validate`]: unique ids, dates inside the forum, ends after starts, known references.

mod frab;
mod load;
pub mod model;
mod scan;
mod serde_words;
mod validate;
pub mod zones;

pub use frab::XmlProblem;
pub use load::MAX_FILE_BYTES;
pub use model::*;
pub use serde_words::Shape;

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

/// Loads a programme file given with `--data`; `-` is standard input. Whatever the source
/// (file, pipe, device), at most [`MAX_FILE_BYTES`] are read.
pub fn from_file(path: &Path) -> Result<Dataset, Vec<DataError>> {
    let m = crate::present::messages::current();
    let stdin = path.as_os_str() == "-";
    let origin = if stdin {
        "-".to_owned()
    } else {
        crate::term::sanitize::for_terminal(&path.display().to_string()).into_owned()
    };
    let fail = |message: String| vec![DataError::at(&origin, None, message)];
    let read_error = |e: std::io::Error| fail((m.cannot_read)(&m.io_reason(&e)));
    let bytes = if stdin {
        read_bounded(std::io::stdin().lock()).map_err(read_error)?
    } else {
        let file = std::fs::File::open(path).map_err(read_error)?;
        if file.metadata().map_err(read_error)?.is_dir() {
            return Err(fail(m.is_directory.to_owned()));
        }
        read_bounded(file).map_err(read_error)?
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail((m.too_large)(MAX_FILE_BYTES / (1024 * 1024))));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        fail((m.not_utf8)(at))
    })?;
    // A byte-order mark is how some editors start a UTF-8 file; it is not part of the first key.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let address = if stdin {
        STANDARD_INPUT.to_owned()
    } else {
        file_address(path)
    };
    from_text_at(text, &origin, Some(&address))
}

/// The address given as the source of what standard input held.
const STANDARD_INPUT: &str = "file:///dev/stdin";

/// A file's absolute path as a `file://` URL, from the path's own bytes: bytes that are not
/// UTF-8 and what [`push_uri_text`] encodes, and `%`, `?` and `#`, which would read as escapes,
/// a query and a fragment, are percent-encoded; letters of any script are kept, so an Arabic
/// file name stays readable.
pub(crate) fn file_address(path: &Path) -> String {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut url = String::from("file://");
    let mut rest = path.as_os_str().as_encoded_bytes();
    while !rest.is_empty() {
        let (good, bad) = match std::str::from_utf8(rest) {
            Ok(text) => (text, &[][..]),
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                (std::str::from_utf8(good).unwrap_or_default(), bad)
            }
        };
        push_uri_text(&mut url, good, &['%', '?', '#']);
        let bad_len = std::str::from_utf8(bad)
            .err()
            .map_or(bad.len(), |e| e.error_len().unwrap_or(bad.len()));
        percent_encode(&mut url, &bad[..bad_len]);
        rest = &bad[bad_len..];
    }
    url
}

/// Appends `text` to a URL, percent-encoding each character a URI cannot hold as it is
/// ([`uri_cannot_hold`]) and each of `also`.
pub(crate) fn push_uri_text(url: &mut String, text: &str, also: &[char]) {
    for c in text.chars() {
        if uri_cannot_hold(c) || also.contains(&c) {
            percent_encode(url, c.encode_utf8(&mut [0; 4]).as_bytes());
        } else {
            url.push(c);
        }
    }
}

/// Spaces, controls, bidi and invisible characters, and the ASCII marks RFC 3986 leaves out of
/// URIs (`\\ " < > ^ ` { | }`).
fn uri_cannot_hold(c: char) -> bool {
    c.is_whitespace()
        || crate::term::sanitize::needs_care(c)
        || matches!(c, '\\' | '"' | '<' | '>' | '^' | '`' | '{' | '|' | '}')
}

fn percent_encode(url: &mut String, bytes: &[u8]) {
    for b in bytes {
        url.push_str(&format!("%{b:02X}"));
    }
}

/// Reads at most one byte more than [`MAX_FILE_BYTES`], so a larger source is recognised without
/// being read to its end (`/dev/zero` has none).
fn read_bounded(source: impl std::io::Read) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    source.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Parses and validates a programme held in memory: every problem of the file, parse and
/// validation alike, in file order.
pub fn from_text(text: &str, origin: &str) -> Result<Dataset, Vec<DataError>> {
    from_text_at(text, origin, None)
}

/// [`from_text`] for text whose address (a `file://` URL) is known.
fn from_text_at(text: &str, origin: &str, address: Option<&str>) -> Result<Dataset, Vec<DataError>> {
    let parsed = load::parse_at(text, origin, address);
    let mut problems = parsed.problems;
    if let Some(dataset) = &parsed.dataset {
        problems.extend(validate::check(dataset, text, &parsed.places, origin));
    }
    match parsed.dataset {
        Some(dataset) if problems.is_empty() => Ok(dataset),
        _ => {
            // Stable: problems on one line keep the order they were found in.
            problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_file_address_is_built_from_the_paths_own_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let bytes = [&b"/d/new\nline \xff\xe2\x80\xae"[..], "جدول".as_bytes(), b"%#?.xml"].concat();
        let path = Path::new(std::ffi::OsStr::from_bytes(&bytes));
        assert_eq!(
            file_address(path),
            "file:///d/new%0Aline%20%FF%E2%80%AEجدول%25%23%3F.xml"
        );
        assert!(validate::is_uri(&file_address(path)));
    }
}
