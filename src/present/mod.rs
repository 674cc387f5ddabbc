//! Turning selected sessions into a [`Document`] in the user's language: labels, dates, digits,
//! which fields to show and in what order. Text stays in logical order here; `layout` hands it to
//! the `rtl` layer for wrapping and display order.

pub mod ar;
pub mod colour;
pub mod en;
pub mod export;
pub mod format;
pub mod frab;
pub mod help;
pub mod labels;
pub mod layout;
pub mod messages;
pub mod views;

use crate::data::Session;
use crate::term::sanitize;
pub use format::Zone;
use labels::Labels;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ar,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digits {
    Arabic,
    Latin,
}

/// Everything that decides how a value is written.
#[derive(Clone)]
pub struct Context {
    pub lang: Lang,
    pub labels: &'static Labels,
    pub digits: Digits,
    pub zone: Zone,
    /// Whether values of the other direction are set apart with bidi isolates: yes for people,
    /// no for `--format plain`, whose fields carry the exact text.
    pub isolates: bool,
}

impl Context {
    pub fn new(lang: Lang, digits: Option<Digits>, zone: Zone) -> Self {
        let (labels, default_digits) = match lang {
            Lang::Ar => (&ar::LABELS, Digits::Arabic),
            Lang::En => (&en::LABELS, Digits::Latin),
        };
        Context {
            lang,
            labels,
            digits: digits.unwrap_or(default_digits),
            zone,
            isolates: true,
        }
    }

    /// The same context for output read by scripts: no bidi controls added to any value.
    pub fn exact(&self) -> Context {
        Context {
            isolates: false,
            ..self.clone()
        }
    }

    pub fn is_rtl(&self) -> bool {
        self.lang == Lang::Ar
    }

    /// A data value made safe for the terminal and, where its direction is not the
    /// language's, isolated so that it reads in its own direction on every line it spans, with
    /// its punctuation and brackets: an English name or note inside Arabic text, an Arabic
    /// title inside English. Values with no letters (numbers, dates) count as left-to-right.
    pub fn data(&self, text: &str) -> String {
        let clean = sanitize::for_terminal(text);
        let rtl_value = crate::rtl::first_strong(&clean) == Some(crate::rtl::Direction::Rtl);
        if self.isolates && !clean.is_empty() && rtl_value != self.is_rtl() {
            crate::rtl::isolate(&clean)
        } else {
            clean.into_owned()
        }
    }

    /// Prose from the data (a title, note, summary, role or piece of evidence) with its
    /// numbers in the context's digits; see [`prose_digits`].
    pub fn prose(&self, text: &str) -> String {
        self.data(&prose_digits(self.digits, text))
    }

    /// Left-to-right material of our own (ISO dates, times, zone names, codes) inside Arabic
    /// text is isolated so the bidi algorithm keeps it in one piece; English text needs none.
    pub fn ltr(&self, text: &str) -> String {
        if self.isolates && self.is_rtl() && !text.is_empty() {
            crate::rtl::isolate(text)
        } else {
            text.to_owned()
        }
    }

    pub fn count(&self, n: usize) -> String {
        (self.labels.count_sessions)(n, &format::digits(self, &n.to_string()))
    }

    /// The one rule for a value the data gives in both languages: the interface language's
    /// wording when there is one, else the other language's. Returns the wording and its language.
    pub fn pick<T>(&self, en: T, ar: T, present: impl Fn(&T) -> bool) -> Option<(T, Lang)> {
        let (own, other, other_lang) = match self.lang {
            Lang::Ar => (ar, en, Lang::En),
            Lang::En => (en, ar, Lang::Ar),
        };
        if present(&own) {
            Some((own, self.lang))
        } else if present(&other) {
            Some((other, other_lang))
        } else {
            None
        }
    }

    /// A value in the interface language, or in the other one when it has no wording here.
    pub fn value(&self, en: Option<&str>, ar: Option<&str>) -> Option<String> {
        self.pick(en, ar, Option::is_some)
            .and_then(|(text, _)| text.map(|t| self.prose(t)))
    }

