//! The typed programme: what the bundled YAML and any `--data` file deserialize into.
//!
//! Closed sets (kinds, tracks, confidence) are enums so that a typo in a data file is a load error
//! rather than a session that silently matches no filter.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// Years a session's date may have: iCalendar DATE values and frab's ISO 8601 dates hold four
/// digits, and date arithmetic near chrono's own limits would overflow.
pub const CALENDAR_YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Whether every format igf writes can hold this date.
pub fn within_calendars(date: NaiveDate) -> bool {
    use chrono::Datelike;
    CALENDAR_YEARS.contains(&date.year())
}

/// Text that is either part of the programme compiled into the binary (borrowed, free to load)
/// or read from a `--data` file at run time (owned).
pub type Text = Cow<'static, str>;
/// A list with the same two origins as [`Text`].
pub type List<T> = Cow<'static, [T]>;

/// The whole dataset: the forum, its sessions and the bodies it names.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub forum: Forum,
    pub sessions: List<Session>,
    #[serde(default)]
    pub bodies: List<Body>,
    /// Arabic names of organisations that recur, so `--body` and `search` accept either language.
    #[serde(default)]
    pub organisations: List<Organisation>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Forum {
    #[serde(deserialize_with = "required::text")]
    pub name_en: Text,
    #[serde(deserialize_with = "required::text")]
    pub name_ar: Text,
    #[serde(deserialize_with = "required::text")]
    pub edition_en: Text,
    #[serde(deserialize_with = "required::text")]
    pub edition_ar: Text,
    #[serde(deserialize_with = "required::text")]
    pub host_en: Text,
    #[serde(deserialize_with = "required::text")]
    pub host_ar: Text,
    #[serde(deserialize_with = "required::text")]
    pub theme_en: Text,
    #[serde(deserialize_with = "required::text")]
    pub theme_ar: Text,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub phases: List<Phase>,
    #[serde(default)]
    pub reported: List<ReportedCount>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub number: u8,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// A count the forum or a news item published about itself, kept beside our own counts so users can
/// judge how complete the bundled programme is.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedCount {
    #[serde(deserialize_with = "required::text")]
    pub what_en: Text,
    #[serde(deserialize_with = "required::text")]
    pub what_ar: Text,
    #[serde(deserialize_with = "required::text")]
    pub source: Text,
    /// The number of sessions the count gives, so `about` can set it beside the programme's own.
    #[serde(default)]
    pub sessions: Option<u32>,
    /// The kind of session counted; none for a count of all sessions.
    #[serde(default)]
    pub kind: Option<Kind>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    #[serde(deserialize_with = "required::text")]
    pub name_en: Text,
    #[serde(deserialize_with = "required::text")]
    pub name_ar: Text,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    PreEvent,
    OpenForum,
    Workshop,
    DynamicCoalition,
    Nri,
    Bpf,
    MainSession,
    HighLevelLeaders,
    Parliamentary,
    Introductory,
    Concluding,
    Newcomers,
    Ceremony,
    Youth,
    Networking,
    #[default]
    Other,
}

impl Kind {
    pub const ALL: [Kind; 16] = [
        Kind::PreEvent,
        Kind::OpenForum,
        Kind::Workshop,
        Kind::DynamicCoalition,
        Kind::Nri,
        Kind::Bpf,
        Kind::MainSession,
        Kind::HighLevelLeaders,
        Kind::Parliamentary,
        Kind::Introductory,
        Kind::Concluding,
        Kind::Newcomers,
        Kind::Ceremony,
        Kind::Youth,
        Kind::Networking,
        Kind::Other,
    ];

    /// The name used in data files and on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::PreEvent => "pre-event",
            Kind::OpenForum => "open-forum",
            Kind::Workshop => "workshop",
            Kind::DynamicCoalition => "dynamic-coalition",
            Kind::Nri => "nri",
            Kind::Bpf => "bpf",
            Kind::MainSession => "main-session",
            Kind::HighLevelLeaders => "high-level-leaders",
            Kind::Parliamentary => "parliamentary",
            Kind::Introductory => "introductory",
            Kind::Concluding => "concluding",
            Kind::Newcomers => "newcomers",
            Kind::Ceremony => "ceremony",
            Kind::Youth => "youth",
            Kind::Networking => "networking",
            Kind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Track {
    Data,
    Environment,
    Inclusion,
    Trust,
}

impl Track {
    pub const ALL: [Track; 4] = [Track::Data, Track::Environment, Track::Inclusion, Track::Trust];

    pub fn slug(self) -> &'static str {
        match self {
            Track::Data => "Data",
            Track::Environment => "Environment",
            Track::Inclusion => "Inclusion",
            Track::Trust => "Trust",
        }
    }
}

