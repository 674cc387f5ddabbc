//! Layouts that fit and lines that stand alone, at every width from 20 to 300 columns, in both
//! languages: no word, id, date or time broken where it fits on a line; no line wider than the
//! page (but URLs, which are never broken); straight table frames in logical and in coloured
//! visual output; isolates balanced on every logical line; plain output free of bidi controls.

mod common;
use common::documents::{context, documents};
use common::{igf, stdout_of};
use igf::data;
use igf::present::layout::{lines_and_paragraphs, Layout};
use igf::present::Lang;
use igf::rtl::{printed_width, Form};

const LANGS: [Lang; 2] = [Lang::Ar, Lang::En];

fn layout(lang: Lang, visual: bool, width: usize) -> Layout {
    Layout {
        rtl: lang == Lang::Ar,
        visual,
        width,
        colour: false,
    }
}

#[test]
fn no_word_is_broken_and_no_line_overflows_from_20_to_300_columns() {
    let data = data::bundled();
    let mut cut_words = 0;
    for lang in LANGS {
        let ctx = context(lang);
        for (name, _, doc) in documents(&ctx, &data) {
            for width in 20..=300 {
                for visual in [true, false] {
                    let form = if visual { Form::Visual } else { Form::Logical };
                    let (printed, laid_out) = lines_and_paragraphs(&doc, &layout(lang, visual, width));
                    for p in &laid_out {
                        for (i, r) in p.lines.iter().enumerate() {
                            let limit = if i == 0 { p.widths.0 } else { p.widths.1 };
                            for at in [r.start, r.end] {
                                let at_a_space = at == 0
                                    || at == p.text.len()
                                    || p.text[..at].ends_with(' ')
                                    || p.text[at..].starts_with(' ');
                                if at_a_space {
                                    continue;
                                }
                                // Only a word wider than the line itself may be cut.
                                let start = p.text[..at].rfind(' ').map_or(0, |s| s + 1);
                                let end = p.text[at..].find(' ').map_or(p.text.len(), |e| at + e);
                                let word = &p.text[start..end];
                                assert!(
                                    printed_width(word, form) > limit.min(p.widths.0.max(p.widths.1)),
                                    "{name} ({lang:?}, {width}): {word:?} cut in {:?}",
                                    p.text
                                );
                                cut_words += 1;
                            }
                        }
                    }
                    if visual {
                        for line in printed.iter().filter(|l| !l.contains("://")) {
                            assert!(
                                printed_width(line, Form::Visual) <= width,
                                "{name} ({lang:?}) wider than {width}: {line:?}"
                            );
                        }
                    }
                }
            }
        }
    }
    println!("{cut_words} cuts inside words wider than their line");
}

#[test]
fn no_line_but_the_first_starts_with_a_spaced_dash() {
    let data = data::bundled();
    let mut kept = 0;
    for lang in LANGS {
        let ctx = context(lang);
        for (name, _, doc) in documents(&ctx, &data) {
            for width in 20..=160 {
                let (_, laid_out) = lines_and_paragraphs(&doc, &layout(lang, false, width));
                for p in &laid_out {
                    for (i, r) in p.lines.iter().enumerate().skip(1) {
                        let line = &p.text[r.clone()];
                        let Some(dash) = ["- ", "– ", "— "].into_iter().find(|d| line.starts_with(d)) else {
                            continue;
                        };
                        // Allowed only when the word before and the dash could not share a line.
                        let before = &p.text[..r.start].trim_end();
                        let word = before.rsplit(' ').next().unwrap_or_default();
                        let together = format!("{word} {}", dash.trim_end());
                        let limit = if i == 1 { p.widths.0 } else { p.widths.1 };
                        assert!(
                            printed_width(&together, Form::Logical) > p.widths.1.max(limit),
                            "{name} ({lang:?}, {width}): {line:?} starts with a dash in {:?}",
                            p.text
                        );
                    }
                    kept += p.text.matches(" - ").count();
                }
            }
        }
    }
    assert!(kept > 0, "the documents have spaced dashes to keep");
}

/// Lines of table frames: those that start (after right-alignment padding) with a box drawing
/// character, grouped by table.
fn tables(lines: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut inside = false;
    for line in lines {
        let framed = line.trim_start().starts_with(['┌', '│', '╞', '├', '└']);
        match (framed, inside) {
            (true, false) => out.push(vec![line.clone()]),
            (true, true) => out.last_mut().expect("a table").push(line.clone()),
            _ => {}
        }
        inside = framed;
    }
    out
}

