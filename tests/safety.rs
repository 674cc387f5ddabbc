//! Safe and correct on every path: write failures, devices and pipes as --data, calendars a
//! second parser accepts, one time zone, forgiving options, ids that round-trip, and messages in
//! both languages.

mod common;
use common::{igf, plain_ids};
use igf::present::{messages, Lang};
use proptest::prelude::*;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("igf")
}

/// Runs a shell command line with `$IGF` set to the binary; returns status and stderr.
fn sh(line: &str) -> (Option<i32>, String) {
    let out = Command::new("sh")
        .args(["-c", line])
        .env("IGF", bin())
        .env_remove("IGF_LANG")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("sh runs");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn write_failures_are_one_line_and_a_closed_pipe_is_success() {
    for command in [
        "completions bash",
        "--help",
        "--version",
        "man",
        "list",
        "list --format json",
    ] {
        let (code, stderr) = sh(&format!("\"$IGF\" {command} --lang en > /dev/full"));
        assert_eq!(code, Some(74), "{command} > /dev/full: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{command}: {stderr}");
        assert!(stderr.contains("cannot write output"), "{command}: {stderr}");
        let (code, stderr) = sh(&format!("\"$IGF\" {command} >&-"));
        assert_eq!(code, Some(74), "{command} >&-: {stderr}");
        let (code, stderr) = sh(&format!("\"$IGF\" {command} | true; exit ${{PIPESTATUS:-0}}"));
        assert_eq!(code, Some(0), "{command} | true: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let out = Command::new("bash")
        .args(["-c", "\"$IGF\" completions bash | true; echo ${PIPESTATUS[0]}"])
        .env("IGF", bin())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
    // A full standard error cannot be reported, but it must not turn into an abort.
    let (code, _) = sh("\"$IGF\" show NOPE 2> /dev/full");
    assert_eq!(code, Some(2));
}

#[test]
fn data_from_stdin_devices_and_files_with_a_bom() {
    let bundled = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml")).unwrap();
    let expected = plain_ids(&["list"]);
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&bundled);
    for input in [bundled.clone(), with_bom] {
        let mut child = Command::new(bin())
            .args(["list", "--data", "-", "--format", "plain", "--lang", "en"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&input).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let ids: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_owned())
            .collect();
        assert_eq!(ids, expected);
    }
    let started = Instant::now();
    let out = igf()
        .args(["list", "--lang", "en", "--data", "/dev/zero"])
        .timeout(Duration::from_secs(10))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 32 MiB"));
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
}

#[test]
fn deep_nesting_is_refused_at_once() {
    let dir = std::env::temp_dir().join(format!("igf-safety-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("nested.yaml");
    std::fs::write(&path, "[".repeat(100_000)).unwrap();
    let started = Instant::now();
    let out = igf()
        .args(["list", "--lang", "en", "--data", path.to_str().unwrap()])
        .timeout(Duration::from_secs(10))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("nested.yaml:1:") && stderr.contains("nested more than"),
        "{stderr}"
    );
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
}

/// Lines of an RFC 5545 stream, unfolded.
fn unfolded(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split_terminator("\r\n")
        .map(str::to_owned)
        .collect()
}

#[test]
fn calendars_follow_rfc_5545_and_a_second_parser_reads_them() {
    for lang in ["ar", "en"] {
        let out = igf()
            .args(["list", "--format", "ics", "--lang", lang])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'));
        for line in text.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        let lines = unfolded(&text);
        assert!(lines.contains(&format!("PRODID:-//igf//igf {}//EN", env!("CARGO_PKG_VERSION"))));
        // Each event ends after it starts; an all-day event on the next day.
        let mut starts = 0;
        for (start, end) in lines
            .iter()
            .filter(|l| l.starts_with("DTSTART"))
            .zip(lines.iter().filter(|l| l.starts_with("DTEND")))
        {
            starts += 1;
            let value = |l: &str| l.split(':').nth(1).unwrap().to_owned();
            assert!(value(end) > value(start), "{start} / {end}");
            if start.starts_with("DTSTART;VALUE=DATE:") {
                let d = chrono::NaiveDate::parse_from_str(&value(start), "%Y%m%d").unwrap();
                let e = chrono::NaiveDate::parse_from_str(&value(end), "%Y%m%d").unwrap();
                assert_eq!(e, d.succ_opt().unwrap());
            }
        }
        let reader = ical::IcalParser::new(text.as_bytes());
        let calendars: Vec<_> = reader.collect::<Result<_, _>>().expect("the ical crate parses it");
        assert_eq!(calendars.len(), 1);
        assert_eq!(calendars[0].events.len(), starts);
        let titles = igf()
            .args(["list", "--format", "json", "--lang", lang])
            .output()
            .unwrap()
            .stdout;
        let json: serde_json::Value = serde_json::from_slice(&titles).unwrap();
        let dated = json.as_array().unwrap().iter().filter(|s| !s["date"].is_null()).count();
        assert_eq!(starts, dated, "every dated session is an event");
    }
}

#[test]
fn folding_a_long_title_is_linear_and_keeps_characters_whole() {
    let ctx = igf::present::Context::new(Lang::Ar, None, igf::query::zone::Zone::Utc);
    let data = igf::data::bundled();
    let mut session = data.sessions[0].clone();
    session.title_ar = Some("ب".repeat(200_000).into());
    let started = Instant::now();
    let (ics, _) = igf::present::export::ics(&ctx, &data, &[&session], false);
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
    for line in ics.split_terminator("\r\n") {
        assert!(line.len() <= 75);
    }
    assert!(unfolded(&ics).iter().any(|l| l.contains(&"ب".repeat(200_000))));
}

#[test]
fn the_day_is_the_day_in_the_chosen_zone() {
    // Sessions listed for 4 November in Los Angeles are the ones whose local date is 4 November.
    let la = ["--tz", "America/Los_Angeles"];
    let out = common::stdout_of(&[
        "list",
        "--date",
        "2020-11-04",
        "--format",
        "plain",
        "--lang",
        "en",
        la[0],
        la[1],
    ]);
    assert!(!out.is_empty());
    for line in out.lines() {
        assert_eq!(line.split('\t').nth(1), Some("2020-11-04"), "{line}");
    }
    let all = common::stdout_of(&["list", "--format", "plain", "--lang", "en", la[0], la[1]]);
    let on_the_4th = all
        .lines()
        .filter(|l| l.split('\t').nth(1) == Some("2020-11-04"))
        .count();
    assert_eq!(out.lines().count(), on_the_4th);
    // days counts by the same day.
    let days = common::stdout_of(&["days", "--format", "plain", "--lang", "en", la[0], la[1]]);
    let row = days
        .lines()
        .find(|l| l.starts_with("2020-11-04"))
        .expect("a row for the 4th");
    assert_eq!(row.split('\t').nth(3), Some(on_the_4th.to_string().as_str()), "{row}");
    // Ordering follows the zone's days.
    let dates: Vec<&str> = all
        .lines()
        .filter_map(|l| l.split('\t').nth(1))
        .filter(|d| d.starts_with("20"))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "sorted by the local day");
}

#[test]
fn zones_in_any_case_local_named_and_bad_tz_warned() {
    let out = igf()
        .args(["show", "OF21", "--tz", "africa/cairo", "--lang", "en"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Africa/Cairo"));
    let out = igf()
        .args(["list", "--tz", "Africa/Kairo", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean Africa/Cairo"));
    let out = igf()
        .args(["show", "OF21", "--tz", "local", "--lang", "en"])
        .env("TZ", "Asia/Tokyo")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Asia/Tokyo") && !text.contains("local"), "{text}");
    let out = igf()
        .args(["show", "OF21", "--tz", "local", "--lang", "en"])
        .env("TZ", "Mars/Olympus")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("TZ=\"Mars/Olympus\"") && stderr.contains("UTC"),
        "{stderr}"
    );
}

#[test]
fn options_forgive() {
    // The last of a repeated option wins; empty variables are unset.
    let out = igf()
        .args([
            "--lang", "ar", "list", "--lang", "en", "--format", "json", "--format", "plain",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stdout).starts_with('['));
    let out = igf()
        .args(["days"])
        .env("IGF_LANG", "")
        .env("IGF_TZ", "")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Countries by part of the name, code, or Arabic name.
    let egypt = plain_ids(&["list", "--country", "Egypt"]);
    assert!(!egypt.is_empty());
    for typed in ["Egy", "EG", "egy", "مصر"] {
        assert_eq!(plain_ids(&["list", "--country", typed]), egypt, "{typed}");
    }
    assert_eq!(
        plain_ids(&["list", "--country", "USA"]),
        plain_ids(&["list", "--country", "United States"])
    );
    assert!(!plain_ids(&["list", "--country", "اليابان"]).is_empty());
    let out = igf()
        .args(["list", "--country", "Egipt", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("closest: Egypt"));
    // Arabic-Indic digits for the phase, like 2.
    assert_eq!(
        plain_ids(&["list", "--phase", "٢"]),
        plain_ids(&["list", "--phase", "2"])
    );
    // An empty result says so, with a hint, instead of an empty frame.
    let out = igf()
        .args(["list", "--date", "2020-11-07", "--kind", "workshop", "--lang", "en"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no session matches these filters; try"));
}

#[test]
fn long_values_are_shortened_in_messages_and_answered_quickly() {
    // Just under the kernel's limit for one argument (128 KiB).
    let long = "x".repeat(120 * 1024);
    let started = Instant::now();
    let out = igf().args(["list", "--body", &long, "--lang", "en"]).output().unwrap();
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.len() < 400 && stderr.contains('…'), "{stderr}");
    let out = igf().args(["show", &long]).output().unwrap();
    assert!(out.stderr.len() < 600);
    // The argument parser's own messages echo the value too; the one door to stderr shortens it.
    let out = igf().args(["list", "--date", &long, "--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.len() < 600 && stderr.contains('…') && stderr.lines().count() == 1,
        "{stderr}"
    );
}

#[test]
fn every_message_exists_in_both_languages() {
    let arabic = |t: &str| t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let ar = messages::of(Lang::Ar).samples();
    let en = messages::of(Lang::En).samples();
    assert_eq!(ar.len(), en.len());
    for ((name_ar, text_ar), (name_en, text_en)) in ar.iter().zip(&en) {
        assert_eq!(name_ar, name_en);
        assert!(!text_ar.trim().is_empty() && !text_en.trim().is_empty(), "{name_ar}");
        assert!(arabic(text_ar), "{name_ar} is not in Arabic: {text_ar}");
        assert_ne!(text_ar, text_en, "{name_ar}");
        assert!(
            !text_ar.contains('\n') && !text_en.contains('\n'),
            "{name_ar}: one line"
        );
        // English messages may quote Arabic examples, never be Arabic sentences.
        let latin = text_en.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let arabic_letters = text_en
            .chars()
            .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
            .count();
        assert!(latin > arabic_letters, "{name_en} is not in English: {text_en}");
    }
    // And the binary speaks each: Arabic by default, English with --lang en.
    let ar = igf().args(["show", "NOPE1"]).output().unwrap();
    let en = igf().args(["show", "NOPE1", "--lang", "en"]).output().unwrap();
    assert_eq!((ar.status.code(), en.status.code()), (Some(2), Some(2)));
    assert!(arabic(&String::from_utf8_lossy(&ar.stderr)));
    assert!(String::from_utf8_lossy(&en.stderr).contains("no session"));
}

#[test]
fn every_listed_id_is_accepted_by_show() {
    let ids = plain_ids(&["list"]);
    let mut args = vec!["show", "--format", "plain", "--lang", "en"];
    args.extend(ids.iter().map(String::as_str));
    let shown = common::stdout_of(&args);
    let shown: Vec<&str> = shown.lines().map(|l| l.split('\t').next().unwrap()).collect();
    for id in &ids {
        assert!(shown.contains(&id.as_str()), "show {id} does not show it");
    }
    let data = igf::data::bundled();
    for s in data.sessions.iter() {
        let found = igf::query::ids::find(&data, &s.id).expect("its own id finds it");
        assert_eq!(found.len(), 1, "{} names exactly one session", s.id);
        assert_eq!(found[0].id, s.id);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Generated programmes: ids in the shapes the data uses (codes, slugs with digits and
    /// dashes) always find exactly their session.
    #[test]
    fn generated_ids_round_trip(ids in prop::collection::btree_set("(OF|WS|PE|[a-z]{2,6})[0-9]{1,3}(-[0-9a-z]{1,4})?", 1..20)) {
        let mut data = igf::data::bundled();
        let template = data.sessions[0].clone();
        let sessions: Vec<_> = ids.iter().map(|id| {
            let mut s = template.clone();
            s.id = id.clone().into();
            s.code = None;
            s
        }).collect();
        data.sessions = sessions.into();
        for id in &ids {
            let found = igf::query::ids::find(&data, id).expect("found");
            prop_assert_eq!(found.len(), 1);
            prop_assert_eq!(found[0].id.as_ref(), id.as_str());
        }
    }

    /// The sanitiser: idempotent, never lets a raw control, bidi or invisible character through,
    /// keeps joiners, and leaves clean text untouched.
    #[test]
    fn sanitiser_properties(raw in any::<String>()) {
        use igf::term::sanitize::{for_terminal, needs_care};
        let once = for_terminal(&raw);
        prop_assert!(!once.chars().any(needs_care));
        let twice = for_terminal(&once).into_owned();
        prop_assert_eq!(twice.as_str(), once.as_ref());
        prop_assert_eq!(once.matches('\u{200D}').count(), raw.matches('\u{200D}').count());
        if !raw.chars().any(needs_care) {
            prop_assert_eq!(once.as_ref(), raw.as_str());
        }
    }
}

/// Runs igf on a pseudo-terminal (util-linux `script`), so standard output and standard error
/// are a terminal, as for a person; None when `script` is not installed.
fn on_a_terminal(args: &[&str]) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed (Debian: bsdutils)");
        return None;
    }
    let quoted: Vec<String> = args.iter().map(|a| format!("'{}'", a.replace('\'', "'\\''"))).collect();
    let line = format!("{} {}", bin().display(), quoted.join(" "));
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("COLUMNS", "120")
        .env("NO_COLOR", "1")
        .env_remove("IGF_LANG")
        .env_remove("IGF_BIDI")
        .env_remove("MLTERM")
        .output()
        .expect("script runs");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What may reach a terminal besides text: line ends (a terminal turns \n into \r\n), the tabs
/// of plain output, and the program's own bidi-mode switches.
fn raw_on_terminal(text: &str) -> Vec<char> {
    text.replace(igf::term::BIDI_EXPLICIT, "")
        .replace(igf::term::BIDI_IMPLICIT, "")
        .chars()
        .filter(|&c| !matches!(c, '\n' | '\r' | '\t') && igf::term::sanitize::needs_care(c))
        .collect()
}

fn hostile_file(name: &str, body: &str) -> String {
    let dir = std::env::temp_dir().join(format!("igf-safety-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bundled = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml")).unwrap();
    let forum = &bundled[..bundled.find("\nsessions:").unwrap()];
    let path = dir.join(name);
    std::fs::write(&path, format!("{forum}\nsessions:\n{body}bodies: []\n")).unwrap();
    path.to_str().unwrap().to_owned()
}

const SESSION: &str = "  code: null\n  number: null\n  title_ar: null\n  date: '2020-11-04'\n  start_utc: '10:00'\n  end_utc: '11:00'\n  room: \"Room\\e[5m \\u2029\\u200B\\u00AD\\uFEFF\"\n  format: null\n  track: null\n  summary_en: null\n  summary_ar: null\n  sources: [https://example.org]\n  confidence: high\n  notes: null\n";

#[test]
fn errors_about_hostile_data_put_nothing_raw_on_a_terminal() {
    let file = hostile_file(
        "hostile-errors.yaml",
        &format!(
            "- id: \"\\e[2J\\u202E\"\n  kind: \"\\e]52;c;aGk=\\a\"\n  \"\\e[31mfield\": 1\n  title_en: T\n{SESSION}"
        ),
    );
    let Some(out) = on_a_terminal(&["list", "--lang", "en", "--data", &file]) else {
        return;
    };
    assert!(out.contains("field kind") || out.contains("kind"), "{out}");
    assert_eq!(raw_on_terminal(&out), Vec::<char>::new(), "{out:?}");
    // A path with an escape in it is echoed sanitised too.
    let Some(out) = on_a_terminal(&["list", "--lang", "en", "--data", "/nonexistent/\x1b[2J\u{9b}x.yaml"]) else {
        return;
    };
    assert!(out.contains("no such file"), "{out}");
    assert_eq!(raw_on_terminal(&out), Vec::<char>::new(), "{out:?}");
}

#[test]
fn every_format_on_a_terminal_puts_nothing_raw_on_it() {
    let file = hostile_file(
        "hostile-formats.yaml",
        &format!(
            "- id: WS1\n  kind: workshop\n  title_en: \"Evil\\e[2J\\a \\x9b31m \\u202Egnp\\u202C \\u2028x\"\n{SESSION}"
        ),
    );
    for format in ["table", "plain", "json", "csv", "ics"] {
        for lang in ["ar", "en"] {
            let Some(out) = on_a_terminal(&["list", "--data", &file, "--format", format, "--lang", lang]) else {
                return;
            };
            assert!(out.contains("Evil"), "{format} {lang}: {out}");
            assert_eq!(raw_on_terminal(&out), Vec::<char>::new(), "{format} {lang}: {out:?}");
        }
    }
    // In a pipe the machine formats keep the exact text, in their own escaping.
    let json = igf()
        .args(["list", "--data", &file, "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8(json).unwrap();
    assert!(
        text.contains("\\u009b") && text.contains("\\u202e") && text.contains("\\u2028"),
        "{text}"
    );
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value[0]["title_en"],
        "Evil\x1b[2J\x07 \u{9b}31m \u{202E}gnp\u{202C} \u{2028}x"
    );
}
