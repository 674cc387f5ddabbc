//! One function per command: which facts it shows and in what order.

use super::format::{digits, iso_date, long_date, slot};
use super::{colour, Block, Context, Document, Table};
use crate::data::{Dataset, Kind, Session, Track};
use crate::query::{self, search::Rank};
use std::collections::BTreeMap;

/// `igf list`: one row per session, and a footer that counts them.
pub fn list(ctx: &Context, data: &Dataset, sessions: &[&Session], tracks_asked: bool) -> Document {
    let mut doc = Document::default();
    let l = ctx.labels;
    doc.push(Block::Table(sessions_table(ctx, sessions)));
    doc.push(Block::Paragraph(ctx.count(sessions.len())));
    if tracks_asked {
        let untracked = data.sessions.iter().filter(|s| s.track.is_none()).count();
        doc.push(Block::Paragraph(format!(
            "{}: {}",
            l.without_track,
            ctx.count(untracked)
        )));
    }
    doc
}

/// The session table shared by `list` and `search`: id, date, time, kind, track, title, with
/// kinds and tracks coloured.
fn sessions_table(ctx: &Context, sessions: &[&Session]) -> Table {
    let l = ctx.labels;
    Table {
        headers: vec![
            l.id.to_owned(),
            l.date.to_owned(),
            format!("{} ({})", l.time, ctx.ltr(&ctx.zone.name())),
            l.kind.to_owned(),
            l.track.to_owned(),
            l.title.to_owned(),
        ],
        rows: sessions.iter().map(|s| row(ctx, s)).collect(),
        flex: 5,
        optional: vec![3, 4],
        styles: vec![
            (3, sessions.iter().map(|s| Some(colour::kind(s.kind))).collect()),
            (4, sessions.iter().map(|s| s.track.map(colour::track)).collect()),
        ],
    }
}

fn row(ctx: &Context, s: &Session) -> Vec<String> {
    let (date, time) = date_and_time(ctx, s);
    vec![
        ctx.ltr_data(&s.id),
        date,
        time,
        (ctx.labels.kind_name)(s.kind).to_owned(),
        s.track
            .map_or_else(|| "—".to_owned(), |t| (ctx.labels.track_name)(t).to_owned()),
        ctx.title(s),
    ]
}

/// The session's date and time in the user's zone, or the labels that say they are unknown.
fn date_and_time(ctx: &Context, s: &Session) -> (String, String) {
    let l = ctx.labels;
    match s.date {
        None => (l.date_not_published.to_owned(), l.time_not_published.to_owned()),
        Some(date) => match slot(ctx, date, s.start_utc, s.end_utc) {
            Some((local_date, time)) => (ctx.ltr(&iso_date(ctx, local_date)), ctx.ltr(&time)),
            None => (ctx.ltr(&iso_date(ctx, date)), l.time_not_published.to_owned()),
        },
    }
}

/// `--format plain`: id, date, time, title; one session per line, never wrapped.
pub fn records(ctx: &Context, sessions: &[&Session]) -> Document {
    let mut doc = Document::default();
    for s in sessions {
        let (date, time) = date_and_time(ctx, s);
        doc.push(Block::Record(vec![ctx.ltr_data(&s.id), date, time, ctx.title(s)]));
    }
    doc
}

/// `igf show`: every fact about each session, with its sources.
pub fn show(ctx: &Context, data: &Dataset, sessions: &[&Session], several: Option<&str>) -> Document {
    let mut doc = Document::default();
    let l = ctx.labels;
    if let Some(number) = several.filter(|_| sessions.len() > 1) {
        let n = sessions.len();
        let text = (l.several_match)(n, &digits(ctx, &n.to_string()), &digits(ctx, number));
        doc.push(Block::Paragraph(text));
        doc.push(Block::Blank);
    }
    for (i, s) in sessions.iter().enumerate() {
        if i > 0 {
            doc.push(Block::Blank);
        }
        session_details(ctx, data, s, &mut doc);
    }
    doc
}

