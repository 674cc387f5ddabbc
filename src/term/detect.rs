//! Which terminal is showing the output, and so what it does with right-to-left text.
//!
//! Terminals fall into three kinds (docs/terminals.md has the full table and what was seen):
//! those that show cells in the order they receive them (xterm, Alacritty, foot, WezTerm,
//! Windows Terminal, ...), those that reorder by themselves unless asked not to with ECMA-48 BDSM
//! (VTE terminals such as GNOME Terminal, and mintty), and those that always reorder by
//! themselves and ignore BDSM (Konsole, mlterm, Terminal.app, Emacs, and kitty, which reverses
//! each run of Arabic as it shapes it). The first two get text in
//! display order wrapped in `CSI 8 l` … `CSI 8 h`; the third gets text in logical order. A
//! multiplexer (tmux, screen) draws what it receives in order but keeps BDSM to itself, so the
//! terminal around it decides, and one that needs BDSM to stop reordering gets logical text.
//!
//! The terminal is known only from the environment it leaves behind. Those variables leak into
//! terminals started from inside another, so [`FAMILIES`] is ordered: multiplexers first (they
//! are the innermost layer), then the families that always reorder, because logical text in a
//! terminal that reorders it stays readable while display-order text there is reversed a second
//! time.

/// What a terminal does with the characters of a line it receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reordering {
    /// Shows each cell where it is written: text must arrive in display order.
    Never,
    /// Reorders by itself (implicit mode) unless switched to explicit mode with BDSM.
    UnlessExplicit,
    /// Reorders by itself whatever it is sent: text must arrive in logical order.
    Always,
    /// A multiplexer: draws its cells in order on the terminal around it, and does not pass BDSM
    /// on, so that outer terminal decides.
    Multiplexer,
}

/// How a family makes itself known in the environment.
#[derive(Debug, Clone, Copy)]
pub enum Sign {
    /// This variable is set (to anything).
    Set(&'static str),
    /// This variable has exactly this value.
    Is(&'static str, &'static str),
    /// `TERM` starts with this.
    TermStarts(&'static str),
}

/// A terminal family: its name, how it is recognised, and what it does with bidi text.
#[derive(Debug)]
pub struct Family {
    pub name: &'static str,
    pub signs: &'static [Sign],
    pub reordering: Reordering,
    /// Draws the invisible bidi isolates (U+2066-2069) as visible boxes, a cell each, instead
    /// of using them, while it honours LRM and RLM: logical text is sent to it with marks in
    /// their place (see `Terminal::printable`).
    pub draws_isolates: bool,
}

/// Every family igf tells apart, first match wins (see the module comment for the order). The
/// last one has no sign and so matches any terminal not recognised before it.
pub static FAMILIES: &[Family] = &[
    Family {
        name: "tmux",
        signs: &[Sign::Set("TMUX"), Sign::TermStarts("tmux")],
        reordering: Reordering::Multiplexer,
        draws_isolates: false,
    },
    Family {
        name: "GNU screen",
        signs: &[Sign::Set("STY"), Sign::TermStarts("screen")],
        reordering: Reordering::Multiplexer,
        draws_isolates: false,
    },
    Family {
        name: "Emacs",
        signs: &[Sign::Set("INSIDE_EMACS")],
        reordering: Reordering::Always,
        draws_isolates: false,
    },
    Family {
        name: "Konsole",
        signs: &[Sign::Set("KONSOLE_VERSION"), Sign::Set("KONSOLE_DBUS_SESSION")],
        reordering: Reordering::Always,
        draws_isolates: false,
    },
    Family {
        name: "mlterm",
        signs: &[Sign::Set("MLTERM"), Sign::TermStarts("mlterm")],
        reordering: Reordering::Always,
        draws_isolates: true,
    },
    Family {
        name: "Terminal.app",
        signs: &[Sign::Is("TERM_PROGRAM", "Apple_Terminal")],
        reordering: Reordering::Always,
        draws_isolates: false,
    },
    Family {
        name: "kitty",
        signs: &[Sign::Set("KITTY_WINDOW_ID"), Sign::TermStarts("xterm-kitty")],
        // It shapes each run of Arabic right to left with HarfBuzz, which reverses the run.
        reordering: Reordering::Always,
        draws_isolates: false,
    },
    Family {
        name: "VTE (GNOME Terminal, Tilix, sakura, ...)",
        signs: &[Sign::Set("VTE_VERSION")],
        reordering: Reordering::UnlessExplicit,
        draws_isolates: false,
    },
    Family {
        name: "mintty",
        signs: &[Sign::Is("TERM_PROGRAM", "mintty")],
        reordering: Reordering::UnlessExplicit,
        draws_isolates: false,
    },
    Family {
        name: "iTerm2",
        signs: &[Sign::Is("TERM_PROGRAM", "iTerm.app"), Sign::Set("ITERM_SESSION_ID")],
        reordering: Reordering::Never,
        draws_isolates: false,
    },
    Family {
        name: "WezTerm",
        signs: &[Sign::Is("TERM_PROGRAM", "WezTerm"), Sign::Set("WEZTERM_PANE")],
        reordering: Reordering::Never,
        draws_isolates: false,
    },
    Family {
        name: "Windows Terminal",
        signs: &[Sign::Set("WT_SESSION")],
        reordering: Reordering::Never,
        draws_isolates: false,
    },
    Family {
        name: "Alacritty",
        signs: &[Sign::Set("ALACRITTY_WINDOW_ID"), Sign::TermStarts("alacritty")],
        reordering: Reordering::Never,
        draws_isolates: false,
    },
    Family {
        name: "foot",
        signs: &[Sign::TermStarts("foot")],
        reordering: Reordering::Never,
        draws_isolates: false,
    },
    Family {
        name: "xterm",
        signs: &[Sign::Set("XTERM_VERSION")],
        reordering: Reordering::Never,
        draws_isolates: false,
    },
    Family {
        name: "other terminal",
        signs: &[],
        reordering: Reordering::Never,
        draws_isolates: false,
    },
];

/// The order text should be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Display order, left to right as it should appear (igf runs the bidi algorithm).
    Visual,
    /// Reading order, as a file holds it (the terminal or viewer runs the bidi algorithm).
    Logical,
}

/// The terminal found in the environment.
#[derive(Debug, Clone, Copy)]
pub struct Detected {
    /// The innermost family recognised (a multiplexer, when inside one).
    pub family: &'static Family,
    /// Inside a multiplexer: the terminal around it.
    pub outer: Option<&'static Family>,
    /// `TERM=dumb`: a terminal that understands no escape sequence at all.
    pub dumb: bool,
}

impl Detected {
    /// Reads the environment of this process.
    pub fn from_env() -> Self {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// Recognises the terminal from variables given by `var` (so tests need not touch the
    /// process environment).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Self {
        let matches = |family: &Family| {
            family.signs.is_empty()
                || family.signs.iter().any(|sign| match *sign {
                    Sign::Set(name) => var(name).is_some_and(|v| !v.is_empty()),
                    Sign::Is(name, value) => var(name).as_deref() == Some(value),
                    Sign::TermStarts(prefix) => var("TERM").is_some_and(|t| t.starts_with(prefix)),
                })
        };
        let first = |multiplexers: bool| {
            FAMILIES
                .iter()
                .filter(|f| multiplexers || f.reordering != Reordering::Multiplexer)
                .find(|f| matches(f))
                .unwrap_or(&FAMILIES[FAMILIES.len() - 1])
        };
        let family = first(true);
        let outer = (family.reordering == Reordering::Multiplexer).then(|| first(false));
        Detected {
            family,
            outer,
            dumb: var("TERM").as_deref() == Some("dumb"),
        }
    }

