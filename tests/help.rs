//! Help, usage errors and the manual page in both interface languages, checked against clap's
//! definition of the command line (so a new option cannot go undocumented in either language).

mod common;

use common::igf;
use igf::present::help::{self, ar};
use igf::present::layout::{self, Layout};
use igf::present::Lang;
use igf::term::sanitize::is_bidi_isolate;

const LANGS: [Lang; 2] = [Lang::Ar, Lang::En];

fn lang_flag(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar",
        Lang::En => "en",
    }
}

/// Commands a user can ask help for: `igf` and each of its commands (`igf help list` and the
/// like only repeat them).
fn documented_commands(root: &clap::Command) -> Vec<(String, &clap::Command)> {
    help::commands(root)
        .into_iter()
        .filter(|(path, _)| path.split(' ').count() <= 2)
        .collect()
}

fn has_arabic_letters(text: &str) -> bool {
    text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

const ARABIC_PUNCTUATION: [char; 3] = ['،', '؛', '؟'];

/// How an argument appears in help: `--from` for options, the value name for positionals.
fn shown_name(arg: &clap::Arg) -> String {
    match arg.get_long() {
        Some(long) => format!("--{long}"),
        None => help::synopsis(arg),
    }
}

#[test]
fn every_command_and_argument_has_a_text_in_each_language() {
    let root = help::definition();
    for lang in LANGS {
        for (path, cmd) in documented_commands(&root) {
            let about = help::about(lang, &path, cmd);
            assert!(
                about.is_some_and(|t| !t.is_empty()),
                "{lang:?}: no text for command {path:?}"
            );
            for arg in cmd.get_arguments() {
                let text = help::arg_text(lang, &path, arg);
                assert!(
                    text.is_some_and(|t| !t.is_empty()),
                    "{lang:?}: no text for argument {:?} of {path:?}",
                    arg.get_id()
                );
            }
        }
    }
}

#[test]
fn the_arabic_table_names_only_what_the_definition_has() {
    let root = help::definition();
    let commands = documented_commands(&root);
    for (key, text) in ar::TEXTS {
        let known = commands.iter().any(|(path, cmd)| {
            key == path
                || cmd
                    .get_arguments()
                    .any(|a| *key == help::key(path, Some(a)) || *key == format!("/{}", a.get_id()))
        });
        assert!(known, "the Arabic text {key:?} belongs to nothing in the command line");
        assert!(has_arabic_letters(text), "{key:?} is not Arabic");
    }
}

#[test]
fn help_lists_every_command_and_option_in_each_language() {
    let root = help::definition();
    for lang in LANGS {
        for (path, cmd) in documented_commands(&root) {
            let mut args: Vec<&str> = path.split(' ').skip(1).collect();
            if args == ["help"] {
                // `igf help` takes no --help; `igf help list` shows what `igf list --help` does.
                let shown = |args: &[&str]| {
                    let out = igf().args(args).env("IGF_LANG", lang_flag(lang)).output().unwrap();
                    String::from_utf8(out.stdout).unwrap()
                };
                assert_eq!(shown(&["help", "list"]), shown(&["list", "--help"]));
                continue;
            }
            args.extend(["--help", "--lang", lang_flag(lang)]);
            let out = igf().args(&args).output().unwrap();
            assert!(out.status.success(), "igf {args:?}");
            let text = String::from_utf8(out.stdout).unwrap();
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                assert!(
                    text.contains(&shown_name(arg)),
                    "igf {args:?} does not list {}",
                    shown_name(arg)
                );
                let own = help::arg_text(lang, &path, arg).unwrap();
                let opening: String = own.chars().take(20).collect();
                // Latin code in the Arabic text is isolated on its way to the reader.
                let read: String = text.chars().filter(|&c| !is_bidi_isolate(c)).collect();
                assert!(
                    read.contains(&opening),
                    "igf {args:?}: the text of {:?} is missing",
                    arg.get_id()
                );
            }
            for sub in cmd.get_subcommands() {
                assert!(
                    text.contains(sub.get_name()),
                    "igf {args:?} does not list {}",
                    sub.get_name()
                );
            }
            let heading = help::words(lang).options;
            assert!(text.contains(heading), "igf {args:?} lacks {heading:?}");
            if lang == Lang::En {
                assert!(
                    !text.contains(ARABIC_PUNCTUATION),
                    "Arabic punctuation in igf {args:?}:\n{text}"
                );
                assert!(!text.contains(help::words(Lang::Ar).options));
            } else {
                assert!(!text.contains(help::words(Lang::En).usage), "English in igf {args:?}");
            }
        }
    }
}

