//! The commands as a user runs them: what they print, which sessions they choose, how they fail.

mod common;
use common::*;
use predicates::prelude::*;
use std::collections::BTreeSet;

#[test]
fn list_by_date_shows_oecd_open_forum_and_marks_missing_times() {
    let out = stdout_of(&["list", "--date", "2020-11-04", "--lang", "en"]);
    assert!(out.contains("OF39"), "{out}");
    let plain = stdout_of(&["list", "--date", "2020-11-04", "--lang", "en", "--format", "plain"]);
    assert!(
        plain.contains(
            "OF39\t2020-11-04\ttime not published\tOECD – Policy responses from COVID19 and the digital economy"
        ),
        "{plain}"
    );
    // Under the "Time (UTC)" header the cell does not name the field again.
    assert!(
        out.contains("not published") && !out.contains("time not published"),
        "{out}"
    );
    assert!(
        out.lines().last().is_some_and(|l| l.contains("sessions")),
        "footer counts sessions: {out}"
    );
}

#[test]
fn untimed_sessions_come_last_in_their_day() {
    let lines = stdout_of(&["list", "--date", "2020-11-04", "--format", "plain", "--lang", "en"]);
    let times: Vec<&str> = lines
        .lines()
        .map(|l| l.split('\t').nth(2).unwrap_or_default())
        .collect();
    let first_untimed = times
        .iter()
        .position(|t| *t == "time not published")
        .expect("4 Nov has untimed sessions");
    assert!(
        times[first_untimed..].iter().all(|t| *t == "time not published"),
        "{times:?}"
    );
    let timed: Vec<&&str> = times[..first_untimed].iter().collect();
    assert!(
        timed.windows(2).all(|w| w[0] <= w[1]),
        "timed sessions sorted by time: {timed:?}"
    );
}

#[test]
fn show_bare_number_includes_open_forum_39_with_sources() {
    let out = stdout_of(&["show", "39", "--lang", "en"]);
    assert!(out.contains("OF #39"), "{out}");
    assert!(out.contains("Sources:"), "{out}");
    assert!(
        out.contains("https://intgovforum.org/en/content/igf-2020-of-39"),
        "{out}"
    );
}

#[test]
fn show_pre_event_30_gives_its_slot_and_room() {
    let out = stdout_of(&["show", "PE30", "--lang", "en"]);
    assert!(out.contains("3 Nov 2020"), "{out}");
    assert!(out.contains("16:50–18:50 UTC"), "{out}");
    assert!(out.contains("Room: Room 2"), "{out}");
}

#[test]
fn show_accepts_every_id_spelling() {
    for spelling in ["OF39", "OF #39", "of-39", "of39", "٣٩"] {
        let ids = plain_ids(&["show", spelling]);
        assert!(ids.contains(&"OF39".to_owned()), "{spelling}: {ids:?}");
    }
}

#[test]
fn show_number_shared_by_several_sessions_says_how_many() {
    let sessions = bundled_sessions();
    let number = sessions
        .iter()
        .filter_map(|s| s["number"].as_u64())
        .find(|n| sessions.iter().filter(|s| s["number"].as_u64() == Some(*n)).count() > 1);
    if let Some(n) = number {
        let out = stdout_of(&["show", &n.to_string(), "--lang", "en"]);
        assert!(
            out.lines()
                .next()
                .is_some_and(|l| l.contains("sessions carry the number")),
            "{out}"
        );
    }
}

#[test]
fn unknown_id_is_one_line_with_closest_ids_and_status_2() {
    igf()
        .args(["show", "OF399", "--lang", "en"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no session \"OF399\"; closest ids: ").and(predicate::str::contains("OF39")))
        .stderr(predicate::function(|e: &str| e.lines().count() == 1));
}

#[test]
fn egypt_names_bodies_and_its_three_sessions_with_the_date_dispute() {
    let out = stdout_of(&["egypt", "--lang", "en"]);
    for needle in [
        "(MCIT)",
        "(NTRA)",
        "Multistakeholder Advisory Group",
        "Pre-Event #30",
        "OF #39",
        "OF #21",
    ] {
        assert!(out.contains(needle), "missing {needle}: {out}");
    }
    assert!(
        out.contains("Wed 4 Nov 2020 — MCIT Arabic news item 52905"),
        "the 4 Nov announcement is shown: {out}"
    );
    assert!(out.contains("Thu 5 Nov 2020"), "the schedule's 5 Nov is shown: {out}");
}

