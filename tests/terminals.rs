//! What igf writes to each terminal family (docs/terminals.md), checked byte for byte on a
//! pseudo-terminal whose environment is what that terminal would set.

mod pty;

use pty::{is_shaped, EXPLICIT, IMPLICIT};

/// The start of OF21's Arabic title in reading order: present only in logical output.
const LOGICAL_TITLE: &str = "تعزيز قدرات";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Display order, shaped, inside BDSM explicit mode.
    Visual,
    /// Reading order, no BDSM.
    Logical,
}

/// Environment variables, name and value.
type Vars = &'static [(&'static str, &'static str)];

/// Each family with the variables it sets (as seen in each terminal's own environment) and what
/// it needs, written here from the terminals' documented behaviour, not from igf's table.
const FAMILIES: &[(&str, Vars, Expect)] = &[
    (
        "xterm",
        &[("TERM", "xterm-256color"), ("XTERM_VERSION", "XTerm(379)")],
        Expect::Visual,
    ),
    (
        "Alacritty",
        &[("TERM", "alacritty"), ("ALACRITTY_WINDOW_ID", "4194307")],
        Expect::Visual,
    ),
    // kitty shapes each run of Arabic right to left, which reverses it (seen with kitty 0.26).
    (
        "kitty",
        &[("TERM", "xterm-kitty"), ("KITTY_WINDOW_ID", "1")],
        Expect::Logical,
    ),
    ("foot", &[("TERM", "foot")], Expect::Visual),
    (
        "WezTerm",
        &[("TERM", "xterm-256color"), ("TERM_PROGRAM", "WezTerm")],
        Expect::Visual,
    ),
    (
        "Windows Terminal",
        &[("WT_SESSION", "3f1c0b2e-8d8e-4c55-9a53-6c1f1e0b8a11")],
        Expect::Visual,
    ),
    (
        "iTerm2",
        &[("TERM", "xterm-256color"), ("TERM_PROGRAM", "iTerm.app")],
        Expect::Visual,
    ),
    (
        "GNOME Terminal",
        &[("TERM", "xterm-256color"), ("VTE_VERSION", "7600")],
        Expect::Visual,
    ),
    (
        "mintty",
        &[("TERM", "xterm"), ("TERM_PROGRAM", "mintty")],
        Expect::Visual,
    ),
    ("unknown", &[("TERM", "xterm-256color")], Expect::Visual),
    (
        "Konsole",
        &[("TERM", "xterm-256color"), ("KONSOLE_VERSION", "230805")],
        Expect::Logical,
    ),
    (
        "Konsole started from GNOME Terminal",
        &[
            ("TERM", "xterm-256color"),
            ("KONSOLE_VERSION", "230805"),
            ("VTE_VERSION", "7600"),
        ],
        Expect::Logical,
    ),
    ("mlterm", &[("TERM", "xterm"), ("MLTERM", "3.9.3")], Expect::Logical),
    (
        "Terminal.app",
        &[("TERM", "xterm-256color"), ("TERM_PROGRAM", "Apple_Terminal")],
        Expect::Logical,
    ),
    (
        "Emacs term",
        &[("TERM", "eterm-color"), ("INSIDE_EMACS", "29.1,term:0.96")],
        Expect::Logical,
    ),
    (
        "tmux in xterm",
        &[
            ("TERM", "tmux-256color"),
            ("TMUX", "/tmp/tmux-1000/default,42,0"),
            ("XTERM_VERSION", "XTerm(379)"),
        ],
        Expect::Visual,
    ),
    (
        "tmux in GNOME Terminal",
        &[
            ("TERM", "tmux-256color"),
            ("TMUX", "/tmp/tmux-1000/default,42,0"),
            ("VTE_VERSION", "7600"),
        ],
        Expect::Logical,
    ),
    (
        "screen in Konsole",
        &[
            ("TERM", "screen"),
            ("STY", "4242.pts-1.host"),
            ("KONSOLE_VERSION", "230805"),
        ],
        Expect::Logical,
    ),
    (
        "screen alone",
        &[("TERM", "screen"), ("STY", "4242.pts-1.host")],
        Expect::Visual,
    ),
];

