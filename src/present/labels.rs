//! The words the program itself says. One table per language (`en.rs`, `ar.rs`), each complete, so
//! no label is written twice and a missing translation is a compile error rather than a blank.

use crate::data::{Confidence, Kind, Track};

/// Every user-facing word of one language.
pub struct Labels {
    pub id: &'static str,
    pub code: &'static str,
    pub date: &'static str,
    pub time: &'static str,
    pub title: &'static str,
    pub official_title: &'static str,
    pub kind: &'static str,
    pub track: &'static str,
    pub room: &'static str,
    pub format: &'static str,
    pub organisers: &'static str,
    pub speakers: &'static str,
    pub summary: &'static str,
    pub sources: &'static str,
    pub confidence: &'static str,
    pub notes: &'static str,
    pub phase: &'static str,
    pub weekday: &'static str,
    pub sessions: &'static str,
    pub count: &'static str,
    pub time_not_published: &'static str,
    pub date_not_published: &'static str,
    /// A date or time left blank, shown beside its own label or under its own column header,
    /// where the full "time not published" would say the label twice.
    pub not_published: &'static str,
    pub no_track: &'static str,
    pub untitled: &'static str,
    /// Stands for the room in exports that need one (frab schedules) when none was published.
    pub room_not_published: &'static str,
    pub none_seen: &'static str,
    /// Marks text shown in the other language because this one has none yet.
    pub in_other_language: &'static str,
    pub between_phases: &'static str,
    pub outside_programme: &'static str,
    pub egypt_bodies: &'static str,
    pub egypt_sessions: &'static str,
    pub egypt_part: &'static str,
    pub who: &'static str,
    pub role: &'static str,
    pub evidence: &'static str,
    pub mag_member: &'static str,
    pub other_date: &'static str,
    pub held_on: &'static str,
    pub matched: &'static str,
    pub matches_in_title: &'static str,
    pub matches_elsewhere: &'static str,
    pub forum: &'static str,
    pub theme: &'static str,
    pub dates: &'static str,
    pub host: &'static str,
    pub coverage: &'static str,
    pub reported_by_forum: &'static str,
    pub without_time: &'static str,
    pub without_track: &'static str,
    pub without_speakers: &'static str,
    pub without_date: &'static str,
    pub total: &'static str,
    /// Between the details of one item (a speaker's affiliation and country).
    pub comma: &'static str,
    /// Between items listed on one line (Egypt's parts in a session).
    pub list_separator: &'static str,
    /// Says how many sessions a list shows, with the correct plural.
    pub count_sessions: fn(usize, &str) -> String,
    /// "N sessions share this number" before a multi-session `show`.
    pub several_match: fn(usize, &str, &str) -> String,
    pub no_session_matches: &'static str,
    /// The heading of `igf search`: what was searched for (already quoted and isolated).
    pub results_for: fn(&str) -> String,
    /// The programme's own English vocabulary for session formats, seating and speakers' roles
    /// in this language; None keeps the published wording (the vocabulary is English).
    pub programme_term: fn(&str) -> Option<&'static str>,
    /// "60 Min" in a session format: the word after the number.
    pub minutes: &'static str,
    /// A switch's default when it is off, where help would otherwise print clap's `false`.
    pub switch_off: &'static str,
    /// "Room 2": the word before a room's number.
    pub numbered_room: &'static str,
    pub weekdays: [&'static str; 7],
    pub months: [&'static str; 12],
    pub kind_name: fn(Kind) -> &'static str,
    pub kind_plural: fn(Kind) -> &'static str,
    pub track_name: fn(Track) -> &'static str,
    pub confidence_name: fn(Confidence) -> &'static str,
    pub phase_name: fn(u8) -> &'static str,
    /// The heading of `egypt`, with the name (and year) of the forum the data describes.
    pub egypt_at: fn(&str) -> String,
    /// `egypt` on a programme that records no Egyptian body or part, with the forum's name.
    pub no_egypt_part: fn(&str) -> String,
}
