//! Compiles the bundled programme into the binary as Rust data: data/igf2020.yaml is parsed here,
//! once, and written out as a static `Dataset` whose text borrows from the executable itself. A
//! run then neither parses YAML nor decodes, validates or copies ~300 KB of text, which would cost
//! more than everything else `igf list` does. Validation of the bundled file happens in the test
//! suite (`the_bundled_programme_is_valid`); `--data` files are parsed and validated at run time.

#[allow(dead_code)]
#[path = "src/data/model.rs"]
mod model;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use model::*;
use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=data/igf2020.yaml");
    println!("cargo:rerun-if-changed=src/data/model.rs");
    let text = std::fs::read_to_string("data/igf2020.yaml").expect("data/igf2020.yaml is readable");
    let dataset: Dataset = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("data/igf2020.yaml: {e}"));
    let code = format!(
        "/// data/igf2020.yaml, compiled by build.rs.\npub static BUNDLED: Dataset = {};\n",
        dataset_literal(&dataset)
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

/// A string literal: Debug output of a str is valid Rust source for the same string.
fn text(s: &str) -> String {
    format!("Cow::Borrowed({s:?})")
}

fn opt_text(o: &Option<Text>) -> String {
    o.as_deref()
        .map_or_else(|| "None".to_owned(), |s| format!("Some({})", text(s)))
}

fn list<T>(items: &[T], literal: impl Fn(&T) -> String) -> String {
    let mut out = String::from("Cow::Borrowed(&[");
    for item in items {
        let _ = write!(out, "{},", literal(item));
    }
    out.push_str("])");
    out
}

fn texts(items: &[Text]) -> String {
    list(items, |t| text(t))
}

fn date(d: NaiveDate) -> String {
    format!("date({}, {}, {})", d.year(), d.month(), d.day())
}

fn time(t: Option<NaiveTime>) -> String {
    t.map_or_else(
        || "None".to_owned(),
        |t| format!("Some(time({}, {}))", t.hour(), t.minute()),
    )
}

fn dataset_literal(d: &Dataset) -> String {
    let f = &d.forum;
    let forum = format!(
        "Forum {{ name_en: {}, name_ar: {}, edition_en: {}, edition_ar: {}, host_en: {}, host_ar: {}, theme_en: {}, \
         theme_ar: {}, start: {}, end: {}, phases: {}, reported: {} }}",
        text(&f.name_en),
        text(&f.name_ar),
        text(&f.edition_en),
        text(&f.edition_ar),
        text(&f.host_en),
        text(&f.host_ar),
        text(&f.theme_en),
        text(&f.theme_ar),
        date(f.start),
        date(f.end),
        list(&f.phases, |p| format!(
            "Phase {{ number: {}, start: {}, end: {} }}",
            p.number,
            date(p.start),
            date(p.end)
        )),
        list(&f.reported, |r| format!(
            "ReportedCount {{ what_en: {}, what_ar: {}, source: {}, sessions: {:?}, kind: {} }}",
            text(&r.what_en),
            text(&r.what_ar),
            text(&r.source),
            r.sessions,
            r.kind
                .map_or_else(|| "None".to_owned(), |k| format!("Some(Kind::{k:?})"))
        )),
    );
    format!(
        "Dataset {{ forum: {forum}, sessions: {}, bodies: {}, organisations: {} }}",
        list(&d.sessions, session),
        list(&d.bodies, body),
        list(&d.organisations, |o| format!(
            "Organisation {{ name_en: {}, name_ar: {} }}",
            text(&o.name_en),
            text(&o.name_ar)
        )),
    )
}

fn session(s: &Session) -> String {
    format!(
        "Session {{ id: {}, aliases: {}, kind: Kind::{:?}, code: {}, number: {:?}, title_en: {}, title_ar: {}, date: {}, \
         start_utc: {}, end_utc: {}, room: {}, format: {}, track: {}, organizers: {}, speakers: {}, egypt: {}, \
         other_dates: {}, summary_en: {}, summary_ar: {}, sources: {}, confidence: Confidence::{:?}, notes: {}, \
         notes_ar: {}, \
         out_of_programme: {} }}",
        text(&s.id),
        texts(&s.aliases),
        s.kind,
        opt_text(&s.code),
        s.number,
        opt_text(&s.title_en),
        opt_text(&s.title_ar),
        s.date
            .map_or_else(|| "None".to_owned(), |d| format!("Some({})", date(d))),
        time(s.start_utc),
        time(s.end_utc),
        opt_text(&s.room),
        opt_text(&s.format),
        s.track
            .map_or_else(|| "None".to_owned(), |t| format!("Some(Track::{t:?})")),
        texts(&s.organizers),
        list(&s.speakers, |p| format!(
            "Speaker {{ name: {}, affiliation: {}, country: {} }}",
            text(&p.name),
            opt_text(&p.affiliation),
            opt_text(&p.country)
        )),
        list(&s.egypt, |e| format!(
            "EgyptPart {{ body: {}, person: {}, role: {}, role_ar: {}, evidence: {}, evidence_ar: {}, sources: {} }}",
            opt_text(&e.body),
            opt_text(&e.person),
            text(&e.role),
            opt_text(&e.role_ar),
            text(&e.evidence),
            opt_text(&e.evidence_ar),
            texts(&e.sources)
        )),
        list(&s.other_dates, |c| format!(
            "DateClaim {{ date: {}, by: {}, source: {} }}",
            date(c.date),
            text(&c.by),
            text(&c.source)
        )),
        opt_text(&s.summary_en),
        opt_text(&s.summary_ar),
        texts(&s.sources),
        s.confidence,
        opt_text(&s.notes),
        opt_text(&s.notes_ar),
        s.out_of_programme,
    )
}

fn body(b: &Body) -> String {
    format!(
        "Body {{ id: {}, name_en: {}, name_ar: {}, country: {}, body_type: {}, roles: {}, roles_ar: {}, \
         igf2020_sessions: {}, sources: {}, related_sources: {}, notes: {}, mag_member_2020: {} }}",
        text(&b.id),
        text(&b.name_en),
        opt_text(&b.name_ar),
        opt_text(&b.country),
        opt_text(&b.body_type),
        texts(&b.roles),
        texts(&b.roles_ar),
        texts(&b.igf2020_sessions),
        texts(&b.sources),
        texts(&b.related_sources),
        opt_text(&b.notes),
        b.mag_member_2020,
    )
}
