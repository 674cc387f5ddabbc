//! Each validation rule, on a small programme that breaks exactly that rule.

mod common;
use igf::data::{from_text, DataError};

const FORUM: &str = "forum:
  name_en: Internet Governance Forum
  name_ar: منتدى حوكمة الإنترنت
  edition_en: IGF 2020
  edition_ar: المنتدى ٢٠٢٠
  host_en: United Nations
  host_ar: الأمم المتحدة
  theme_en: Internet for human resilience and solidarity
  theme_ar: الإنترنت من أجل صمود الإنسان وتضامنه
  start: '2020-11-02'
  end: '2020-11-17'
  phases:
  - {number: 1, start: '2020-11-02', end: '2020-11-06'}
  - {number: 2, start: '2020-11-09', end: '2020-11-17'}
";

/// A valid session; `extra` lines replace or add fields.
fn session(id: &str, fields: &[(&str, &str)]) -> String {
    let mut base: Vec<(String, String)> = [
        ("id", id),
        ("kind", "workshop"),
        ("code", "null"),
        ("number", "null"),
        ("title_en", "A title"),
        ("title_ar", "عنوان"),
        ("date", "'2020-11-04'"),
        ("start_utc", "'10:00'"),
        ("end_utc", "'11:00'"),
        ("room", "null"),
        ("format", "null"),
        ("track", "null"),
        ("summary_en", "null"),
        ("summary_ar", "null"),
        ("sources", "[https://example.org/session]"),
        ("confidence", "high"),
        ("notes", "null"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in fields {
        match base.iter_mut().find(|(key, _)| key == k) {
            Some(entry) => entry.1 = v.to_string(),
            None => base.push((k.to_string(), v.to_string())),
        }
    }
    let mut text = String::new();
    for (i, (k, v)) in base.iter().enumerate() {
        text.push_str(if i == 0 { "- " } else { "  " });
        text.push_str(&format!("{k}: {v}\n"));
    }
    text
}

fn programme(sessions: &[String]) -> String {
    format!("{FORUM}sessions:\n{}bodies: []\n", sessions.concat())
}

fn problems(text: &str) -> Vec<DataError> {
    // The assertions below read the English messages.
    igf::present::messages::set_language(igf::present::Lang::En);
    from_text(text, "test.yaml").expect_err("the programme is invalid")
}

fn one_problem(text: &str) -> DataError {
    let p = problems(text);
    assert_eq!(p.len(), 1, "{p:?}");
    p.into_iter().next().expect("one problem")
}

#[test]
fn a_valid_programme_loads() {
    let data = from_text(&programme(&[session("WS1", &[]), session("WS2", &[])]), "ok.yaml").expect("valid");
    assert_eq!(data.sessions.len(), 2);
}

#[test]
fn the_bundled_programme_is_valid() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml");
    let text = std::fs::read_to_string(path).expect("bundled data readable");
    let from_yaml = from_text(&text, path)
        .unwrap_or_else(|p| panic!("{}", p.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    assert!(from_yaml.sessions.len() >= 90);
    // What the binary carries decodes to the same programme.
    // Debug shows every field of every part, forum, bodies and organisations included.
    let built = igf::data::bundled();
    assert_eq!(format!("{built:#?}"), format!("{from_yaml:#?}"));
}

#[test]
fn duplicate_ids_point_at_both_places() {
    let text = programme(&[session("WS1", &[]), session("WS1", &[])]);
    let p = one_problem(&text);
    assert!(p.message.contains("duplicate session id \"WS1\""), "{p}");
    assert!(p.message.contains("first at line 16"), "{p}");
    assert_eq!(p.line, Some(33), "{p}");
}

#[test]
fn end_before_start_is_refused() {
    let p = one_problem(&programme(&[session(
        "WS1",
        &[("start_utc", "'11:00'"), ("end_utc", "'10:30'")],
    )]));
    assert!(p.message.contains("ends at 10:30 but starts at 11:00"), "{p}");
    assert!(p.message.contains("field end_utc"), "{p}");
    assert_eq!(p.line, Some(24), "the line of end_utc");
}

#[test]
fn end_without_start_is_refused() {
    let p = one_problem(&programme(&[session("WS1", &[("start_utc", "null")])]));
    assert!(p.message.contains("end time but no start time"), "{p}");
}

#[test]
fn dates_outside_the_forum_need_the_out_of_programme_flag() {
    let p = one_problem(&programme(&[session("WS1", &[("date", "'2020-11-25'")])]));
    assert!(
        p.message.contains("outside the forum (2020-11-02 to 2020-11-17)"),
        "{p}"
    );
    let allowed = programme(&[session(
        "WS1",
        &[("date", "'2020-11-25'"), ("out_of_programme", "true")],
    )]);
    assert!(from_text(&allowed, "ok.yaml").is_ok());
}

#[test]
fn unknown_kind_and_track_name_the_valid_values() {
    let p = one_problem(&programme(&[session("WS1", &[("kind", "seminar")])]));
    assert!(
        p.message.contains("seminar") && p.message.contains("workshop") && !p.message.contains("unknown variant"),
        "{p}"
    );
    let p = one_problem(&programme(&[session("WS1", &[("track", "Security")])]));
    assert!(
        p.message.contains("Security") && p.message.contains("Trust") && !p.message.contains("unknown variant"),
        "{p}"
    );
}

#[test]
fn every_broken_session_is_listed_not_just_the_first() {
    let text = programme(&[
        session("WS1", &[("kind", "seminar")]),
        session("WS2", &[]),
        session("WS3", &[("start_utc", "'25:00'")]),
    ]);
    let p = problems(&text);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].message.starts_with("session \"WS1\": field kind:"), "{}", p[0]);
    assert!(
        p[1].message.starts_with("session \"WS3\": field start_utc:") && p[1].message.contains("is not a time of day"),
        "{}",
        p[1]
    );
    // The lines of the fields in error: kind (second line of WS1), start_utc (eighth of WS3).
    assert_eq!((p[0].line, p[1].line), (Some(17), Some(57)));
}

#[test]
fn times_must_be_hh_mm() {
    for bad in ["'9:30'", "'09:30:00'", "'0930'", "'24:00'"] {
        let p = one_problem(&programme(&[session("WS1", &[("start_utc", bad)])]));
        assert!(p.message.contains("is not a time of day"), "{bad}: {p}");
    }
}

#[test]
fn a_session_needs_a_source_and_a_title() {
    let p = one_problem(&programme(&[session("WS1", &[("sources", "[]")])]));
    assert!(p.message.contains("no sources"), "{p}");
    let p = one_problem(&programme(&[session(
        "WS1",
        &[("title_en", "null"), ("title_ar", "null")],
    )]));
    assert!(p.message.contains("needs title_en or title_ar"), "{p}");
}

#[test]
fn a_source_must_be_an_address_a_reader_can_open() {
    for bad in [
        "www.intgovforum.org",
        "'https://example.org/a b'",
        "\"https://example.org/\\e]52;c;x\\a\"",
        "\"https://example.org/\\u202Egro\"",
    ] {
        let text = programme(&[session("WS1", &[("sources", &format!("[{bad}]"))])]);
        let problem = one_problem(&text);
        assert!(problem.message.contains("is not a web address"), "{bad}: {problem}");
        let line = problem.line.expect("located");
        assert!(
            text.lines().nth(line - 1).is_some_and(|l| l.starts_with("  sources:")),
            "{bad}: {problem}"
        );
        assert!(
            !problem.message.chars().any(igf::term::sanitize::needs_care),
            "{problem:?}"
        );
    }
    // An invisible character is named, since the quoted address cannot show it.
    let text = programme(&[session("WS1", &[("sources", "[\"https://x.org/a\\u200Bb\"]")])]);
    let problem = one_problem(&text);
    assert!(problem.message.contains("character 16 is U+200B"), "{problem}");
    for good in [
        "https://www.intgovforum.org/en/content/igf-2020",
        "mailto:igf@un.org",
        "https://ar.wikipedia.org/wiki/منتدى",
    ] {
        let text = programme(&[session("WS1", &[("sources", &format!("[{good}]"))])]);
        assert!(from_text(&text, "test.yaml").is_ok(), "{good}");
    }
}

#[test]
fn a_value_of_the_wrong_kind_is_named_in_the_interface_language_not_by_rust_types() {
    let cases: [(&str, &str, &str); 10] = [
        // Inside a field, the refusal names the path to the value.
        (
            "speakers",
            "[{name: A}, {name: {a: 1}}]",
            "field speakers[1].name: found fields",
        ),
        (
            "number",
            "99999999999999999999999",
            "the number 99999999999999999999999 is beyond",
        ),
        // YAML's null is no value: a speaker is not named "null" or "~".
        ("speakers", "[{name: ~}]", "the field has no value"),
        ("id", "null", "the field has no value"),
        (
            "number",
            "1.5",
            "found the number 1.5, expected a whole number from 0 to 4294967295",
        ),
        ("kind", "5", "found the number 5, expected one of the names"),
        (
            "out_of_programme",
            "'yes'",
            "found the text \"yes\", expected true or false",
        ),
        ("sources", "https://example.org/", "expected a list"),
        ("date", "'2020-02-30'", "\"2020-02-30\" is not a date of the calendar"),
        ("start_utc", "'25:00'", "\"25:00\" is not a time of day"),
    ];
    for (field, value, wording) in cases {
        let text = programme(&[session("WS1", &[(field, value)])]);
        let found = problems(&text);
        assert!(
            found.iter().any(|p| p.message.contains(wording)),
            "{field}: {value}: {found:?}"
        );
        // Arabic through the binary: the interface language is one per process.
        let path = std::env::temp_dir().join(format!("igf-validation-{}-{field}.yaml", std::process::id()));
        std::fs::write(&path, &text).expect("write");
        let out = common::igf()
            .args(["list", "--data"])
            .arg(&path)
            .output()
            .expect("runs");
        let arabic = String::from_utf8_lossy(&out.stderr);
        assert!(arabic.contains("الحقل") && !arabic.contains("found"), "{arabic}");
        let english: Vec<String> = found.iter().map(ToString::to_string).collect();
        for message in english.iter().chain([&arabic.into_owned()]) {
            for internal in [
                "u32",
                "struct ",
                "Value::Tagged",
                "invalid type",
                "input is out of range",
                "LooseDataset",
            ] {
                assert!(!message.contains(internal), "{internal} in {message}");
            }
        }
    }
    // The whole file of the wrong kind.
    let p = one_problem("- a\n- b\n");
    assert!(p.message.contains("found a list, expected a programme"), "{p}");
}

#[test]
fn egypt_entries_must_name_a_known_body() {
    let p = one_problem(&programme(&[session(
        "WS1",
        &[(
            "egypt",
            "[{body: MCITX, role: participant, role_ar: مشارك, evidence: a news item, evidence_ar: خبر}]",
        )],
    )]));
    assert!(p.message.contains("unknown body \"MCITX\""), "{p}");
}

#[test]
fn a_note_in_one_language_only_is_refused() {
    for (notes, notes_ar) in [("A note.", "null"), ("null", "ملاحظة.")] {
        let p = one_problem(&programme(&[session(
            "WS1",
            &[("notes", notes), ("notes_ar", notes_ar)],
        )]));
        assert!(p.message.contains("notes in one language only"), "{p}");
    }
    let both = programme(&[session("WS1", &[("notes", "A note."), ("notes_ar", "ملاحظة.")])]);
    assert!(from_text(&both, "ok.yaml").is_ok());
}

#[test]
fn egypt_evidence_in_one_language_only_is_refused() {
    let p = one_problem(&programme(&[session(
        "WS1",
        &[("egypt", "[{person: Someone, role: speaker, evidence: a news item}]")],
    )]));
    assert!(p.message.contains("evidence, role in one language only"), "{p}");
}

#[test]
fn an_alias_may_not_repeat_an_id() {
    let p = one_problem(&programme(&[
        session("DC1", &[]),
        session("DC2", &[("aliases", "[dc-schools, DC1]")]),
    ]));
    assert!(p.message.contains("duplicate session id \"DC1\""), "{p}");
}

#[test]
fn unknown_fields_are_refused() {
    let p = one_problem(&programme(&[session("WS1", &[("speaker", "someone")])]));
    assert!(p.message.contains("field speaker: not a field of the schema"), "{p}");
}

#[test]
fn malformed_yaml_gives_line_and_column() {
    let p = one_problem(&format!("{FORUM}sessions: [\n  - id: x\n"));
    assert!(p.line.is_some() && p.column.is_some(), "{p:?}");
    assert!(p.to_string().starts_with("test.yaml:"), "{p}");
}

#[test]
fn an_alias_bomb_is_refused_without_exhausting_memory() {
    // Thirteen levels of ten-fold aliases would expand to 10^13 nodes.
    let mut bomb = format!("{FORUM}sessions:\n- &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut previous = 'a';
    for name in 'b'..='m' {
        let refs = vec![format!("*{previous}"); 10].join(", ");
        bomb.push_str(&format!("- &{name} [{refs}]\n"));
        previous = name;
    }
    let p = problems(&bomb);
    assert!(!p.is_empty());
}

/// The frame of a valid programme from the fuzzing seeds, without its sessions.
fn frame() -> String {
    let seed = include_str!("../fuzz/seeds/loader/minimal-valid.yaml");
    seed[..seed.find("sessions:").expect("a sessions key")].to_owned()
}

/// (line, message) of each problem, in the order given.
fn lines_and_fields(problems: &[DataError]) -> Vec<(Option<usize>, String)> {
    problems.iter().map(|p| (p.line, p.message.clone())).collect()
}

#[test]
fn a_bad_session_in_flow_style_is_reported_with_the_lines_and_fields_of_block_style() {
    // The same session, one field a line, in the two styles; the frame has the same lines
    // before it, so every line number must match.
    let block = "sessions:\n- id: B1\n  kind: seminar\n  date: '2020-02-30'\n  title_en: Bad\n  colour: red\n  start_utc: '10:00'\n  end_utc: '11:00'\n";
    let flow = "sessions: [\n  {id: B1,\n  kind: seminar,\n  date: '2020-02-30',\n  title_en: Bad,\n  colour: red,\n  start_utc: '10:00',\n  end_utc: '11:00'}\n]\n";
    let block_problems = problems(&(frame() + block));
    let flow_problems = problems(&(frame() + flow));
    assert!(block_problems.len() >= 4, "{block_problems:?}");
    assert!(block_problems.iter().all(|p| p.line.is_some()), "{block_problems:?}");
    assert_eq!(lines_and_fields(&flow_problems), lines_and_fields(&block_problems));
    let first = frame().lines().count() + 1;
    // Field names are the file's own words in either language of the messages.
    let kind = block_problems
        .iter()
        .find(|p| p.message.contains("seminar"))
        .expect("kind");
    assert_eq!(kind.line, Some(first + 2), "{kind}");
    assert!(kind.message.contains("kind"), "{kind}");
}

#[test]
fn sessions_shared_through_anchors_are_located_too() {
    let text = frame()
        + "sessions:\n- &shared {id: S1, kind: seminar, title_en: One, date: '2020-11-05', start_utc: '10:00', end_utc: '11:00', sources: [https://example.org/], confidence: high}\n- *shared\n";
    let problems = from_text(&text, "a.yaml").expect_err("refused");
    assert!(!problems.is_empty());
    for p in &problems {
        assert!(p.line.is_some(), "every problem has a line: {p}");
    }
    let first = frame().lines().count() + 2;
    assert!(
        problems
            .iter()
            .any(|p| p.line == Some(first) && p.message.contains("seminar")),
        "{problems:?}"
    );
}

#[test]
fn a_validation_problem_in_flow_style_has_the_line_block_style_gives() {
    let block = "sessions:\n- id: V1\n  kind: workshop\n  title_en: T\n  date: '2020-11-05'\n  start_utc: '10:00'\n  end_utc: '09:00'\n  sources: [https://example.org/]\n  confidence: high\n";
    let flow = "sessions: [\n  {id: V1,\n  kind: workshop,\n  title_en: T,\n  date: '2020-11-05',\n  start_utc: '10:00',\n  end_utc: '09:00',\n  sources: [https://example.org/],\n  confidence: high}\n]\n";
    let block_problems = from_text(&(frame() + block), "v.yaml").expect_err("refused");
    let flow_problems = from_text(&(frame() + flow), "v.yaml").expect_err("refused");
    assert_eq!(block_problems.len(), 1, "{block_problems:?}");
    assert_eq!(block_problems[0].line, Some(frame().lines().count() + 7));
    assert_eq!(lines_and_fields(&flow_problems), lines_and_fields(&block_problems));
}

/// The status and standard error of `igf --data - list` given `text`, with `extra` arguments.
fn refusal_of(text: &str, extra: &[&str]) -> (Option<i32>, String) {
    let out = common::igf()
        .args(["--data", "-", "list"])
        .args(extra)
        .write_stdin(text.to_owned())
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The bundled programme with `line` put in its first session.
fn bundled_with(line: &str) -> String {
    let bundled = include_str!("../data/igf2020.yaml");
    let first_kind = bundled.find("\n  kind:").expect("a session") + 1;
    format!("{}{line}{}", &bundled[..first_kind], &bundled[first_kind..])
}

/// The YAML parser's reasons are worded in the interface language: in Arabic by default, as
/// libyaml gives them with `--lang en`.
#[test]
fn yaml_syntax_reasons_are_in_the_interface_language() {
    for (bad, english) in [
        ("  title_en: b: c\n", "mapping values are not allowed in this context"),
        ("  title_en: [1, 2\n", "did not find expected ',' or ']'"),
        ("\t- b\n", "found a tab character that violates indentation"),
        ("  title_en: *nope\n", "unknown anchor"),
    ] {
        let text = bundled_with(bad);
        let (_, ar) = refusal_of(&text, &[]);
        let (_, en) = refusal_of(&text, &["--lang", "en"]);
        assert!(en.contains(english), "{en}");
        let reason = ar
            .rsplit_once("YAML: ")
            .map(|(_, r)| r)
            .unwrap_or_else(|| panic!("{ar}"));
        let arabic = reason.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        assert!(
            arabic && !reason.contains(english),
            "{bad:?} is worded in English: {ar}"
        );
    }
}

/// A top-level key given twice is refused at its second line (the parser names only the first
/// line of the document), and a merge key says what to write instead.
#[test]
fn a_repeated_top_level_key_and_a_merge_key_are_refused_where_they_are() {
    let bundled = include_str!("../data/igf2020.yaml");
    let (status, stderr) = refusal_of(&format!("{bundled}sessions: []\n"), &["--lang", "en"]);
    let second_line = bundled.lines().count() + 1;
    assert_eq!(status, Some(2));
    assert!(
        stderr.starts_with(&format!("igf: -:{second_line}:1: \"sessions\" is given twice")),
        "{stderr}"
    );
    let (status, stderr) = refusal_of(&bundled_with("  <<: {room: x}\n"), &["--lang", "en"]);
    assert_eq!(status, Some(2));
    assert!(stderr.contains("merge keys (<<) are not applied"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// Counts inside Arabic messages are written in the digits the rest of the output uses:
/// Arabic-Indic by default, Latin with `--digits latin`; the place in front stays as tools read it.
#[test]
fn counts_in_arabic_messages_follow_the_digits() {
    let nested = "[".repeat(100);
    let (status, arabic) = refusal_of(&nested, &[]);
    assert_eq!(status, Some(2));
    assert!(arabic.starts_with("igf: -:1:") && arabic.contains("٦٤"), "{arabic}");
    let (_, latin) = refusal_of(&nested, &["--digits", "latin"]);
    assert!(latin.contains("64") && !latin.contains("٦٤"), "{latin}");
}
