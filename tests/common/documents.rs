//! The document of each command, built by its view over a programme, for tests that check the
//! layout below the command line (every paragraph, every width).

use igf::data::{Dataset, Session};
use igf::present::{views, Context, Document, Lang, Zone};
use igf::query::{self, ids};

pub fn context(lang: Lang) -> Context {
    Context::new(lang, None, Zone::Utc)
}

/// Each command's document, built by its view over the bundled programme.
pub fn documents(ctx: &Context, data: &Dataset) -> Vec<(&'static str, Vec<&'static str>, Document)> {
    let all = query::select(data, &query::Filter::default());
    let show_ids = ["PE30", "OF21", "OF39", "39"];
    let mut shown: Vec<&Session> = Vec::new();
    for id in show_ids {
        for s in ids::find(data, id).expect("known id") {
            if !shown.iter().any(|f| f.id == s.id) {
                shown.push(s);
            }
        }
    }
    let mut egypt: Vec<&Session> = data.sessions.iter().filter(|s| !s.egypt.is_empty()).collect();
    query::sort(&mut egypt, Zone::Utc);
    let hits = query::search::search(data, &all, "الذكاء");
    vec![
        ("list", vec!["list"], views::list(ctx, &all, None)),
        (
            "show",
            vec!["show", "PE30", "OF21", "OF39", "39"],
            views::show(ctx, data, &shown, None),
        ),
        ("egypt", vec!["egypt"], views::egypt(ctx, data, &egypt)),
        ("search", vec!["search", "الذكاء"], views::search(ctx, "الذكاء", &hits)),
        ("tracks", vec!["tracks"], views::tracks(ctx, data)),
        ("kinds", vec!["kinds"], views::kinds(ctx, data)),
        ("days", vec!["days"], views::days(ctx, data)),
        ("about", vec!["about"], views::about(ctx, data)),
    ]
}
