//! Free-text search over titles, summaries, organisers, speakers and Egypt's part, in either
//! language. Every word of the query must match the start of a word in the session's text (so
//! "AI" does not find "Main" or "Email"); sessions are ranked by where their words match and how
//! closely.

use super::normalize::{arabic_query_forms, arabic_stems, fold_for_search, is_arabic};
use crate::data::{Dataset, Session};
use std::cmp::Reverse;

/// Where a session matched: sessions whose title holds every word come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    Title,
    Elsewhere,
}

/// Latin query words shorter than this match whole words only (or with a plural s): "AI", "UN",
/// "ICT" would otherwise find "aim", "under" and "ictus".
const SHORTEST_LATIN_PREFIX: usize = 4;
/// Arabic stems are shorter (مصر, ذكاء): from three letters on, a word may continue (مصرية).
const SHORTEST_ARABIC_PREFIX: usize = 3;

/// How one query word met one text: a whole word, or the start of a longer one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Closeness {
    Start = 1,
    Whole = 2,
}

/// One part of a session's text, folded and cut into words, with how much a match there counts.
struct Field {
    words: Vec<String>,
    weight: u32,
}

/// A title match counts most; a match in the summary or in Egypt's part more than a name in
/// the list of speakers.
const TITLE_WEIGHT: u32 = 4;
const SUMMARY_WEIGHT: u32 = 2;
const EGYPT_WEIGHT: u32 = 2;
const PEOPLE_WEIGHT: u32 = 1;

