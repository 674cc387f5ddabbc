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

use super::format::{digits, iso_date, long_date, slot};
use super::{colour, Block, Column, Context, Document, Fit, Table};
use crate::data::{Dataset, Session};
use crate::query;

/// The session table shared by `list` and `search`: id, date, time, kind, track, title, with
/// kinds and tracks coloured.
fn sessions_table(ctx: &Context, sessions: &[&Session]) -> Table {
    let l = ctx.labels;
    // The texts that take formatting, made on every core for a long list.
    let pieces = crate::parallel::by_pieces(sessions, |piece| {
        let mut date_and_time = dates_and_times(ctx, Unknown::UnderHeader);
        piece
            .iter()
            .map(|s| {
                let (date, time) = date_and_time(s);
                (ctx.data(&s.id), date, time, ctx.title(s))
            })
            .collect::<Vec<_>>()
    });
    // A dash in a row says "none" among tracks; when no row has one, the table says it once
    // above the rows, in words.
    let untracked = if sessions.iter().all(|s| s.track.is_none()) {
        l.no_track
    } else {
        "—"
    };
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
                    .map(|s| {
                        s.track
                            .map_or_else(|| untracked.to_owned(), |t| (l.track_name)(t).to_owned())
                    })
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

/// Where a date or time that was not published is said so.
#[derive(Clone, Copy)]
enum Unknown {
    /// Under a column header or beside a label that names the field: "not published".
    UnderHeader,
    /// On its own (plain records): "time not published".
    Alone,
}

/// [`date_and_time`] for many sessions in turn. Sessions share slots, and each slot's text takes
/// a conversion to the user's zone and formatting, so each is made once (up to a bound, so that
/// a list of all-different slots holds no more than this many).
fn dates_and_times(ctx: &Context, unknown: Unknown) -> impl FnMut(&Session) -> (String, String) + '_ {
    const SLOTS_KEPT: usize = 4096;
    type Slot = (
        Option<chrono::NaiveDate>,
        Option<chrono::NaiveTime>,
        Option<chrono::NaiveTime>,
    );
    // Ordered, not hashed: a hash map's random keys would cost every short list a call to the OS.
    let mut made: std::collections::BTreeMap<Slot, (String, String)> = std::collections::BTreeMap::new();
    move |s| {
        let slot = (s.date, s.start_utc, s.end_utc);
        if let Some(texts) = made.get(&slot) {
            return texts.clone();
        }
        let texts = date_and_time(ctx, s, unknown);
        if made.len() < SLOTS_KEPT {
            made.insert(slot, texts.clone());
        }
        texts
    }
}

