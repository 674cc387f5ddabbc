//! The terminal end: what kind of output this is, how wide, and making text safe to print.

pub mod detect;
pub mod pager;
pub mod sanitize;
pub mod width;

pub use detect::{Detected, Order};

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// ECMA-48 BiDi "explicit mode" (BDSM reset): tells a bidi-capable terminal to show characters in
/// the order we send them, because we already reordered them.
pub const BIDI_EXPLICIT: &str = "\x1b[8l";
/// Back to the terminal's implicit (own bidi) mode, so we leave the terminal as we found it.
pub const BIDI_IMPLICIT: &str = "\x1b[8h";

/// Whether standard output is a terminal (rather than a pipe or file).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Where output goes and what it needs, resolved once per run from the environment and
/// `--bidi`/`IGF_BIDI`.
#[derive(Debug, Clone, Copy)]
pub struct Terminal {
    /// Standard output is a terminal (not a pipe or file the user redirected to).
    pub interactive: bool,
    /// The terminal family found in the environment.
    pub detected: Detected,
    /// The order text is written in.
    pub order: Order,
}

impl Terminal {
    /// `forced` is the user's `--bidi visual|logical`; `None` lets the terminal decide: its
    /// family's order on a terminal, logical order in pipes and files.
    pub fn resolve(forced: Option<Order>) -> Self {
        Self::resolve_for(stdout_is_terminal(), forced)
    }

    /// Like [`Terminal::resolve`], for standard error: it may be a terminal when standard output
    /// is not, and the other way round.
    pub fn resolve_stderr(forced: Option<Order>) -> Self {
        Self::resolve_for(io::stderr().is_terminal(), forced)
    }

    fn resolve_for(interactive: bool, forced: Option<Order>) -> Self {
        let detected = Detected::from_env();
        let automatic = if interactive { detected.order() } else { Order::Logical };
        Terminal {
            interactive,
            detected,
            order: forced.unwrap_or(automatic),
        }
    }

    pub fn visual(&self) -> bool {
        self.order == Order::Visual
    }

    /// Escape sequences (colour, BDSM) and a pager are for a terminal that understands them.
    pub fn takes_escapes(&self) -> bool {
        self.interactive && self.detected.understands_escapes()
    }

    /// Logical text for a terminal that draws the bidi isolates as boxes (mlterm), one line
    /// (`rtl`: of a right-to-left layout) at a time. Each box would take a cell and break the
    /// line's width, so the isolates do not reach it. In a right-to-left layout marks take their
    /// place: the terminal finds a line's direction from its first strong character, which is
    /// often Latin (`igf: FILE:1:2: …`), so each line starts with RLM, and each isolate becomes
    /// a pair of marks of its direction, which keep a Latin name or a date in its order. Elsewhere
    /// the isolates are left out.
    pub fn printable<'t>(&self, text: &'t str, rtl: bool) -> std::borrow::Cow<'t, str> {
        if !self.draws_isolates() {
            text.into()
        } else if rtl {
            right_to_left_line(text).into()
        } else if text.chars().any(sanitize::is_bidi_isolate) {
            text.chars().filter(|&c| !sanitize::is_bidi_isolate(c)).collect()
        } else {
            text.into()
        }
    }

    /// Cells to keep free on each line of a right-to-left layout (`rtl`) for the marks
    /// [`Terminal::printable`] puts in: mlterm draws a mark as nothing but gives it a cell of
    /// the line, so a line laid out to the full width would wrap a word early.
    pub fn cells_before_line(&self, rtl: bool) -> usize {
        if rtl && self.draws_isolates() {
            CELLS_FOR_MARKS
        } else {
            0
        }
    }

    /// Logical text is going to a terminal that draws the bidi isolates as boxes.
    fn draws_isolates(&self) -> bool {
        let draws = |f: &detect::Family| f.draws_isolates;
        self.interactive && !self.visual() && (draws(self.detected.family) || self.detected.outer.is_some_and(draws))
    }

    /// Visual text on a terminal is wrapped in BDSM explicit mode, so a terminal that would
    /// reorder it (VTE, mintty) shows it as sent; terminals without bidi ignore the request.
    pub fn explicit_mode(&self) -> bool {
        self.visual() && self.takes_escapes()
    }
}

/// Cells a line keeps for marks on mlterm: its leading RLM and one more. Most lines of igf's
/// documents and errors need at most one mark besides the first (an isolate ending in a
/// bracket or a digit), and every cell kept is one less for the text.
const CELLS_FOR_MARKS: usize = 2;

