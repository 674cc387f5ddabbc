//! The terminal end: what kind of output this is, how wide, and making text safe to print.

pub mod sanitize;
pub mod width;

use std::io::{self, IsTerminal, Write};

/// ECMA-48 BiDi "explicit mode" (BDSM reset): tells a bidi-capable terminal to show characters in
/// the order we send them, because we already reordered them.
pub const BIDI_EXPLICIT: &str = "\x1b[8l";
/// Back to the terminal's implicit (own bidi) mode, so we leave the terminal as we found it.
pub const BIDI_IMPLICIT: &str = "\x1b[8h";

/// Whether standard output is a terminal (rather than a pipe or file).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Whether the terminal is known to reorder bidi text itself while ignoring the explicit-mode
/// request, so visual output would be reversed a second time. mlterm (which sets `MLTERM`) is one:
/// seen under Xvfb, it showed our visual lines mirrored; our logical text it shows correctly.
pub fn reorders_despite_explicit_mode() -> bool {
    std::env::var_os("MLTERM").is_some()
}

/// Width in cells to lay text out in: `COLUMNS` when set (so scripts and tests can fix it), else
/// the terminal's width, else 80.
pub fn width() -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok());
    let measured = || terminal_size::terminal_size_of(io::stdout()).map(|(w, _)| usize::from(w.0));
    from_env
        .filter(|&w| w > 0)
        .or_else(measured)
        .unwrap_or(80)
        .clamp(20, 1000)
}

/// Writes lines to standard output. A closed pipe (`igf list | head -1`) is not an error for a
/// command-line filter, so callers treat `BrokenPipe` as a quiet, successful end.
pub struct Output {
    out: io::BufWriter<io::StdoutLock<'static>>,
}

impl Output {
    pub fn stdout() -> Self {
        Output {
            out: io::BufWriter::new(io::stdout().lock()),
        }
    }

    pub fn line(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())?;
        self.out.write_all(b"\n")
    }

    pub fn raw(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}
