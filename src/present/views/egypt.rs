//! `igf egypt`: Egypt's part in the forum.

use super::{body_name, both_names, date_and_time, egypt_part, other_dates, session_heading, time_header, Unknown};
use crate::data::{Dataset, Session};
use crate::present::format::digits;
use crate::present::{Block, Column, Context, Document, Fit, Table};
use crate::query;
use chrono::Datelike;

/// The forum the data describes, as its heading names it: its name in the interface language,
/// with its year when the name has none ("Internet Governance Forum 2020"; a frab schedule's
/// "Datenwoche 2024" as it is).
fn forum_name(ctx: &Context, data: &Dataset) -> String {
    let f = &data.forum;
    let name = ctx
        .value(non_blank(&f.name_en), non_blank(&f.name_ar))
        .unwrap_or_default();
    let year = f.start.year().to_string();
    if name.contains(&year) || name.contains(&crate::present::format::arabic_indic(&year)) {
        name
    } else {
        format!("{name} {}", digits(ctx, &year)).trim().to_owned()
    }
}

fn non_blank(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// `igf egypt`: Egypt's bodies and their roles, then every session with Egyptian participation.
pub fn egypt(ctx: &Context, data: &Dataset, sessions: &[&Session]) -> Document {
    let l = ctx.labels;
    let mut doc = Document::default();
    let bodies = query::egypt_bodies(data);
    if bodies.is_empty() && sessions.is_empty() {
        // A programme of another event, or one that records nothing of Egypt: one line says so,
        // instead of a heading over empty sections.
        doc.push(Block::Paragraph((l.no_egypt_part)(&forum_name(ctx, data))));
        return doc;
    }
    doc.push(Block::Heading((l.egypt_at)(&forum_name(ctx, data))));
    doc.push(Block::Blank);
    doc.push(Block::Heading(l.egypt_bodies.to_owned()));
    for body in bodies {
        let name = body_name(ctx, data, &body.id);
        let name = match &body.name_ar {
            Some(arabic) if ctx.is_rtl() => both_names(ctx, arabic, &body.name_en),
            _ => name,
        };
        let mut roles: Vec<String> = Vec::new();
        if body.mag_member_2020 {
            roles.push(l.mag_member.to_owned());
        }
        if let Some((texts, _)) = ctx.pick(&body.roles, &body.roles_ar, |r| !r.is_empty()) {
            roles.extend(texts.iter().map(|r| ctx.prose(r)));
        }
        doc.push(Block::Items {
            label: name,
            items: roles,
        });
    }
    doc.push(Block::Blank);
    doc.push(Block::Heading(l.egypt_sessions.to_owned()));
    let (dates, times): (Vec<String>, Vec<String>) = sessions
        .iter()
        .map(|s| date_and_time(ctx, s, Unknown::UnderHeader))
        .unzip();
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(l.id, Fit::Whole, sessions.iter().map(|s| ctx.code(s)).collect()),
            Column::new(l.date, Fit::Words, dates),
            Column::new(time_header(ctx), Fit::Words, times).optional(),
            Column::new(l.title, Fit::Main, sessions.iter().map(|s| ctx.title(s)).collect()),
            Column::new(
                l.egypt_part,
                Fit::Words,
                sessions
                    .iter()
                    .map(|s| {
                        let parts: Vec<String> = s.egypt.iter().map(|p| egypt_part(ctx, data, p)).collect();
                        parts.join(l.list_separator)
                    })
                    .collect(),
            ),
        ],
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
                value: ctx
                    .value(Some(&part.evidence), part.evidence_ar.as_deref())
                    .unwrap_or_default(),
            });
            if !part.sources.is_empty() {
                doc.push(Block::Links {
                    label: l.sources.to_owned(),
                    urls: part.sources.iter().map(|u| ctx.data(u)).collect(),
                });
            }
        }
    }
    doc.push(Block::Blank);
    doc.push(Block::Paragraph(ctx.count(sessions.len())));
    doc
}