/// Left-to-right and right-to-left marks: invisible, zero-width characters with a direction.
pub const LRM: char = '\u{200E}';
pub const RLM: char = '\u{200F}';

/// `line` for mlterm, which finds each line's direction itself, draws isolates as boxes and
/// gives every mark a cell of the line (it is drawn as nothing, but the line wraps one cell
/// earlier): started with RLM, so that it is laid out right to left, with its isolates replaced
/// by the marks that are needed (see [`isolates_as_marks`]). A line of a table (one with
/// box-drawing characters) only loses its isolates: mlterm lays out the pieces between those
/// characters from left to right whatever the marks say, and the two marks of each cell would
/// make a row wider than the screen. An empty line stays empty.
fn right_to_left_line(line: &str) -> String {
    if line.chars().any(is_box_drawing) {
        return line.chars().filter(|&c| !sanitize::is_bidi_isolate(c)).collect();
    }
    let marked = isolates_as_marks(line);
    if marked.is_empty() {
        return marked;
    }
    let mut out = String::with_capacity(marked.len() + 3);
    out.push(RLM);
    out.push_str(&marked);
    out
}

fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// The direction of a strong character: `Some(true)` right to left, `Some(false)` left to
/// right, `None` for any other.
fn strong_rtl(c: char) -> Option<bool> {
    use unicode_bidi::{bidi_class, BidiClass};
    match bidi_class(c) {
        BidiClass::L => Some(false),
        BidiClass::R | BidiClass::AL => Some(true),
        _ => None,
    }
}

/// Arabic-Indic digits (bidi class AN) in `text`. A time such as `٠٨:٤٠–٠٩:٤٠` reads from right
/// to left even inside a left-to-right isolate, whose content is laid out apart from the line;
/// LRM marks, which only stand next to it, would instead tie its last number to the Latin word
/// after it (`UTC`), so such a span takes RLM marks.
fn has_arabic_digits(text: &str) -> bool {
    text.chars()
        .any(|c| unicode_bidi::bidi_class(c) == unicode_bidi::BidiClass::AN)
}

/// `text` with each isolate (LRI, RLI or FSI … PDI) replaced by marks of the isolate's
/// direction (LRM or RLM) at either end of its content, where the content does not already
/// start or end with a strong character of that direction: a Latin name needs none, `--date`
/// one before it, `2020-11-04` one on each side. An FSI takes the direction of the first strong
/// character of its content outside nested isolates (UAX #9, rule P2); when there is none, left
/// to right unless it holds Arabic-Indic digits (see [`has_arabic_digits`]). A PDI without an isolate to close is left out.
pub fn isolates_as_marks(text: &str) -> String {
    const PDI: char = '\u{2069}';
    /// The content of the isolate that starts `rest`: up to its PDI, or the end of the line.
    fn content(rest: &str) -> &str {
        let mut depth = 0usize;
        for (at, c) in rest.char_indices() {
            match c {
                '\u{2066}'..='\u{2068}' => depth += 1,
                PDI if depth == 0 => return &rest[..at],
                PDI => depth -= 1,
                _ => {}
            }
        }
        rest
    }
    /// The first strong direction in `content`, outside nested isolates.
    fn first_strong_rtl(content: &str) -> Option<bool> {
        let mut depth = 0usize;
        content.chars().find_map(|c| match c {
            '\u{2066}'..='\u{2068}' => {
                depth += 1;
                None
            }
            PDI => {
                depth = depth.saturating_sub(1);
                None
            }
            _ if depth > 0 => None,
            _ => strong_rtl(c),
        })
    }
    let mut out = String::with_capacity(text.len() + 8);
    // The mark each open isolate is to be closed with, if its content needs one.
    let mut open: Vec<Option<char>> = Vec::new();
    for (at, c) in text.char_indices() {
        let rtl = match c {
            '\u{2066}' => false,
            '\u{2067}' => true,
            '\u{2068}' => {
                let inside = content(&text[at + c.len_utf8()..]);
                first_strong_rtl(inside).unwrap_or_else(|| has_arabic_digits(inside))
            }
            PDI => {
                if let Some(Some(mark)) = open.pop() {
                    out.push(mark);
                }
                continue;
            }
            _ => {
                out.push(c);
                continue;
            }
        };
        let mark = if rtl { RLM } else { LRM };
        let inside = content(&text[at + c.len_utf8()..]);
        let needs = |end: Option<char>| end.and_then(strong_rtl) != Some(rtl);
        if needs(inside.chars().next()) {
            out.push(mark);
        }
        // European digits after a Latin letter read as Latin (UAX #9, rule W7): `OF21` ends
        // as it should.
        let mut backwards = inside.chars().rev();
        let last = if rtl {
            backwards.next()
        } else {
            backwards.find(|&c| unicode_bidi::bidi_class(c) != unicode_bidi::BidiClass::EN)
        };
        let closed = inside.len() < text.len() - at - c.len_utf8();
        open.push((closed && needs(last)).then_some(mark));
    }
    out
}