/// How firmly the sources fix a session's date and time (see data/README.md).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Medium,
    #[default]
    Low,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    #[serde(deserialize_with = "required::text")]
    pub id: Text,
    /// Other ids users may type for this session (the longer slugs earlier versions used).
    #[serde(default)]
    pub aliases: List<Text>,
    pub kind: Kind,
    pub code: Option<Text>,
    pub number: Option<u32>,
    pub title_en: Option<Text>,
    pub title_ar: Option<Text>,
    /// None where no source gives the day (the session is known to have been held).
    pub date: Option<NaiveDate>,
    #[serde(with = "clock")]
    pub start_utc: Option<NaiveTime>,
    #[serde(with = "clock")]
    pub end_utc: Option<NaiveTime>,
    pub room: Option<Text>,
    pub format: Option<Text>,
    pub track: Option<Track>,
    #[serde(default)]
    pub organizers: List<Text>,
    #[serde(default)]
    pub speakers: List<Speaker>,
    #[serde(default)]
    pub egypt: List<EgyptPart>,
    /// Dates other sources give for the session; the schedule's `date` wins, but users see these.
    #[serde(default)]
    pub other_dates: List<DateClaim>,
    pub summary_en: Option<Text>,
    pub summary_ar: Option<Text>,
    pub sources: List<Text>,
    pub confidence: Confidence,
    pub notes: Option<Text>,
    /// The same note in Arabic; validation refuses a note in one language only.
    #[serde(default)]
    pub notes_ar: Option<Text>,
    /// Set for events held outside 2-17 November (e.g. a follow-up), so date validation lets them pass.
    #[serde(default)]
    pub out_of_programme: bool,
}

impl Session {
    /// Every number the printed code carries: "WS #182&318" has two.
    pub fn code_numbers(&self) -> Vec<u32> {
        let Some(code) = &self.code else {
            return self.number.into_iter().collect();
        };
        let after_hash = code.split_once('#').map_or("", |(_, rest)| rest);
        after_hash
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect()
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    #[serde(deserialize_with = "required::text")]
    pub name: Text,
    pub affiliation: Option<Text>,
    pub country: Option<Text>,
}

/// Egypt's part in one session: a body (by id) or a person, what they did, and where that is said.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EgyptPart {
    pub body: Option<Text>,
    pub person: Option<Text>,
    #[serde(deserialize_with = "required::text")]
    pub role: Text,
    pub role_ar: Option<Text>,
    #[serde(deserialize_with = "required::text")]
    pub evidence: Text,
    /// The evidence in Arabic; required beside `evidence`.
    #[serde(default)]
    pub evidence_ar: Option<Text>,
    #[serde(default)]
    pub sources: List<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DateClaim {
    pub date: NaiveDate,
    #[serde(deserialize_with = "required::text")]
    pub by: Text,
    /// Who gives the date, in Arabic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_ar: Option<Text>,
    #[serde(deserialize_with = "required::text")]
    pub source: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    #[serde(deserialize_with = "required::text")]
    pub id: Text,
    #[serde(deserialize_with = "required::text")]
    pub name_en: Text,
    pub name_ar: Option<Text>,
    pub country: Option<Text>,
    #[serde(rename = "type")]
    pub body_type: Option<Text>,
    #[serde(default)]
    pub roles: List<Text>,
    /// Our Arabic wording of `roles`, where written; English is shown otherwise.
    #[serde(default)]
    pub roles_ar: List<Text>,
    #[serde(default)]
    pub igf2020_sessions: List<Text>,
    #[serde(default)]
    pub sources: List<Text>,
    #[serde(default)]
    pub related_sources: List<Text>,
    pub notes: Option<Text>,
    /// Sat on the Secretary-General's Multistakeholder Advisory Group that planned IGF 2020.
    #[serde(default)]
    pub mag_member_2020: bool,
}

impl Body {
    /// Ministries, regulators and forums, as opposed to the people the sources name.
    pub fn kind_is_organisation(&self) -> bool {
        self.body_type.as_deref() != Some("person")
    }
}

/// What a required text says when the file gives it no value; data::serde_words words it.
pub const NO_VALUE: &str = "the field has no value";
/// How [`parse_hhmm`]'s refusal starts, so data::serde_words can word it.
pub const BAD_TIME: &str = "invalid time";

/// Text the schema requires. YAML reads `null`, `~` and nothing after the colon as no value, yet
/// serde_yaml hands them to a string as the words "null" and "~" (and ""): a speaker named
/// "null" would be a value the file never gave. Quoted text ('null', '') is text as written.
mod required {
    use super::*;
    use serde::de::{Error, Visitor};

    struct Required;

    impl<'de> Visitor<'de> for Required {
        type Value = Text;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_none<E: Error>(self) -> Result<Text, E> {
            Err(E::custom(NO_VALUE))
        }
        // Only the loader's stand-in for a field already reported (load.rs `Neutral`) calls this.
        fn visit_unit<E: Error>(self) -> Result<Text, E> {
            Ok(Cow::Borrowed(""))
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Text, D::Error> {
            String::deserialize(d).map(Cow::Owned)
        }
    }

    pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_option(Required)
    }
}

/// Times are written "HH:MM" and always quoted in the file, because YAML 1.1 readers turn an
/// unquoted 16:50 into the number 1010.
mod clock {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_some(&hhmm(*t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        text.map(|t| parse_hhmm(&t).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Writes a time as "HH:MM", the form data files and output use. Written out by hand because
/// chrono's format strings are parsed anew on every call, which shows in 100,000-session lists.
pub fn hhmm(t: NaiveTime) -> String {
    use chrono::Timelike;
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Parses a strict "HH:MM" (24-hour) time.
pub fn parse_hhmm(text: &str) -> Result<NaiveTime, String> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 5 && bytes[2] == b':' && [0, 1, 3, 4].iter().all(|&i| bytes[i].is_ascii_digit());
    well_formed
        .then(|| NaiveTime::parse_from_str(text, "%H:%M").ok())
        .flatten()
        .ok_or_else(|| format!("{BAD_TIME} {text:?}: expected a quoted \"HH:MM\" such as \"16:50\""))
}
