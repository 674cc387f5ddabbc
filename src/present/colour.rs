//! Colours for kinds and tracks, so a long list can be scanned by eye. Only used when colour is
//! wanted (a terminal, no NO_COLOR, or --color always); text never depends on them.

use crate::data::{Kind, Track};
use anstyle::{AnsiColor, Style};

pub fn kind(kind: Kind) -> Style {
    let colour = match kind {
        Kind::Workshop => AnsiColor::Cyan,
        Kind::OpenForum => AnsiColor::Green,
        Kind::PreEvent => AnsiColor::Yellow,
        Kind::MainSession | Kind::HighLevelLeaders | Kind::Ceremony => AnsiColor::Magenta,
        Kind::DynamicCoalition | Kind::Bpf | Kind::Nri => AnsiColor::Blue,
        _ => return Style::new().dimmed(),
    };
    Style::new().fg_color(Some(colour.into()))
}

pub fn track(track: Track) -> Style {
    let colour = match track {
        Track::Data => AnsiColor::BrightBlue,
        Track::Environment => AnsiColor::BrightGreen,
        Track::Inclusion => AnsiColor::BrightYellow,
        Track::Trust => AnsiColor::BrightMagenta,
    };
    Style::new().fg_color(Some(colour.into())).bold()
}