fn session_details(ctx: &Context, data: &Dataset, s: &Session, doc: &mut Document) {
    let l = ctx.labels;
    let field = |label: &str, value: String| Block::Field {
        label: label.to_owned(),
        value,
    };
    doc.push(session_heading(ctx, s));
    doc.push(field(l.id, ctx.ltr_data(&s.id)));
    if ctx.is_rtl() {
        if let Some(t) = &s.title_en {
            doc.push(field(l.official_title, ctx.ltr_data(t)));
        }
    }
    doc.push(field(l.kind, (l.kind_name)(s.kind).to_owned()));
    let date = match s.date {
        Some(d) => {
            format!("{} ({})", long_date(ctx, d), phase_label(ctx, data, d))
        }
        None => l.date_not_published.to_owned(),
    };
    doc.push(field(l.date, date));
    let time = s
        .date
        .and_then(|d| slot(ctx, d, s.start_utc, s.end_utc).map(|(local, t)| (d, local, t)))
        .map_or_else(
            || l.time_not_published.to_owned(),
            |(d, local, t)| {
                let zone = ctx.ltr(&ctx.zone.name());
                if local == d {
                    format!("{} {zone}", ctx.ltr(&t))
                } else {
                    format!("{} {zone} ({})", ctx.ltr(&t), long_date(ctx, local))
                }
            },
        );
    doc.push(field(l.time, time));
    other_dates(ctx, s, doc);
    doc.push(field(l.room, optional(ctx, s.room.as_deref())));
    doc.push(field(l.format, optional(ctx, s.format.as_deref())));
    doc.push(field(
        l.track,
        s.track
            .map_or_else(|| l.no_track.to_owned(), |t| (l.track_name)(t).to_owned()),
    ));
    doc.push(items(
        ctx,
        l.organisers,
        s.organizers.iter().map(|o| organisation(ctx, data, o)).collect(),
    ));
    let speakers = s
        .speakers
        .iter()
        .map(|p| {
            let details: Vec<&str> = [p.affiliation.as_deref(), p.country.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if details.is_empty() {
                ctx.ltr_data(&p.name)
            } else {
                ctx.ltr_data(&format!("{} ({})", p.name, details.join(", ")))
            }
        })
        .collect();
    doc.push(items(ctx, l.speakers, speakers));
    for part in s.egypt.iter() {
        doc.push(field(l.egypt_part, egypt_part(ctx, data, part)));
    }
    if let Some(summary) = ctx.summary(s) {
        doc.push(field(l.summary, summary));
    }
    if let Some(notes) = &s.notes {
        doc.push(field(l.notes, ctx.ltr_data(notes)));
    }
    doc.push(field(l.confidence, (l.confidence_name)(s.confidence).to_owned()));
    doc.push(Block::Links {
        label: l.sources.to_owned(),
        urls: s.sources.iter().map(|u| ctx.ltr_data(u)).collect(),
    });
}

/// "OF #21 — title": how a session is introduced wherever its details follow.
fn session_heading(ctx: &Context, s: &Session) -> Block {
    Block::Heading(format!("{} — {}", ctx.code(s), ctx.title(s)))
}

/// Dates other sources give (an announcement that disagrees with the schedule), each beside the
/// schedule's own date so the user sees both.
fn other_dates(ctx: &Context, s: &Session, doc: &mut Document) {
    let l = ctx.labels;
    let held = s
        .date
        .map_or_else(|| l.date_not_published.to_owned(), |d| long_date(ctx, d));
    for claim in s.other_dates.iter() {
        doc.push(Block::Field {
            label: l.other_date.to_owned(),
            value: format!(
                "{} — {} ({}: {held})",
                long_date(ctx, claim.date),
                ctx.ltr_data(&claim.by),
                l.held_on
            ),
        });
    }
}

/// "Phase 1", "between phases" (the weekend of 7-8 November) or "outside the programme".
fn phase_label(ctx: &Context, data: &Dataset, date: chrono::NaiveDate) -> &'static str {
    let l = ctx.labels;
    match query::phase_of(data, date) {
        Some(n) => (l.phase_name)(n),
        None if date < data.forum.start || date > data.forum.end => l.outside_programme,
        None => l.between_phases,
    }
}

