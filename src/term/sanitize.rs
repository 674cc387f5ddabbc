//! Data text is untrusted on its way to a terminal: an escape sequence in a session title could
//! recolour, retitle or clear the user's terminal, a stray bidi override could reorder the lines
//! around it, and an invisible character could make two different values look the same. Every
//! data or argument string passes through [`for_terminal`] before it is printed, so the only
//! controls that reach the terminal are the program's own.
//!
//! This module also owns the one definition of the bidi formatting characters; the `rtl` layer
//! and the tests use these predicates rather than lists of their own.

use std::borrow::Cow;

/// Makes `text` safe to display on one line: line and paragraph breaks and tabs become spaces;
/// other C0 controls and DEL become their visible control pictures (U+2400..); C1 controls and
/// bidi formatting characters become a visible `<U+XXXX>` tag, so a hostile or broken value is
/// shown for what it is rather than acted upon; invisible characters (zero-width space, soft
/// hyphen, byte-order mark, word joiner, tags, ...) are dropped. ZWJ and ZWNJ stay: Arabic and
/// Persian spelling needs them. Clean text is returned as it is, without a copy.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

/// Like [`for_terminal`] but keeps line breaks (`\n`, and `\r` before `\n`), for multi-line
/// output such as CSV or iCalendar written to a terminal.
pub fn for_terminal_lines(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

fn clean(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let Some(first) = text.find(needs_care) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if keep_lines => out.push('\n'),
            '\r' if keep_lines && chars.peek() == Some(&'\n') => out.push('\r'),
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push(' '),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
            '\u{7f}' => out.push('\u{2421}'),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str("<U+");
                out.push_str(&format!("{:04X}", c as u32));
                out.push('>');
            }
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether [`for_terminal`] changes `c`.
pub fn needs_care(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Explicit directional formatting characters (UAX #9 section 2): the marks (ALM, LRM, RLM),
/// embeddings, overrides and their terminator PDF, and isolates.
pub fn is_bidi_control(c: char) -> bool {
    is_bidi_mark(c) || is_bidi_embedding_or_override(c) || is_bidi_isolate(c)
}

/// ALM, LRM and RLM: invisible characters with a direction, no scope.
pub fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}')
}

/// LRE, RLE, PDF, LRO and RLO.
pub fn is_bidi_embedding_or_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}')
}

/// LRI, RLI, FSI and PDI.
pub fn is_bidi_isolate(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}')
}

/// Characters that occupy no cell and carry no meaning a reader of a title or a name needs, so a
/// terminal shows nothing for them (the idea behind fd's list of invisible characters): soft
/// hyphen, combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian free
/// variation selectors and vowel separator, zero-width space, word joiner and the invisible
/// operators, deprecated format characters, the byte-order mark, interlinear annotation marks,
/// musical formatting and tag characters. ZWNJ (U+200C) and ZWJ (U+200D) are not in the list:
/// they change how Arabic, Persian and emoji are drawn.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// At most `max_chars` characters of `text`, sanitised; longer values end in "…". Echoing a
/// megabyte back in an error message helps no one.
pub fn shortened(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => for_terminal(text).into_owned(),
        Some((cut, _)) => format!("{}…", for_terminal(&text[..cut])),
    }
}

/// How many characters of a user's value an error message repeats.
pub const ECHO_CHARS: usize = 60;

/// A value inside code an error message shows (a JSON path, a JSON value): sanitised, shortened,
/// in JSON's quotes whatever the language. Values in sentences are quoted by the messages.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", shortened(text, ECHO_CHARS))
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
    fn line_breaks_become_spaces_and_clean_text_is_not_copied() {
        assert_eq!(for_terminal("a\nb\tc\u{2028}d\u{2029}e"), "a b c d e");
        assert!(matches!(for_terminal("منتدى حوكمة الإنترنت"), Cow::Borrowed(_)));
    }

    #[test]
    fn invisible_characters_go_but_joiners_stay() {
        assert_eq!(for_terminal("a\u{200B}b\u{FEFF}c\u{AD}d\u{E0041}"), "abcd");
        let persian = "می\u{200C}خواهم";
        assert!(matches!(for_terminal(persian), Cow::Borrowed(_)));
        assert_eq!(for_terminal("👨\u{200D}💻"), "👨\u{200D}💻");
    }

    #[test]
    fn multi_line_output_keeps_its_line_ends_only() {
        assert_eq!(for_terminal_lines("a\r\nb\nc\rd\x1b"), "a\r\nb\nc d\u{241B}");
    }

    #[test]
    fn long_values_are_shortened_with_an_ellipsis() {
        let long = "x".repeat(1000);
        assert_eq!(shortened(&long, 5), "xxxxx…");
        assert_eq!(shortened("short", 5), "short");
        assert_eq!(quoted("a\x1bb"), "\"a\u{241B}b\"");
    }
}