/// The ids a filter should give, worked out from the raw YAML without the program's code.
fn expected(pred: impl Fn(&serde_yaml::Value) -> bool) -> BTreeSet<String> {
    bundled_sessions()
        .iter()
        .filter(|s| pred(s))
        .filter_map(|s| text(s, "id"))
        .collect()
}

fn got(args: &[&str]) -> BTreeSet<String> {
    plain_ids(args).into_iter().collect()
}

#[test]
fn track_filter_gives_exactly_the_sessions_on_that_track() {
    let want = expected(|s| text(s, "track").as_deref() == Some("Trust"));
    assert!(!want.is_empty());
    assert_eq!(got(&["list", "--track", "Trust"]), want);
    assert_eq!(got(&["list", "--track", "الثقة"]), want);
}

#[test]
fn track_footer_counts_sessions_without_a_track() {
    let untracked = bundled_sessions().iter().filter(|s| s["track"].is_null()).count();
    let out = stdout_of(&["list", "--track", "Trust", "--lang", "en"]);
    assert!(
        out.contains(&format!("without a recorded track: {untracked} sessions")),
        "{out}"
    );
    // With a day as well, only that day's sessions without a track are counted.
    let day = "2020-11-04";
    let untracked_that_day = bundled_sessions()
        .iter()
        .filter(|s| s["track"].is_null() && s["date"].as_str() == Some(day))
        .count();
    assert!(untracked_that_day > 0 && untracked_that_day < untracked);
    let out = stdout_of(&["list", "--track", "Trust", "--date", day, "--lang", "en"]);
    assert!(
        out.contains(&format!("without a recorded track: {untracked_that_day} sessions")),
        "{out}"
    );
}

#[test]
fn body_filter_matches_organisers_and_affiliations_in_any_case() {
    let want = expected(|s| {
        let org = s["organizers"]
            .as_sequence()
            .into_iter()
            .flatten()
            .filter_map(|o| o.as_str());
        let aff = s["speakers"]
            .as_sequence()
            .into_iter()
            .flatten()
            .filter_map(|p| p["affiliation"].as_str());
        org.chain(aff).any(|t| t.to_lowercase().contains("oecd"))
    });
    assert!(want.contains("OF39"), "{want:?}");
    assert_eq!(got(&["list", "--body", "oecd"]), want);
}

#[test]
fn kind_and_date_filters_combine() {
    let want = expected(|s| {
        text(s, "kind").as_deref() == Some("workshop") && text(s, "date").as_deref() == Some("2020-11-16")
    });
    assert_eq!(got(&["list", "--kind", "workshop", "--date", "2020-11-16"]), want);
    assert_eq!(got(&["list", "--kind", "ورش", "--date", "٢٠٢٠-١١-١٦"]), want);
}

#[test]
fn phase_one_is_2_to_6_november() {
    let want = expected(|s| text(s, "date").is_some_and(|d| ("2020-11-02".."2020-11-07").contains(&d.as_str())));
    assert!(!want.is_empty());
    assert_eq!(got(&["list", "--phase", "1"]), want);
}

#[test]
fn from_to_and_repeated_dates() {
    let want = expected(|s| text(s, "date").is_some_and(|d| ("2020-11-09".."2020-11-11").contains(&d.as_str())));
    assert_eq!(got(&["list", "--from", "2020-11-09", "--to", "2020-11-10"]), want);
    assert_eq!(got(&["list", "--date", "2020-11-09", "--date", "2020-11-10"]), want);
}

#[test]
fn country_filter_finds_egypt() {
    let ids = got(&["list", "--country", "Egypt"]);
    assert!(ids.contains("OF21"), "{ids:?}");
    assert_eq!(ids, got(&["list", "--country", "مصر"]));
}

#[test]
fn overviews_count_every_session() {
    let total = bundled_sessions().len();
    for command in ["tracks", "kinds", "days"] {
        let out = stdout_of(&[command, "--format", "plain", "--lang", "en"]);
        let count_column = if command == "days" { 3 } else { 2 };
        let sum: usize = out
            .lines()
            .map(|l| {
                l.split('\t')
                    .nth(count_column)
                    .and_then(|n| n.parse::<usize>().ok())
                    .unwrap_or(0)
            })
            .sum();
        assert_eq!(sum, total, "{command}: {out}");
    }
    let days = stdout_of(&["days", "--lang", "en"]);
    assert!(
        days.contains("Wed 4 Nov 2020") && days.contains("Phase 1") && days.contains("Phase 2"),
        "{days}"
    );
}