/// What `igf --help` prints in a pipe with this environment and these arguments.
fn help_text(env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = igf();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).arg("--help").output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_language_is_known_before_the_arguments_are_parsed() {
    let arabic = help::words(Lang::Ar).usage;
    let english = help::words(Lang::En).usage;
    let is = |text: String, word: &str| text.contains(word);
    assert!(is(help_text(&[], &[]), arabic), "Arabic by default");
    assert!(
        is(help_text(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "C")], &[]), arabic),
        "a locale does not replace the default"
    );
    assert!(is(help_text(&[("LANG", "ar_EG.UTF-8")], &[]), arabic));
    assert!(is(help_text(&[], &["--lang", "en"]), english));
    assert!(is(help_text(&[], &["--lang=en"]), english));
    assert!(is(help_text(&[], &["list", "--lang", "en"]), english));
    assert!(is(help_text(&[("IGF_LANG", "en")], &[]), english));
    assert!(
        is(help_text(&[("IGF_LANG", "en")], &["--lang", "ar"]), arabic),
        "--lang wins over IGF_LANG"
    );
    assert!(
        is(help_text(&[], &["--lang", "ar", "--lang", "en"]), english),
        "the last --lang wins"
    );
    assert!(
        is(help_text(&[], &["--lang", "en", "--lang", "ar"]), arabic),
        "the last --lang wins"
    );
    // And the output of a command agrees with its help: the last --lang is the one used.
    let out = igf().args(["--lang", "ar", "days", "--lang", "en"]).output().unwrap();
    assert!(out.status.success());
    assert!(!has_arabic_letters(&String::from_utf8_lossy(&out.stdout)));
}

#[test]
fn help_goes_through_the_same_layout_as_other_output() {
    for lang in LANGS {
        for (bidi, visual) in [("visual", true), ("logical", false)] {
            let out = igf()
                .args(["--help", "--lang", lang_flag(lang), "--bidi", bidi])
                .env("COLUMNS", "72")
                .output()
                .unwrap();
            let expected = layout::lines(
                &help::document(lang, "igf"),
                &Layout {
                    rtl: lang == Lang::Ar,
                    visual,
                    width: 72,
                    colour: false,
                },
            );
            let printed = String::from_utf8(out.stdout).unwrap();
            assert_eq!(printed.lines().collect::<Vec<_>>(), expected, "{lang:?} {bidi}");
        }
    }
    let visual = help_text(&[("COLUMNS", "72")], &["--bidi", "visual"]);
    let logical = help_text(&[("COLUMNS", "72")], &["--bidi", "logical"]);
    assert_ne!(visual, logical, "Arabic help is reordered for display when asked");
}