/// Words as search compares them: folded, split at anything that is not a letter or digit.
pub fn words_of(text: &str) -> Vec<String> {
    fold_for_search(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How closely `query` (one folded word) matches `word`, if at all.
fn closeness(query: &str, word: &str) -> Option<Closeness> {
    if is_arabic(query) {
        let wanted_forms = arabic_query_forms(query);
        let stems = arabic_stems(word);
        if stems.iter().any(|s| wanted_forms.contains(s)) {
            return Some(Closeness::Whole);
        }
        let starts = stems.iter().any(|s| {
            wanted_forms
                .iter()
                .any(|q| q.chars().count() >= SHORTEST_ARABIC_PREFIX && s.starts_with(q.as_str()))
        });
        return starts.then_some(Closeness::Start);
    }
    if word == query {
        return Some(Closeness::Whole);
    }
    if query.chars().count() < SHORTEST_LATIN_PREFIX {
        return (word.strip_prefix(query) == Some("s")).then_some(Closeness::Whole);
    }
    word.starts_with(query).then_some(Closeness::Start)
}

/// The best a query word scores in a field, if it matches there.
fn field_score(query: &str, field: &Field) -> Option<u32> {
    field
        .words
        .iter()
        .filter_map(|w| closeness(query, w))
        .max()
        .map(|c| field.weight * c as u32)
}

/// Sessions matching every word of `text`, title matches first, then by how well they match,
/// then in programme order.
pub fn search<'a>(data: &'a Dataset, candidates: &[&'a Session], text: &str) -> Vec<(&'a Session, Rank)> {
    let query = words_of(text);
    if query.is_empty() {
        return Vec::new();
    }
    let texts: Vec<(&Session, Vec<Field>)> = candidates.iter().map(|&s| (s, fields(data, s))).collect();
    // A query word longer than every word of the text matches nothing; saying so at once keeps
    // a pasted paragraph from costing its length times the programme's.
    let longest = texts
        .iter()
        .flat_map(|(_, fields)| fields.iter().flat_map(|f| f.words.iter()))
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    let too_long = |q: &String| arabic_query_forms(q).iter().all(|form| form.chars().count() > longest);
    if query.iter().any(too_long) {
        return Vec::new();
    }
    let mut hits: Vec<(&Session, Rank, u32)> = texts
        .into_iter()
        .filter_map(|(s, fields)| {
            let mut score = 0;
            let mut all_in_title = true;
            for q in &query {
                score += fields.iter().filter_map(|f| field_score(q, f)).max()?;
                all_in_title &= field_score(q, &fields[0]).is_some();
            }
            let rank = if all_in_title { Rank::Title } else { Rank::Elsewhere };
            Some((s, rank, score))
        })
        .collect();
    // A stable sort keeps programme order among equals.
    hits.sort_by_key(|&(_, rank, score)| (rank, Reverse(score)));
    hits.into_iter().map(|(s, rank, _)| (s, rank)).collect()
}

/// The searchable text of a session, title first.
fn fields(data: &Dataset, s: &Session) -> Vec<Field> {
    let field = |parts: Vec<&str>, weight| Field {
        words: parts.iter().flat_map(|p| words_of(p)).collect(),
        weight,
    };
    let title = [&s.title_en, &s.title_ar, &s.code]
        .into_iter()
        .filter_map(|t| t.as_deref())
        .collect();
    let summary = [&s.summary_en, &s.summary_ar]
        .into_iter()
        .filter_map(|t| t.as_deref())
        .collect();
    let mut people: Vec<&str> = s.organizers.iter().map(AsRef::as_ref).collect();
    for p in s.speakers.iter() {
        people.push(&p.name);
        people.extend(p.affiliation.as_deref());
        match p.country.as_deref() {
            Some(c) if super::is_egypt(c) => people.extend(super::EGYPT_NAMES),
            Some(c) => people.push(c),
            None => {}
        }
    }
    people.extend(
        data.organisations
            .iter()
            .filter(|o| s.organizers.iter().any(|org| org.contains(o.name_en.as_ref())))
            .map(|o| o.name_ar.as_ref()),
    );
    let mut egypt: Vec<&str> = Vec::new();
    if !s.egypt.is_empty() {
        egypt.extend(super::EGYPT_NAMES);
    }
    for e in s.egypt.iter() {
        egypt.extend(e.person.as_deref());
        egypt.push(&e.role);
        egypt.extend(e.role_ar.as_deref());
        egypt.push(&e.evidence);
        for b in data.bodies.iter().filter(|b| e.body.as_deref() == Some(b.id.as_ref())) {
            egypt.push(&b.name_en);
            egypt.extend(b.name_ar.as_deref());
        }
    }
    vec![
        field(title, TITLE_WEIGHT),
        field(summary, SUMMARY_WEIGHT),
        field(egypt, EGYPT_WEIGHT),
        field(people, PEOPLE_WEIGHT),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(query: &str, text: &str) -> bool {
        let q = words_of(query);
        let w = words_of(text);
        q.iter().all(|q| w.iter().any(|w| closeness(q, w).is_some()))
    }

    #[test]
    fn latin_words_match_at_word_starts_and_short_ones_whole() {
        assert!(matches("AI", "AI ethics"));
        assert!(matches("AI", "Ethics of AI-driven systems"));
        assert!(matches("ai", "AIs and humans"));
        assert!(!matches("AI", "Sustainability"));
        assert!(!matches("AI", "Main session"));
        assert!(!matches("AI", "Email"));
        assert!(!matches("AI", "aims"));
        assert!(matches("cyber", "Cybersecurity norms"));
        assert!(!matches("cyber", "anticyber"));
    }

    #[test]
    fn arabic_words_match_behind_attached_letters() {
        assert!(matches("الذكاء", "والذكاء الاصطناعي"));
        assert!(matches("الذكاء", "للذكاء الاصطناعي"));
        assert!(matches("ذكاء", "بالذكاء"));
        assert!(matches("مصر", "الجهات المصرية"));
        assert!(matches("مصر", "وفد لمصر"));
        assert!(!matches("مصر", "الأمصار"));
    }

    #[test]
    fn whole_words_are_closer_than_word_starts() {
        assert!(closeness("data", "data") > closeness("data", "database"));
        assert_eq!(closeness("مصر", "لمصر"), Some(Closeness::Whole));
        assert_eq!(closeness("مصر", "المصرية"), Some(Closeness::Start));
    }
}
