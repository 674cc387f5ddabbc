//! What the exit status tells a script.

/// Success, including a closed pipe downstream (`igf list | head -1`).
pub const SUCCESS: i32 = 0;
/// `search` found nothing (as with grep), or output could not be written.
pub const NO_MATCH_OR_IO: i32 = 1;
/// The user's input (arguments, ids, dates, a `--data` file) is invalid; one line says why.
pub const BAD_INPUT: i32 = 2;
