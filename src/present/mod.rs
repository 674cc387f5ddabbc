//! Turning selected sessions into a [`Document`] in the user's language: labels, dates, digits,
//! which fields to show and in what order. Text stays in logical order here; `layout` hands it to
//! the `rtl` layer for wrapping and display order.

pub mod ar;
pub mod colour;
pub mod en;
pub mod export;
pub mod format;
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
pub struct Context {
    pub lang: Lang,
    pub labels: &'static Labels,
    pub digits: Digits,
    pub zone: Zone,
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
        }
    }

    pub fn is_rtl(&self) -> bool {
        self.lang == Lang::Ar
    }

    /// A data value made safe for the terminal.
    pub fn data(&self, text: &str) -> String {
        sanitize::for_terminal(text).into_owned()
    }

    /// Left-to-right material (codes, ISO dates, times, URLs, Latin names) inside Arabic text is
    /// isolated so the bidi algorithm keeps it in one piece; English text needs no isolates.
    pub fn ltr(&self, text: &str) -> String {
        if self.is_rtl() && !text.is_empty() {
            crate::rtl::isolate_ltr(text)
        } else {
            text.to_owned()
        }
    }

    /// A data value that is written in Latin script (names, organisations, English titles).
    pub fn ltr_data(&self, text: &str) -> String {
        self.ltr(&self.data(text))
    }

    pub fn count(&self, n: usize) -> String {
        (self.labels.count_sessions)(n, &format::digits(self, &n.to_string()))
    }

    /// The session's title in the user's language; the other language, marked, when it has none.
    pub fn title(&self, s: &Session) -> String {
        let (own, other) = match self.lang {
            Lang::Ar => (&s.title_ar, &s.title_en),
            Lang::En => (&s.title_en, &s.title_ar),
        };
        match (own, other) {
            (Some(t), _) => self.data(t),
            (None, Some(t)) if self.lang == Lang::Ar => {
                format!("{} {}", self.ltr_data(t), self.labels.in_other_language)
            }
            (None, Some(t)) => format!("{} {}", self.data(t), self.labels.in_other_language),
            (None, None) => self.labels.untitled.to_owned(),
        }
    }

    /// The summary in the user's language, falling back to the other language, marked.
    pub fn summary(&self, s: &Session) -> Option<String> {
        let (own, other) = match self.lang {
            Lang::Ar => (&s.summary_ar, &s.summary_en),
            Lang::En => (&s.summary_en, &s.summary_ar),
        };
        match (own, other) {
            (Some(t), _) => Some(self.data(t)),
            (None, Some(t)) => Some(format!("{} {}", self.ltr_data(t), self.labels.in_other_language)),
            (None, None) => None,
        }
    }

    /// The printed code ("OF #39") or, for kinds without codes, the id.
    pub fn code(&self, s: &Session) -> String {
        self.ltr_data(s.code.as_deref().unwrap_or(&s.id))
    }
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

#[derive(Debug)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The column that gives up width first when the table is too wide (usually the title).
    pub flex: usize,
    /// Columns left out, in this order, when the others cannot fit whole (narrow terminals).
    pub optional: Vec<usize>,
    /// Per-row colours for some columns: (column, one optional style per row).
    pub styles: Vec<(usize, Vec<Option<anstyle::Style>>)>,
}

impl Document {
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }
}
