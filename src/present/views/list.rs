//! `igf list`, `igf search` and `--format plain`: sessions one per row.

use super::{dates_and_times, sessions_table, Unknown};
use crate::data::Session;
use crate::present::{Block, Column, Context, Document, Fit};
use crate::query::search::Rank;

/// `igf list`: one row per session, and a footer that counts them.
/// `untracked`: with `--track`, how many sessions matching the other options have no recorded
/// track, so that no track could list them.
pub fn list(ctx: &Context, sessions: &[&Session], untracked: Option<usize>) -> Document {
    let mut doc = Document::default();
    let l = ctx.labels;
    doc.push(Block::Table(sessions_table(ctx, sessions)));
    doc.push(Block::Paragraph(ctx.count(sessions.len())));
    if let Some(untracked) = untracked {
        doc.push(Block::Paragraph(format!(
            "{}: {}",
            l.without_track,
            ctx.count(untracked)
        )));
    }
    doc
}

/// `--format plain`: id, date, time, title; one session per line, never wrapped. A long list is
/// formatted on every core.
pub fn records(ctx: &Context, sessions: &[&Session]) -> Document {
    let ctx = &ctx.exact();
    let pieces = crate::parallel::by_pieces(sessions, |piece| {
        let mut date_and_time = dates_and_times(ctx, Unknown::Alone);
        piece
            .iter()
            .map(|s| {
                let (date, time) = date_and_time(s);
                Block::Record(vec![ctx.data(&s.id), date, time, ctx.title(s)])
            })
            .collect::<Vec<Block>>()
    });
    Document {
        blocks: pieces.into_iter().flatten().collect(),
    }
}

/// `igf search`: what was searched for, then matches in titles first, then elsewhere.
pub fn search(ctx: &Context, query: &str, hits: &[(&Session, Rank)]) -> Document {
    let l = ctx.labels;
    let sessions: Vec<&Session> = hits.iter().map(|(s, _)| *s).collect();
    let mut table = sessions_table(ctx, &sessions);
    table.columns.push(Column::new(
        l.matched,
        Fit::Words,
        hits.iter()
            .map(|(_, rank)| match rank {
                Rank::Title => l.matches_in_title.to_owned(),
                Rank::Elsewhere => l.matches_elsewhere.to_owned(),
            })
            .collect(),
    ));
    let mut doc = Document::default();
    doc.push(Block::Heading((l.results_for)(&ctx.data(query))));
    doc.push(Block::Blank);
    doc.push(Block::Table(table));
    doc.push(Block::Paragraph(ctx.count(hits.len())));
    doc
}