    /// Like [`Context::value`], and saying so when the text is in the other language.
    pub fn value_marked(&self, en: Option<&str>, ar: Option<&str>) -> Option<String> {
        self.pick(en, ar, Option::is_some).and_then(|(text, lang)| {
            text.map(|t| {
                let written = self.prose(t);
                if lang == self.lang {
                    written
                } else {
                    format!("{written} {}", self.labels.in_other_language)
                }
            })
        })
    }

    /// The session's title in the user's language; the other language, marked, when it has none.
    pub fn title(&self, s: &Session) -> String {
        self.value_marked(s.title_en.as_deref(), s.title_ar.as_deref())
            .unwrap_or_else(|| self.labels.untitled.to_owned())
    }

    /// The summary in the user's language, falling back to the other language, marked.
    pub fn summary(&self, s: &Session) -> Option<String> {
        self.value_marked(s.summary_en.as_deref(), s.summary_ar.as_deref())
    }

    /// The printed code ("OF #39") or, for kinds without codes, the id.
    pub fn code(&self, s: &Session) -> String {
        self.data(s.code.as_deref().unwrap_or(&s.id))
    }
}

/// Numbers in prose written in `digits`, as the labels and dates around them are.
///
/// Arabic-Indic digits only ever stand for numbers, so with Latin digits every one is turned.
/// ASCII digits are turned into Arabic-Indic ones only where they belong to Arabic prose: the
/// nearest letter before them is Arabic (or, at the start, the nearest letter after them), and
/// nothing in their word marks a code, an id or an address (a Latin letter, `#`, `/`, `@`, `_`).
/// So «3 نوفمبر», «رقم 52905» and «كوفيد-19» change; «WS #165», «5G», «IGF 2020» and URLs do not.
pub fn prose_digits(digits: Digits, text: &str) -> String {
    const ARABIC_ZERO: u32 = 0x0660;
    if digits == Digits::Latin {
        return text
            .chars()
            .map(|c| match c {
                '\u{0660}'..='\u{0669}' => char::from_u32('0' as u32 + (c as u32 - ARABIC_ZERO)).unwrap_or(c),
                _ => c,
            })
            .collect();
    }
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let is_rtl_letter = |c: char| {
        c.is_alphabetic() && crate::rtl::first_strong(c.encode_utf8(&mut [0; 4])) == Some(crate::rtl::Direction::Rtl)
    };
    let marks_code = |c: char| (c.is_alphabetic() && !is_rtl_letter(c)) || matches!(c, '#' | '/' | '@' | '_');
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let word_start = chars[..start]
            .iter()
            .rposition(|c| c.is_whitespace())
            .map_or(0, |p| p + 1);
        let word_end = chars[i..]
            .iter()
            .position(|c| c.is_whitespace())
            .map_or(chars.len(), |p| i + p);
        let in_code = chars[word_start..word_end].iter().any(|&c| marks_code(c));
        let letter_before = chars[..start].iter().rev().find(|c| c.is_alphabetic());
        let nearest = letter_before.or_else(|| chars[i..].iter().find(|c| c.is_alphabetic()));
        let arabic = !in_code && nearest.is_some_and(|&c| is_rtl_letter(c));
        for &c in &chars[start..i] {
            if arabic {
                out.push(char::from_u32(ARABIC_ZERO + (c as u32 - '0' as u32)).unwrap_or(c));
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// What a command prints, before line breaking and display order are decided.
#[derive(Debug, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

#[derive(Debug)]
pub enum Block {
    Heading(String),
    /// Wrapped to the width.
    Paragraph(String),
    /// "label: value", the value wrapped.
    Field {
        label: String,
        value: String,
    },
    /// A label followed by one item per line.
    Items {
        label: String,
        items: Vec<String>,
    },
    Table(Table),
    /// A label followed by one link per line, never broken: a URL cut in two cannot be followed
    /// or copied.
    Links {
        label: String,
        urls: Vec<String>,
    },
    /// Never wrapped or truncated: one record per line for scripts (`--format plain`).
    Record(Vec<String>),
    Blank,
}

/// A table: named columns, each with its cells, row by row.
#[derive(Debug, Default)]
pub struct Table {
    pub columns: Vec<Column>,
}

impl Table {
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |c| c.cells.len())
    }

    /// The cells of row `r`, column by column.
    pub fn row(&self, r: usize) -> Vec<String> {
        self.columns.iter().map(|c| c.cells[r].clone()).collect()
    }
}

/// How a column's cells may be broken over lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Never broken: ids, dates, times, counts.
    Whole,
    /// Broken between words only.
    Words,
    /// Broken between words, and given the room the table has to spare: the title.
    Main,
}