/// Command lines refused before anything runs: every bad value of every option, a missing
/// value, an unknown flag or command, a missing argument. Each with the value the message must
/// echo, when it echoes one.
const BAD_COMMAND_LINES: &[(&[&str], Option<&str>)] = &[
    (&["list", "--date", "x"], Some("x")),
    (&["list", "--date", "2020-02-30"], Some("2020-02-30")),
    (&["list", "--date", "2020-13-01"], Some("2020-13-01")),
    (&["list", "--from", "x"], Some("x")),
    (&["list", "--to", "٢٠٢٠-١١-٣١"], Some("٢٠٢٠-١١-٣١")),
    (&["list", "--phase", "5"], Some("5")),
    (&["list", "--phase", "x"], Some("x")),
    (&["list", "--track", "x"], Some("x")),
    (&["list", "--track", "الأمن"], Some("الأمن")),
    (&["list", "--kind", "x"], Some("x")),
    (&["list", "--kind", "worskhop"], Some("worskhop")),
    (&["list", "--tz", "x"], Some("x")),
    (&["list", "--tz", "Africa/Kairo"], Some("Africa/Kairo")),
    (&["list", "--format", "x"], Some("x")),
    (&["--format", "xml", "days"], Some("xml")),
    (&["list", "--lang", "x"], Some("x")),
    (&["list", "--digits", "x"], Some("x")),
    (&["list", "--bidi", "x"], Some("x")),
    (&["list", "--color", "x"], Some("x")),
    (&["search", "AI", "--phase", "3"], Some("3")),
    (&["search", "AI", "--date", "x"], Some("x")),
    (&["list", "--bogus"], Some("--bogus")),
    (&["list", "--frm", "2020-11-04"], Some("--frm")),
    (&["list", "--date"], Some("--date")),
    (&["lisst"], Some("lisst")),
    (&["help", "lisst"], Some("lisst")),
    (&["show"], None),
    (&["search"], None),
    (&["egypt", "extra"], Some("extra")),
    (&["completions", "x"], Some("x")),
];

