//! One module per command: which facts it shows and in what order. What several commands show
//! the same way (the session table, a session's heading, its date and time) is here.

mod egypt;
mod list;
mod overview;
mod show;

pub use egypt::egypt;
pub use list::{list, records, search};
pub use overview::{about, days, kinds, tracks};
pub use show::show;

use super::format::{iso_date, long_date, slot};
use super::{colour, Block, Column, Context, Document, Fit, Table};
use crate::data::{Dataset, Session};
use crate::query;

/// The session table shared by `list` and `search`: id, date, time, kind, track, title, with
/// kinds and tracks coloured.
fn sessions_table(ctx: &Context, sessions: &[&Session]) -> Table {
    let l = ctx.labels;
    // The texts that take formatting, made on every core for a long list.
    let pieces = crate::parallel::by_pieces(sessions, |piece| {
        piece
            .iter()
            .map(|s| {
                let (date, time) = date_and_time(ctx, s);
                (ctx.data(&s.id), date, time, ctx.title(s))
            })
            .collect::<Vec<_>>()
    });
    let n = sessions.len();
    let (mut ids, mut dates, mut times, mut titles) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for (id, date, time, title) in pieces.into_iter().flatten() {
        ids.push(id);
        dates.push(date);
        times.push(time);
        titles.push(title);
    }
    Table {
        columns: vec![
            Column::new(l.id, Fit::Whole, ids),
            // A date or a time has no space in it; what does is a label saying it is unknown,
            // which may wrap.
            Column::new(l.date, Fit::Words, dates),
            Column::new(time_header(ctx), Fit::Words, times),
            Column::new(
                l.kind,
                Fit::Words,
                sessions.iter().map(|s| (l.kind_name)(s.kind).to_owned()).collect(),
            )
            .optional()
            .styled(sessions.iter().map(|s| Some(colour::kind(s.kind))).collect()),
            Column::new(
                l.track,
                Fit::Words,
                sessions
                    .iter()
                    .map(|s| s.track.map_or_else(|| "—".to_owned(), |t| (l.track_name)(t).to_owned()))
                    .collect(),
            )
            .optional()
            .styled(sessions.iter().map(|s| s.track.map(colour::track)).collect()),
            Column::new(l.title, Fit::Main, titles),
        ],
    }
}

/// "Time (UTC)": times are shown in the zone the user chose, so the header names it.
fn time_header(ctx: &Context) -> String {
    format!("{} ({})", ctx.labels.time, ctx.ltr(&ctx.zone.name()))
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
                ctx.data(&claim.by),
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

fn body_name(ctx: &Context, data: &Dataset, id: &str) -> String {
    data.bodies
        .iter()
        .find(|b| b.id == id)
        .and_then(|b| ctx.value(Some(&b.name_en), b.name_ar.as_deref()))
        .unwrap_or_else(|| ctx.data(id))
}

fn egypt_part(ctx: &Context, data: &Dataset, part: &crate::data::EgyptPart) -> String {
    let who = match (&part.body, &part.person) {
        (Some(body), _) => body_name(ctx, data, body),
        (None, Some(person)) => ctx.data(person),
        (None, None) => "—".to_owned(),
    };
    let role = ctx.value(Some(&part.role), part.role_ar.as_deref()).unwrap_or_default();
    format!("{who} — {role}")
}
