//! "Did you mean": the one way `igf` finds the names nearest to a mistyped id, organisation,
//! country, kind or time zone.
//!
//! Names are compared by Jaro-Winkler similarity. A name set that is asked often (the ~600 time
//! zones) is folded and split into words once, as [`Names`]; and before the quadratic comparison
//! each candidate is checked against a cheap upper bound of its score (from lengths and the
//! characters the two have in common), so most candidates cost a few operations.

/// How alike (Jaro-Winkler, 0 to 1) a name must be to what was typed to be suggested. One value
/// for every kind of name, so suggestions behave the same everywhere.
pub const THRESHOLD: f64 = 0.8;

/// How many suggestions a message offers.
pub const MAX_SUGGESTIONS: usize = 3;

/// Beyond this many characters, what was typed is not a typo of any name (names are far shorter),
/// and comparing it would cost time in proportion to its length times every name's.
const MAX_TYPED_CHARS: usize = 200;

/// Jaro-Winkler's prefix boost: up to this many leading characters in common, each worth this
/// share of what the Jaro score lacks; applied only above [`WINKLER_FLOOR`] (Winkler's rule).
const WINKLER_PREFIX: usize = 4;
const WINKLER_WEIGHT: f64 = 0.1;
const WINKLER_FLOOR: f64 = 0.7;

/// Characters that separate the words of a name; a name also scores by its best word.
fn is_word_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '/' | ',' | '-' | '_')
}

/// Up to [`MAX_SUGGESTIONS`] candidates nearest to `typed`, nearest first. Each candidate is
/// `(shown, compared)`: the name as printed and the folded form it is compared in; `typed` must
/// be folded the same way. A candidate also scores by its best word, so "unesko" finds
/// "United Nations ... (unesco)".
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = (&'a str, String)>) -> Vec<&'a str> {
    if too_long(typed) {
        return Vec::new();
    }
    Names::new(candidates).closest(typed)
}

fn too_long(typed: &str) -> bool {
    typed.chars().nth(MAX_TYPED_CHARS).is_some()
}

/// A set of candidate names prepared for [`Names::closest`]: each folded name and each of its
/// words as characters, with the set of characters it holds.
pub struct Names<'a> {
    names: Vec<Name<'a>>,
}

struct Name<'a> {
    shown: &'a str,
    /// The whole folded name, then each of its words (when it has more than one).
    forms: Vec<Form>,
}

/// A folded text as characters, with a summary of which characters occur in it.
struct Form {
    chars: Box<[char]>,
    present: CharSet,
}

/// Which characters occur in a text: one bit per ASCII character, and one bit for "something
/// beyond ASCII" (so the set over-approximates, which is what an upper bound needs).
#[derive(Clone, Copy, Default)]
struct CharSet(u128);

const BEYOND_ASCII: u32 = 127;

fn bucket(c: char) -> u32 {
    if (c as u32) < BEYOND_ASCII {
        c as u32
    } else {
        BEYOND_ASCII
    }
}

impl Form {
    fn new(text: &str) -> Form {
        let chars: Box<[char]> = text.chars().collect();
        let present = CharSet(chars.iter().fold(0, |set, &c| set | 1u128 << bucket(c)));
        Form { chars, present }
    }
}

/// What was typed, counted per character bucket, for the bound on common characters.
struct Typed {
    chars: Vec<char>,
    counts: [u32; 128],
}

impl Typed {
    fn new(text: &str) -> Typed {
        let chars: Vec<char> = text.chars().collect();
        let mut counts = [0; 128];
        for &c in &chars {
            counts[bucket(c) as usize] += 1;
        }
        Typed { chars, counts }
    }

    /// How many of the typed characters could match one of `form`'s: those whose bucket occurs
    /// in it. Jaro matches pair equal characters, so no more than this many (nor more than the
    /// form's length) can match.
    fn could_match(&self, form: &Form) -> usize {
        let mut set = form.present.0;
        let mut total = 0;
        while set != 0 {
            total += self.counts[set.trailing_zeros() as usize] as usize;
            set &= set - 1;
        }
        total.min(form.chars.len())
    }
}