/// Height in lines of the terminal: `LINES` when set (so scripts and tests can fix it), else the
/// terminal's height; `None` when neither is known.
pub fn height() -> Option<usize> {
    let from_env = std::env::var("LINES").ok().and_then(|c| c.trim().parse::<usize>().ok());
    let measured = || terminal_size::terminal_size_of(io::stdout()).map(|(_, h)| usize::from(h.0));
    from_env.filter(|&h| h > 0).or_else(measured).filter(|&h| h > 0)
}

/// A pager for output taller than a screen of `height` rows, `columns` cells wide.
pub struct Paging {
    pub pager: pager::Pager,
    pub height: usize,
    pub columns: usize,
}

/// Receives output as it is made, in pieces that each end in their newline.
pub type Sink<'s> = dyn FnMut(&str) -> io::Result<()> + 's;

/// Prints what `produce` writes into the sink it is given, as it writes it: straight to
/// standard output or, with `paging`, held until it is taller than the screen and then handed
/// to the pager as it comes (output that fits is printed directly once it is complete).
/// `explicit_mode` wraps the output in BDSM. The BDSM requests are written to the terminal
/// itself, never into the pager's input (less would show them as `ESC[8l` rather than pass them
/// on), and the terminal's own mode is restored even when printing failed. A pager that cannot
/// be started, or that fails, leaves the output to be printed directly, whole: `produce` is
/// then called again, so it must make the same output each time.
pub fn print(
    explicit_mode: bool,
    paging: Option<Paging>,
    produce: &mut dyn FnMut(&mut Sink) -> io::Result<()>,
) -> io::Result<()> {
    if explicit_mode {
        let mut out = Output::stdout();
        out.raw(BIDI_EXPLICIT)?;
        out.finish()?;
        STDOUT_EXPLICIT.store(true, Ordering::Relaxed);
    }
    let mut out = Output::stdout();
    let mut screen = Screen {
        state: match paging {
            Some(paging) => State::Holding {
                held: String::new(),
                rows: 0,
                paging,
            },
            None => State::Direct,
        },
    };
    let result = produce(&mut |text| screen.write(text, &mut out));
    let result = match screen.end(result, &mut out) {
        Ok(Shown::NotShown) => produce(&mut |text| out.raw(text)),
        other => other.map(|_| ()),
    };
    if explicit_mode {
        STDOUT_EXPLICIT.store(false, Ordering::Relaxed);
        let _ = out.raw(BIDI_IMPLICIT);
    }
    result?;
    out.finish()
}

/// Output on its way to the screen.
struct Screen {
    state: State,
}

enum State {
    /// Held while it may still fit on the screen.
    Holding { held: String, rows: usize, paging: Paging },
    /// Printed straight to standard output.
    Direct,
    /// Handed to a running pager; `closed` once the pager took no more.
    Paging { pager: pager::Paging, closed: bool },
}

/// How printing through the screen ended.
enum Shown {
    Done,
    /// The pager could not be run or failed: nothing may have been shown.
    NotShown,
}

impl Screen {
    fn write(&mut self, text: &str, out: &mut Output) -> io::Result<()> {
        match &mut self.state {
            State::Direct => out.raw(text),
            State::Paging { pager, closed } => pager.write(text).inspect_err(|_| *closed = true),
            State::Holding { held, rows, paging } => {
                held.push_str(text);
                *rows += pager::screen_rows(text, paging.columns);
                if !pager::needed(*rows, Some(paging.height)) {
                    return Ok(());
                }
                let held = std::mem::take(held);
                match paging.pager.start() {
                    Some(pager) => {
                        self.state = State::Paging { pager, closed: false };
                        self.write(&held, out)
                    }
                    None => {
                        self.state = State::Direct;
                        out.raw(&held)
                    }
                }
            }
        }
    }

