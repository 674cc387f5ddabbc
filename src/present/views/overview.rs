//! `igf tracks`, `igf kinds`, `igf days` and `igf about`: the programme at a glance.

use super::phase_label;
use crate::data::{Dataset, Kind, Session, Track};
use crate::present::format::{digits, iso_date, long_date};
use crate::present::{Block, Column, Context, Document, Fit, Table};
use std::collections::BTreeMap;

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
    overview(vec![l.track, l.id, l.sessions], rows)
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
    overview(vec![l.kind, l.id, l.sessions], rows)
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
    // A programme without phases (another event's schedule) gets no phase column.
    let phased = !data.forum.phases.is_empty();
    let rows = days
        .into_iter()
        .map(|(date, (n, untimed))| {
            let (day, phase) = match date {
                Some(d) => (long_date(ctx, d), phase_label(ctx, data, d).to_owned()),
                None => (l.date_not_published.to_owned(), "—".to_owned()),
            };
            let iso = date.map_or_else(|| "—".to_owned(), |d| ctx.ltr(&iso_date(ctx, d)));
            let mut row = vec![iso, day];
            if phased {
                row.push(phase);
            }
            row.extend([digits(ctx, &n.to_string()), digits(ctx, &untimed.to_string())]);
            row
        })
        .collect();
    let mut headers = vec![l.date, l.weekday];
    if phased {
        headers.push(l.phase);
    }
    headers.extend([l.sessions, l.without_time]);
    overview(headers, rows)
}

/// An overview table: the first column names the thing (broken between words if need be), the
/// others are codes and counts, never broken.
fn overview(headers: Vec<&str>, rows: Vec<Vec<String>>) -> Document {
    let columns = headers
        .into_iter()
        .enumerate()
        .map(|(c, header)| {
            let fit = if c == 0 { Fit::Words } else { Fit::Whole };
            Column::new(header, fit, rows.iter().map(|r| r[c].clone()).collect())
        })
        .collect();
    let mut doc = Document::default();
    doc.push(Block::Table(Table { columns }));
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
    if let Some(name) = both_languages(ctx, &f.name_ar, &f.name_en, " — ") {
        doc.push(Block::Heading(name));
    }
    for (label, ar, en) in [
        (l.forum, &f.edition_ar, &f.edition_en),
        (l.theme, &f.theme_ar, &f.theme_en),
        (l.host, &f.host_ar, &f.host_en),
    ] {
        if let Some(value) = both_languages(ctx, ar, en, " / ") {
            doc.push(field(label, value));
        }
    }
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
        doc.push(field(l.reported_by_forum, format!("{what} ({})", ctx.data(&r.source))));
    }
    doc.push(Block::Blank);
    doc.push(Block::Heading(l.coverage.to_owned()));
    let n =
        |pred: &dyn Fn(&Session) -> bool| digits(ctx, &data.sessions.iter().filter(|s| pred(s)).count().to_string());
    // The published counts for a kind (None: all sessions), set beside the programme's own.
    let reported = |kind: Option<Kind>| {
        let mut counts: Vec<u32> = f
            .reported
            .iter()
            .filter(|r| r.kind == kind)
            .filter_map(|r| r.sessions)
            .collect();
        // Two sources giving the same figure are one figure here; the lines above cite both.
        counts.sort_unstable_by(|a, b| b.cmp(a));
        counts.dedup();
        let shown: Vec<String> = counts.iter().map(|c| digits(ctx, &c.to_string())).collect();
        shown.join(" / ")
    };
    // The published counts get a column only when the data gives some (another event's
    // schedule gives none).
    let with_reported = !f.reported.is_empty();
    let row = |label: String, count: String, published: String| {
        let mut row = vec![label, count];
        if with_reported {
            row.push(published);
        }
        row
    };
    let mut rows: Vec<Vec<String>> = Kind::ALL
        .iter()
        .filter(|&&k| data.sessions.iter().any(|s| s.kind == k) || !reported(Some(k)).is_empty())
        .map(|&k| row((l.kind_plural)(k).to_owned(), n(&|s| s.kind == k), reported(Some(k))))
        .collect();
    rows.push(row(
        l.total.to_owned(),
        digits(ctx, &data.sessions.len().to_string()),
        reported(None),
    ));
    rows.push(row(l.without_date.to_owned(), n(&|s| s.date.is_none()), String::new()));
    rows.push(row(
        l.without_time.to_owned(),
        n(&|s| s.start_utc.is_none()),
        String::new(),
    ));
    rows.push(row(
        l.without_track.to_owned(),
        n(&|s| s.track.is_none()),
        String::new(),
    ));
    rows.push(row(
        l.without_speakers.to_owned(),
        n(&|s| s.speakers.is_empty()),
        String::new(),
    ));
    let mut headers = vec![l.kind, l.count];
    if with_reported {
        headers.push(l.reported_by_forum);
    }
    doc.blocks.extend(overview(headers, rows).blocks);
    doc
}

/// A value the data gives in Arabic and English, both shown (Arabic first, as the forum's own
/// pages pair them) joined by `joiner`; once when the two are the same or one is missing, and
/// nothing when neither says anything.
fn both_languages(ctx: &Context, ar: &str, en: &str, joiner: &str) -> Option<String> {
    fn said(t: &str) -> Option<&str> {
        let t = t.trim();
        (!t.is_empty() && t != "—").then_some(t)
    }
    match (said(ar), said(en)) {
        (Some(ar), Some(en)) if ar != en => Some(format!("{}{joiner}{}", ctx.data(ar), ctx.data(en))),
        (Some(one), _) | (None, Some(one)) => Some(ctx.data(one)),
        (None, None) => None,
    }
}
