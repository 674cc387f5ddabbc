//! Search, time zones, exports, completions and colour: igf inside a user's workflow.

mod common;
use common::*;
use predicates::prelude::*;
use std::collections::BTreeSet;

fn ids_of_search(words: &[&str]) -> BTreeSet<String> {
    let mut args = vec!["search"];
    args.extend(words);
    plain_ids(&args).into_iter().collect()
}

#[test]
fn arabic_search_finds_the_ai_sessions_egypt_took_part_in() {
    let ids = ids_of_search(&["الذكاء"]);
    assert!(ids.contains("OF21") && ids.contains("PE30"), "{ids:?}");
}

#[test]
fn english_search_ignores_case() {
    assert!(ids_of_search(&["oecd"]).contains("OF39"));
    assert_eq!(ids_of_search(&["oecd"]), ids_of_search(&["OECD"]));
}

#[test]
fn arabic_search_ignores_hamza_forms_and_diacritics() {
    let with_hamza = ids_of_search(&["أخلاقيات"]);
    assert!(!with_hamza.is_empty());
    assert_eq!(with_hamza, ids_of_search(&["اخلاقيات"]));
    assert_eq!(with_hamza, ids_of_search(&["أَخْلاقِيّات"]));
}

#[test]
fn title_matches_rank_first_and_filters_combine() {
    let out = stdout_of(&["search", "AI", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let ranks: Vec<String> = reader.records().map(|r| r.expect("csv row")[19].to_owned()).collect();
    assert!(!ranks.is_empty());
    let first_elsewhere = ranks.iter().position(|r| r == "elsewhere").unwrap_or(ranks.len());
    assert!(ranks[first_elsewhere..].iter().all(|r| r == "elsewhere"), "{ranks:?}");
    let narrowed = ids_of_search(&["AI", "--kind", "open-forum"]);
    assert!(narrowed.contains("OF21") && !narrowed.contains("PE30"), "{narrowed:?}");
}

#[test]
fn search_without_matches_says_so_and_exits_1() {
    igf()
        .args(["search", "zzzzqqq"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("لا توجد جلسة مطابقة"));
    igf()
        .args(["search", "zzzzqqq", "--format", "json"])
        .assert()
        .code(1)
        .stdout("[]\n");
}

#[test]
fn cairo_time_is_two_hours_ahead_in_november_2020() {
    let out = stdout_of(&["--tz", "Africa/Cairo", "show", "OF21", "--lang", "en"]);
    assert!(out.contains("10:40–11:40 Africa/Cairo"), "{out}");
    let table = stdout_of(&["list", "--date", "2020-11-05", "--tz", "Africa/Cairo", "--lang", "en"]);
    assert!(
        table.contains("Time (Africa/Cairo)"),
        "the zone is named in the header: {table}"
    );
}

#[test]
fn a_time_zone_can_move_a_session_to_another_day() {
    // GigaNet's symposium of 2 Nov 13:35 UTC is already 3 Nov in Auckland (UTC+13).
    let out = stdout_of(&["show", "PE1", "--tz", "Pacific/Auckland", "--lang", "en"]);
    assert!(out.contains("02:35–07:35 Pacific/Auckland (Tue 3 Nov 2020)"), "{out}");
}

#[test]
fn unknown_zone_is_one_line_with_examples() {
    igf()
        .args(["list", "--tz", "Cairo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Africa/Cairo"));
}

#[test]
fn json_holds_every_field_and_zoned_instants() {
    let out = stdout_of(&[
        "list",
        "--date",
        "2020-11-05",
        "--format",
        "json",
        "--tz",
        "Africa/Cairo",
    ]);
    let sessions: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let of21 = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "OF21")
        .expect("OF21 listed");
    assert_eq!(of21["start_utc"], "08:40");
    assert_eq!(of21["start"], "2020-11-05T10:40:00+02:00");
    assert_eq!(of21["title_ar"], "تعزيز قدرات تنفيذ المبادئ الأخلاقية للذكاء الاصطناعي");
    assert!(of21["sources"].as_array().is_some_and(|s| !s.is_empty()));
    let egypt: serde_json::Value = serde_json::from_str(&stdout_of(&["egypt", "--format", "json"])).expect("JSON");
    assert!(egypt["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["id"] == "NTRA" && b["mag_member_2020"] == true));
}

#[test]
fn csv_has_a_header_and_quotes_per_rfc_4180() {
    let out = stdout_of(&["list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().expect("header row").clone();
    assert_eq!(&headers[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), bundled_sessions().len());
    let pe30 = rows.iter().find(|r| &r[0] == "PE30").expect("PE30");
    assert_eq!(
        &pe30[9],
        "From Principles to Practice: Artificial Intelligence and the Role of the Private Sector"
    );
    let with_comma = bundled_sessions()
        .iter()
        .filter_map(|s| text(s, "title_en"))
        .find(|t| t.contains(',') && !t.contains('"'));
    let with_comma = with_comma.expect("some title has a comma");
    assert!(
        out.contains(&format!("\"{with_comma}\"")),
        "a field with a comma is quoted: {with_comma}"
    );
}

#[test]
fn ics_parses_with_another_parser_and_keeps_sessions_and_times() {
    let out = igf()
        .args(["list", "--format", "ics", "--lang", "en"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.lines().all(|l| l.len() <= 75 + 1), "lines are folded at 75 octets");
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .expect("one calendar")
        .expect("parses");
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
    };
    let dated = bundled_sessions().iter().filter(|s| !s["date"].is_null()).count();
    assert_eq!(calendar.events.len(), dated);
    let uids: BTreeSet<String> = calendar.events.iter().filter_map(|e| prop(e, "UID")).collect();
    assert_eq!(uids.len(), dated, "UIDs are unique");
    let pe30 = calendar
        .events
        .iter()
        .find(|e| prop(e, "UID").is_some_and(|u| u.starts_with("PE30@")))
        .expect("PE30");
    assert_eq!(prop(pe30, "DTSTART").as_deref(), Some("20201103T165000Z"));
    assert_eq!(prop(pe30, "DTEND").as_deref(), Some("20201103T185000Z"));
    assert!(prop(pe30, "SUMMARY").is_some_and(|s| s.starts_with("Pre-Event #30: From Principles")));
    let of39 = calendar
        .events
        .iter()
        .find(|e| prop(e, "UID").is_some_and(|u| u.starts_with("OF39@")))
        .expect("OF39");
    assert_eq!(
        prop(of39, "DTSTART").as_deref(),
        Some("20201104"),
        "an untimed session is an all-day event"
    );
    assert!(prop(of39, "DESCRIPTION").is_some_and(|d| d.contains("time not published")));
    let again = igf()
        .args(["list", "--format", "ics", "--lang", "en"])
        .output()
        .expect("runs")
        .stdout;
    assert_eq!(String::from_utf8(again).unwrap(), text, "the calendar is reproducible");
}

#[test]
fn bash_completion_is_valid_and_completes_subcommands() {
    let script = stdout_of(&["completions", "bash"]);
    for sub in ["list", "show", "egypt", "search", "days"] {
        assert!(script.contains(sub), "{sub}");
    }
    let dir = std::env::temp_dir().join(format!("igf-completion-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("igf.bash");
    std::fs::write(&path, &script).unwrap();
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .expect("bash runs");
    assert!(syntax.success(), "bash -n rejects the completion script");
    // What bash offers for the last word of `line`, as the completion function is called.
    let completions = |line: &str| {
        let words: Vec<&str> = line.split(' ').collect();
        let (current, previous) = (words[words.len() - 1], words[words.len() - 2]);
        let probe = format!(
            "source {}; COMP_WORDS=({line}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT={}; _igf igf {current} {previous}; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            path.display(),
            words.len() - 1,
            line.len(),
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(probe)
            .output()
            .expect("bash runs");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    assert_eq!(completions("igf eg"), "egypt");
    // search narrows as list does, and bash offers its options.
    assert_eq!(completions("igf search AI --cou"), "--country");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn man_page_is_roff() {
    let page = stdout_of(&["man"]);
    assert!(page.starts_with(".TH IGF 1"), "{}", &page[..200.min(page.len())]);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_without_no_color() {
    let coloured = igf()
        .args(["list", "--date", "2020-11-05", "--lang", "en", "--color", "always"])
        .output()
        .unwrap()
        .stdout;
    assert!(String::from_utf8_lossy(&coloured).contains("\x1b[32mOpen forum\x1b[0m"));
    for colour in ["auto", "never"] {
        let plain = igf()
            .args(["list", "--date", "2020-11-05", "--lang", "en", "--color", colour])
            .output()
            .unwrap()
            .stdout;
        assert!(!plain.contains(&0x1b), "--color {colour} in a pipe");
    }
}