/// The session's date and time in the user's zone, or the labels that say they are unknown.
fn date_and_time(ctx: &Context, s: &Session, unknown: Unknown) -> (String, String) {
    let l = ctx.labels;
    let (no_date, no_time) = match unknown {
        Unknown::UnderHeader => (l.not_published, l.not_published),
        Unknown::Alone => (l.date_not_published, l.time_not_published),
    };
    match s.date {
        None => (no_date.to_owned(), no_time.to_owned()),
        Some(date) => match slot(ctx, date, s.start_utc, s.end_utc) {
            Some((local_date, time)) => (ctx.ltr(&iso_date(ctx, local_date)), ctx.ltr(&time)),
            None => (ctx.ltr(&iso_date(ctx, date)), no_time.to_owned()),
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
    let held = s.date.map_or_else(|| l.not_published.to_owned(), |d| long_date(ctx, d));
    for claim in s.other_dates.iter() {
        doc.push(Block::Field {
            label: l.other_date.to_owned(),
            value: format!(
                "{} — {} ({}: {held})",
                long_date(ctx, claim.date),
                ctx.value(Some(&claim.by), claim.by_ar.as_deref()).unwrap_or_default(),
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

/// A value from the programme's English vocabulary (a format part, a seating plan, a room, a
/// speaker's role) in the interface language, or None when this language keeps it as published.
fn term(ctx: &Context, text: &str) -> Option<String> {
    let l = ctx.labels;
    if let Some(word) = (l.programme_term)(text) {
        return Some(word.to_owned());
    }
    if let Some(n) = text.strip_suffix(" Min").filter(|n| is_number(n)) {
        return Some(format!("{}{}{}", digits(ctx, n), crate::rtl::NO_BREAK, l.minutes));
    }
    if let Some(n) = text.strip_prefix("Room ").filter(|n| is_number(n)) {
        return Some(format!("{} {}", l.numbered_room, digits(ctx, n)));
    }
    None
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// A session format ("Panel - Auditorium - 60 Min") part by part in the interface language; a
/// format with any part outside the vocabulary is shown as published, never half translated.
fn session_format(ctx: &Context, format: &str) -> String {
    let parts: Option<Vec<String>> = format.split(" - ").map(|part| term(ctx, part)).collect();
    match parts {
        Some(parts) => parts.join(" – "),
        None => ctx.data(format),
    }
}

/// A room ("Room 2") in the interface language, else as published.
fn room(ctx: &Context, room: &str) -> String {
    term(ctx, room).unwrap_or_else(|| ctx.data(room))
}

/// Text that will stand inside brackets: a trailing "(…)" of its own becomes "– …", so that
/// brackets never nest ("UNESCO (moderator)" inside "Sasha Rubel (…)"), and a role from the
/// programme's vocabulary is put in the interface language.
fn unnested(ctx: &Context, text: &str) -> String {
    if let Some(word) = term(ctx, text) {
        return word;
    }
    match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((head, inner)) if !head.is_empty() && !inner.contains('(') => {
            let inner = term(ctx, inner).unwrap_or_else(|| inner.to_owned());
            format!("{head} – {inner}")
        }
        _ => text.to_owned(),
    }
}

/// An affiliation split into where the speaker comes from and the role they held, when the
/// role is one this language names ("UNESCO (moderator)" → "UNESCO" and «إدارة الجلسة»), so the
/// role can stand after the brackets in this language's own words.
fn affiliation_and_role(ctx: &Context, affiliation: &str) -> (Option<String>, Option<String>) {
    if let Some(role) = (ctx.labels.programme_term)(affiliation) {
        return (None, Some(role.to_owned()));
    }
    let split = affiliation
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("))
        .and_then(|(head, inner)| (ctx.labels.programme_term)(inner).map(|role| (head, role)));
    match split {
        Some((head, role)) if !head.is_empty() => (Some(unnested(ctx, head)), Some(role.to_owned())),
        _ => (Some(unnested(ctx, affiliation)), None),
    }
}

/// An organisation's Arabic and English names together; a slash rather than brackets when the
/// English name has brackets of its own ("… (MCIT)"), so brackets never nest.
fn both_names(ctx: &Context, arabic: &str, english: &str) -> String {
    if english.contains('(') {
        format!("{} / {}", ctx.data(arabic), ctx.data(english))
    } else {
        format!("{} ({})", ctx.data(arabic), ctx.data(english))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::{Digits, Lang, Zone};

    fn contexts() -> (Context, Context) {
        (
            Context::new(Lang::Ar, None, Zone::Utc),
            Context::new(Lang::En, None, Zone::Utc),
        )
    }

    #[test]
    fn a_format_is_translated_part_by_part_or_kept_whole() {
        let (ar, en) = contexts();
        let nb = crate::rtl::NO_BREAK;
        assert_eq!(
            session_format(&ar, "Panel - Auditorium - 60 Min"),
            format!("حلقة نقاش – مقاعد على هيئة مدرّج – ٦٠{nb}دقيقة")
        );
        let latin = Context::new(Lang::Ar, Some(Digits::Latin), Zone::Utc);
        assert!(session_format(&latin, "Round Table - U-shape - 90 Min").ends_with(&format!("90{nb}دقيقة")));
        // One part outside the vocabulary: the published wording, not a mixture.
        let odd = "Other - 90 Min (Hybrid panel)";
        assert_eq!(session_format(&ar, odd), ar.data(odd));
        assert_eq!(session_format(&ar, "Panel - Fishbowl"), ar.data("Panel - Fishbowl"));
        assert_eq!(
            session_format(&en, "Panel - Auditorium - 60 Min"),
            "Panel - Auditorium - 60 Min"
        );
    }

    #[test]
    fn a_numbered_room_is_named_in_the_interface_language() {
        let (ar, en) = contexts();
        assert_eq!(room(&ar, "Room 2"), "القاعة ٢");
        assert_eq!(room(&ar, "Room Poland II"), "قاعة بولندا الثانية");
        assert_eq!(room(&ar, "Room B"), ar.data("Room B"));
        assert_eq!(room(&en, "Room 2"), "Room 2");
    }

    #[test]
    fn brackets_never_nest_and_roles_are_translated() {
        let (ar, en) = contexts();
        assert_eq!(unnested(&en, "UNESCO (moderator)"), "UNESCO – moderator");
        assert_eq!(unnested(&ar, "UNESCO (moderator)"), "UNESCO – إدارة الجلسة");
        assert_eq!(unnested(&ar, "moderator"), "إدارة الجلسة");
        assert_eq!(
            unnested(&en, "Ministry of Communications and Information Technology (MCIT)"),
            "Ministry of Communications and Information Technology – MCIT"
        );
        assert_eq!(unnested(&en, "Council of Europe"), "Council of Europe");
        assert_eq!(
            unnested(&en, "(MCIT)"),
            "(MCIT)",
            "nothing before the bracket: left alone"
        );
    }
}
