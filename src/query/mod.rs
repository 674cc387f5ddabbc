//! Selecting and ordering sessions. Pure functions over a validated dataset: no printing, no
//! language, so every output format sees the same sessions in the same order.

pub mod closest;
pub mod countries;
pub mod ids;
pub mod normalize;
pub mod search;
pub mod typed;
pub mod zone;

use crate::data::{Body, Dataset, Kind, Session, Track};
use chrono::NaiveDate;
use normalize::fold_for_search;

/// What `igf list` (and the filters shared by other commands) asks for; every field narrows.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub dates: Vec<NaiveDate>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub phase: Option<u8>,
    pub tracks: Vec<Track>,
    pub kinds: Vec<Kind>,
    pub body: Option<String>,
    pub country: Option<String>,
    /// The zone whose days `dates`, `from`, `to` and `phase` mean.
    pub zone: zone::Zone,
}

impl Filter {
    /// True when the filter needs a known date, so undated sessions cannot match.
    fn constrains_date(&self) -> bool {
        !self.dates.is_empty() || self.from.is_some() || self.to.is_some() || self.phase.is_some()
    }

    pub fn matches(&self, data: &Dataset, s: &Session) -> bool {
        if self.constrains_date() {
            let Some(date) = self.zone.day_of(s) else {
                return false;
            };
            if !self.dates.is_empty() && !self.dates.contains(&date) {
                return false;
            }
            if self.from.is_some_and(|from| date < from) || self.to.is_some_and(|to| date > to) {
                return false;
            }
            if self.phase.is_some() && phase_of(data, date) != self.phase {
                return false;
            }
        }
        if !self.tracks.is_empty() && !s.track.is_some_and(|t| self.tracks.contains(&t)) {
            return false;
        }
        if !self.kinds.is_empty() && !self.kinds.contains(&s.kind) {
            return false;
        }
        if let Some(body) = &self.body {
            if !involves_body(data, s, body) {
                return false;
            }
        }
        if let Some(country) = &self.country {
            if !involves_country(data, s, country) {
                return false;
            }
        }
        true
    }
}

/// The sessions that pass `filter`, in programme order.
pub fn select<'a>(data: &'a Dataset, filter: &Filter) -> Vec<&'a Session> {
    let mut chosen: Vec<&Session> = data.sessions.iter().filter(|s| filter.matches(data, s)).collect();
    sort(&mut chosen, filter.zone);
    chosen
}

/// Programme order: by day in `zone`, then start time; within a day, sessions whose time was not
/// published come last, and sessions with no known date come after every dated one.
pub fn sort(sessions: &mut [&Session], zone: zone::Zone) {
    // Cached: finding the day in a zone costs a conversion, too much to repeat per comparison.
    sessions.sort_by_cached_key(|s| {
        let day = zone.day_of(s);
        let start = s.date.zip(s.start_utc).map(|(d, t)| d.and_time(t));
        (day.is_none(), day, start.is_none(), start, s.id.clone())
    });
}

/// The phase (1 or 2) a day belongs to; None for the weekend between them.
pub fn phase_of(data: &Dataset, date: NaiveDate) -> Option<u8> {
    data.forum
        .phases
        .iter()
        .find(|p| p.start <= date && date <= p.end)
        .map(|p| p.number)
}

/// Whether the session involves a body named (in part) `needle`, in English or Arabic: organisers,
/// speakers' affiliations and Egyptian bodies, including the Arabic names of known organisations.
pub fn involves_body(data: &Dataset, s: &Session, needle: &str) -> bool {
    let needle = fold_for_search(needle);
    let hit = |text: &str| fold_for_search(text).contains(&needle);
    // English names of the organisations whose Arabic name was asked for: the same for every
    // text, so found once rather than for each organiser and affiliation.
    let named_in_arabic: Vec<String> = data
        .organisations
        .iter()
        .filter(|o| hit(&o.name_ar))
        .map(|o| fold_for_search(&o.name_en))
        .collect();
    let names_a_body = |text: &str| {
        let folded = fold_for_search(text);
        folded.contains(&needle) || named_in_arabic.iter().any(|english| folded.contains(english.as_str()))
    };
    s.organizers.iter().any(|o| names_a_body(o))
        || s.speakers
            .iter()
            .filter_map(|p| p.affiliation.as_deref())
            .any(names_a_body)
        || s.egypt.iter().filter_map(|e| e.body.as_deref()).any(|id| {
            hit(id)
                || data
                    .bodies
                    .iter()
                    .filter(|b| b.id == id)
                    .any(|b| hit(&b.name_en) || b.name_ar.as_deref().is_some_and(hit))
        })
}

