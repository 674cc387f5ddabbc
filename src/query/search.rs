//! Free-text search over titles, summaries, organisers, speakers and bodies, in either language.

use super::normalize::fold_for_search;
use crate::data::{Dataset, Session};

/// How well a session matched: title matches rank before matches elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    Title,
    Elsewhere,
}

/// Sessions containing every word of `text` (after folding), best rank first, then programme order.
pub fn search<'a>(data: &'a Dataset, candidates: &[&'a Session], text: &str) -> Vec<(&'a Session, Rank)> {
    let words: Vec<String> = fold_for_search(text).split_whitespace().map(str::to_owned).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(&Session, Rank)> = candidates
        .iter()
        .filter_map(|&s| {
            let title = fold_for_search(&titles(s));
            if words.iter().all(|w| title.contains(w.as_str())) {
                return Some((s, Rank::Title));
            }
            let all = format!("{title}\n{}", fold_for_search(&other_text(data, s)));
            words
                .iter()
                .all(|w| all.contains(w.as_str()))
                .then_some((s, Rank::Elsewhere))
        })
        .collect();
    // A stable sort keeps programme order within each rank.
    hits.sort_by_key(|&(_, rank)| rank);
    hits
}

fn titles(s: &Session) -> String {
    [&s.title_en, &s.title_ar, &s.code]
        .iter()
        .filter_map(|t| t.as_deref())
        .collect::<Vec<_>>()
        .join("\n")
}

fn other_text(data: &Dataset, s: &Session) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(s.summary_en.as_deref());
    parts.extend(s.summary_ar.as_deref());
    parts.extend(s.organizers.iter().map(AsRef::as_ref));
    for p in s.speakers.iter() {
        parts.push(&p.name);
        parts.extend(p.affiliation.as_deref());
    }
    for e in s.egypt.iter() {
        parts.extend(e.person.as_deref());
        for b in data.bodies.iter().filter(|b| e.body.as_deref() == Some(b.id.as_ref())) {
            parts.push(&b.name_en);
            parts.extend(b.name_ar.as_deref());
        }
    }
    let organisers_ar = data
        .organisations
        .iter()
        .filter(|o| s.organizers.iter().any(|org| org.contains(o.name_en.as_ref())))
        .map(|o| o.name_ar.as_ref());
    parts.extend(organisers_ar);
    parts.join("\n")
}
