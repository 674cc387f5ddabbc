//! Bad input, hostile data and closed pipes: one clear line and status 2, never a panic, and
//! nothing from the data that can act on the terminal.

mod common;
use common::igf;
use predicates::prelude::*;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::Stdio;

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("igf-hardening-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

/// The bundled programme's forum block with one session whose text carries `title` and `organiser`.
fn programme_with(title: &str, organiser: &str) -> String {
    let bundled = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml")).unwrap();
    let forum = &bundled[..bundled.find("\nsessions:").expect("sessions key")];
    format!(
        "{forum}\nsessions:\n- id: WS1\n  kind: workshop\n  code: 'WS #1'\n  number: 1\n  title_en: \"{title}\"\n  title_ar: \"عنوان {title}\"\n  date: '2020-11-04'\n  start_utc: '10:00'\n  end_utc: '11:00'\n  room: null\n  format: null\n  track: Trust\n  organizers: [\"{organiser}\"]\n  summary_en: \"{title}\"\n  summary_ar: null\n  sources: [https://example.org]\n  confidence: high\n  notes: null\nbodies: []\n"
    )
}

/// Runs igf in English and expects one line on stderr holding `needle`, and status 2.
fn one_line_error(args: &[&str], needle: &str) {
    let out = igf().args(args).args(["--lang", "en"]).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(stderr.contains(needle), "{args:?}: {stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    // ESC sequences, a C1 CSI, bidi overrides and isolates, a BEL and a NUL-like control.
    let title = "Evil\\e[2J\\e]0;owned\\a title \\x9b31m \\u202Egnp.exe\\u202C \\u2067x\\u2069";
    let path = temp_file("hostile.yaml", programme_with(title, "Org\\e[5m").as_bytes());
    let file = path.to_str().unwrap();
    for lang in ["en", "ar"] {
        for bidi in ["logical", "visual"] {
            for args in [
                vec!["list"],
                vec!["show", "WS1"],
                vec!["search", "Evil"],
                vec!["list", "--format", "plain"],
            ] {
                let mut all = args.clone();
                all.extend(["--data", file, "--lang", lang, "--bidi", bidi, "--color", "never"]);
                let out = igf().args(&all).output().expect("runs");
                assert!(
                    out.status.success(),
                    "{all:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let text = String::from_utf8(out.stdout).expect("UTF-8");
                // Line ends, the tabs of plain output and the program's own isolates (first-strong
                // for values, right-to-left for the cells of logical Arabic tables) are the only
                // characters allowed through.
                let raw = |c: char| {
                    !matches!(c, '\n' | '\t' | '\u{2067}' | '\u{2068}' | '\u{2069}')
                        && igf::term::sanitize::needs_care(c)
                };
                assert!(!text.chars().any(raw), "{all:?} let a control through: {text:?}");
                assert!(
                    text.contains("<U+202E>") && text.contains("<U+2067>"),
                    "{all:?}: the override and the isolate are shown, not obeyed: {text}"
                );
                if bidi == "visual" {
                    assert!(
                        !text.contains(['\u{2068}', '\u{2069}']),
                        "{all:?}: no isolates at all in visual output"
                    );
                }
            }
        }
    }
}

#[test]
fn exports_keep_the_exact_text_with_their_own_escaping() {
    let title = "Evil\\e[2J \\u202Egnp\\u202C, \\\"quoted\\\"";
    let path = temp_file("exact.yaml", programme_with(title, "Org").as_bytes());
    let file = path.to_str().unwrap();
    let json = igf()
        .args(["list", "--data", file, "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    let value: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    assert_eq!(value[0]["title_en"], "Evil\x1b[2J \u{202E}gnp\u{202C}, \"quoted\"");
    assert!(!json.contains(&0x1b), "JSON escapes control characters");
    let csv = igf()
        .args(["list", "--data", file, "--format", "csv"])
        .output()
        .unwrap()
        .stdout;
    let mut reader = csv::Reader::from_reader(&csv[..]);
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[9], "Evil\x1b[2J \u{202E}gnp\u{202C}, \"quoted\"");
}

#[test]
fn closed_pipe_ends_quietly_with_status_0() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("igf"))
        .args(["list", "--lang", "en"])
        .env("COLUMNS", "100")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("igf starts");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(!first.is_empty());
    // The reader is gone: the rest of the output meets a closed pipe.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn malformed_yaml_points_at_line_and_column() {
    let path = temp_file("broken.yaml", b"forum:\n  name_en: 'unclosed\nsessions: []\n");
    let out = igf().args(["list", "--data", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let place = stderr.split("broken.yaml:").nth(1).expect("names the file");
    let mut parts = place.split(':');
    let (line, column) = (parts.next().unwrap(), parts.next().unwrap());
    assert!(line.parse::<u32>().is_ok() && column.parse::<u32>().is_ok(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn all_schema_violations_are_listed() {
    // Only the session's kind (two-space indent): the forum's published counts also name kinds.
    let text = programme_with("A", "B").replace("\n  kind: workshop", "\n  kind: seminar").replace("bodies: []\n", "")
        + "- id: WS2\n  kind: workshop\n  code: null\n  number: null\n  title_en: B\n  title_ar: ب\n  date: '2020-11-04'\n  start_utc: '9:00'\n  end_utc: null\n  room: null\n  format: null\n  track: Security\n  summary_en: null\n  summary_ar: null\n  sources: [https://example.org/]\n  confidence: high\n  notes: null\n";
    let path = temp_file("schema.yaml", text.as_bytes());
    let out = igf()
        .args(["list", "--lang", "en", "--data", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    assert!(
        stderr.contains("session \"WS1\": field kind: \"seminar\" is not one of pre-event,")
            && stderr.contains("session \"WS2\": field start_utc:")
            && stderr.contains("session \"WS2\": field track: \"Security\" is not one of Data,"),
        "{stderr}"
    );
}

#[test]
fn duplicate_ids_end_before_start_and_dates_outside_the_forum() {
    let base = programme_with("A", "B");
    let dup = base.replace("bodies: []\n", "") + &base[base.find("- id: WS1").unwrap()..];
    let dup = dup.replacen("bodies: []\n", "", 1);
    let path = temp_file("dup.yaml", dup.as_bytes());
    one_line_error(
        &["list", "--data", path.to_str().unwrap()],
        "duplicate session id \"WS1\"",
    );
    let path = temp_file(
        "order.yaml",
        base.replace("end_utc: '11:00'", "end_utc: '09:00'").as_bytes(),
    );
    one_line_error(
        &["list", "--data", path.to_str().unwrap()],
        "ends at 09:00 but starts at 10:00",
    );
    let path = temp_file("outside.yaml", base.replace("'2020-11-04'", "'2020-12-04'").as_bytes());
    one_line_error(&["list", "--data", path.to_str().unwrap()], "outside the forum");
}

#[test]
fn unknown_ids_tracks_kinds_and_bodies_name_the_closest() {
    one_line_error(&["show", "WS19"], "closest ids:");
    one_line_error(
        &["list", "--track", "trus"],
        "tracks are Data, Environment, Inclusion, Trust",
    );
    one_line_error(&["list", "--kind", "workshp"], "did you mean workshop?");
    one_line_error(&["list", "--body", "Unesko"], "closest: UNESCO");
}

#[test]
fn show_answers_a_repeated_id_once_and_reports_every_unknown_one() {
    let once = igf().args(["show", "39", "--format", "plain"]).output().expect("runs");
    let repeated: Vec<&str> = std::iter::repeat_n("39", 500).collect();
    let many = igf()
        .arg("show")
        .args(&repeated)
        .args(["--format", "plain"])
        .output()
        .expect("runs");
    assert!(once.status.success() && many.status.success());
    assert_eq!(
        many.stdout, once.stdout,
        "an id given 500 times shows its sessions once"
    );

    // Forty unknown ids, one of them twice: one line each, in the order given; the first ones
    // carry the nearest ids, and none is lost.
    let unknown: Vec<String> = (1..=40).map(|n| format!("WS{n}00{n}")).collect();
    let out = igf()
        .arg("show")
        .args(&unknown)
        .arg(&unknown[0])
        .args(["--lang", "en"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), unknown.len(), "{stderr}");
    for (line, id) in lines.iter().zip(&unknown) {
        assert!(line.contains(&format!("\"{id}\"")), "{line} should name {id}");
    }
    let suggested = lines.iter().take_while(|l| l.contains("closest ids:")).count();
    assert!(
        suggested > 0 && suggested < lines.len(),
        "suggestions for the first ones only: {stderr}"
    );
    assert!(
        lines[suggested..].iter().all(|l| !l.contains("closest ids:")),
        "{stderr}"
    );

    // A typo among known ids: the known sessions are shown, the typo reported, status 2.
    let mixed = igf()
        .args(["show", "OF21", "ZZ1", "PE30", "--format", "plain", "--lang", "en"])
        .output()
        .expect("runs");
    let both = igf()
        .args(["show", "OF21", "PE30", "--format", "plain", "--lang", "en"])
        .output()
        .expect("runs");
    assert_eq!(mixed.status.code(), Some(2));
    assert!(!both.stdout.is_empty());
    assert_eq!(mixed.stdout, both.stdout);
    let stderr = String::from_utf8_lossy(&mixed.stderr);
    assert!(stderr.lines().count() == 1 && stderr.contains("\"ZZ1\""), "{stderr}");
}

#[test]
fn invalid_dates_and_phases() {
    one_line_error(&["list", "--date", "2020-11-31"], "YYYY-MM-DD");
    one_line_error(&["list", "--date", "yesterday"], "YYYY-MM-DD");
    one_line_error(&["list", "--phase", "3"], "--phase");
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_refused() {
    use std::os::unix::ffi::OsStrExt;
    let arg = std::ffi::OsStr::from_bytes(b"OF\xff39");
    let out = igf().arg("show").arg(arg).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("UTF-8"), "{stderr}");
}

#[test]
fn unreadable_missing_and_oversized_files() {
    one_line_error(
        &["list", "--data", "/nonexistent/programme.yaml"],
        "/nonexistent/programme.yaml: cannot read: no such file",
    );
    let dir = std::env::temp_dir();
    one_line_error(&["list", "--data", dir.to_str().unwrap()], "is a directory");
    let big = temp_file("big.yaml", b"");
    std::fs::File::options()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(33 * 1024 * 1024)
        .unwrap();
    one_line_error(&["list", "--data", big.to_str().unwrap()], "at most 32 MiB");
    let binary = temp_file("binary.yaml", b"forum: \xff\xfe\n");
    one_line_error(&["list", "--data", binary.to_str().unwrap()], "not valid UTF-8");
}

#[test]
fn an_alias_bomb_file_is_refused() {
    let mut bomb = String::from("forum: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut previous = "a".to_owned();
    for level in 0..12 {
        let name = format!("l{level}");
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{previous}"); 10].join(", ")
        ));
        previous = name;
    }
    let path = temp_file("bomb.yaml", bomb.as_bytes());
    let out = igf()
        .args(["list", "--data", path.to_str().unwrap()])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn no_test_output_mentions_a_panic() {
    igf()
        .args(["show"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("panicked").not());
}

/// A schedule anyone can publish: absurd lengths and dates at the end of the calendar are refused
/// in one line each, in every format, and never crash the date arithmetic.
#[test]
fn lengths_and_dates_beyond_any_calendar_are_refused_not_crashed_on() {
    let schedule = |day: &str, date: &str, start: &str, duration: &str| {
        format!(
            "<?xml version=\"1.0\"?>\n<schedule><version>1</version><conference><acronym>x</acronym><title>T</title>\
             <time_zone_name>UTC</time_zone_name></conference><day index=\"1\" date=\"{day}\" start=\"{day}T09:00:00+00:00\" \
             end=\"{day}T18:00:00+00:00\"><room name=\"R\"><event id=\"1\" guid=\"aaaaaaaa-bbbb-5ccc-8ddd-eeeeeeeeee02\">\
             {date}<start>{start}</start><duration>{duration}</duration><title>Long</title><type>talk</type></event>\
             </room></day></schedule>\n"
        )
    };
    let cases = [
        (
            "huge-length.xml",
            schedule("2024-01-10", "", "11:00", "99999999999999:00"),
            "duration",
        ),
        (
            "long-length.xml",
            schedule("2024-01-10", "", "11:00", "2000000000000:00"),
            "duration",
        ),
        (
            "last-day.xml",
            schedule("+262142-12-31", "", "01:00", "00:30"),
            "0001 to 9999",
        ),
    ];
    let far = programme_with("Far", "Org")
        .replace("date: '2020-11-04'", "date: '+262142-12-31'")
        .replace("  notes: null\n", "  notes: null\n  out_of_programme: true\n");
    for (name, text, needle) in
        cases
            .iter()
            .map(|(n, t, w)| (*n, t.clone(), *w))
            .chain([("far.yaml", far, "0001 to 9999")])
    {
        let path = temp_file(name, text.as_bytes());
        for format in ["table", "ics", "frab", "frab-json", "json", "csv"] {
            one_line_error(&["--data", path.to_str().unwrap(), "list", "--format", format], needle);
        }
    }
}
