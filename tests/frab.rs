//! Conference schedules in the frab format: exports checked by the c3voc schemas (xmllint and a
//! JSON Schema validator, neither ours), imports of files in the shapes frab, Pentabarf, pretalx
//! and wafer publish (times worked out by hand in the comments), the round trip through the
//! bundled programme, hostile text and bad files.

mod common;
use common::igf;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    format!("{}/tests/data/frab/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn schema(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/frab/schema")
        .join(name)
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("igf-frab-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

fn run(args: &[&str]) -> Output {
    igf().args(args).output().expect("igf runs")
}

/// stdout of a run that must succeed, and its stderr.
fn ok(args: &[&str]) -> (String, String) {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "igf {args:?} failed: {stderr}");
    (String::from_utf8(out.stdout).expect("UTF-8 output"), stderr)
}

/// `list --format plain --lang en` of a file: id, date, time, title per line.
fn plain(file: &str) -> Vec<String> {
    ok(&["list", "--data", file, "--format", "plain", "--lang", "en"])
        .0
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn each_publishers_shape_lists_its_events_at_the_right_utc_times() {
    let cases: [(&str, &[&str]); 6] = [
        (
            "frab.xml",
            &[
                // 10:30 in Berlin in November (+01:00) for 45 minutes.
                "101\t2023-11-25\t09:30–10:15\tMesh networks for villages — Lessons from three winters",
                // 00:30 on the 26th in Berlin is 23:30 UTC on the 25th; the end falls after
                // midnight UTC, so only the start is kept.
                "102\t2023-11-25\t23:30\tNight soldering",
                // No <date>: the day's date and <start> 14:00, read in Europe/Berlin.
                "103\t2023-11-26\t13:00–14:30\tTrust in community networks",
            ],
        ),
        (
            "frab.json",
            &[
                // Vienna in June is +02:00; "1:15" is an hour and a quarter.
                "201\t2024-06-10\t07:00–07:30\tOpen budgets",
                "202\t2024-06-11\t14:15–15:30\tData and cities — A workshop for council staff",
            ],
        ),
        (
            "pretalx.xml",
            &[
                // Cairo in October 2022 is +02:00. The Arabic title is the Arabic title; the
                // English subtitle becomes the English title.
                "301\t2022-10-15\t09:00–09:45\tFree software in schools",
                "302\t2022-10-15\t12:30–14:00\tAccessible Arabic typesetting",
                // The same id in a second slot.
                "302-2\t2022-10-16\t08:00–09:30\tAccessible Arabic typesetting",
            ],
        ),
        (
            "pretalx.json",
            // São Paulo is -03:00: 19:00 local is 22:00 UTC.
            &["77\t2025-03-01\t22:00–22:40\tGreen servers"],
        ),
        (
            "wafer.xml",
            &[
                // No zone and no <date>: the day starts at 09:00+09:00, so 09:30 is 00:30 UTC.
                "1\t2024-08-03\t00:30–01:20\tWelcome to camp",
                // 00:30 on a day that starts at 09:00 is the next morning: 4 Aug 00:30+09:00.
                "2\t2024-08-03\t15:30–16:00\tLate-night lightning talks",
                "3\t2024-08-04\t02:00–03:00\tPackaging workshop",
            ],
        ),
        (
            "pentabarf.xml",
            // No zone, no offsets: times as printed, and no end without a duration.
            &[
                "501\t2009-02-07\t13:00–14:00\tKeynote: twenty years of patches",
                "502\t2009-02-08\t10:00\tClosing words",
            ],
        ),
    ];
    for (name, expected) in cases {
        assert_eq!(plain(&fixture(name)), expected.to_vec(), "{name}");
    }
}

#[test]
fn local_times_follow_the_conference_zone_rules_not_a_fixed_offset() {
    let frab = std::fs::read_to_string(fixture("frab.xml")).expect("fixture");
    // A <date> without an offset is read in the conference's zone: 10:30 Berlin is 09:30 UTC.
    let no_offset = frab.replacen(
        "<date>2023-11-25T10:30:00+01:00</date>",
        "<date>2023-11-25T10:30:00</date>",
        1,
    );
    let path = temp_file("date-without-offset.xml", no_offset.as_bytes());
    assert_eq!(
        plain(path.to_str().expect("UTF-8"))[0].split('\t').nth(2),
        Some("09:30–10:15")
    );
    // Day 2 moved to 26 March 2023, when Berlin changes to summer time (+02:00): event 103 at
    // 14:00 local is 12:00 UTC, whatever offset the day's own start attribute carries.
    let summer = frab
        .replace("2023-11-26T10:00:00+01:00", "2023-03-26T10:00:00+01:00")
        .replace("2023-11-26T18:00:00+01:00", "2023-03-26T18:00:00+01:00")
        .replace("index=\"2\" date=\"2023-11-26\"", "index=\"2\" date=\"2023-03-26\"");
    let path = temp_file("summer-time.xml", summer.as_bytes());
    let lines = plain(path.to_str().expect("UTF-8"));
    let event_103 = lines.iter().find(|l| l.starts_with("103\t")).expect("event 103");
    assert_eq!(event_103, "103\t2023-03-26\t12:00–13:30\tTrust in community networks");
}

#[test]
fn only_a_file_without_any_zone_warns_that_times_are_as_printed() {
    let (_, stderr) = ok(&["list", "--data", &fixture("pentabarf.xml"), "--lang", "en"]);
    assert!(stderr.contains("states no time zone"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for name in ["frab.xml", "frab.json", "pretalx.xml", "wafer.xml"] {
        let (_, stderr) = ok(&["list", "--data", &fixture(name), "--lang", "en"]);
        assert!(!stderr.contains("no time zone"), "{name}: {stderr}");
    }
    let (_, stderr) = ok(&["list", "--data", &fixture("frab.xml"), "--lang", "en"]);
    assert!(stderr.contains("1 session(s) end after midnight UTC"), "{stderr}");
}

#[test]
fn show_finds_the_files_own_ids_and_every_slot_of_a_repeated_one() {
    let (out, _) = ok(&["show", "101", "--data", &fixture("frab.xml"), "--lang", "en"]);
    for expected in [
        "Mesh networks for villages",
        "Ada Example",
        "Brahim Example",
        "Saal A",
        "lecture",
    ] {
        assert!(out.contains(expected), "{expected:?} missing from:\n{out}");
    }
    // Persons without ids (pretalx codes only, frab JSON without "id") are speakers all the same.
    // The repeated slot has its own id, as `list` prints it.
    let (out, _) = ok(&[
        "show",
        "302",
        "302-2",
        "--data",
        &fixture("pretalx.xml"),
        "--lang",
        "en",
    ]);
    assert!(out.contains("Omar Example"), "{out}");
    assert!(out.contains("2022-10-15") || out.contains("15 Oct 2022"), "{out}");
    assert!(out.contains("16 Oct 2022"), "both slots of id 302:\n{out}");
    let (out, _) = ok(&["show", "202", "--data", &fixture("frab.json"), "--lang", "en"]);
    assert!(out.contains("Noor Example"), "{out}");
    let (out, _) = ok(&["show", "2", "--data", &fixture("wafer.xml"), "--lang", "en"]);
    assert!(out.contains("Late-night lightning talks"), "{out}");
    let out = run(&["show", "999", "--data", &fixture("wafer.xml")]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn html_in_abstracts_is_shown_as_text() {
    let cases = [
        ("frab.xml", "101", "Routing & power off the grid."),
        ("frab.xml", "103", "Who runs the routers?"),
        ("frab.json", "202", "Open data & cities"),
        ("wafer.xml", "1", "Bring a laptop & a smile."),
    ];
    for (name, id, text) in cases {
        let (out, _) = ok(&["show", id, "--data", &fixture(name), "--lang", "en"]);
        assert!(out.contains(text), "{name} {id}: {text:?} missing from:\n{out}");
        for markup in ["<p>", "</", "<b>", "<li>", "&amp;", "<em>", "<strong>"] {
            assert!(!out.contains(markup), "{name} {id}: {markup:?} left in:\n{out}");
        }
    }
}

#[test]
fn search_days_tracks_and_kinds_work_on_an_imported_file() {
    let frab = fixture("frab.xml");
    let (out, _) = ok(&[
        "search",
        "soldering",
        "--data",
        &frab,
        "--format",
        "plain",
        "--lang",
        "en",
    ]);
    assert!(out.starts_with("102\t"), "{out}");
    // Arabic search over an Arabic title read from the file.
    let (out, _) = ok(&[
        "search",
        "التعليم",
        "--data",
        &fixture("pretalx.xml"),
        "--format",
        "plain",
        "--lang",
        "en",
    ]);
    assert!(out.starts_with("301\t"), "{out}");
    let out = run(&["search", "nothing-like-this", "--data", &frab]);
    assert_eq!(out.status.code(), Some(1));
    // Overviews name the format as it is typed when refusing it.
    let out = run(&["days", "--data", &frab, "--format", "frab-json", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format frab-json is for session lists"));

    let (days, _) = ok(&["days", "--data", &frab, "--format", "plain", "--lang", "en"]);
    let day_rows: Vec<Vec<&str>> = days.lines().map(|l| l.split('\t').collect()).collect();
    // Date, weekday, sessions, without a time: a schedule has no phases, so no phase column.
    assert!(day_rows.iter().all(|r| r.len() == 4), "{days}");
    let count_on = |date: &str| day_rows.iter().find(|r| r[0] == date).map(|r| r[2].to_owned());
    assert_eq!(count_on("2023-11-25").as_deref(), Some("2"), "{days}");
    assert_eq!(count_on("2023-11-26").as_deref(), Some("1"), "{days}");

    // "Trust" is one of igf's tracks; the file's other tracks are not.
    let (tracks, _) = ok(&["tracks", "--data", &frab, "--format", "plain", "--lang", "en"]);
    let trust = tracks
        .lines()
        .find(|l| l.starts_with("Trust"))
        .unwrap_or_default()
        .to_owned();
    assert!(trust.split('\t').any(|f| f == "1"), "{tracks}");
    let (listed, _) = ok(&[
        "list", "--track", "Trust", "--data", &frab, "--format", "plain", "--lang", "en",
    ]);
    assert!(listed.starts_with("103\t") && listed.lines().count() == 1, "{listed}");
    // Workshops are recognised by their type; "lecture" and "podium" are other kinds.
    let (listed, _) = ok(&[
        "list", "--kind", "workshop", "--data", &frab, "--format", "plain", "--lang", "en",
    ]);
    assert!(listed.starts_with("102\t") && listed.lines().count() == 1, "{listed}");
}

#[test]
fn arabic_is_the_default_and_english_is_there_on_request() {
    let frab = fixture("frab.xml");
    let ar_labels = &igf::present::ar::LABELS;
    let en_labels = &igf::present::en::LABELS;
    let (ar, _) = ok(&["show", "101", "--data", &frab]);
    assert!(ar.contains(ar_labels.room) && ar.contains(ar_labels.speakers), "{ar}");
    let (en, _) = ok(&["show", "101", "--data", &frab, "--lang", "en"]);
    assert!(en.contains(en_labels.room) && !en.contains(ar_labels.room), "{en}");
    let (days, _) = ok(&["days", "--data", &frab]);
    assert!(days.contains(ar_labels.weekday), "{days}");
}

#[test]
fn every_export_works_on_an_imported_file() {
    let file = fixture("frab.json");
    let (json, _) = ok(&["list", "--data", &file, "--format", "json"]);
    let records: serde_json::Value = serde_json::from_str(&json).expect("JSON export parses");
    let ids: Vec<&str> = records
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(ids, ["201", "202"]);
    assert_eq!(records[0]["start"], "2024-06-10T07:00:00+00:00");

    let (csv, _) = ok(&["list", "--data", &file, "--format", "csv"]);
    assert_eq!(csv::Reader::from_reader(csv.as_bytes()).records().count(), 2);

    let (ics, _) = ok(&["list", "--data", &file, "--format", "ics", "--lang", "en"]);
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
    assert!(ics.contains("DTSTART:20240610T070000Z"), "{ics}");

    for format in ["frab", "frab-json"] {
        let (out, _) = ok(&["list", "--data", &file, "--format", format]);
        assert!(
            out.contains("Open budgets") && out.contains("Data and cities"),
            "{format}:\n{out}"
        );
    }
}

/// Runs `xmllint --schema` on `xml`; None when xmllint is not installed.
fn xmllint(xml: &Path) -> Option<Output> {
    Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema("schedule.xml.xsd"))
        .arg(xml)
        .output()
        .ok()
}

/// Validates each file named after the schema, printing the first errors of each; one process
/// for all files, as loading the validator takes a while.
const JSON_SCHEMA_CHECK: &str = "
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
failed = False
for path in sys.argv[2:]:
    for e in list(validator.iter_errors(json.load(open(path))))[:5]:
        failed = True
        print(path, '/'.join(map(str, e.absolute_path)), e.message[:300])
sys.exit(1 if failed else 0)
";

/// Whether python3 with the jsonschema package is here (.ci/run installs it).
fn json_schema_validator_present() -> bool {
    Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The exports whose validity is checked: the bundled programme in both languages and two zones,
/// a search that finds nothing, and files read from other systems written out again.
fn exports_to_check(format: &str) -> Vec<(String, String)> {
    let cases: Vec<Vec<String>> = vec![
        vec!["list".into()],
        vec![
            "list".into(),
            "--lang".into(),
            "en".into(),
            "--tz".into(),
            "Africa/Cairo".into(),
        ],
        vec![
            "list".into(),
            "--tz".into(),
            "America/New_York".into(),
            "--track".into(),
            "Trust".into(),
        ],
        vec!["egypt".into()],
        vec!["list".into(), "--data".into(), fixture("frab.xml")],
        vec![
            "list".into(),
            "--data".into(),
            fixture("pretalx.xml"),
            "--lang".into(),
            "en".into(),
        ],
        vec!["list".into(), "--data".into(), fixture("wafer.xml")],
        vec!["list".into(), "--data".into(), fixture("hostile.json")],
    ];
    let mut outputs = Vec::new();
    for mut args in cases {
        args.extend(["--format".into(), format.into()]);
        let out = igf().args(&args).output().expect("igf runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        outputs.push((args.join(" "), String::from_utf8(out.stdout).expect("UTF-8")));
    }
    // A search that finds nothing still writes a valid (empty) schedule, with status 1.
    let out = run(&["search", "nothing-like-this", "--format", format]);
    assert_eq!(out.status.code(), Some(1));
    outputs.push(("empty search".into(), String::from_utf8(out.stdout).expect("UTF-8")));
    outputs
}

#[test]
fn frab_xml_exports_are_valid_against_the_c3voc_schema() {
    if xmllint(&schema("schedule.xml.xsd")).is_none() {
        eprintln!("SKIPPED: xmllint is not installed (Debian: libxml2-utils; .ci/run installs it)");
        return;
    }
    for (n, (what, xml)) in exports_to_check("frab").into_iter().enumerate() {
        let path = temp_file(&format!("export-{n}.xml"), xml.as_bytes());
        let out = xmllint(&path).expect("xmllint ran before");
        assert!(out.status.success(), "{what}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn frab_json_exports_are_valid_against_the_c3voc_schema() {
    if !json_schema_validator_present() {
        eprintln!("SKIPPED: python3 with jsonschema is not installed (.ci/run installs it from PyPI)");
        return;
    }
    let mut paths = Vec::new();
    for (n, (what, json)) in exports_to_check("frab-json").into_iter().enumerate() {
        eprintln!("export-{n}.json: {what}");
        paths.push(temp_file(&format!("export-{n}.json"), json.as_bytes()));
    }
    let out = Command::new("python3")
        .args(["-c", JSON_SCHEMA_CHECK])
        .arg(schema("schedule.schema.json"))
        .args(&paths)
        .output()
        .expect("python3 ran before");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_schema_copies_match_the_shared_reference_where_it_is_present() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ref");
    for name in ["schedule.xml.xsd", "schedule.schema.json"] {
        let ours = std::fs::read(schema(name)).expect("the copy is in the repository");
        match std::fs::read(shared.join(name)) {
            Ok(reference) => assert_eq!(ours, reference, "{name} differs from ../shared/ref"),
            Err(_) => eprintln!("SKIPPED: no ../shared/ref/{name} beside the repository"),
        }
    }
}

/// (date, start, end, English title) of each line of `list --format plain --lang en` output;
/// the end is None where the programme gives none.
fn slots(plain: &str) -> Vec<(String, String, Option<String>, String)> {
    plain
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let (start, end) = match fields[2].split_once('–') {
                Some((s, e)) => (s.to_owned(), Some(e.to_owned())),
                None => (fields[2].to_owned(), None),
            };
            (fields[1].to_owned(), start, end, fields[3].to_owned())
        })
        .collect()
}

#[test]
fn the_bundled_programme_survives_a_round_trip_through_both_formats() {
    // The sessions a schedule can hold: those with a date and a start time, read from the data
    // file rather than from igf's output.
    let placed: Vec<_> = common::bundled_sessions()
        .into_iter()
        .filter(|s| common::text(s, "date").is_some() && common::text(s, "start_utc").is_some())
        .collect();
    let left_out = common::bundled_sessions().len() - placed.len();
    let (original, _) = ok(&["list", "--format", "plain", "--lang", "en"]);
    let original: Vec<_> = slots(&original)
        .into_iter()
        .filter(|(date, start, _, _)| date.starts_with("20") && start.contains(':'))
        .collect();
    assert_eq!(original.len(), placed.len());

    for (format, extra) in [
        ("frab", vec![]),
        ("frab-json", vec!["--tz", "Africa/Cairo"]),
        ("frab", vec!["--lang", "en", "--tz", "Asia/Tokyo"]),
    ] {
        let mut args = vec!["list", "--format", format];
        args.extend(&extra);
        let (exported, stderr) = ok(&args);
        let lang = if extra.contains(&"en") {
            igf::present::Lang::En
        } else {
            igf::present::Lang::Ar
        };
        let said = (igf::present::messages::of(lang).left_out_of_schedule)(left_out);
        assert!(stderr.contains(&said), "{stderr}");
        let path = temp_file(&format!("round-trip-{format}-{}.out", extra.len()), exported.as_bytes());
        let (read_back, _) = ok(&[
            "list",
            "--data",
            path.to_str().expect("UTF-8 path"),
            "--format",
            "plain",
            "--lang",
            "en",
        ]);
        let read_back = slots(&read_back);
        assert_eq!(read_back.len(), original.len(), "{format} {extra:?}");
        let starts = |v: &[(String, String, Option<String>, String)]| -> BTreeSet<(String, String, String)> {
            v.iter().map(|(d, s, _, t)| (d.clone(), s.clone(), t.clone())).collect()
        };
        assert_eq!(starts(&read_back), starts(&original), "{format} {extra:?}");
        // Where the programme gives an end, it comes back unchanged.
        for (date, start, end, title) in original.iter().filter(|o| o.2.is_some()) {
            let back = read_back
                .iter()
                .find(|b| &b.0 == date && &b.1 == start && &b.3 == title)
                .expect("the same session");
            assert_eq!(&back.2, end, "{format} {extra:?}: {title}");
        }
    }
}

#[test]
fn the_arabic_title_and_english_subtitle_come_back_as_both_titles() {
    let (exported, _) = ok(&["show", "OF21", "--format", "frab"]);
    let path = temp_file("of21.xml", exported.as_bytes());
    let file = path.to_str().expect("UTF-8 path");
    let (ar, _) = ok(&["show", "OF21", "--format", "json"]);
    let original: serde_json::Value = serde_json::from_str(&ar).expect("JSON");
    let (back, _) = ok(&["list", "--data", file, "--format", "json"]);
    let back: serde_json::Value = serde_json::from_str(&back).expect("JSON");
    for key in [
        "title_ar",
        "title_en",
        "summary_ar",
        "summary_en",
        "kind",
        "track",
        "date",
        "start_utc",
    ] {
        assert_eq!(back[0][key], original[0][key], "{key}");
    }
}

/// Controls the hostile files carry. Arabic output also holds the program's own isolates
/// (U+2068 ... U+2069 around Latin text, U+2067 ... U+2069 around the cells of logical tables),
/// so those are checked in English output only.
const HOSTILE: [char; 7] = [
    '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{202c}', '\u{2066}', '\u{2067}',
];
const POP_ISOLATE: char = '\u{2069}';
const RTL_ISOLATE: char = '\u{2067}';

#[test]
fn hostile_text_in_an_imported_file_never_reaches_the_terminal_raw() {
    for (name, id) in [("hostile.json", "666"), ("hostile.xml", "667")] {
        let file = fixture(name);
        for args in [
            vec!["list", "--data", &file],
            vec!["list", "--data", &file, "--lang", "en", "--format", "plain"],
            vec!["show", id, "--data", &file, "--lang", "en"],
            vec!["search", "evil", "--data", &file],
            vec!["search", "evil", "--data", &file, "--lang", "en"],
            vec!["about", "--data", &file],
            vec!["about", "--data", &file, "--lang", "en"],
        ] {
            let (out, _) = ok(&args);
            let english = args.contains(&"en");
            let found: Vec<char> = out
                .chars()
                .filter(|&c| (HOSTILE.contains(&c) && (english || c != RTL_ISOLATE)) || (english && c == POP_ISOLATE))
                .collect();
            assert!(found.is_empty(), "{args:?} printed {found:?}:\n{out}");
        }
        let (shown, _) = ok(&["show", id, "--data", &file, "--lang", "en"]);
        assert!(
            shown.contains("<U+202E>"),
            "the override is shown for what it is:\n{shown}"
        );
        // Problems quote the file's text escaped, never raw.
        let text = std::fs::read_to_string(&file).expect("fixture");
        let broken = text
            .replacen("\"id\": 666,", "", 1)
            .replacen("<event id=\"667\"", "<event", 1)
            .replacen("\"date\": \"2024-01-10T10", "\"date\": \"\\u001b[2J 2024-01-10T10", 1)
            .replacen("<date>2024", "<date>\u{202e}2024", 1);
        let path = temp_file(&format!("broken-{name}"), broken.as_bytes());
        let out = run(&["list", "--lang", "en", "--data", path.to_str().expect("UTF-8")]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        // JSON values are checked against the schema's formats first; XML has no such check.
        let refusal = if name.ends_with(".json") {
            "format date-time"
        } else {
            "is not an ISO 8601 date"
        };
        assert!(stderr.contains(refusal), "{stderr}");
        let found: Vec<char> = stderr.chars().filter(|c| HOSTILE.contains(c)).collect();
        assert!(found.is_empty(), "{name}: the error printed {found:?}: {stderr}");
        // Exports keep the text but never an ESC, which XML cannot carry.
        let (xml, _) = ok(&["list", "--data", &file, "--format", "frab"]);
        assert!(!xml.contains('\u{1b}'), "{xml}");
    }
}

fn one_line_error(path: &Path, needle: &str) {
    let file = path.to_str().expect("UTF-8 path");
    let out = run(&["list", "--data", file, "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{file}: {stderr}");
    assert!(stderr.contains(needle), "{file}: expected {needle:?} in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn bad_schedule_files_give_one_located_line_and_status_2() {
    let frab = std::fs::read_to_string(fixture("frab.xml")).expect("fixture");
    let broken = frab.replacen("</title>", "", 1);
    one_line_error(&temp_file("broken.xml", broken.as_bytes()), "broken.xml:");
    one_line_error(&temp_file("broken2.xml", broken.as_bytes()), "not valid schedule XML");

    let dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n<schedule><version>&b;</version></schedule>\n";
    one_line_error(&temp_file("dtd.xml", dtd.as_bytes()), "DTD");

    one_line_error(
        &temp_file("svg.xml", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        "not <schedule>",
    );

    let bad_start = frab.replacen("<start>14:00</start>", "<start>25:99</start>", 1);
    one_line_error(
        &temp_file("bad-start.xml", bad_start.as_bytes()),
        "event \"103\": start \"25:99\"",
    );
    // In Arabic the sentence quotes as Arabic does.
    let path = temp_file("bad-start-ar.xml", bad_start.as_bytes());
    let out = run(&["list", "--data", path.to_str().expect("UTF-8 path")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("«103»") && stderr.contains("«25:99»"), "{stderr}");
    assert!(!stderr.contains("\"103\"") && !stderr.contains("\"25:99\""), "{stderr}");
    let bad_line = frab.lines().position(|l| l.contains("id=\"103\"")).expect("event 103") + 1;
    one_line_error(
        &temp_file("bad-start-line.xml", bad_start.as_bytes()),
        &format!(":{bad_line}:"),
    );

    let bad_zone = frab.replacen("Europe/Berlin", "Europe/Atlantis", 1);
    one_line_error(
        &temp_file("bad-zone.xml", bad_zone.as_bytes()),
        "unknown time_zone_name \"Europe/Atlantis\"",
    );

    let json = std::fs::read_to_string(fixture("frab.json")).expect("fixture");
    let truncated = &json[..json.len() / 2];
    one_line_error(
        &temp_file("truncated.json", truncated.as_bytes()),
        "not valid schedule JSON",
    );
    let twice = json.replacen("\"title\":", "\"title\": \"first\", \"title\":", 1);
    one_line_error(
        &temp_file("twice.json", twice.as_bytes()),
        "\"title\" is given twice in the same place",
    );
    // A conference date that is no date is refused, not passed over.
    let bad_start = frab.replacen("<start>2023-11-25</start>", "<start>xyz</start>", 1);
    one_line_error(
        &temp_file("conference-start.xml", bad_start.as_bytes()),
        "field conference.start: \"xyz\" is not a date of the calendar",
    );
    // In XML too: an event with two titles would lose one.
    let two_titles = frab.replacen("villages</title>", "villages</title><title>Two</title>", 1);
    let path = temp_file("two-titles.xml", two_titles.as_bytes());
    one_line_error(&path, "\"<title>\" is given twice in the same place");
    let line = two_titles
        .lines()
        .position(|l| l.contains("<title>Two</title>"))
        .expect("second title")
        + 1;
    one_line_error(&path, &format!(":{line}:"));
    // A link whose address holds a control character is no URI; the schema refuses it too.
    let hostile = std::fs::read_to_string(fixture("hostile.json")).expect("fixture");
    let control = hostile.replace("https://example.org/%1B[0m", "https://example.org/\\u001b[0m");
    assert_ne!(control, hostile);
    one_line_error(&temp_file("control-link.json", control.as_bytes()), "links[0].url");
    let no_conference = r#"{"schedule": {"version": "1"}}"#;
    one_line_error(
        &temp_file("no-conference.json", no_conference.as_bytes()),
        "schedule.conference\" is missing",
    );

    // The size limit is the one YAML files have.
    let big = temp_file("big.xml", b"<schedule>");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .and_then(|f| f.set_len(igf::data::MAX_FILE_BYTES + 1))
        .expect("grow the file");
    one_line_error(&big, "at most");
}

/// The conference's title as the file gives it, read here with plain string search so that it
/// does not depend on the importer.
fn conference_title(file: &str) -> String {
    let text = std::fs::read_to_string(fixture(file)).expect("fixture");
    if file.ends_with(".json") {
        let value: serde_json::Value = serde_json::from_str(&text).expect("fixture JSON");
        return value["schedule"]["conference"]["title"]
            .as_str()
            .expect("a title")
            .to_owned();
    }
    let conference = &text[text.find("<conference").expect("a <conference>")..];
    let start = conference.find("<title>").expect("a <title>") + "<title>".len();
    conference[start..start + conference[start..].find("</title>").expect("</title>")].to_owned()
}

const OTHER_EVENTS: [&str; 6] = [
    "frab.json",
    "frab.xml",
    "pentabarf.xml",
    "pretalx.json",
    "pretalx.xml",
    "wafer.xml",
];

#[test]
fn another_events_overviews_carry_none_of_igf_2020s_labels_or_empty_columns() {
    for file in OTHER_EVENTS {
        let title = conference_title(file);
        for (lang, labels) in [("ar", &igf::present::ar::LABELS), ("en", &igf::present::en::LABELS)] {
            let path = fixture(file);
            let args = |command| {
                [
                    "--data",
                    path.as_str(),
                    "--lang",
                    lang,
                    "--color",
                    "never",
                    "--bidi",
                    "logical",
                    command,
                ]
            };
            let (about, _) = ok(&args("about"));
            let (days, _) = ok(&args("days"));
            for (command, out) in [("about", &about), ("days", &days)] {
                for igf_only in [
                    (labels.phase_name)(1),
                    (labels.phase_name)(2),
                    labels.phase,
                    labels.reported_by_forum,
                ] {
                    assert!(
                        !out.contains(igf_only),
                        "{file} {lang} {command} shows {igf_only:?}:\n{out}"
                    );
                }
                assert!(
                    !out.contains("IGF 2020") && !out.contains("حوكمة الإنترنت"),
                    "{file} {lang} {command}:\n{out}"
                );
                assert!(
                    !out.contains("— / —") && !out.lines().any(|l| l.trim_end().ends_with(": —")),
                    "{out}"
                );
            }
            assert!(
                about.lines().next().is_some_and(|l| l.contains(&title)),
                "{file} {lang}: {about}"
            );
            assert_eq!(
                about.matches(title.as_str()).count(),
                2,
                "title once in the heading, once in the edition: {about}"
            );
            for empty in [labels.theme, labels.host] {
                assert!(
                    !about.contains(&format!("{empty}:")),
                    "{file} {lang}: an empty {empty} field\n{about}"
                );
            }

            let (egypt, stderr) = ok(&args("egypt"));
            let lines: Vec<&str> = egypt.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(lines.len(), 1, "{file} {lang}: {egypt}{stderr}");
            // Digits in running text follow the interface's digits, so compare them folded.
            let latin_digits = |text: &str| -> String {
                text.chars()
                    .map(|c| match c {
                        '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
                        _ => c,
                    })
                    .collect()
            };
            assert!(
                latin_digits(lines[0]).contains(&latin_digits(&title)),
                "{file} {lang}: the line names the event: {egypt}"
            );
            let expected_start = (labels.no_egypt_part)("");
            assert!(
                lines[0].starts_with(expected_start.split_whitespace().next().unwrap_or_default()),
                "{egypt}"
            );
        }
    }
}

#[test]
fn the_bundled_programme_keeps_its_phases_reported_counts_and_egypt_heading() {
    for (lang, labels, year) in [
        ("ar", &igf::present::ar::LABELS, "٢٠٢٠"),
        ("en", &igf::present::en::LABELS, "2020"),
    ] {
        let args = |command| ["--lang", lang, "--color", "never", "--bidi", "logical", command];
        let (about, _) = ok(&args("about"));
        let (days, _) = ok(&args("days"));
        let (egypt, _) = ok(&args("egypt"));
        assert!(
            about.contains((labels.phase_name)(2)) && about.contains(labels.reported_by_forum),
            "{about}"
        );
        assert!(days.contains((labels.phase_name)(1)), "{days}");
        let heading = egypt.lines().next().unwrap_or_default();
        let forum = if lang == "ar" {
            "منتدى حوكمة الإنترنت"
        } else {
            "Internet Governance Forum"
        };
        assert!(heading.contains(forum) && heading.contains(year), "{lang}: {heading}");
        assert!(egypt.contains(labels.egypt_bodies) && egypt.contains(labels.egypt_sessions));
    }
}

/// Prints the files the c3voc schema accepts, one a line.
const JSON_SCHEMA_ACCEPTED: &str = "
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
for path in sys.argv[2:]:
    if validator.is_valid(json.load(open(path))):
        print(path)
";

/// Values of every JSON type, and an integer no 64-bit id holds.
const OF_EVERY_TYPE: [&str; 8] = [
    "7",
    "-1",
    "123456789012345678901234567890",
    "\"7\"",
    "true",
    "null",
    "[]",
    "{}",
];

/// Every value of the fixture's conference, first day and first event of each room, as a JSON
/// pointer with the dotted path igf names it by.
fn value_paths(doc: &serde_json::Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let conf = &doc["schedule"]["conference"];
    for key in conf.as_object().expect("conference").keys() {
        out.push((
            format!("/schedule/conference/{key}"),
            format!("schedule.conference.{key}"),
        ));
    }
    for (d, day) in conf["days"].as_array().expect("days").iter().enumerate() {
        for key in day.as_object().expect("day").keys() {
            out.push((
                format!("/schedule/conference/days/{d}/{key}"),
                format!("schedule.conference.days[{d}].{key}"),
            ));
        }
        for (room, events) in day["rooms"].as_object().expect("rooms") {
            let event = &events[0];
            for key in event.as_object().expect("event").keys() {
                out.push((
                    format!(
                        "/schedule/conference/days/{d}/rooms/{}/0/{key}",
                        room.replace('~', "~0").replace('/', "~1")
                    ),
                    format!("schedule.conference.days[{d}].rooms[\"{room}\"][0].{key}"),
                ));
            }
        }
    }
    out
}

#[test]
fn a_schedule_json_value_of_the_wrong_type_is_refused_with_its_path_and_never_coerced() {
    let mut files: Vec<(PathBuf, String, bool)> = Vec::new();
    for fixture_name in ["frab.json", "pretalx.json"] {
        let text = std::fs::read_to_string(fixture(fixture_name)).expect("fixture");
        let doc: serde_json::Value = serde_json::from_str(&text).expect("fixture JSON");
        for (n, (pointer, dotted)) in value_paths(&doc).into_iter().enumerate() {
            for (t, bad) in OF_EVERY_TYPE.iter().enumerate() {
                // Written by hand around the value so that the huge integer stays as typed.
                let mut mutated = doc.clone();
                *mutated.pointer_mut(&pointer).expect("a value") = serde_json::Value::String("@@HERE@@".into());
                let json = mutated.to_string().replace("\"@@HERE@@\"", bad);
                let path = temp_file(&format!("typed-{fixture_name}-{n}-{t}.json"), json.as_bytes());
                let out = run(&["list", "--data", path.to_str().expect("UTF-8 path"), "--lang", "en"]);
                let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
                assert!(!stderr.contains("panicked"), "{stderr}");
                let accepted = out.status.success();
                if !accepted && stderr.contains("expected JSON") {
                    let line = stderr.lines().find(|l| l.contains("expected JSON")).unwrap_or_default();
                    assert!(
                        line.contains(path.to_str().unwrap_or_default()) && line.contains(&format!("{dotted}:")),
                        "{pointer} = {bad}: the line names the file and the path: {line}"
                    );
                }
                if *bad == OF_EVERY_TYPE[2] && pointer.ends_with("/id") {
                    assert!(
                        !accepted,
                        "{pointer}: an id too large for 64 bits is refused, not rounded: {stderr}"
                    );
                }
                if (dotted.ends_with(".title") && bad.starts_with(['1', '7', '-']))
                    || (dotted.ends_with(".id") && bad.starts_with('"'))
                {
                    assert!(!accepted, "{pointer} = {bad} is refused");
                }
                files.push((path, format!("{pointer} = {bad}"), accepted));
            }
        }
    }
    if !json_schema_validator_present() {
        eprintln!(
            "SKIPPED the schema comparison: python3 with jsonschema is not installed (.ci/run installs it from PyPI)"
        );
        return;
    }
    let mut accepted_by_schema = BTreeSet::new();
    for chunk in files.chunks(500) {
        let out = Command::new("python3")
            .args(["-c", JSON_SCHEMA_ACCEPTED])
            .arg(schema("schedule.schema.json"))
            .args(chunk.iter().map(|(p, _, _)| p))
            .output()
            .expect("python3 ran before");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        accepted_by_schema.extend(String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned));
    }
    // The fixtures leave out fields the schema requires, so only the fixture whose persons are
    // complete is valid as it is; what matters is that igf accepts nothing the schema refuses
    // for a value's type. Files the schema refuses for other reasons are told apart by
    // checking the unmutated value's file first.
    let baseline_valid: BTreeSet<&str> = ["pretalx.json"].into_iter().collect();
    let mut wrong = Vec::new();
    for (path, what, accepted) in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let from_valid_fixture = baseline_valid.iter().any(|f| name.starts_with(&format!("typed-{f}-")));
        if *accepted && from_valid_fixture && !accepted_by_schema.contains(path.to_str().unwrap_or_default()) {
            wrong.push(what.clone());
        }
    }
    assert!(
        wrong.is_empty(),
        "igf accepts what the schema refuses:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_wrong_type_in_a_schedule_is_reported_in_one_run() {
    let text = std::fs::read_to_string(fixture("pretalx.json")).expect("fixture");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("fixture JSON");
    let conf = &mut doc["schedule"]["conference"];
    conf["title"] = serde_json::json!(2024);
    conf["daysCount"] = serde_json::json!("two");
    let room = conf["days"][0]["rooms"]
        .as_object_mut()
        .expect("rooms")
        .values_mut()
        .next()
        .expect("a room");
    room[0]["id"] = serde_json::json!("101");
    room[0]["persons"] = serde_json::json!(["Plain Name"]);
    room[0]["abstract"] = serde_json::json!(["a", "list"]);
    let path = temp_file("many-wrong-types.json", doc.to_string().as_bytes());
    let out = run(&["list", "--data", path.to_str().expect("UTF-8 path"), "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    for (line, (field, expected, found)) in lines.iter().zip([
        ("title", "string", "integer 2024"),
        ("daysCount", "integer", "string \"two\""),
        ("id", "integer >= 1", "string \"101\""),
        ("abstract", "string | null", "array"),
        ("persons[0]", "object", "string \"Plain Name\""),
    ]) {
        assert!(
            line.starts_with(&format!("igf: {}: schedule.", path.display())),
            "{line}"
        );
        assert!(
            line.contains(&format!(".{field}: expected JSON {expected}, found {found}")),
            "{line}"
        );
    }
}

/// The XML parser's reasons are worded in the interface language, with the names from the
/// file quoted.
#[test]
fn xml_parser_reasons_are_in_the_interface_language() {
    let file = temp_file("mismatched.xml", b"<schedule><conference></event></schedule>\n");
    let path = file.to_str().unwrap();
    let ar = run(&["--data", path, "list"]);
    let en = run(&["--data", path, "list", "--lang", "en"]);
    let (ar, en) = (String::from_utf8_lossy(&ar.stderr), String::from_utf8_lossy(&en.stderr));
    assert!(ar.contains("«</event>» يُغلق ما ينبغي أن يُغلقه «</conference>»"), "{ar}");
    assert!(en.contains("\"</event>\" closes what \"</conference>\" should"), "{en}");
    assert!(!ar.contains("expected"), "{ar}");
    for text in [&ar, &en] {
        assert!(text.contains(":1:23:") && text.lines().count() == 1, "{text}");
    }
}