    /// Finishes with the output, `result` being what producing it gave.
    fn end(self, result: io::Result<()>, out: &mut Output) -> io::Result<Shown> {
        match self.state {
            State::Holding { held, .. } => {
                result?;
                out.raw(&held)?;
                Ok(Shown::Done)
            }
            State::Direct => result.map(|_| Shown::Done),
            State::Paging { pager, closed } => match pager.wait() {
                pager::Shown::NotStarted => Ok(Shown::NotShown),
                // A pager quit before the end closed its input: that error is not the user's.
                pager::Shown::Yes if closed => Ok(Shown::Done),
                pager::Shown::Yes => result.map(|_| Shown::Done),
            },
        }
    }
}

/// Width in cells to lay text out in: `COLUMNS` when set (so scripts and tests can fix it), else
/// the terminal's width, else 80.
pub fn width() -> usize {
    width_of(io::stdout())
}

/// Like [`width`], for standard error.
pub fn error_width() -> usize {
    width_of(io::stderr())
}

fn width_of(stream: impl std::os::fd::AsFd) -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok());
    let measured = || terminal_size::terminal_size_of(stream).map(|(w, _)| usize::from(w.0));
    from_env
        .filter(|&w| w > 0)
        .or_else(measured)
        .unwrap_or(80)
        .clamp(20, 1000)
}

/// Writes lines to standard output. A closed pipe (`igf list | head -1`) is not an error for a
/// command-line filter, so callers treat `BrokenPipe` as a quiet, successful end.
///
/// The writer owns a duplicate of descriptor 1 rather than Rust's `Stdout`, which reports writes
/// to a closed descriptor as successful: with `igf list >&-` the duplicate cannot be made and the
/// first write says so.
pub struct Output {
    out: io::BufWriter<Box<dyn Write>>,
    closed: Option<io::Error>,
}

impl Output {
    pub fn stdout() -> Self {
        let (target, closed): (Box<dyn Write>, _) = match own_stdout() {
            Ok(file) => (Box::new(file), None),
            Err(e) => (Box::new(io::sink()), Some(e)),
        };
        Output {
            out: io::BufWriter::with_capacity(64 * 1024, target),
            closed,
        }
    }

    fn check(&mut self) -> io::Result<()> {
        match self.closed.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    pub fn line(&mut self, text: &str) -> io::Result<()> {
        self.check()?;
        self.out.write_all(text.as_bytes())?;
        self.out.write_all(b"\n")
    }

    pub fn raw(&mut self, text: &str) -> io::Result<()> {
        self.bytes(text.as_bytes())
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.check()?;
        self.out.write_all(bytes)
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.check()?;
        self.out.flush()
    }
}

#[cfg(unix)]
fn own_stdout() -> io::Result<std::fs::File> {
    use std::os::fd::AsFd;
    if stdout_was_closed() {
        return Err(io::Error::from_raw_os_error(9)); // EBADF
    }
    Ok(std::fs::File::from(io::stdout().as_fd().try_clone_to_owned()?))
}

/// Whether the process started with descriptor 1 closed (`igf list >&-`). Rust's runtime then
/// opens /dev/null read-write in its place before `main`, so output would vanish with status 0;
/// a shell's `> /dev/null` opens it write-only, which tells the two apart.
#[cfg(unix)]
fn stdout_was_closed() -> bool {
    let is_null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|target| target == std::path::Path::new("/dev/null"));
    is_null
        && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        })
}

#[cfg(not(unix))]
fn own_stdout() -> io::Result<io::Stdout> {
    Ok(io::stdout())
}

/// A word of an error line longer than this is shortened: no path, id or name is as long.
const MAX_WORD_CHARS: usize = 200;
/// An error line longer than this is cut.
const MAX_ERROR_CHARS: usize = 2000;

/// Lays an error out for the terminal standard error shows on: given the message (already
/// made safe and shortened), it returns every byte to write, newlines included. `term` cannot
/// lay text out itself (that needs the `rtl` layer above it), so the layer that can installs
/// one with [`lay_errors_out_with`]; without one, or with `None` (standard error is a pipe or a
/// file), each error is one line in logical order, which scripts rely on.
pub type ErrorLayout = Box<dyn Fn(&str) -> String + Send + Sync>;

static ERROR_LAYOUT: std::sync::RwLock<Option<ErrorLayout>> = std::sync::RwLock::new(None);

/// Standard output is being printed in BDSM explicit mode: an error said meanwhile (the pager's)
/// that ends its own explicit mode must ask for it again, or the terminal would reorder the
/// rest of the output a second time.
static STDOUT_EXPLICIT: AtomicBool = AtomicBool::new(false);