/// What a line says in its own words: without the program's name that starts every line, and
/// without what is quoted (values typed or to type) and option names, which are the same in
/// every language.
fn own_words(line: &str, open: char, close: char) -> String {
    let mut said = String::new();
    let mut quoted = false;
    for c in line.trim_start_matches("igf: ").chars() {
        match c {
            c if c == open && !quoted => quoted = true,
            c if c == close && quoted => quoted = false,
            c if !quoted => said.push(c),
            _ => {}
        }
    }
    said.split_whitespace()
        .filter(|word| !word.trim_start_matches('(').starts_with("--"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_refused_command_line_is_one_line_in_the_interface_language() {
    for (args, echoed) in BAD_COMMAND_LINES {
        let mut lines = Vec::new();
        for lang in LANGS {
            let out = igf().env("IGF_LANG", lang_flag(lang)).args(*args).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "igf {args:?}");
            assert!(out.stdout.is_empty(), "igf {args:?}");
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(err.lines().count(), 1, "igf {args:?}: {err}");
            match lang {
                Lang::Ar => {
                    if let Some(value) = echoed {
                        assert!(err.contains(&format!("«{value}»")), "igf {args:?}: {err}");
                    }
                    let said = own_words(&err, '«', '»');
                    assert!(has_arabic_letters(&said), "igf {args:?}: {err}");
                    assert!(
                        !said.contains(|c: char| c.is_ascii_alphabetic() || matches!(c, ',' | ';' | '?' | '"' | '\'')),
                        "Latin words or punctuation in igf {args:?}: {said}"
                    );
                }
                Lang::En => {
                    if let Some(value) = echoed {
                        assert!(err.contains(&format!("\"{value}\"")), "igf {args:?}: {err}");
                    }
                    let said = own_words(&err, '"', '"');
                    assert!(
                        !said.contains(ARABIC_PUNCTUATION) && !said.contains(['«', '»']) && !has_arabic_letters(&said),
                        "Arabic in igf {args:?}: {said}"
                    );
                }
            }
            lines.push(err);
        }
        assert_ne!(lines[0], lines[1], "igf {args:?} says the same in both languages");
    }
}

#[test]
fn clap_suggestions_are_kept_in_both_languages() {
    let err = |args: &[&str]| String::from_utf8(igf().args(args).output().unwrap().stderr).unwrap();
    assert!(err(&["lst"]).contains("هل تقصد «list»؟"), "{}", err(&["lst"]));
    assert!(err(&["lst", "--lang", "en"]).contains("did you mean list?"));
    assert!(err(&["list", "--frm", "x", "--lang", "en"]).contains("did you mean --from?"));
    assert!(err(&["help", "lst", "--lang", "en"]).contains("did you mean list?"));
    // The pointer to help names the command the mistake was made in.
    assert!(err(&["--lang", "en", "list", "--date", "x"]).ends_with("(see 'igf list --help')\n"));
    assert!(err(&["--data", "list", "show"]).ends_with("(انظر «igf show --help»)\n"));
    assert!(err(&["lst"]).ends_with("(انظر «igf --help»)\n"));
}

#[test]
fn the_help_command_answers_like_the_help_flag_in_both_languages() {
    let out = |args: &[&str]| {
        let out = igf().env("COLUMNS", "100").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "igf {args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    for (asked, same_as) in [
        (
            &["help", "list", "--lang", "en"][..],
            &["list", "--help", "--lang", "en"][..],
        ),
        (&["--lang", "en", "help", "list"], &["list", "--help", "--lang", "en"]),
        (&["help", "list"], &["list", "--help"]),
        (&["help", "show"], &["show", "--help"]),
        (&["help"], &["--help"]),
        (&["help", "--lang", "en"], &["--help", "--lang", "en"]),
    ] {
        let text = out(asked);
        assert_eq!(text, out(same_as), "igf {asked:?}");
        assert!(!text.is_empty());
    }
    assert!(out(&["help", "list", "--lang", "en"]).contains("--country"));
    assert!(has_arabic_letters(&out(&["help", "show"])));
    assert!(!has_arabic_letters(&out(&["help", "show", "--lang", "en"])));
}

/// Every command and option, and nothing that is not a page.
fn check_manual(page: &str, lang: Lang) {
    let root = help::definition();
    let rendered_name = |name: &str| name.replace('-', "\\-");
    for (path, cmd) in documented_commands(&root) {
        assert!(
            page.contains(&rendered_name(&path)),
            "{lang:?}: the manual lacks {path}"
        );
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            assert!(
                page.contains(&rendered_name(&shown_name(arg))),
                "{lang:?}: the manual lacks {path} {}",
                shown_name(arg)
            );
        }
    }
    for example in help::EXAMPLES {
        assert!(
            page.contains(&rendered_name(example)),
            "{lang:?}: the manual lacks the example {example}"
        );
    }
    assert!(
        !page.contains("igf-"),
        "{lang:?}: the manual names a page that does not exist"
    );
    assert!(!page.contains(".BR"), "{lang:?}: the manual refers to other pages");
}

#[test]
fn the_manual_documents_everything_in_each_language_and_man_reads_it() {
    for lang in LANGS {
        let out = igf().args(["man", "--lang", lang_flag(lang)]).output().unwrap();
        assert!(out.status.success());
        let page = String::from_utf8(out.stdout).unwrap();
        check_manual(&page, lang);
        let words = help::words(lang);
        assert!(page.contains(&words.commands.to_uppercase()) && page.contains(&words.examples.to_uppercase()));
        let Ok(man) = std::process::Command::new("man")
            .args(["--warnings", "-l", "-"])
            .env("MANWIDTH", "80")
            .env("MAN_KEEP_FORMATTING", "")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
        else {
            eprintln!("man is not installed (.ci/run installs man-db): the page was checked as text only");
            continue;
        };
        let mut man = man;
        std::io::Write::write_all(man.stdin.as_mut().unwrap(), page.as_bytes()).unwrap();
        let shown = man.wait_with_output().unwrap();
        let warnings = String::from_utf8_lossy(&shown.stderr);
        assert!(
            shown.status.success() && warnings.trim().is_empty(),
            "{lang:?}: man -l warns: {warnings}"
        );
        let text = String::from_utf8_lossy(&shown.stdout);
        for (path, cmd) in documented_commands(&help::definition()) {
            assert!(text.contains(&path), "{lang:?}: man shows no {path}");
            for arg in cmd
                .get_arguments()
                .filter(|a| !a.is_hide_set() && a.get_long().is_some())
            {
                assert!(
                    text.contains(&shown_name(arg)),
                    "{lang:?}: man shows no {}",
                    shown_name(arg)
                );
            }
        }
        if lang == Lang::En {
            assert!(
                !text.contains(ARABIC_PUNCTUATION),
                "Arabic punctuation in the English manual"
            );
        }
    }
}

#[test]
fn arabic_is_the_default_of_the_manual() {
    let default = common::stdout_of(&["man"]);
    assert_eq!(default, common::stdout_of(&["man", "--lang", "ar"]));
    assert_ne!(default, common::stdout_of(&["man", "--lang", "en"]));
}