fn optional(ctx: &Context, value: Option<&str>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| ctx.ltr_data(v))
}

fn items(ctx: &Context, label: &str, items: Vec<String>) -> Block {
    let items = if items.is_empty() {
        vec![ctx.labels.none_seen.to_owned()]
    } else {
        items
    };
    Block::Items {
        label: label.to_owned(),
        items,
    }
}

/// An organiser's name, with its Arabic name first when the user reads Arabic and we know it.
fn organisation(ctx: &Context, data: &Dataset, name: &str) -> String {
    let arabic = ctx
        .is_rtl()
        .then(|| data.organisations.iter().find(|o| o.name_en == name))
        .flatten();
    match arabic {
        Some(o) => format!("{} ({})", ctx.data(&o.name_ar), ctx.ltr_data(name)),
        None => ctx.ltr_data(name),
    }
}

fn body_name(ctx: &Context, data: &Dataset, id: &str) -> String {
    match data.bodies.iter().find(|b| b.id == id) {
        Some(b) => match (&b.name_ar, ctx.is_rtl()) {
            (Some(ar), true) => ctx.data(ar),
            _ => ctx.ltr_data(&b.name_en),
        },
        None => ctx.ltr_data(id),
    }
}

fn egypt_part(ctx: &Context, data: &Dataset, part: &crate::data::EgyptPart) -> String {
    let who = match (&part.body, &part.person) {
        (Some(body), _) => body_name(ctx, data, body),
        (None, Some(person)) => ctx.ltr_data(person),
        (None, None) => "—".to_owned(),
    };
    let role = match (ctx.is_rtl(), &part.role_ar) {
        (true, Some(ar)) => ctx.data(ar),
        _ => ctx.ltr_data(&part.role),
    };
    format!("{who} — {role}")
}

/// `igf egypt`: Egypt's bodies and their roles, then every session with Egyptian participation.
pub fn egypt(ctx: &Context, data: &Dataset, sessions: &[&Session]) -> Document {
    let l = ctx.labels;
    let mut doc = Document::default();
    doc.push(Block::Heading(l.egypt_heading.to_owned()));
    doc.push(Block::Blank);
    doc.push(Block::Heading(l.egypt_bodies.to_owned()));
    for body in data.bodies.iter().filter(|b| b.kind_is_organisation()) {
        let name = body_name(ctx, data, &body.id);
        let name = if ctx.is_rtl() {
            format!("{name} ({})", ctx.ltr_data(&body.name_en))
        } else {
            name
        };
        let mut roles: Vec<String> = Vec::new();
        if body.mag_member_2020 {
            roles.push(l.mag_member.to_owned());
        }
        let texts = if ctx.is_rtl() && !body.roles_ar.is_empty() {
            &body.roles_ar
        } else {
            &body.roles
        };
        roles.extend(texts.iter().map(|r| {
            if ctx.is_rtl() && texts == &body.roles {
                ctx.ltr_data(r)
            } else {
                ctx.data(r)
            }
        }));
        doc.push(Block::Items {
            label: name,
            items: roles,
        });
    }
    doc.push(Block::Blank);
    doc.push(Block::Heading(l.egypt_sessions.to_owned()));
    doc.push(Block::Table(Table {
        headers: vec![
            l.id.to_owned(),
            l.date.to_owned(),
            format!("{} ({})", l.time, ctx.ltr(&ctx.zone.name())),
            l.title.to_owned(),
            l.egypt_part.to_owned(),
        ],
        rows: sessions
            .iter()
            .map(|s| {
                let (date, time) = date_and_time(ctx, s);
                let parts: Vec<String> = s.egypt.iter().map(|p| egypt_part(ctx, data, p)).collect();
                vec![ctx.code(s), date, time, ctx.title(s), parts.join("؛ ")]
            })
            .collect(),
        flex: 3,
        optional: vec![2],
        styles: Vec::new(),
    }));
    for s in sessions {
        doc.push(Block::Blank);
        doc.push(session_heading(ctx, s));
        other_dates(ctx, s, &mut doc);
        for part in s.egypt.iter() {
            doc.push(Block::Field {
                label: l.who.to_owned(),
                value: egypt_part(ctx, data, part),
            });
            doc.push(Block::Field {
                label: l.evidence.to_owned(),
                value: ctx.ltr_data(&part.evidence),
            });
            if !part.sources.is_empty() {
                doc.push(Block::Links {
                    label: l.sources.to_owned(),
                    urls: part.sources.iter().map(|u| ctx.ltr_data(u)).collect(),
                });
            }
        }
    }
    doc.push(Block::Blank);
    doc.push(Block::Paragraph(ctx.count(sessions.len())));
    doc
}

