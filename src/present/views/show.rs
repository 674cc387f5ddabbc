//! `igf show`: everything known about a session.

use super::{
    affiliation_and_role, both_names, egypt_part, other_dates, phase_label, room, session_format, session_heading,
    unnested,
};
use crate::data::{Dataset, Session};
use crate::present::format::{digits, long_date, slot};
use crate::present::{Block, Context, Document};
use crate::rtl::NO_BREAK;

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
    doc.push(field(l.id, ctx.data(&s.id)));
    if ctx.is_rtl() {
        if let Some(t) = &s.title_en {
            doc.push(field(l.official_title, ctx.data(t)));
        }
    }
    doc.push(field(l.kind, (l.kind_name)(s.kind).to_owned()));
    let date = match s.date {
        Some(d) => {
            format!("{} ({})", long_date(ctx, d), phase_label(ctx, data, d))
        }
        None => l.not_published.to_owned(),
    };
    doc.push(field(l.date, date));
    let time = s
        .date
        .and_then(|d| slot(ctx, d, s.start_utc, s.end_utc).map(|(local, t)| (d, local, t)))
        .map_or_else(
            || l.not_published.to_owned(),
            |(d, local, t)| {
                let zone = ctx.ltr(&ctx.zone.name());
                if local == d {
                    format!("{}{NO_BREAK}{zone}", ctx.ltr(&t))
                } else {
                    format!("{}{NO_BREAK}{zone} ({})", ctx.ltr(&t), long_date(ctx, local))
                }
            },
        );
    doc.push(field(l.time, time));
    other_dates(ctx, s, doc);
    doc.push(field(
        l.room,
        s.room.as_deref().map_or_else(|| "—".to_owned(), |r| room(ctx, r)),
    ));
    doc.push(field(
        l.format,
        s.format
            .as_deref()
            .map_or_else(|| "—".to_owned(), |f| session_format(ctx, f)),
    ));
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
            // "Group (Egypt)" with country Egypt names the country once, after the group.
            let country = p.country.as_deref();
            let affiliation = p
                .affiliation
                .as_deref()
                .map(|a| country.and_then(|c| a.strip_suffix(&format!(" ({c})"))).unwrap_or(a));
            let (affiliation, role) = affiliation.map_or((None, None), |a| affiliation_and_role(ctx, a));
            let affiliation = affiliation.map(|a| known_name(ctx, data, a));
            let country = country
                .and_then(|c| ctx.value(Some(c), crate::query::countries::arabic_name(c)))
                .map(|name| unnested(ctx, &name));
            let details: Vec<String> = [affiliation, country].into_iter().flatten().collect();
            let person = if details.is_empty() {
                ctx.data(&p.name)
            } else {
                ctx.data(&format!("{} ({})", p.name, details.join(l.comma)))
            };
            match role {
                Some(role) => format!("{person} – {role}"),
                None => person,
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
    if let Some(notes) = ctx.value(s.notes.as_deref(), s.notes_ar.as_deref()) {
        doc.push(field(l.notes, notes));
    }
    doc.push(field(l.confidence, (l.confidence_name)(s.confidence).to_owned()));
    doc.push(Block::Links {
        label: l.sources.to_owned(),
        urls: s.sources.iter().map(|u| ctx.data(u)).collect(),
    });
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
        Some(o) => both_names(ctx, &o.name_ar, name),
        None => ctx.data(name),
    }
}

/// An affiliation that is one of the programme's recurring organisations, by its Arabic name
/// when the user reads Arabic.
fn known_name(ctx: &Context, data: &Dataset, affiliation: String) -> String {
    match data.organisations.iter().find(|o| o.name_en == affiliation) {
        Some(o) if ctx.is_rtl() => unnested(ctx, &o.name_ar),
        _ => affiliation,
    }
}
