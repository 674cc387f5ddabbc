//! Output taller than the screen goes through a pager, as git and bat do, so its start does not
//! scroll away.
//!
//! The pager is `IGF_PAGER`, else `PAGER`, else `less -R`; an empty value or `cat` means no
//! pager, and so does `--no-pager`. Like git, `LESS=FRX` is set for the pager when the user has
//! not set `LESS`: quit at once when the text fits after all (F), pass colours through (R), and
//! leave the text on the screen afterwards (X).

use super::width::display_width;
use crate::present::messages;
use std::io::{self, Write};
use std::process::{Command, Stdio};

/// Used when neither `IGF_PAGER` nor `PAGER` is set.
pub const DEFAULT_PAGER: &str = "less -R";
/// `LESS` given to the pager when the user has none.
pub const DEFAULT_LESS: &str = "FRX";

/// A pager command, as the user's shell would run it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    pub command: String,
}

/// What became of the output handed to the pager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The pager ran (and may have been quit before the end, which is the user's choice).
    Yes,
    /// The pager could not be started (missing program, not executable): nothing was shown, and
    /// the user was told on standard error.
    NotStarted,
}

/// The pager to use, from variables given by `var`, unless paging is turned off.
pub fn configured(no_pager: bool, var: impl Fn(&str) -> Option<String>) -> Option<Pager> {
    if no_pager {
        return None;
    }
    let command = var("IGF_PAGER")
        .or_else(|| var("PAGER"))
        .unwrap_or_else(|| DEFAULT_PAGER.to_owned());
    let command = command.trim();
    (!command.is_empty() && command != "cat").then(|| Pager {
        command: command.to_owned(),
    })
}

/// Whether output taking `rows` screen rows needs paging on a screen `height` rows tall: the
/// shell's prompt takes the last row, so output fits when it leaves that row free.
pub fn needed(rows: usize, height: Option<usize>) -> bool {
    height.is_some_and(|h| rows >= h)
}

/// Screen rows `text` takes on a terminal `columns` cells wide: a line wider than the screen (a
/// long URL) wraps onto more rows. Colour (SGR) sequences take no cell.
pub fn screen_rows(text: &str, columns: usize) -> usize {
    let columns = columns.max(1);
    text.lines()
        .map(|line| display_width(&without_escapes(line)).div_ceil(columns).max(1))
        .sum()
}