/// `igf tracks`: sessions per track, and how many have none recorded.
pub fn tracks(ctx: &Context, data: &Dataset) -> Document {
    let l = ctx.labels;
    let mut rows: Vec<Vec<String>> = Track::ALL
        .iter()
        .map(|&t| {
            let n = data.sessions.iter().filter(|s| s.track == Some(t)).count();
            vec![
                (l.track_name)(t).to_owned(),
                ctx.ltr(t.slug()),
                digits(ctx, &n.to_string()),
            ]
        })
        .collect();
    let none = data.sessions.iter().filter(|s| s.track.is_none()).count();
    rows.push(vec![
        l.no_track.to_owned(),
        "—".to_owned(),
        digits(ctx, &none.to_string()),
    ]);
    overview(vec![l.track.to_owned(), l.id.to_owned(), l.sessions.to_owned()], rows)
}

/// `igf kinds`: sessions per kind.
pub fn kinds(ctx: &Context, data: &Dataset) -> Document {
    let l = ctx.labels;
    let rows = Kind::ALL
        .iter()
        .map(|&k| {
            let n = data.sessions.iter().filter(|s| s.kind == k).count();
            vec![
                (l.kind_plural)(k).to_owned(),
                ctx.ltr(k.slug()),
                digits(ctx, &n.to_string()),
            ]
        })
        .collect();
    overview(vec![l.kind.to_owned(), l.id.to_owned(), l.sessions.to_owned()], rows)
}

/// `igf days`: each day with its weekday, phase and number of sessions (and how many lack a time).
pub fn days(ctx: &Context, data: &Dataset) -> Document {
    let l = ctx.labels;
    let mut per_day: BTreeMap<Option<chrono::NaiveDate>, (usize, usize)> = BTreeMap::new();
    for s in data.sessions.iter() {
        let entry = per_day.entry(ctx.zone.day_of(s)).or_default();
        entry.0 += 1;
        entry.1 += usize::from(s.start_utc.is_none());
    }
    // Undated sessions last, as everywhere else.
    let mut days: Vec<_> = per_day.into_iter().collect();
    days.sort_by_key(|(d, _)| (d.is_none(), *d));
    let rows = days
        .into_iter()
        .map(|(date, (n, untimed))| {
            let (day, phase) = match date {
                Some(d) => (long_date(ctx, d), phase_label(ctx, data, d).to_owned()),
                None => (l.date_not_published.to_owned(), "—".to_owned()),
            };
            let iso = date.map_or_else(|| "—".to_owned(), |d| ctx.ltr(&iso_date(ctx, d)));
            vec![
                iso,
                day,
                phase,
                digits(ctx, &n.to_string()),
                digits(ctx, &untimed.to_string()),
            ]
        })
        .collect();
    overview(
        vec![
            l.date.to_owned(),
            l.weekday.to_owned(),
            l.phase.to_owned(),
            l.sessions.to_owned(),
            l.without_time.to_owned(),
        ],
        rows,
    )
}

