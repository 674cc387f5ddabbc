//! Values typed on the command line, turned into what the programme knows: a day, a phase, a
//! track, a kind, a time zone. Each refusal says what was wrong as a [`BadValue`]; the words are
//! the interface language's (`present::messages`), so these functions stay free of wording.
//!
//! Tracks and kinds are also accepted by the names the labels print, in either language, so
//! what a reader sees in a table is something they can type.

use super::closest::closest;
use super::normalize::{fold_for_search, typed_value};
use super::zone::Zone;
use crate::data::{Kind, Track};
use crate::present::{ar, en};
use chrono::NaiveDate;

/// Why a typed value was refused. The value itself is echoed by whoever reports the refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValue {
    /// Not a day written YYYY-MM-DD, or a day no calendar has (2020-02-30).
    Date,
    /// Neither phase 1 nor phase 2.
    Phase,
    Track,
    /// No kind, and the nearest one when something is near.
    Kind {
        nearest: Option<Kind>,
    },
    /// No time zone, and the nearest names (possibly none).
    Zone {
        closest: Vec<&'static str>,
    },
}

impl std::error::Error for BadValue {}

/// A day as YYYY-MM-DD, in ASCII or Arabic-Indic digits.
pub fn date(text: &str) -> Result<NaiveDate, BadValue> {
    let ascii = typed_value(text);
    NaiveDate::parse_from_str(&ascii, "%Y-%m-%d")
        .ok()
        .filter(|_| ascii.len() == "2020-11-04".len())
        .ok_or(BadValue::Date)
}

/// 1 or 2, in any digits.
pub fn phase(text: &str) -> Result<u8, BadValue> {
    match typed_value(text).as_str() {
        "1" => Ok(1),
        "2" => Ok(2),
        _ => Err(BadValue::Phase),
    }
}

/// `--tz`: an IANA name in any case, `UTC` or `local`.
pub fn zone(text: &str) -> Result<Zone, BadValue> {
    Zone::parse(text).map_err(|e| BadValue::Zone { closest: e.closest })
}

/// A track by its English or Arabic name, any case.
pub fn track(text: &str) -> Result<Track, BadValue> {
    let wanted = fold_for_search(text.trim());
    Track::ALL
        .into_iter()
        .find(|&t| {
            [t.slug(), (ar::LABELS.track_name)(t)]
                .iter()
                .any(|name| fold_for_search(name) == wanted)
        })
        .ok_or(BadValue::Track)
}

/// A kind by its slug, English name, or any unambiguous part of its Arabic name ("ورش" for
/// workshops), so Arabic users need not type the English slug.
pub fn kind(text: &str) -> Result<Kind, BadValue> {
    let wanted = fold_for_search(text.trim());
    let exact = Kind::ALL.into_iter().find(|&k| {
        [
            k.slug(),
            (en::LABELS.kind_name)(k),
            (en::LABELS.kind_plural)(k),
            (ar::LABELS.kind_name)(k),
            (ar::LABELS.kind_plural)(k),
        ]
        .iter()
        .any(|name| fold_for_search(name) == wanted)
    });
    if let Some(kind) = exact {
        return Ok(kind);
    }
    let partial: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|&k| {
            !wanted.is_empty()
                && arabic_kind_names(k).iter().any(|name| {
                    fold_for_search(name)
                        .split_whitespace()
                        .any(|word| word.starts_with(&wanted) || word.trim_start_matches("ال").starts_with(&wanted))
                })
        })
        .collect();
    match partial.as_slice() {
        [one] => Ok(*one),
        _ => Err(BadValue::Kind {
            nearest: nearest_kind(&wanted),
        }),
    }
}

fn arabic_kind_names(k: Kind) -> [&'static str; 2] {
    [(ar::LABELS.kind_name)(k), (ar::LABELS.kind_plural)(k)]
}

/// The kind whose slug or Arabic name is nearest to what was typed (already folded).
fn nearest_kind(wanted: &str) -> Option<Kind> {
    let names = Kind::ALL.iter().flat_map(|&k| {
        std::iter::once(k.slug())
            .chain(arabic_kind_names(k))
            .map(move |name| (name, fold_for_search(name)))
    });
    let nearest = *closest(wanted, names).first()?;
    Kind::ALL
        .into_iter()
        .find(|&k| k.slug() == nearest || arabic_kind_names(k).contains(&nearest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_accept_arabic_indic_digits_and_reject_other_shapes() {
        assert_eq!(date("٢٠٢٠-١١-٠٤"), Ok(NaiveDate::from_ymd_opt(2020, 11, 4).unwrap()));
        assert_eq!(date("2020-11-4"), Err(BadValue::Date));
        assert_eq!(date("2020-02-30"), Err(BadValue::Date));
        assert_eq!(date("4/11/2020"), Err(BadValue::Date));
    }

    #[test]
    fn phases_in_any_digits() {
        assert_eq!(phase("٢"), Ok(2));
        assert_eq!(phase(" 1 "), Ok(1));
        assert_eq!(phase("3"), Err(BadValue::Phase));
    }

    #[test]
    fn tracks_by_english_or_arabic_name() {
        assert_eq!(track("trust"), Ok(Track::Trust));
        assert_eq!(track("الثقة"), Ok(Track::Trust));
        assert_eq!(track("Security"), Err(BadValue::Track));
    }

    #[test]
    fn kinds_by_slug_or_part_of_the_arabic_name() {
        assert_eq!(kind("workshop"), Ok(Kind::Workshop));
        assert_eq!(kind("ورش"), Ok(Kind::Workshop));
        assert_eq!(kind("Open forum"), Ok(Kind::OpenForum));
        assert_eq!(
            kind("worskhop"),
            Err(BadValue::Kind {
                nearest: Some(Kind::Workshop)
            })
        );
        assert_eq!(
            kind("ورشه عمال"),
            Err(BadValue::Kind {
                nearest: Some(Kind::Workshop)
            })
        );
    }

    #[test]
    fn zones_in_any_case_with_the_nearest_names() {
        assert!(zone("africa/cairo").is_ok());
        assert!(matches!(zone("Africa/Kairo"), Err(BadValue::Zone { closest }) if closest.contains(&"Africa/Cairo")));
    }
}