/// `line` without its `ESC [ … final` sequences.
fn without_escapes(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('\x1b') {
        return line.into();
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // Parameters and intermediates run up to the final byte, @ to ~.
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out.into()
}

/// Status with which a POSIX shell reports (on standard error) a command it could not find (127)
/// or run (126).
const SHELL_COULD_NOT_RUN: [i32; 2] = [126, 127];

/// A pager that was started and is being fed its input.
pub struct Paging {
    command: String,
    via_shell: bool,
    child: std::process::Child,
    input: Option<io::BufWriter<std::process::ChildStdin>>,
    // Ctrl-C while paging is meant for the pager (less stops a search with it); igf ending
    // there would leave the pager reading the terminal after the shell has taken it back.
    _interrupt: IgnoreInterrupt,
}

impl Pager {
    /// Starts the pager, reading its input from a pipe; `None` (and the user told on standard
    /// error) when it cannot be started.
    pub fn start(&self) -> Option<Paging> {
        let via_shell = self.needs_shell();
        let mut command = self.process(via_shell);
        if std::env::var_os("LESS").is_none() {
            command.env("LESS", DEFAULT_LESS);
        }
        let mut child = match command.stdin(Stdio::piped()).spawn() {
            Ok(child) => child,
            Err(e) => {
                super::error_line(&(messages::current().pager_not_started)(
                    &messages::current().quoted(&self.command),
                    &messages::current().io_reason(&e),
                ));
                return None;
            }
        };
        let input = child
            .stdin
            .take()
            .map(|pipe| io::BufWriter::with_capacity(64 * 1024, pipe));
        Some(Paging {
            command: self.command.clone(),
            via_shell,
            child,
            input,
            _interrupt: IgnoreInterrupt::new(),
        })
    }

    /// Whether the command uses shell syntax (quotes, variables, redirections, ...).
    fn needs_shell(&self) -> bool {
        cfg!(unix) && self.command.contains(SHELL_SYNTAX)
    }

    /// The command as the user's shell would run it. As git does, a plain `program args` is run
    /// directly (so Ctrl-C reaches the pager with no shell in between, and a missing program is
    /// known at once); anything with quotes, variables or other shell syntax goes through `sh -c`.
    fn process(&self, via_shell: bool) -> Command {
        if via_shell {
            let mut command = Command::new("sh");
            command.arg("-c").arg(&self.command);
            return command;
        }
        let mut words = self.command.split_whitespace();
        let mut command = Command::new(words.next().unwrap_or_default());
        command.args(words);
        command
    }
}

impl Paging {
    /// Hands `text` to the pager. An error means the pager closed its input (it was quit before
    /// the end, which is the user's choice, or it ended): the rest is not wanted.
    pub fn write(&mut self, text: &str) -> io::Result<()> {
        match self.input.as_mut() {
            Some(input) => input.write_all(text.as_bytes()),
            None => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }

    /// Closes the pager's input and waits for it to end.
    pub fn wait(mut self) -> Shown {
        if let Some(mut input) = self.input.take() {
            let _ = input.flush();
        }
        match self.child.wait() {
            Ok(status) if self.via_shell && status.code().is_some_and(|c| SHELL_COULD_NOT_RUN.contains(&c)) => {
                Shown::NotStarted
            }
            // Killed through the shell (128 + the signal, as a signal ends it when run directly):
            // the user stopped it, and printing everything again is not what they asked for.
            Ok(status) if self.via_shell && status.code().is_some_and(|c| c > 128) => Shown::Yes,
            // A pager that failed (`IGF_PAGER=false`, a broken command) may have shown nothing:
            // the output is printed directly rather than lost.
            Ok(status) if status.code().is_some_and(|c| c != 0) => {
                super::error_line(&(messages::current().pager_failed)(
                    &messages::current().quoted(&self.command),
                    status.code().unwrap_or_default(),
                ));
                Shown::NotStarted
            }
            _ => Shown::Yes,
        }
    }
}

/// Characters that make a pager command need a shell.
const SHELL_SYNTAX: &[char] = &[
    '|', '&', ';', '<', '>', '(', ')', '$', '`', '\\', '"', '\'', '*', '?', '[', '#', '~', '=', '%', '{', '}',
];

/// Ignores SIGINT for as long as it lives, then restores what was there before.
struct IgnoreInterrupt {
    #[cfg(unix)]
    previous: libc::sighandler_t,
}

impl IgnoreInterrupt {
    fn new() -> Self {
        IgnoreInterrupt {
            // SAFETY: setting a signal disposition to SIG_IGN runs no code in the handler and
            // touches no memory; the previous disposition is kept to be put back.
            #[cfg(unix)]
            previous: unsafe { libc::signal(libc::SIGINT, libc::SIG_IGN) },
        }
    }
}

impl Drop for IgnoreInterrupt {
    fn drop(&mut self) {
        // SAFETY: puts back the disposition `signal` returned above.
        #[cfg(unix)]
        unsafe {
            libc::signal(libc::SIGINT, self.previous);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pager(vars: &[(&str, &str)], no_pager: bool) -> Option<String> {
        configured(no_pager, |name| {
            vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        })
        .map(|p| p.command)
    }

    #[test]
    fn igf_pager_then_pager_then_less() {
        assert_eq!(
            pager(&[("IGF_PAGER", "most"), ("PAGER", "more")], false).as_deref(),
            Some("most")
        );
        assert_eq!(pager(&[("PAGER", "more -d")], false).as_deref(), Some("more -d"));
        assert_eq!(pager(&[], false).as_deref(), Some(DEFAULT_PAGER));
    }

    #[test]
    fn empty_cat_or_no_pager_turn_paging_off() {
        assert_eq!(
            pager(&[("IGF_PAGER", ""), ("PAGER", "more")], false),
            None,
            "an empty IGF_PAGER is a choice"
        );
        assert_eq!(pager(&[("PAGER", " cat ")], false), None);
        assert_eq!(pager(&[("IGF_PAGER", "less")], true), None);
    }

    #[test]
    fn rows_count_wrapped_lines_and_not_colour() {
        assert_eq!(screen_rows("ab\n\ncd\n", 80), 3, "an empty line takes a row");
        assert_eq!(screen_rows(&"x".repeat(81), 80), 2);
        let coloured = format!("\x1b[36m{}\x1b[0m", "y".repeat(80));
        assert_eq!(screen_rows(&coloured, 80), 1);
    }

    #[test]
    fn output_is_paged_when_it_would_push_its_first_line_off_the_screen() {
        assert!(!needed(23, Some(24)));
        assert!(needed(24, Some(24)));
        assert!(!needed(10_000, None), "unknown height: never page");
    }
}