fn check(name: &str, out: &str, expect: Expect) {
    match expect {
        Expect::Visual => {
            assert!(
                out.starts_with(EXPLICIT),
                "{name}: explicit mode first: {:?}",
                &out[..out.len().min(12)]
            );
            assert!(
                out.trim_end().ends_with(IMPLICIT),
                "{name}: implicit mode restored at the end"
            );
            assert_eq!(out.matches(EXPLICIT).count(), 1, "{name}");
            assert!(is_shaped(out), "{name}: shaped, display-order text");
            assert!(!out.contains(LOGICAL_TITLE), "{name}: no logical text");
        }
        Expect::Logical => {
            assert!(
                !out.contains("\x1b[8"),
                "{name}: no BDSM for a terminal that ignores it"
            );
            assert!(out.contains(LOGICAL_TITLE), "{name}: logical Arabic");
            assert!(!is_shaped(out), "{name}: not shaped (the terminal shapes)");
        }
    }
}

#[test]
fn each_family_gets_the_text_order_it_needs() {
    for (name, env, expect) in FAMILIES {
        let screen = pty::igf("show OF21", env);
        assert_eq!(screen.status, 0, "{name}");
        check(name, &screen.bytes, *expect);
    }
}

#[test]
fn bidi_flag_and_variable_override_the_terminal() {
    let konsole = [("TERM", "xterm-256color"), ("KONSOLE_VERSION", "230805")];
    check(
        "Konsole --bidi visual",
        &pty::igf("show OF21 --bidi visual", &konsole).bytes,
        Expect::Visual,
    );
    let xterm_logical = [
        ("TERM", "xterm"),
        ("XTERM_VERSION", "XTerm(379)"),
        ("IGF_BIDI", "logical"),
    ];
    check(
        "xterm IGF_BIDI=logical",
        &pty::igf("show OF21", &xterm_logical).bytes,
        Expect::Logical,
    );
    let vte = [("TERM", "xterm-256color"), ("VTE_VERSION", "7600")];
    check(
        "VTE --bidi logical",
        &pty::igf("show OF21 --bidi logical", &vte).bytes,
        Expect::Logical,
    );
}

#[test]
fn term_dumb_gets_no_escape_sequence_at_all() {
    // A list wide enough to show its coloured kind and track columns, and tall enough to be
    // paged elsewhere: neither colour, BDSM nor a pager.
    let env = [
        ("TERM", "dumb"),
        ("COLUMNS", "200"),
        ("LINES", "5"),
        ("IGF_PAGER", "false"),
    ];
    for args in ["list --date 2020-11-04", "show OF21", "egypt --lang en"] {
        let screen = pty::igf(args, &env);
        assert_eq!(screen.status, 0, "{args}");
        assert!(!screen.bytes.contains('\x1b'), "{args}: escape on TERM=dumb");
        assert!(screen.bytes.lines().count() > 5, "{args}: printed in full, not paged");
    }
    // The same list on a capable terminal is coloured, so the check above can fail.
    let coloured = pty::igf(
        "list --date 2020-11-04",
        &[("TERM", "xterm-256color"), ("COLUMNS", "200"), ("LINES", "1000")],
    );
    assert!(coloured.bytes.contains("\x1b[3"), "colour on an ordinary terminal");
    // Emacs M-x shell: TERM=dumb, and Emacs reorders by itself.
    let emacs = pty::igf("show OF21", &[("TERM", "dumb"), ("INSIDE_EMACS", "29.1,comint")]);
    assert!(!emacs.bytes.contains('\x1b'));
    assert!(emacs.bytes.contains(LOGICAL_TITLE));
}

#[test]
fn pipes_get_logical_text_whatever_the_terminal() {
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("igf"))
        .args(["show", "OF21"])
        .env_clear()
        .env("TERM", "xterm-256color")
        .env("VTE_VERSION", "7600")
        .output()
        .expect("igf runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!text.contains('\x1b'));
    assert!(text.contains(LOGICAL_TITLE));
}

const LRM: char = '\u{200E}';
const RLM: char = '\u{200F}';
const MLTERM: &[(&str, &str)] = &[("TERM", "xterm"), ("MLTERM", "3.9.3")];

fn is_isolate(c: char) -> bool {
    ('\u{2066}'..='\u{2069}').contains(&c)
}

fn is_mark(c: char) -> bool {
    c == LRM || c == RLM
}

/// mlterm draws the bidi isolates as boxes, a cell each: its logical text comes without them,
/// while Konsole, which uses them, keeps them.
#[test]
fn mlterm_gets_no_isolates_and_konsole_keeps_them() {
    let isolates = |s: &str| s.chars().filter(|&c| is_isolate(c)).count();
    let mlterm = pty::igf("show OF21", MLTERM);
    assert!(mlterm.bytes.contains(LOGICAL_TITLE), "logical Arabic");
    assert_eq!(isolates(&mlterm.bytes), 0, "{:?}", mlterm.bytes);
    let konsole = pty::igf(
        "show OF21",
        &[("TERM", "xterm-256color"), ("KONSOLE_VERSION", "230805")],
    );
    assert!(isolates(&konsole.bytes) > 0, "Konsole keeps the isolates it uses");
    assert!(!konsole.bytes.chars().any(is_mark), "Konsole gets no marks");
}

