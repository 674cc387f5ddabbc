//! What the exit status tells a script. Each code means one thing.

/// The status `igf` ends with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Done, including a closed pipe downstream (`igf list | head -1`): the reader has all it
    /// wanted.
    Success = 0,
    /// `search` found nothing, as with grep.
    NoMatch = 1,
    /// The user's input (arguments, ids, dates, a `--data` file) is invalid; one line says why.
    BadInput = 2,
    /// Output could not be written (a full disk, a closed standard output): sysexits' EX_IOERR,
    /// so a script can tell it from "nothing found" and from its own mistakes.
    WriteFailed = 74,
}

impl ExitCode {
    /// The number the process ends with.
    pub fn code(self) -> u8 {
        self as u8
    }
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code.code())
    }
}
