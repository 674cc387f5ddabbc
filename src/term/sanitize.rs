//! Data text is untrusted on its way to a terminal: an escape sequence in a session title could
//! recolour, retitle or clear the user's terminal, and a stray bidi override could reorder the
//! lines around it. Every data string passes through [`for_terminal`] before layout, so the only
//! controls that reach the terminal are the program's own.

/// Makes `text` safe to display: line breaks and tabs become spaces; other C0 controls, DEL and C1
/// controls become visible symbols; bidi formatting characters become a visible `<U+XXXX>` tag, so
/// a hostile or broken value is shown for what it is rather than acted upon or silently dropped.
pub fn for_terminal(text: &str) -> String {
    if !text.chars().any(needs_care) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
            '\u{7f}' => out.push('\u{2421}'),
            c if needs_care(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn needs_care(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Explicit directional formatting characters (UAX #9 section 2): marks, embeddings, overrides
/// and isolates.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_made_visible() {
        assert_eq!(for_terminal("a\x1b[2Jb"), "a\u{241B}[2Jb");
        assert_eq!(for_terminal("x\u{9b}31m"), "x<U+009B>31m");
        assert_eq!(for_terminal("del\x7f"), "del\u{2421}");
    }

    #[test]
    fn bidi_overrides_are_shown_not_obeyed() {
        assert_eq!(for_terminal("\u{202E}abc\u{202C}"), "<U+202E>abc<U+202C>");
        assert_eq!(for_terminal("\u{2067}x\u{2069}"), "<U+2067>x<U+2069>");
    }

    #[test]
    fn line_breaks_become_spaces_and_clean_text_is_unchanged() {
        assert_eq!(for_terminal("a\nb\tc"), "a b c");
        assert_eq!(for_terminal("منتدى حوكمة الإنترنت"), "منتدى حوكمة الإنترنت");
    }
}
