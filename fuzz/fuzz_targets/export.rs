//! Every export format on a session whose text fields are arbitrary: JSON parses back to the
//! exact text and carries no raw control, bidi or invisible character; CSV parses back to the
//! exact text, and on a terminal carries nothing raw but line ends; iCalendar keeps every line
//! within 75 octets, ends lines with CRLF, and unfolds and unescapes to the text less what RFC
//! 5545 forbids.
#![no_main]

use arbitrary::Arbitrary;
use igf::data::{Dataset, Session};
use igf::present::{export, Context, Digits, Lang};
use igf::query::zone::Zone;
use igf::term::sanitize::needs_care;
use libfuzzer_sys::fuzz_target;
use std::borrow::Cow;

#[derive(Arbitrary, Debug)]
struct Input {
    arabic: bool,
    timed: bool,
    room: String,
    title: String,
}

fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fuzz_target!(|input: Input| {
    let bundled = igf::data::bundled();
    let mut session: Session = bundled.sessions[0].clone();
    session.title_en = Some(Cow::Owned(input.title.clone()));
    session.title_ar = Some(Cow::Owned(input.title.clone()));
    session.room = Some(Cow::Owned(input.room.clone()));
    if !input.timed {
        session.start_utc = None;
        session.end_utc = None;
    }
    let data = Dataset {
        sessions: Cow::Owned(vec![session]),
        ..bundled.clone()
    };
    let lang = if input.arabic { Lang::Ar } else { Lang::En };
    let ctx = Context::new(lang, Some(Digits::Latin), Zone::Utc);
    let s = &data.sessions[0];

    let json = export::json_sessions(&ctx, &[(s, None)]);
    assert!(!json.chars().any(|c| c != '\n' && needs_care(c)), "raw character in JSON");
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("JSON parses");
    assert_eq!(parsed[0]["title_en"].as_str(), Some(input.title.as_str()));

    let csv_text = export::csv(&ctx, &[(s, None)], false);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let row = reader.records().next().expect("one row").expect("CSV parses");
    assert_eq!(&row[9], input.title.as_str());
    let on_terminal = export::csv(&ctx, &[(s, None)], true);
    assert!(!on_terminal.chars().any(|c| c != '\n' && c != '\r' && needs_care(c)), "raw character in CSV");

    for terminal in [false, true] {
        let (ics, _) = export::ics(&ctx, &data, &[s], terminal);
        assert!(ics.ends_with("\r\n"));
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= export::ICS_LINE_OCTETS, "{} octets: {line:?}", line.len());
            assert!(!line.contains(['\r', '\n']));
            assert!(!line.chars().any(|c| c != '\t' && c.is_ascii_control()));
            if terminal {
                assert!(!line.chars().any(|c| c != '\t' && needs_care(c)), "raw character on a terminal");
            }
        }
        let unfolded = unfold(&ics);
        if !terminal {
            let location = unfolded
                .lines()
                .find_map(|l| l.strip_prefix("LOCATION:"))
                .expect("a location");
            let expected: String = input
                .room
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .chars()
                .filter(|&c| c == '\n' || c == '\t' || !c.is_ascii_control())
                .collect();
            assert_eq!(unescape(location.trim_end_matches('\r')), expected);
        }
    }
});