fn without_sgr(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn table_frames_are_straight_in_logical_and_in_coloured_visual_output() {
    // Titles with لا/لأ (one cell shaped, two unshaped) and coloured kinds and tracks.
    let commands: [&[&str]; 4] = [&["list"], &["egypt"], &["search", "الإنترنت"], &["days"]];
    let mut checked = 0;
    for command in commands {
        for lang in ["ar", "en"] {
            for width in ["60", "80", "150"] {
                for (bidi, form) in [("logical", Form::Logical), ("visual", Form::Visual)] {
                    let out = igf()
                        .env("COLUMNS", width)
                        .args(command)
                        .args(["--lang", lang, "--bidi", bidi, "--color", "always"])
                        .output()
                        .expect("runs");
                    let text = String::from_utf8(out.stdout).expect("UTF-8");
                    let lines: Vec<String> = text.lines().map(without_sgr).collect();
                    for table in tables(&lines) {
                        let widths: Vec<usize> = table.iter().map(|l| printed_width(l, form)).collect();
                        assert!(
                            widths.iter().all(|&w| w == widths[0]),
                            "{command:?} {lang} {bidi} at {width}: ragged frame {widths:?}\n{}",
                            table.join("\n")
                        );
                        if lang == "ar" && bidi == "visual" {
                            assert_eq!(widths[0].to_string(), width, "right-aligned to the edge");
                        }
                        checked += 1;
                    }
                    if bidi == "visual" && width == "150" && command == ["list"] {
                        assert!(text.contains("\x1b["), "{command:?}: colour was asked for");
                    }
                }
            }
        }
    }
    assert!(checked >= 12, "{checked} tables");
}

#[test]
fn every_logical_line_closes_the_isolates_it_opens() {
    for command in [
        vec!["show", "OF39", "OF21", "PE30"],
        vec!["egypt"],
        vec!["list"],
        vec!["about"],
    ] {
        for lang in ["ar", "en"] {
            for width in ["20", "40", "80", "300"] {
                let mut args = command.clone();
                args.extend(["--lang", lang, "--bidi", "logical"]);
                let out = igf().env("COLUMNS", width).args(&args).output().expect("runs");
                for line in String::from_utf8(out.stdout).expect("UTF-8").lines() {
                    let mut depth = 0i32;
                    for c in line.chars() {
                        match c {
                            '\u{2066}'..='\u{2068}' => depth += 1,
                            '\u{2069}' => depth -= 1,
                            _ => {}
                        }
                        assert!(depth >= 0, "{args:?} at {width}: PDI without its isolate in {line:?}");
                    }
                    assert_eq!(depth, 0, "{args:?} at {width}: isolate left open in {line:?}");
                }
            }
        }
    }
}

#[test]
fn plain_output_has_no_bidi_controls_and_its_dates_are_accepted_back() {
    let plain = stdout_of(&["list", "--format", "plain"]);
    let controls =
        |c: char| matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
    assert!(!plain.chars().any(controls), "{plain:?}");
    for command in ["about", "days", "tracks", "kinds"] {
        for lang in ["ar", "en"] {
            let out = stdout_of(&[command, "--format", "plain", "--lang", lang]);
            assert!(!out.chars().any(controls), "{command} {lang}: {out:?}");
        }
    }
    let mut dates: Vec<(&str, &str)> = plain
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[1], f[0])
        })
        .filter(|(date, _)| date.chars().next().is_some_and(|c| c.is_numeric()))
        .collect();
    dates.dedup_by_key(|(date, _)| *date);
    assert!(dates.len() > 10, "{dates:?}");
    for (date, id) in dates {
        let back = stdout_of(&["list", "--format", "plain", "--date", date]);
        assert!(
            back.lines().any(|l| l.split('\t').next() == Some(id)),
            "--date {date:?} does not list {id}"
        );
    }
}

#[test]
fn a_value_shared_by_every_row_is_said_once_above_the_table() {
    let out = stdout_of(&["list", "--date", "2020-11-04", "--lang", "en"]);
    assert!(out.lines().next().is_some_and(|l| l == "Date: 2020-11-04"), "{out}");
    assert_eq!(out.matches("2020-11-04").count(), 1, "{out}");
}

#[test]
fn rows_are_separated_and_narrow_screens_get_one_block_per_session() {
    let rows = stdout_of(&["list", "--date", "2020-11-04", "--format", "plain"])
        .lines()
        .count();
    let wide = stdout_of(&["list", "--date", "2020-11-04", "--lang", "en"]);
    assert_eq!(wide.lines().filter(|l| l.starts_with('├')).count(), rows - 1, "{wide}");
    let narrow = igf()
        .env("COLUMNS", "30")
        .args(["list", "--date", "2020-11-04", "--lang", "en"])
        .output()
        .expect("runs");
    let narrow = String::from_utf8(narrow.stdout).expect("UTF-8");
    assert!(!narrow.contains('│'), "no grid at 30 columns: {narrow}");
    assert_eq!(
        narrow.lines().filter(|l| l.starts_with("ID:")).count(),
        rows,
        "{narrow}"
    );
    assert!(narrow.lines().all(|l| printed_width(l, Form::Visual) <= 30), "{narrow}");
}

/// What a user copies out of Arabic output (a date or an id between isolates, Arabic-Indic or
/// Persian digits) is accepted as typed in ASCII.
#[test]
fn inputs_ignore_bidi_controls_and_take_any_digits() {
    let plain = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--format", "plain", "--lang", "en"]);
        stdout_of(&all)
    };
    let expected = plain(&["list", "--date", "2020-11-04"]);
    assert!(!expected.is_empty());
    for date in [
        "\u{2068}2020-11-04\u{2069}",
        "٢٠٢٠-١١-٠٤",
        "۲۰۲۰-۱۱-۰۴",
        "\u{200F}٢٠٢٠-١١-٠٤",
    ] {
        assert_eq!(plain(&["list", "--date", date]), expected, "--date {date:?}");
    }
    let phase_two = plain(&["list", "--phase", "2"]);
    for phase in ["٢", "۲", "\u{2068}2\u{2069}"] {
        assert_eq!(plain(&["list", "--phase", phase]), phase_two, "--phase {phase:?}");
    }
    let of39 = plain(&["show", "OF39"]);
    for id in ["\u{2068}OF39\u{2069}", "OF٣٩", "\u{2067}of-39\u{2069}"] {
        assert_eq!(plain(&["show", id]), of39, "show {id:?}");
    }
}