/// Egypt's name in each language, as the data and users write it.
pub const EGYPT_NAMES: [&str; 2] = ["Egypt", "مصر"];

/// Whether `name` names Egypt, in either language.
pub fn is_egypt(name: &str) -> bool {
    let wanted = fold_for_search(name.trim());
    EGYPT_NAMES.iter().any(|n| fold_for_search(n) == wanted)
}

/// Egypt's bodies: the organisations of Egypt the data describes (the people it names are shown
/// with the sessions they took part in). The `egypt` view and its JSON both list exactly these.
pub fn egypt_bodies(data: &Dataset) -> Vec<&Body> {
    data.bodies
        .iter()
        .filter(|b| b.kind_is_organisation() && b.country.as_deref().is_some_and(is_egypt))
        .collect()
}

/// Whether a speaker from `country` took part, or a body from there, or (for Egypt) an Egyptian
/// body or person did. `country` is matched as [`countries::CountryQuery`] explains.
pub fn involves_country(data: &Dataset, s: &Session, country: &str) -> bool {
    let wanted = countries::CountryQuery::new(country);
    s.speakers
        .iter()
        .filter_map(|p| p.country.as_deref())
        .any(|c| wanted.matches(c))
        || (wanted.includes_egypt && !s.egypt.is_empty())
        || s.egypt.iter().filter_map(|e| e.body.as_deref()).any(|id| {
            data.bodies
                .iter()
                .any(|b| b.id == id && b.country.as_deref().is_some_and(|c| wanted.matches(c)))
        })
}

/// Every country the programme names (speakers' and bodies'), and every country of the table in
/// both languages: what a mistyped `--country` is compared with.
pub fn country_names(data: &Dataset) -> Vec<&str> {
    let mut names: Vec<&str> = data
        .sessions
        .iter()
        .flat_map(|s| s.speakers.iter().filter_map(|p| p.country.as_deref()))
        .chain(data.bodies.iter().filter_map(|b| b.country.as_deref()))
        .chain(countries::COUNTRIES.iter().flat_map(|c| [c.name_en, c.name_ar]))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Up to three country names nearest to a `--country` that matched nothing.
pub fn closest_country_names<'a>(data: &'a Dataset, typed: &str) -> Vec<&'a str> {
    let names = country_names(data);
    closest::closest(
        &fold_for_search(typed),
        names.into_iter().map(|n| (n, fold_for_search(n))),
    )
}

/// Every organisation name the programme mentions, in both languages: organisers, speakers'
/// affiliations, Egyptian bodies and the Arabic names of recurring organisations.
pub fn body_names(data: &Dataset) -> Vec<&str> {
    let mut names: Vec<&str> = data
        .sessions
        .iter()
        .flat_map(|s| {
            s.organizers
                .iter()
                .map(AsRef::as_ref)
                .chain(s.speakers.iter().filter_map(|p| p.affiliation.as_deref()))
        })
        .chain(
            data.bodies
                .iter()
                .flat_map(|b| std::iter::once(b.name_en.as_ref()).chain(b.name_ar.as_deref())),
        )
        .chain(
            data.organisations
                .iter()
                .flat_map(|o| [o.name_en.as_ref(), o.name_ar.as_ref()]),
        )
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Up to three names nearest to `needle`, for "did you mean" when a `--body` names nothing.
pub fn closest_body_names<'a>(data: &'a Dataset, needle: &str) -> Vec<&'a str> {
    closest::closest(
        &fold_for_search(needle),
        body_names(data).into_iter().map(|n| (n, fold_for_search(n))),
    )
}
