//! Errors as a user sees them: on a terminal, laid out like every document (one paragraph,
//! wrapped at spaces, visual and shaped for terminals without bidi, checked against GNU
//! FriBidi); in a pipe or a file, one logical line without bidi controls, for scripts.

mod common;
mod pty;

use common::fribidi::FriBidi;
use common::igf;
use igf::output::error_document;
use igf::present::layout::{lines_and_paragraphs, Layout};
use igf::present::messages;
use igf::present::Lang;
use igf::rtl::Direction;
use igf::term::sanitize::is_bidi_control;
use pty::{is_shaped, EXPLICIT, IMPLICIT};
use unicode_width::UnicodeWidthStr;

const XTERM: [(&str, &str); 2] = [("TERM", "xterm"), ("XTERM_VERSION", "XTerm(379)")];

/// What standard error showed on an xterm `columns` wide, standard output going nowhere, as
/// the lines between the BDSM requests.
fn xterm_error_lines(args: &str, columns: &str) -> Vec<String> {
    let mut env = XTERM.to_vec();
    env.push(("COLUMNS", columns));
    let screen = pty::run(&format!("\"$IGF\" {args} >/dev/null"), &env);
    assert_eq!(screen.status, 2, "igf {args}: {:?}", screen.bytes);
    let inside = screen
        .bytes
        .strip_prefix(EXPLICIT)
        .and_then(|rest| rest.strip_suffix(IMPLICIT))
        .unwrap_or_else(|| panic!("igf {args}: the error is not in explicit mode: {:?}", screen.bytes));
    inside.lines().map(str::to_owned).collect()
}

/// The error for an unknown id, as the program words it in `lang`.
fn unknown_id(lang: Lang, id: &str) -> String {
    let m = messages::of(lang);
    (m.unknown_id)(&m.quoted(id))
}

#[test]
fn an_arabic_error_on_xterm_is_what_fribidi_makes_of_its_paragraph() {
    let Some(fribidi) = FriBidi::load_or_skip() else { return };
    for columns in [40, 80] {
        let shown = xterm_error_lines("show 9999", &columns.to_string());
        let layout = Layout {
            rtl: true,
            visual: true,
            width: columns,
            colour: false,
        };
        let (_, paragraphs) = lines_and_paragraphs(&error_document(&unknown_id(Lang::Ar, "9999"), true), &layout);
        let [paragraph] = paragraphs.as_slice() else {
            panic!("an error is one paragraph: {paragraphs:?}")
        };
        assert_eq!(paragraph.direction, Direction::Rtl);
        let reference = fribidi.visual_lines(&paragraph.text, true, &paragraph.lines);
        let shown_trimmed: Vec<&str> = shown.iter().map(|l| l.trim()).collect();
        let reference_trimmed: Vec<&str> = reference.iter().map(|l| l.trim()).collect();
        assert_eq!(shown_trimmed, reference_trimmed, "at {columns} columns");
        assert!(shown
            .iter()
            .all(|l| is_shaped(l) || !l.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))));
        // Right to left: every line ends at the right edge, where Arabic starts.
        assert!(shown.iter().all(|l| l.width() <= columns), "{shown:#?}");
    }
}