/// Sets how later errors are laid out (see [`ErrorLayout`]).
pub fn lay_errors_out_with(layout: Option<ErrorLayout>) {
    if let Ok(mut current) = ERROR_LAYOUT.write() {
        *current = layout;
    }
}

/// The name every error starts with, so the user knows which program spoke.
pub const ERROR_PREFIX: &str = "igf";

/// Writes one error to standard error: one line in logical order, or laid out for the terminal
/// by the installed [`ErrorLayout`]. A message that cannot be written (a full or closed
/// standard error) is dropped: there is nowhere left to report it, and the exit status still
/// tells the caller that something failed.
pub fn error_line(text: &str) {
    let mut message = String::with_capacity(text.len().min(MAX_ERROR_CHARS * 4) + 8);
    // Values the parser echoes (clap quotes a rejected value whole) are shortened like ours.
    for (i, word) in sanitize::for_terminal(text).split(' ').enumerate() {
        if i > 0 {
            message.push(' ');
        }
        message.push_str(&sanitize::shortened(word, MAX_WORD_CHARS));
    }
    if let Some((cut, _)) = message.char_indices().nth(MAX_ERROR_CHARS) {
        message.truncate(cut);
        message.push('…');
    }
    let laid_out = ERROR_LAYOUT
        .read()
        .ok()
        .and_then(|layout| layout.as_ref().map(|lay_out| lay_out(&message)));
    let mut bytes = laid_out.unwrap_or_else(|| format!("{ERROR_PREFIX}: {message}\n"));
    if bytes.ends_with(BIDI_IMPLICIT) && STDOUT_EXPLICIT.load(Ordering::Relaxed) {
        bytes.push_str(BIDI_EXPLICIT);
    }
    let _ = io::stderr().lock().write_all(bytes.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_isolate_becomes_the_marks_of_its_direction_that_its_content_needs() {
        // LRI, RLI, and FSI taking the direction of its first strong character.
        assert_eq!(isolates_as_marks("ب \u{2066}--date\u{2069} ب"), "ب \u{200E}--date ب");
        assert_eq!(isolates_as_marks("a \u{2067}«ب»\u{2069} a"), "a \u{200F}«ب»\u{200F} a");
        assert_eq!(
            isolates_as_marks("ب \u{2068}OF21\u{2069} ب"),
            "ب OF21 ب",
            "strong at both ends"
        );
        assert_eq!(isolates_as_marks("\u{2068}Jed (ISO)\u{2069}"), "Jed (ISO)\u{200E}");
        assert_eq!(isolates_as_marks("\u{2068}(ب) x\u{2069}"), "\u{200F}(ب) x\u{200F}");
        // No strong character (a code of signs, a date): left to right.
        assert_eq!(isolates_as_marks("\u{2068}<<\u{2069}"), "\u{200E}<<\u{200E}");
        assert_eq!(
            isolates_as_marks("\u{2068}2020-11-04\u{2069}"),
            "\u{200E}2020-11-04\u{200E}"
        );
    }

    #[test]
    fn a_nested_isolate_does_not_give_its_direction_to_the_outer_one() {
        let nested = "\u{2068}\u{2068}(ب)\u{2069} x\u{2069}";
        assert_eq!(isolates_as_marks(nested), "\u{200E}\u{200F}(ب)\u{200F} x");
        // An FSI left open to the end of the line (the rest of it is on the next line): its
        // closing mark belongs to that line.
        assert_eq!(isolates_as_marks("\u{2068}1 ب"), "\u{200F}1 ب");
        assert_eq!(isolates_as_marks("\u{2068}1 x"), "\u{200E}1 x");
        assert_eq!(isolates_as_marks("a\u{2069} b"), "a b", "a stray PDI is left out");
    }

    #[test]
    fn right_to_left_lines_start_with_rlm_and_take_no_more_cells() {
        let line = "igf: \u{2068}a.yaml:1:2\u{2069}: عنوان \u{2068}IGF\u{2069}";
        let marked = right_to_left_line(line);
        assert_eq!(marked, "\u{200F}igf: a.yaml:1:2\u{200E}: عنوان IGF");
        assert_eq!(width::display_width(&marked), width::display_width(line));
        assert_eq!(right_to_left_line(""), "");
    }

    #[test]
    fn table_lines_only_lose_their_isolates() {
        let row = "│\u{2067}DC1  \u{2069}│\u{2067}عنوان\u{2069}│";
        assert_eq!(right_to_left_line(row), "│DC1  │عنوان│");
        assert_eq!(right_to_left_line("┌──┬──┐"), "┌──┬──┐");
    }
}
