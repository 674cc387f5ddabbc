//! Finding sessions by what users type: `OF39`, `"OF #39"`, `of-39`, `٣٩`, `39`, a short id such as
//! `DC4`, or one of a session's aliases (the longer slugs of earlier versions).

use super::normalize::{fold_id, typed_value};
use crate::data::{Dataset, Kind, Session};

/// An id that matched nothing. The nearest ids, for the user to retry, are [`closest`]: they are
/// asked for separately because they cost a hundred lookups, and a long list of unknown ids
/// suggests for the first few only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownId {
    pub input: String,
}

/// Sessions that `input` names: one for a full id, possibly several for a bare number (numbers
/// repeat across kinds: OF #39 and WS #39 are different sessions).
pub fn find<'a>(data: &'a Dataset, input: &str) -> Result<Vec<&'a Session>, UnknownId> {
    let folded = fold_id(input);
    // An id as `list` prints it names exactly that session, even when it also reads as a code
    // ("WS182-318" is not workshop number 182318).
    let typed = typed_value(input);
    let matching = |same: &dyn Fn(&str) -> bool| -> Vec<&Session> {
        data.sessions.iter().filter(|s| names(s).any(same)).collect()
    };
    // As printed first, so that ids differing only in case each find their own session.
    let exact = Some(matching(&|name| name == typed))
        .filter(|found| !found.is_empty())
        .unwrap_or_else(|| matching(&|name| name.eq_ignore_ascii_case(&typed)));
    let same_letters = || -> Vec<&Session> {
        data.sessions
            .iter()
            .filter(|s| names(s).any(|name| fold_id(name) == folded))
            .collect()
    };
    let found: Vec<&Session> = if !exact.is_empty() {
        exact
    } else if let Some(sessions) = Some(same_letters()).filter(|s| !s.is_empty()) {
        sessions
    } else {
        match split_code(&folded) {
            Some((None, number)) => data
                .sessions
                .iter()
                .filter(|s| s.code_numbers().contains(&number))
                .collect(),
            Some((Some(kind), number)) => data
                .sessions
                .iter()
                .filter(|s| s.kind == kind && s.code_numbers().contains(&number))
                .collect(),
            None => Vec::new(),
        }
    };
    if found.is_empty() {
        Err(UnknownId {
            input: input.to_owned(),
        })
    } else {
        let mut found = found;
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