#[test]
fn arabic_is_the_default_language_with_arabic_digits() {
    let out = stdout_of(&["show", "OF21"]);
    assert!(
        out.contains("تعزيز قدرات تنفيذ المبادئ الأخلاقية للذكاء الاصطناعي"),
        "{out}"
    );
    assert!(out.contains("الخميس ٥ نوفمبر ٢٠٢٠"), "{out}");
    let latin = stdout_of(&["show", "OF21", "--digits", "latin"]);
    assert!(latin.contains("الخميس 5 نوفمبر 2020"), "{latin}");
}

#[test]
fn lang_comes_from_the_environment_too() {
    let out = igf()
        .env("IGF_LANG", "en")
        .args(["show", "PE30"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Room: Room 2"));
}

#[test]
fn an_option_on_the_command_line_wins_over_a_bad_variable() {
    for (variable, value, option) in [
        ("IGF_LANG", "xx", ["--lang", "en"]),
        ("IGF_TZ", "Mars/Base", ["--tz", "UTC"]),
        ("IGF_BIDI", "sideways", ["--bidi", "logical"]),
    ] {
        let out = igf()
            .env(variable, value)
            .args(option)
            .args(["show", "PE30", "--lang", "en"])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{variable}={value} {option:?}: {stderr}");
    }
    // Without the option the variable is used, and a bad one is refused.
    let out = igf()
        .env("IGF_LANG", "xx")
        .args(["show", "PE30"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    // ... naming the variable, which the user set, rather than only the option, which they did not type.
    for (variable, value) in [("IGF_TZ", "Mars/Base"), ("IGF_BIDI", "sideways")] {
        let out = igf()
            .env(variable, value)
            .args(["show", "PE30", "--lang", "en"])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("in the environment variable \"{variable}\"")),
            "{stderr}"
        );
    }
}

#[test]
fn bad_date_is_one_line_naming_the_valid_form() {
    let one_line = || predicate::function(|e: &str| e.lines().count() == 1);
    igf()
        .args(["list", "--date", "2020-13-01", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD").and(one_line()));
    igf()
        .args(["list", "--date", "2020-13-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("سنة-شهر-يوم").and(one_line()));
}

#[test]
fn unknown_track_and_kind_list_the_valid_ones() {
    igf()
        .args(["list", "--track", "Security", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Data, Environment, Inclusion, Trust"));
    // Arabic names the tracks by the names its tables print, which are accepted as typed.
    igf()
        .args(["list", "--track", "Security"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("«البيانات»، «البيئة»، «الشمول»، «الثقة»"));
    igf().args(["list", "--track", "الشمول"]).assert().success();
    igf()
        .args(["list", "--kind", "worskhop", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean workshop?"));
}

#[test]
fn help_teaches_with_examples() {
    igf()
        .args(["--help", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples").and(predicate::str::contains("igf show 39")));
    igf()
        .args(["list", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--date"));
}

#[test]
fn about_reports_coverage() {
    let out = stdout_of(&["about", "--lang", "en"]);
    assert!(out.contains("Internet for human resilience and solidarity"), "{out}");
    assert!(out.contains("without a published time"), "{out}");
    assert!(
        out.contains(&format!("Total {}", bundled_sessions().len()))
            || out.contains(&bundled_sessions().len().to_string()),
        "{out}"
    );
}

/// Sessions of a search, by id, as plain output lists them.
fn search_ids(args: &[&str]) -> Vec<String> {
    plain_ids(&[&["search"][..], args].concat())
}

#[test]
fn search_narrows_like_list() {
    let everywhere = search_ids(&["internet"]);
    for narrowing in [
        &["--country", "Egypt"][..],
        &["--from", "2020-11-09", "--to", "2020-11-10"],
        &["--phase", "1"],
        &["--body", "UNESCO"],
    ] {
        let narrowed = search_ids(&[&["internet"][..], narrowing].concat());
        let mut listed = vec!["list"];
        listed.extend(narrowing);
        let listed = plain_ids(&listed);
        assert!(!narrowed.is_empty(), "{narrowing:?}");
        assert!(narrowed.len() < everywhere.len(), "{narrowing:?} does not narrow");
        // What search finds under a narrowing is what it finds anywhere, within what list lists.
        let mut expected: Vec<&String> = everywhere.iter().filter(|id| listed.contains(id)).collect();
        let mut found: Vec<&String> = narrowed.iter().collect();
        found.sort();
        expected.sort();
        assert_eq!(found, expected, "{narrowing:?}");
    }
}

#[test]
fn search_refuses_a_country_or_body_that_names_nothing() {
    igf()
        .args(["search", "internet", "--country", "Atlantis", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no speaker or body from a country matching \"Atlantis\"",
        ));
    igf()
        .args(["search", "internet", "--body", "Unesko", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("closest: UNESCO"));
}

/// Arabic output without the bidi isolates that keep mixed runs in order.
fn arabic_text(args: &[&str]) -> String {
    stdout_of(args)
        .chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect()
}

#[test]
fn arabic_show_names_format_room_roles_and_other_dates_in_arabic() {
    let out = arabic_text(&["show", "OF21"]);
    for wanted in [
        "المكان: القاعة ٢",
        "لقاء أصحاب الاهتمام المشترك – مقاعد على هيئة مدرّج – ٦٠ دقيقة",
        "Sasha Rubel (منظمة الأمم المتحدة للتربية والعلم والثقافة – اليونسكو) – إدارة الجلسة",
        "Jan Kleijssen (مجلس أوروبا)",
        // The country once, in Arabic, though the affiliation also names it.
        "Sally Radwan (Arab League Working Group on AI، مصر)",
        "الخبر العربي لوزارة الاتصالات وتكنولوجيا المعلومات رقم ٥٢٩٠٥",
    ] {
        assert!(out.contains(wanted), "{wanted}: {out}");
    }
    for unwanted in ["Room 2", "60 Min", "(moderator)", "MCIT Arabic news item", "))"] {
        assert!(!out.contains(unwanted), "{unwanted}: {out}");
    }
    // The English interface keeps the programme's own words.
    let en = stdout_of(&["show", "OF21", "--lang", "en"]);
    assert!(en.contains("Format: Birds of a Feather - Auditorium - 60 Min"), "{en}");
    assert!(en.contains("Sasha Rubel (UNESCO – moderator)"), "{en}");
    assert!(
        en.contains("Sally Radwan (Arab League Working Group on AI, Egypt)"),
        "{en}"
    );
}

#[test]
fn a_missing_time_is_said_once_beside_its_label() {
    let ar = arabic_text(&["show", "OF39"]);
    assert!(ar.contains("الوقت: غير منشور"), "{ar}");
    assert!(!ar.contains("الوقت: الوقت"), "{ar}");
    let en = stdout_of(&["show", "OF39", "--lang", "en"]);
    assert!(en.contains("Time: not published"), "{en}");
}

#[test]
fn numbers_in_arabic_notes_follow_the_digits_option() {
    let arabic = arabic_text(&["show", "OF39"]);
    assert!(arabic.contains("اليوم الثالث = ٤ نوفمبر"), "{arabic}");
    assert!(!arabic.contains("= 4 نوفمبر"), "{arabic}");
    let latin = arabic_text(&["show", "OF39", "--digits", "latin"]);
    assert!(latin.contains("اليوم الثالث = 4 نوفمبر"), "{latin}");
    assert!(latin.contains("كوفيد-19"), "{latin}");
    // A code keeps its digits whatever the option.
    let egypt = arabic_text(&["egypt"]);
    assert!(egypt.contains("WS #165"), "{egypt}");
    assert!(egypt.contains("الخبر العربي رقم ٥٢٩٠٥"), "{egypt}");
}

#[test]
fn search_says_what_was_searched_for() {
    let ar = arabic_text(&["search", "الذكاء"]);
    assert!(
        ar.lines().next().is_some_and(|l| l == "نتائج البحث عن «الذكاء»"),
        "{ar}"
    );
    let en = stdout_of(&["search", "AI", "--lang", "en"]);
    assert!(en.lines().next().is_some_and(|l| l == "Results for \"AI\""), "{en}");
    assert!(!en.contains("Track: —"), "{en}");
}

#[test]
fn kinds_use_the_forum_s_arabic_terms() {
    let kinds = arabic_text(&["kinds"]);
    for wanted in [
        "الفعاليات التحضيرية",
        "مسار القادة رفيعي المستوى",
        "جلسات المشاركين الجدد",
    ] {
        assert!(kinds.contains(wanted), "{wanted}: {kinds}");
    }
    for unwanted in ["الأحداث التحضيرية", "القائد رفيع", "الأعضاء الجدد"] {
        assert!(!kinds.contains(unwanted), "{unwanted}: {kinds}");
    }
}