fn overview(headers: Vec<String>, rows: Vec<Vec<String>>) -> Document {
    let mut doc = Document::default();
    doc.push(Block::Table(Table {
        headers,
        rows,
        flex: 0,
        optional: Vec::new(),
        styles: Vec::new(),
    }));
    doc
}

/// `igf about`: the forum in both languages and how complete this dataset is.
pub fn about(ctx: &Context, data: &Dataset) -> Document {
    let l = ctx.labels;
    let f = &data.forum;
    let mut doc = Document::default();
    let field = |label: &str, value: String| Block::Field {
        label: label.to_owned(),
        value,
    };
    doc.push(Block::Heading(format!(
        "{} — {}",
        ctx.data(&f.name_ar),
        ctx.ltr_data(&f.name_en)
    )));
    doc.push(field(
        l.forum,
        format!("{} / {}", ctx.data(&f.edition_ar), ctx.ltr_data(&f.edition_en)),
    ));
    doc.push(field(
        l.theme,
        format!("{} / {}", ctx.data(&f.theme_ar), ctx.ltr_data(&f.theme_en)),
    ));
    doc.push(field(
        l.host,
        format!("{} / {}", ctx.data(&f.host_ar), ctx.ltr_data(&f.host_en)),
    ));
    doc.push(field(
        l.dates,
        format!("{} — {}", long_date(ctx, f.start), long_date(ctx, f.end)),
    ));
    for p in f.phases.iter() {
        doc.push(field(
            (l.phase_name)(p.number),
            format!("{} — {}", long_date(ctx, p.start), long_date(ctx, p.end)),
        ));
    }
    for r in f.reported.iter() {
        let what = if ctx.is_rtl() {
            ctx.data(&r.what_ar)
        } else {
            ctx.data(&r.what_en)
        };
        doc.push(field(
            l.reported_by_forum,
            format!("{what} ({})", ctx.ltr_data(&r.source)),
        ));
    }
    doc.push(Block::Blank);
    doc.push(Block::Heading(l.coverage.to_owned()));
    let n =
        |pred: &dyn Fn(&Session) -> bool| digits(ctx, &data.sessions.iter().filter(|s| pred(s)).count().to_string());
    let mut rows: Vec<Vec<String>> = Kind::ALL
        .iter()
        .filter(|&&k| data.sessions.iter().any(|s| s.kind == k))
        .map(|&k| vec![(l.kind_plural)(k).to_owned(), n(&|s| s.kind == k)])
        .collect();
    rows.push(vec![l.total.to_owned(), digits(ctx, &data.sessions.len().to_string())]);
    rows.push(vec![l.without_date.to_owned(), n(&|s| s.date.is_none())]);
    rows.push(vec![l.without_time.to_owned(), n(&|s| s.start_utc.is_none())]);
    rows.push(vec![l.without_track.to_owned(), n(&|s| s.track.is_none())]);
    rows.push(vec![l.without_speakers.to_owned(), n(&|s| s.speakers.is_empty())]);
    doc.push(Block::Table(Table {
        headers: vec![l.kind.to_owned(), l.count.to_owned()],
        rows,
        flex: 0,
        optional: Vec::new(),
        styles: Vec::new(),
    }));
    doc
}

/// `igf search`: matches in titles first, then elsewhere.
pub fn search(ctx: &Context, hits: &[(&Session, Rank)]) -> Document {
    let l = ctx.labels;
    let sessions: Vec<&Session> = hits.iter().map(|(s, _)| *s).collect();
    let mut table = sessions_table(ctx, &sessions);
    table.headers.push(l.matched.to_owned());
    for (row, (_, rank)) in table.rows.iter_mut().zip(hits) {
        row.push(match rank {
            Rank::Title => l.matches_in_title.to_owned(),
            Rank::Elsewhere => l.matches_elsewhere.to_owned(),
        });
    }
    let mut doc = Document::default();
    doc.push(Block::Table(table));
    doc.push(Block::Paragraph(ctx.count(hits.len())));
    doc
}
