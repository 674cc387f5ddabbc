//! "Did you mean": the one way `igf` finds the names nearest to a mistyped id, organisation,
//! country, kind or time zone.

/// How alike (Jaro-Winkler, 0 to 1) a name must be to what was typed to be suggested. One value
/// for every kind of name, so suggestions behave the same everywhere.
pub const THRESHOLD: f64 = 0.8;

/// How many suggestions a message offers.
pub const MAX_SUGGESTIONS: usize = 3;

/// Beyond this many characters, what was typed is not a typo of any name (names are far shorter),
/// and comparing it would cost time in proportion to its length times every name's.
const MAX_TYPED_CHARS: usize = 200;

/// Up to [`MAX_SUGGESTIONS`] candidates nearest to `typed`, nearest first. Each candidate is
/// `(shown, compared)`: the name as printed and the folded form it is compared in; `typed` must
/// be folded the same way. A candidate also scores by its best word, so "unesko" finds
/// "United Nations ... (unesco)".
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = (&'a str, String)>) -> Vec<&'a str> {
    if typed.is_empty() || typed.chars().nth(MAX_TYPED_CHARS).is_some() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|(shown, compared)| {
            let best_word = compared
                .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '/' | ',' | '-' | '_'))
                .filter(|w| !w.is_empty())
                .map(|w| strsim::jaro_winkler(typed, w))
                .fold(0.0, f64::max);
            (strsim::jaro_winkler(typed, &compared).max(best_word), shown)
        })
        .filter(|(score, _)| *score >= THRESHOLD)
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.len().cmp(&b.1.len()))
            .then_with(|| a.1.cmp(b.1))
    });
    let mut shown: Vec<&str> = Vec::new();
    for (_, name) in scored {
        if !shown.contains(&name) {
            shown.push(name);
        }
        if shown.len() == MAX_SUGGESTIONS {
            break;
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'a>(all: &[&'a str]) -> Vec<(&'a str, String)> {
        all.iter().map(|n| (*n, n.to_lowercase())).collect()
    }

    #[test]
    fn nearest_first_and_nothing_for_unrelated_text() {
        let all = names(&["Africa/Cairo", "Africa/Casablanca", "Europe/Paris"]);
        assert_eq!(closest("africa/kairo", all.clone())[0], "Africa/Cairo");
        assert!(closest("zzzzzz", all.clone()).is_empty());
        assert!(closest(&"a".repeat(100_000), all).is_empty());
    }

    #[test]
    fn a_word_of_a_long_name_is_enough() {
        let all = names(&["United Nations Educational, Scientific and Cultural Organization (UNESCO)"]);
        assert_eq!(closest("unesko", all).len(), 1);
    }
}