/// mlterm finds a line's direction from its first strong character: each Arabic line, also one
/// that starts with Latin (`igf: …`, `OF #21 — …`), starts with RLM, and a code or date inside
/// it is held in its order by an LRM. Table lines are left without marks (mlterm lays their
/// cells out from left to right whatever the marks say).
#[test]
fn mlterm_lines_start_with_rlm_and_codes_are_held_by_lrm() {
    let show = pty::igf("show OF21", MLTERM);
    assert_eq!(show.status, 0);
    let text_lines: Vec<&str> = show.bytes.lines().filter(|l| !l.is_empty()).collect();
    assert!(text_lines.len() > 20, "{:?}", show.bytes);
    for line in &text_lines {
        assert!(line.starts_with(RLM), "no RLM first: {line:?}");
    }
    // The heading starts with the session's id, in Latin letters.
    assert!(
        text_lines.iter().any(|l| l.starts_with("\u{200F}OF #21")),
        "{text_lines:?}"
    );
    // A URL ends in a `/`, which an LRM keeps at its end.
    assert!(show.bytes.contains("ai-ethics/\u{200E}"), "{:?}", show.bytes);

    let list = pty::igf("list --date 2020-11-04", &[MLTERM, &[("LINES", "1000")]].concat());
    let rows: Vec<&str> = list.bytes.lines().filter(|l| l.contains('│')).collect();
    assert!(rows.len() > 10, "a table: {:?}", list.bytes);
    for row in rows {
        assert!(!row.chars().any(|c| is_mark(c) || is_isolate(c)), "{row:?}");
    }

    // An error line on standard error, laid out like the documents.
    let error = pty::igf("list --date 2020-13-45", MLTERM);
    assert_ne!(error.status, 0);
    let first = error.bytes.lines().next().unwrap_or_default();
    assert!(first.starts_with("\u{200F}igf:"), "{first:?}");
    assert!(
        first.contains("\u{200E}2020-13-45\u{200E}"),
        "the date in order: {first:?}"
    );
    assert!(
        first.contains("«\u{200E}--date»"),
        "the option's dashes before it: {first:?}"
    );
    assert!(!error.bytes.chars().any(is_isolate));

    // English lines are left to right by themselves: no marks.
    let english = pty::igf("--lang en show OF21", MLTERM);
    assert!(!english.bytes.chars().any(is_mark), "{:?}", english.bytes);
}

/// Output piped from mlterm (`igf … | grep`, `2> file`) is left as it is: no marks.
#[test]
fn pipes_from_mlterm_get_no_marks() {
    for args in [&["show", "OF21"][..], &["list", "--date", "2020-13-45"][..]] {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("igf"))
            .args(args)
            .env_clear()
            .envs(MLTERM.iter().copied())
            .output()
            .expect("igf runs");
        let said = String::from_utf8(out.stdout).expect("UTF-8") + &String::from_utf8(out.stderr).expect("UTF-8");
        assert!(
            said.contains("igf:") || said.contains(LOGICAL_TITLE),
            "{args:?}: {said}"
        );
        assert!(!said.chars().any(is_mark), "{args:?}: {said:?}");
    }
}

/// Schedule exports written to a terminal put nothing from the data raw on it: JSON escapes
/// controls itself, XML is shown through the sanitiser.
#[test]
fn schedule_exports_on_a_terminal_carry_no_raw_controls() {
    let hostile = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/frab/hostile.json");
    for format in ["frab", "frab-json"] {
        let screen = pty::igf(
            &format!("list --data {hostile} --format {format}"),
            &[("TERM", "xterm-256color")],
        );
        let raw: Vec<char> = screen
            .bytes
            .chars()
            .filter(|&c| {
                c == '\x1b'
                    || c == '\x07'
                    || ('\u{80}'..='\u{9f}').contains(&c)
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)
            })
            .collect();
        assert!(raw.is_empty(), "{format}: {raw:?}");
        assert!(
            screen.bytes.contains("<U+202E>") || screen.bytes.contains("\\u202e"),
            "{format}: {}",
            screen.bytes
        );
    }
}