impl<'a> Names<'a> {
    /// Prepares `(shown, compared)` candidates, as [`closest`] takes them.
    pub fn new(candidates: impl IntoIterator<Item = (&'a str, String)>) -> Names<'a> {
        let names = candidates
            .into_iter()
            .map(|(shown, compared)| {
                let mut forms = vec![Form::new(&compared)];
                let words: Vec<&str> = compared.split(is_word_separator).filter(|w| !w.is_empty()).collect();
                if words.len() > 1 || words.first().is_some_and(|w| *w != compared) {
                    forms.extend(words.into_iter().map(Form::new));
                }
                Name { shown, forms }
            })
            .collect();
        Names { names }
    }

    /// Up to [`MAX_SUGGESTIONS`] names nearest to `typed` (folded as the names were), nearest
    /// first; equal scores put the shorter name, then the alphabetically first, first.
    pub fn closest(&self, typed: &str) -> Vec<&'a str> {
        if typed.is_empty() || too_long(typed) {
            return Vec::new();
        }
        let typed = Typed::new(typed);
        let mut flags = Vec::new();
        let mut scored: Vec<(f64, &str)> = self
            .names
            .iter()
            .filter_map(|name| {
                let best = name
                    .forms
                    .iter()
                    .filter(|form| {
                        upper_bound(typed.chars.len(), form.chars.len(), typed.could_match(form)) >= THRESHOLD
                    })
                    .map(|form| jaro_winkler(&typed.chars, &form.chars, &mut flags))
                    .fold(0.0, f64::max);
                (best >= THRESHOLD).then_some((best, name.shown))
            })
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
}

/// The highest Jaro-Winkler score two texts of these lengths can reach when at most `matches`
/// characters can match: every match in order and the full prefix boost. A hair of slack keeps
/// rounding from hiding a name that reaches the threshold exactly.
fn upper_bound(a_len: usize, b_len: usize, matches: usize) -> f64 {
    if a_len == 0 && b_len == 0 {
        return 1.0;
    }
    if a_len == 0 || b_len == 0 || matches == 0 {
        return 0.0;
    }
    let m = matches as f64;
    let jaro = (m / a_len as f64 + m / b_len as f64 + 1.0) / 3.0;
    let boosted = if jaro > WINKLER_FLOOR {
        jaro + WINKLER_PREFIX as f64 * WINKLER_WEIGHT * (1.0 - jaro)
    } else {
        jaro
    };
    boosted + 1e-9
}

/// Jaro-Winkler similarity of two texts given as characters; `flags` is scratch space reused
/// between calls. Matches within half the longer length (less one), transpositions counted in
/// halves, and the boost for a common prefix above [`WINKLER_FLOOR`].
fn jaro_winkler(a: &[char], b: &[char], flags: &mut Vec<bool>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let reach = (a.len().max(b.len()) / 2).saturating_sub(1);
    flags.clear();
    flags.resize(a.len() + b.len(), false);
    let (a_matched, b_matched) = flags.split_at_mut(a.len());
    let mut matches = 0usize;
    for (i, &c) in a.iter().enumerate() {
        let end = (i + reach + 1).min(b.len());
        for j in i.saturating_sub(reach)..end {
            if !b_matched[j] && b[j] == c {
                a_matched[i] = true;
                b_matched[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let a_in_order = a.iter().zip(a_matched.iter()).filter(|(_, m)| **m).map(|(c, _)| c);
    let b_in_order = b.iter().zip(b_matched.iter()).filter(|(_, m)| **m).map(|(c, _)| c);
    let transpositions = a_in_order.zip(b_in_order).filter(|(x, y)| x != y).count() / 2;
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (matches - transpositions) as f64 / m) / 3.0;
    if jaro > WINKLER_FLOOR {
        let prefix = a.iter().zip(b).take(WINKLER_PREFIX).take_while(|(x, y)| x == y).count();
        jaro + WINKLER_WEIGHT * prefix as f64 * (1.0 - jaro)
    } else {
        jaro
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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

    /// The suggestions as the plain definition gives them: strsim's Jaro-Winkler on the whole
    /// name and on every word, no bound, no preparation.
    fn reference<'a>(typed: &str, candidates: &[(&'a str, String)]) -> Vec<&'a str> {
        let mut scored: Vec<(f64, &str)> = candidates
            .iter()
            .map(|(shown, compared)| {
                let best_word = compared
                    .split(is_word_separator)
                    .filter(|w| !w.is_empty())
                    .map(|w| strsim::jaro_winkler(typed, w))
                    .fold(0.0, f64::max);
                (strsim::jaro_winkler(typed, compared).max(best_word), *shown)
            })
            .filter(|(score, _)| *score >= THRESHOLD)
            .collect();
        scored.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.len().cmp(&b.1.len()))
                .then_with(|| a.1.cmp(b.1))
        });
        let mut shown = Vec::new();
        for (_, name) in scored {
            if !shown.contains(&name) {
                shown.push(name);
            }
        }
        shown.truncate(MAX_SUGGESTIONS);
        shown
    }

    proptest! {
        #[test]
        fn the_score_is_strsims_jaro_winkler(a in "[a-fé/ _-]{0,24}", b in "[a-fé/ _-]{0,24}") {
            let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let ours = jaro_winkler(&x, &y, &mut Vec::new());
            prop_assert!((ours - strsim::jaro_winkler(&a, &b)).abs() < 1e-12, "{} vs {}", ours, strsim::jaro_winkler(&a, &b));
            let bound = upper_bound(x.len(), y.len(), Typed::new(&a).could_match(&Form::new(&b)));
            prop_assert!(ours <= bound, "score {} above its bound {}", ours, bound);
        }

        #[test]
        fn suggestions_are_those_of_the_plain_definition(
            typed in "[a-eé/_ -]{1,12}",
            all in proptest::collection::vec("[a-eé/_ -]{1,20}", 1..40),
        ) {
            let candidates: Vec<(&str, String)> = all.iter().map(|n| (n.as_str(), n.clone())).collect();
            prop_assert_eq!(closest(&typed, candidates.clone()), reference(&typed, &candidates));
        }
    }
}