#[derive(Debug)]
pub struct Column {
    pub header: String,
    pub cells: Vec<String>,
    pub fit: Fit,
    /// May be left out of a grid too narrow for it (kind, track); one block per row still shows it.
    pub optional: bool,
    /// A colour per row, or none.
    pub styles: Vec<Option<anstyle::Style>>,
}

impl Column {
    pub fn new(header: impl Into<String>, fit: Fit, cells: Vec<String>) -> Self {
        Column {
            header: header.into(),
            cells,
            fit,
            optional: false,
            styles: Vec::new(),
        }
    }

    pub fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    pub fn styled(mut self, styles: Vec<Option<anstyle::Style>>) -> Self {
        self.styles = styles;
        self
    }

    pub fn style(&self, row: usize) -> Option<anstyle::Style> {
        self.styles.get(row).copied().flatten()
    }
}

impl Document {
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_arabic_prose_follow_the_digits_and_codes_keep_theirs() {
        let arabic = |t: &str| prose_digits(Digits::Arabic, t);
        assert_eq!(arabic("في 3 نوفمبر 2020"), "في ٣ نوفمبر ٢٠٢٠");
        assert_eq!(arabic("الخبر رقم 52905"), "الخبر رقم ٥٢٩٠٥");
        assert_eq!(arabic("جائحة كوفيد-19"), "جائحة كوفيد-١٩");
        assert_eq!(
            arabic("(4 نوفمبر)"),
            "(٤ نوفمبر)",
            "a number before any letter goes by the next one"
        );
        assert_eq!(arabic("الورشة WS #165"), "الورشة WS #165");
        assert_eq!(arabic("شبكات 5G"), "شبكات 5G");
        assert_eq!(arabic("مؤشرات ROAM-X لعام 2021"), "مؤشرات ROAM-X لعام ٢٠٢١");
        assert_eq!(
            arabic("منتدى IGF 2020 في مصر"),
            "منتدى IGF 2020 في مصر",
            "a number after a Latin name is part of it"
        );
        assert_eq!(
            arabic("انظر https://mcit.gov.eg/Ar/52905"),
            "انظر https://mcit.gov.eg/Ar/52905"
        );
        assert_eq!(arabic("المعرّفان OF39 وWS195"), "المعرّفان OF39 وWS195");
        assert_eq!(arabic("Day 3 of 5"), "Day 3 of 5", "English prose keeps its digits");
        assert_eq!(arabic("بلا أرقام"), "بلا أرقام");
        assert_eq!(
            prose_digits(Digits::Latin, "كوفيد-١٩ في 3 نوفمبر"),
            "كوفيد-19 في 3 نوفمبر"
        );
    }

    #[test]
    fn a_value_is_shown_in_the_interface_language_else_in_the_other_marked() {
        let en = Context::new(Lang::En, None, Zone::Utc);
        let ar = Context::new(Lang::Ar, None, Zone::Utc);
        assert_eq!(en.value(Some("Egypt"), Some("مصر")), Some(en.data("Egypt")));
        assert_eq!(ar.value(Some("Egypt"), Some("مصر")), Some(ar.data("مصر")));
        assert_eq!(en.value(None, Some("مصر")), Some(en.data("مصر")));
        assert_eq!(
            en.value_marked(None, Some("مصر")),
            Some(format!("{} {}", en.data("مصر"), en::LABELS.in_other_language))
        );
        assert_eq!(
            ar.value_marked(Some("Egypt"), None),
            Some(format!("{} {}", ar.data("Egypt"), ar::LABELS.in_other_language))
        );
        assert_eq!(
            ar.value_marked(Some("Egypt"), Some("مصر")),
            Some(ar.data("مصر")),
            "not marked"
        );
        assert_eq!(ar.value(None, None), None);
        assert_eq!(
            en.pick(&[][..], &["x"][..], |l: &&[&str]| !l.is_empty()),
            Some((&["x"][..], Lang::Ar))
        );
    }
}