    /// The order this terminal needs text in.
    pub fn order(&self) -> Order {
        let through_multiplexer = self.outer.is_some();
        let reordering = self.outer.unwrap_or(self.family).reordering;
        match reordering {
            Reordering::Never | Reordering::Multiplexer => Order::Visual,
            // BDSM does not get past the multiplexer, so the outer terminal keeps reordering.
            Reordering::UnlessExplicit if through_multiplexer => Order::Logical,
            Reordering::UnlessExplicit => Order::Visual,
            Reordering::Always => Order::Logical,
        }
    }

    /// Whether escape sequences (colour, BDSM) and full-screen programs (a pager) may be used.
    pub fn understands_escapes(&self) -> bool {
        !self.dumb
    }

    /// The family's name, followed by the outer terminal's inside a multiplexer.
    pub fn describe(&self) -> String {
        match self.outer {
            Some(outer) => format!("{} inside {}", self.family.name, outer.name),
            None => self.family.name.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(vars: &[(&str, &str)]) -> Detected {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Detected::from_vars(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn every_family_but_the_last_has_a_sign_and_the_last_has_none() {
        let (last, rest) = FAMILIES.split_last().expect("families");
        assert!(last.signs.is_empty());
        assert!(
            rest.iter().all(|f| !f.signs.is_empty()),
            "only the fallback matches everything"
        );
    }

    #[test]
    fn a_terminal_that_always_reorders_wins_over_a_leaked_variable_of_another() {
        // Konsole started from GNOME Terminal inherits VTE_VERSION.
        let d = detect(&[("VTE_VERSION", "7600"), ("KONSOLE_VERSION", "230805")]);
        assert_eq!(d.family.name, "Konsole");
        assert_eq!(d.order(), Order::Logical);
    }

    #[test]
    fn inside_tmux_the_outer_terminal_decides() {
        let in_vte = detect(&[("TMUX", "/tmp/tmux-0/default,1,0"), ("VTE_VERSION", "7600")]);
        assert_eq!(
            in_vte.describe(),
            "tmux inside VTE (GNOME Terminal, Tilix, sakura, ...)"
        );
        assert_eq!(in_vte.order(), Order::Logical, "BDSM cannot reach VTE through tmux");
        let in_xterm = detect(&[("TERM", "tmux-256color"), ("XTERM_VERSION", "XTerm(379)")]);
        assert_eq!(in_xterm.order(), Order::Visual);
        let unknown = detect(&[("STY", "1234.pts-0.host")]);
        assert_eq!(unknown.describe(), "GNU screen inside other terminal");
        assert_eq!(unknown.order(), Order::Visual);
    }

    #[test]
    fn empty_variables_are_not_signs() {
        assert_eq!(detect(&[("MLTERM", "")]).family.name, "other terminal");
    }

    #[test]
    fn only_term_dumb_forbids_escapes() {
        assert!(!detect(&[("TERM", "dumb")]).understands_escapes());
        assert!(detect(&[("TERM", "xterm-256color")]).understands_escapes());
        assert!(detect(&[]).understands_escapes(), "Windows consoles set no TERM");
    }
}
