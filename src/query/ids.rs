//! Finding sessions by what users type: `OF39`, `"OF #39"`, `of-39`, `٣٩`, `39`, a short id such as
//! `DC4`, or one of a session's aliases (the longer slugs of earlier versions).

use super::normalize::{fold_id, typed_value};
use crate::data::{Dataset, Kind, Session};
use std::collections::HashMap;

/// An id that matched nothing. The nearest ids, for the user to retry, are [`closest`]: they are
/// asked for separately because they cost a hundred lookups, and a long list of unknown ids
/// suggests for the first few only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownId {
    pub input: String,
}

/// Sessions that `input` names: one for a full id, possibly several for a bare number (numbers
/// repeat across kinds: OF #39 and WS #39 are different sessions). For many lookups, build an
/// [`Ids`] once.
pub fn find<'a>(data: &'a Dataset, input: &str) -> Result<Vec<&'a Session>, UnknownId> {
    Ids::new(data).find(input)
}

/// The programme's sessions by every form of name `find` accepts, so that each lookup costs a
/// few hash probes rather than passes over every session.
pub struct Ids<'a> {
    sessions: &'a [Session],
    /// By a name (id or alias) as printed, in ASCII lower case, and folded as users type it;
    /// and by code number. Each holds indices into `sessions`, in programme order.
    as_printed: HashMap<&'a str, Vec<usize>>,
    lower_case: HashMap<String, Vec<usize>>,
    folded: HashMap<String, Vec<usize>>,
    numbered: HashMap<u32, Vec<usize>>,
}

impl<'a> Ids<'a> {
    pub fn new(data: &'a Dataset) -> Self {
        let mut ids = Ids {
            sessions: &data.sessions,
            as_printed: HashMap::new(),
            lower_case: HashMap::new(),
            folded: HashMap::new(),
            numbered: HashMap::new(),
        };
        // A session with two names of the same form is listed once under it.
        fn add<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Vec<usize>>, key: K, index: usize) {
            let entry = map.entry(key).or_default();
            if entry.last() != Some(&index) {
                entry.push(index);
            }
        }
        for (index, s) in data.sessions.iter().enumerate() {
            for name in names(s) {
                add(&mut ids.as_printed, name, index);
                add(&mut ids.lower_case, name.to_ascii_lowercase(), index);
                add(&mut ids.folded, fold_id(name), index);
            }
            for number in s.code_numbers() {
                add(&mut ids.numbered, number, index);
            }
        }
        ids
    }

    /// As [`find`].
    pub fn find(&self, input: &str) -> Result<Vec<&'a Session>, UnknownId> {
        let folded = fold_id(input);
        // An id as `list` prints it names exactly that session, even when it also reads as a
        // code ("WS182-318" is not workshop number 182318). As printed first, so that ids
        // differing only in case each find their own session.
        let typed = typed_value(input);
        let named = self
            .as_printed
            .get(typed.as_str())
            .or_else(|| self.lower_case.get(&typed.to_ascii_lowercase()))
            .or_else(|| self.folded.get(&folded));
        let mut found: Vec<&Session> = match named {
            Some(indices) => indices.iter().map(|&i| &self.sessions[i]).collect(),
            None => match split_code(&folded) {
                Some((kind, number)) => self
                    .numbered
                    .get(&number)
                    .into_iter()
                    .flatten()
                    .map(|&i| &self.sessions[i])
                    .filter(|s| kind.is_none_or(|k| s.kind == k))
                    .collect(),
                None => Vec::new(),
            },
        };
        if found.is_empty() {
            return Err(UnknownId {
                input: input.to_owned(),
            });
        }
        super::sort(&mut found, super::zone::Zone::Utc);
        Ok(found)
    }
}

/// What a session answers to: its id, and the ids it had before (aliases).
fn names(s: &Session) -> impl Iterator<Item = &str> {
    std::iter::once(s.id.as_ref()).chain(s.aliases.iter().map(|a| a.as_ref()))
}

/// "of39" → (Some(OpenForum), 39); "39" → (None, 39); slugs and unknown prefixes → None.
fn split_code(folded: &str) -> Option<(Option<Kind>, u32)> {
    let digits_at = folded.find(|c: char| c.is_ascii_digit())?;
    let (prefix, digits) = folded.split_at(digits_at);
    let number = digits.parse().ok()?;
    let kind = match prefix {
        "" => None,
        "of" | "openforum" => Some(Kind::OpenForum),
        "ws" | "workshop" => Some(Kind::Workshop),
        "pe" | "preevent" | "pre" => Some(Kind::PreEvent),
        _ => return None,
    };
    Some((kind, number))
}

/// Up to three ids nearest to what was typed, nearest first.
/// Unknown ids past this many are reported without suggestions: each costs a pass over every
/// id, and a reader of a long list of refusals wants the first ones' hints, not a wait.
pub const SUGGESTED_FOR: usize = 10;

/// The programme's ids nearest to one that matched nothing.
pub fn closest(data: &Dataset, unknown: &UnknownId) -> Vec<String> {
    let folded = fold_id(&unknown.input);
    super::closest::closest(&folded, data.sessions.iter().map(|s| (s.id.as_ref(), fold_id(&s.id))))
        .into_iter()
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_split_into_kind_and_number() {
        assert_eq!(split_code("of39"), Some((Some(Kind::OpenForum), 39)));
        assert_eq!(split_code("ws195"), Some((Some(Kind::Workshop), 195)));
        assert_eq!(split_code("preevent30"), Some((Some(Kind::PreEvent), 30)));
        assert_eq!(split_code("pe30"), Some((Some(Kind::PreEvent), 30)));
        assert_eq!(split_code("39"), Some((None, 39)));
        assert_eq!(split_code("mainenvironment"), None);
        assert_eq!(split_code("xy12"), None);
    }
}