#[test]
fn a_long_error_is_wrapped_at_spaces_within_the_width() {
    // English: the words on screen can be compared with the one line a pipe gets.
    let mut env = XTERM.to_vec();
    env.push(("COLUMNS", "40"));
    let screen = pty::run("\"$IGF\" --lang en show 9999 >/dev/null", &env);
    let piped = igf().args(["--lang", "en", "show", "9999"]).output().unwrap();
    let line = String::from_utf8(piped.stderr).unwrap();
    let shown: Vec<&str> = screen
        .bytes
        .trim_start_matches(EXPLICIT)
        .trim_end_matches(IMPLICIT)
        .lines()
        .collect();
    assert!(
        shown.len() > 2,
        "a long error takes several lines at 40 columns: {shown:#?}"
    );
    assert!(shown.iter().all(|l| l.width() <= 40), "{shown:#?}");
    let words = |text: &str| text.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(words(&shown.join("\n")), words(&line), "a word was cut");

    // Arabic: the paragraph is broken only at its spaces, and no shown line is wider.
    let layout = Layout {
        rtl: true,
        visual: true,
        width: 40,
        colour: false,
    };
    let long = unknown_id(Lang::Ar, "9999");
    let (_, paragraphs) = lines_and_paragraphs(&error_document(&long, true), &layout);
    let lines = &paragraphs[0].lines;
    assert!(lines.len() > 2);
    for pair in lines.windows(2) {
        assert_eq!(
            &paragraphs[0].text[pair[0].end..pair[1].start],
            " ",
            "a break inside a word"
        );
    }
    let shown = xterm_error_lines("show 9999", "40");
    assert_eq!(shown.len(), lines.len());
    assert!(shown.iter().all(|l| l.width() <= 40), "{shown:#?}");
}

#[test]
fn latin_code_in_arabic_reads_left_to_right_on_visual_terminals() {
    let mut env = XTERM.to_vec();
    env.push(("COLUMNS", "80"));
    let help = pty::igf("--help", &env).bytes;
    for code in [" --tz ", "igf man | man -l -", "(--data "] {
        assert!(help.contains(code), "{code:?} is not in the help as typed:\n{help}");
    }
    for reversed in ["tz--", "data--", "- igf man"] {
        assert!(!help.contains(reversed), "{reversed:?} in the help:\n{help}");
    }
    let error = xterm_error_lines("list --date x", "80").join("\n");
    for code in ["«--date»", "«2020-11-04»", "«igf list --help»"] {
        assert!(error.contains(code), "{code:?} is not in the error as typed: {error}");
    }
}

#[test]
fn in_a_pipe_an_error_is_one_logical_line_without_bidi_controls() {
    for args in [
        &["show", "9999"][..],
        &["list", "--date", "x"],
        &["show", "9999", "--bidi", "visual"],
        &["lst"],
    ] {
        let out = igf().env("TERM", "xterm").args(args).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "igf {args:?}: {stderr:?}");
        assert!(stderr.starts_with("igf: "), "{stderr:?}");
        assert!(!stderr.contains(is_bidi_control), "igf {args:?}: {stderr:?}");
        assert!(
            !stderr.contains('\x1b') && !is_shaped(&stderr),
            "igf {args:?}: {stderr:?}"
        );
    }
    // Standard output on a terminal does not make standard error one.
    let dir = std::env::temp_dir().join(format!("igf-stderr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("errors");
    let mut env = XTERM.to_vec();
    let path = file.to_string_lossy().into_owned();
    env.push(("ERRORS", &path));
    let screen = pty::run("\"$IGF\" show 9999 2>\"$ERRORS\"", &env);
    assert_eq!(screen.status, 2);
    let written = std::fs::read_to_string(&file).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(written, format!("igf: {}\n", unknown_id(Lang::Ar, "9999")));
}

#[test]
fn bidi_terminals_get_the_error_in_logical_order_and_dumb_ones_no_escapes() {
    let konsole = [("TERM", "xterm-256color"), ("KONSOLE_VERSION", "230805")];
    let screen = pty::run("\"$IGF\" show 9999 >/dev/null", &konsole);
    assert!(
        !is_shaped(&screen.bytes) && !screen.bytes.contains('\x1b'),
        "{:?}",
        screen.bytes
    );
    assert!(screen.bytes.contains("لا جلسة"), "{:?}", screen.bytes);
    let dumb = pty::run("\"$IGF\" show 9999 >/dev/null", &[("TERM", "dumb"), ("COLUMNS", "40")]);
    assert!(!dumb.bytes.contains('\x1b'), "{:?}", dumb.bytes);
    assert!(dumb.bytes.lines().all(|l| l.width() <= 40), "{:?}", dumb.bytes);
}
