//! What users see. Every visual line must equal what the Unicode Bidirectional Algorithm makes of
//! the matching logical line, as computed by the independent reference in `common/reference.rs`.

mod common;
use common::igf;
use common::reference::Reference;

fn run(args: &[&str], columns: usize) -> Vec<String> {
    let out = igf()
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["show", "PE30", "OF21", "39"],
    &["egypt"],
    &["search", "الذكاء"],
    &["tracks"],
    &["kinds"],
    &["days"],
    &["about"],
];

#[test]
fn plain_visual_lines_are_the_bidi_algorithm_applied_to_plain_logical_lines() {
    let reference = Reference::new();
    let mut checked = 0;
    for command in COMMANDS {
        let with = |bidi: &str, columns| {
            let mut args = command.to_vec();
            args.extend(["--format", "plain", "--bidi", bidi]);
            run(&args, columns)
        };
        let logical = with("logical", 80);
        assert!(!logical.is_empty(), "{command:?} printed nothing");
        for columns in [40, 80, 200] {
            assert_eq!(
                with("logical", columns),
                logical,
                "{command:?}: plain output depends on the width"
            );
            let visual = with("visual", columns);
            assert_eq!(
                visual.len(),
                logical.len(),
                "{command:?} at {columns}: plain lines were wrapped"
            );
            for (v, l) in visual.iter().zip(&logical) {
                assert_eq!(
                    reference.unshape(v),
                    reference.visual(l, true),
                    "{command:?} at {columns}: {l:?}"
                );
                checked += 1;
            }
        }
    }
    println!("{checked} visual lines checked against the reference");
}

#[test]
fn shaped_visual_output_uses_presentation_forms_and_no_isolates() {
    let visual = run(&["show", "OF21", "--bidi", "visual"], 80).join("\n");
    assert!(
        visual.chars().any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)),
        "Arabic is shaped"
    );
    assert!(
        !visual.chars().any(igf::term::sanitize::is_bidi_isolate),
        "isolates are dropped after use"
    );
}

#[test]
fn piped_output_is_logical_text_without_escapes_or_presentation_forms() {
    let out = igf().args(["list", "--date", "2020-11-04"]).output().expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("منتدى مفتوح"), "Arabic in reading order: {text}");
    assert!(!text.contains('\x1b'), "no escape sequences in a pipe");
    let shaped = |c: char| ('\u{FB50}'..='\u{FDFF}').contains(&c) || ('\u{FE70}'..='\u{FEFF}').contains(&c);
    assert!(!text.chars().any(shaped), "no presentation forms in a pipe");
}

#[test]
fn arabic_lines_are_right_aligned_in_visual_mode() {
    // Links are never broken, so only they may run past the width.
    for line in run(&["show", "OF21", "--bidi", "visual"], 80)
        .iter()
        .filter(|l| !l.is_empty() && !l.contains("://"))
    {
        assert_eq!(unicode_width::UnicodeWidthStr::width(line.as_str()), 80, "{line:?}");
    }
}

/// Splits a visual table line into its cells, left to right.
fn cells(line: &str) -> Option<Vec<String>> {
    let inner = line.trim_start().strip_prefix('│')?.strip_suffix('│')?;
    Some(inner.split('┆').map(|c| c.trim().to_owned()).collect())
}

#[test]
fn narrow_tables_wrap_each_cell_so_it_reads_in_order_line_after_line() {
    let reference = Reference::new();
    let json = igf()
        .args(["list", "--date", "2020-11-04", "--format", "json"])
        .output()
        .expect("runs")
        .stdout;
    let sessions: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    let titles: Vec<String> = sessions
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title_ar"].as_str().unwrap().to_owned())
        .collect();

    let lines = run(&["list", "--date", "2020-11-04", "--bidi", "visual"], 60);
    let rows: Vec<Vec<String>> = lines.iter().filter_map(|l| cells(l)).collect();
    let header: Vec<String> = rows[0].iter().map(|h| reference.unshape(h)).collect();
    let column = |label: &str| {
        header
            .iter()
            .position(|h| *h == reference.visual(label, true))
            .expect(label)
    };
    assert_eq!(
        column("المعرّف"),
        header.len() - 1,
        "the first column is drawn on the right"
    );
    let (title, date) = (column("العنوان"), column("التاريخ"));
    assert!(title < date, "columns read from right to left");
    // A session starts on the line where its date is.
    let mut cell_lines: Vec<Vec<String>> = Vec::new();
    for row in &rows[1..] {
        if !row[date].is_empty() {
            cell_lines.push(Vec::new());
        }
        if !row[title].is_empty() {
            cell_lines
                .last_mut()
                .expect("a session starts with its date")
                .push(row[title].clone());
        }
    }
    assert_eq!(cell_lines.len(), titles.len());
    let mut wrapped = 0;
    for (visual_lines, title) in cell_lines.iter().zip(&titles) {
        wrapped += usize::from(visual_lines.len() > 1);
        // Find, line by line, the stretch of the title that displays as that line.
        let mut rest: &str = title;
        for line in visual_lines {
            let shown = reference.unshape(line);
            let end = (1..=rest.len())
                .filter(|&i| rest.is_char_boundary(i))
                .find(|&i| reference.visual(rest[..i].trim(), true) == shown)
                .unwrap_or_else(|| panic!("{line:?} is not the next part of {title:?} (left: {rest:?})"));
            rest = rest[end..].trim_start();
        }
        assert!(rest.is_empty(), "{title:?}: {rest:?} was not shown");
    }
    assert!(wrapped > 0, "at 60 columns some titles must wrap");
}

/// Runs igf on a pseudo-terminal (util-linux `script`), as a person at a terminal would.
fn on_a_terminal(args: &str, env: &[(&str, &str)]) -> String {
    let bin = assert_cmd::cargo::cargo_bin("igf");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"])
        .env("COLUMNS", "80")
        .env_remove("IGF_BIDI");
    cmd.env_remove("MLTERM");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("script (util-linux) runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn a_terminal_gets_visual_text_inside_explicit_bidi_mode() {
    let out = on_a_terminal("show OF21", &[]);
    assert!(
        out.starts_with("\x1b[8l"),
        "BDSM explicit mode first: {:?}",
        &out[..20.min(out.len())]
    );
    assert!(out.trim_end().ends_with("\x1b[8h"), "implicit mode restored at the end");
    assert!(
        out.chars().any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)),
        "shaped, visual text"
    );
}

#[test]
fn mlterm_reorders_by_itself_so_it_gets_logical_text() {
    let out = on_a_terminal("show OF21", &[("MLTERM", "3.9.0")]);
    assert!(!out.contains("\x1b[8l"));
    assert!(out.contains("تعزيز قدرات"), "logical Arabic");
}
