//! English words of help, usage errors and the manual. The texts of commands and options are the
//! doc comments in `cli`.

use super::man::ManWords;
use super::HelpWords;

pub const WORDS: HelpWords = HelpWords {
    texts: &[],
    usage: "Usage",
    commands: "Commands",
    options: "Options",
    global_options: "Options for every command",
    examples: "Examples",
    options_placeholder: "OPTIONS",
    command_placeholder: "COMMAND",
    possible_values: "Possible values",
    default: "Default",
    environment_variable: "Environment variable",
    sentence_end: ".",
    example_notes: [
        "sessions of Wednesday 4 November",
        "the Trust track, in English",
        "workshops of the second phase (the kind given by part of its Arabic name)",
        "sessions of 9 and 10 November with Egyptian participation",
        "every session numbered 39 (OF #39, WS #39, ...)",
        "one session, its times in Cairo time",
        "Egypt's part in the forum",
        "sessions about artificial intelligence",
        "machine-readable output for another program",
    ],
    times_note: "Times are published in UTC; --tz shows them in another zone. Sessions whose date, time or track was not published say so instead of guessing.",
    see_help: |path| format!("(see '{path} --help')"),
    clause_separator: "; ",
    unknown_command: |c| format!("no command {c}"),
    unexpected_argument: |a| format!("unexpected argument {a}"),
    invalid_value: |value, option| format!("invalid value {value} for {option}"),
    invalid_variable: |value, variable, option| {
        format!("invalid value {value} in the environment variable {variable}, which sets {option}")
    },
    invalid_positional: |value, what| format!("invalid value {value} for {what}"),
    missing_value: |option| format!("{option} needs a value"),
    value_names: &[],
    missing_arguments: |a| format!("missing {a}"),
    missing_command: |valid| format!("a command is needed: {valid}"),
    cannot_use: |a| format!("cannot use {a} here"),
    not_utf8: "an argument is not valid UTF-8 text",
    unreadable: "the command line cannot be understood",
    did_you_mean: |s| format!("did you mean {s}?"),
    exit_status: "Exit status",
    exit_codes: [
        "success",
        "nothing found by search",
        "invalid input (arguments, ids, dates or a --data file)",
        "output could not be written (a full disk, a closed standard output)",
    ],
    environment: "Environment",
    other_variables: [
        ("COLUMNS", "width of the output in cells, instead of the terminal's width"),
        ("NO_COLOR", "when set and not empty, --color auto never colours"),
        ("IGF_PAGER, PAGER", "the pager for long output on a terminal (default less -R); empty or cat turns paging off"),
        ("KONSOLE_VERSION, VTE_VERSION, MLTERM, TERM_PROGRAM, WT_SESSION, TERM", "how the terminal names itself: --bidi auto picks display order or reading order for it; TERM=dumb gets no escape sequence at all"),
    ],
    man: ManWords {
        title: "IGF 2020 programme",
        name: "NAME",
        synopsis: "SYNOPSIS",
        description: "DESCRIPTION",
        languages: "Every command speaks Arabic (the default) or English: --lang en, or IGF_LANG=en. On a terminal, Arabic text is reordered for display unless the terminal does so itself; in pipes and files it stays in reading order.",
    },
};
