//! Latin code inside Arabic sentences: option names, commands and the values they take.
//!
//! In a right-to-left paragraph, neutral characters between an Arabic word and a Latin one take
//! the paragraph's direction (UAX #9, rule N1), so the dashes of `--tz` end up after the name
//! (`tz--`) and the final `-` of `man -l -` before the command. Each such span is isolated, so
//! it reads left to right as it is typed.

use crate::rtl::isolate;
use crate::term::sanitize::is_bidi_isolate;

/// Never part of a span: they belong to the Arabic sentence around it (quotes, brackets and
/// Arabic punctuation).
const SENTENCE_MARKS: &[char] = &['«', '»', '(', ')', '[', ']', '،', '؛', '؟'];
/// Left outside a span at either end: the sentence's punctuation, not the code's.
const PUNCTUATION: &[char] = &['.', ',', ':', ';', '!', '?'];

/// `text` with every span of Latin code (Latin words, with the signs and digits between them)
/// isolated, so that it keeps its left-to-right order inside a right-to-left paragraph. Spans
/// already isolated are left as they are. Spans of digits are isolated too: after an Arabic
/// letter European digits count as Arabic ones (rule W2), and `2020-11-04` would show as
/// `04-11-2020`. A quotation in «» without Arabic in it is code or a value as typed, whatever
/// its characters: it is isolated whole, so that `«]»` or `«<!--»` is not mirrored.
pub fn isolate_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut span = String::new();
    // Spaces met after a span, kept until the next character says whether the span goes on.
    let mut pending_spaces = String::new();
    let mut depth = 0usize;
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        if c == '«' && depth == 0 {
            let inside = at + c.len_utf8();
            let quoted = text[inside..].find('»').map(|end| &text[inside..inside + end]);
            if let Some(quoted) =
                quoted.filter(|q| !q.is_empty() && !q.chars().any(|c| is_arabic(c) || is_bidi_isolate(c)))
            {
                flush(&mut out, &mut span);
                out.push_str(&pending_spaces);
                pending_spaces.clear();
                out.push('«');
                out.push_str(&isolate(quoted));
                out.push('»');
                // Past the closing quote.
                chars.nth(quoted.chars().count());
                continue;
            }
        }
        let in_span = depth == 0 && is_code(c);
        if c == ' ' && !span.is_empty() {
            pending_spaces.push(c);
            continue;
        }
        if in_span {
            span.push_str(&pending_spaces);
            pending_spaces.clear();
            span.push(c);
            continue;
        }
        flush(&mut out, &mut span);
        out.push_str(&pending_spaces);
        pending_spaces.clear();
        if is_bidi_isolate(c) {
            depth = if c == '\u{2069}' {
                depth.saturating_sub(1)
            } else {
                depth + 1
            };
        }
        out.push(c);
    }
    flush(&mut out, &mut span);
    out.push_str(&pending_spaces);
    out
}

/// A character that can be part of Latin code: anything but a space, a bidi isolate, Arabic
/// script and the sentence's own marks.
fn is_code(c: char) -> bool {
    c != ' ' && !is_bidi_isolate(c) && !is_arabic(c) && !SENTENCE_MARKS.contains(&c)
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Signs that a right-to-left line would mirror, outside the sentence's own brackets: a span of
/// them (`<<`, `->`) is code.
const MIRRORED_SIGNS: &[char] = &['<', '>', '{', '}'];

/// Writes `span`, isolated when it holds a Latin letter or digit or a sign that would be
/// mirrored, with the sentence's punctuation and spaces at either end outside the isolate.
fn flush(out: &mut String, span: &mut String) {
    if span.is_empty() {
        return;
    }
    let outside = |c: char| c == ' ' || PUNCTUATION.contains(&c);
    let code = span.trim_matches(outside);
    if code
        .chars()
        .any(|c| c.is_ascii_alphanumeric() || MIRRORED_SIGNS.contains(&c))
    {
        let start = span.len() - span.trim_start_matches(outside).len();
        out.push_str(&span[..start]);
        out.push_str(&isolate(code));
        out.push_str(&span[start + code.len()..]);
    } else {
        out.push_str(span);
    }
    span.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    const FSI: char = '\u{2068}';
    const PDI: char = '\u{2069}';

    fn spans(text: &str) -> Vec<String> {
        let out = isolate_code(text);
        let mut found = Vec::new();
        let mut rest = out.as_str();
        while let Some(start) = rest.find(FSI) {
            let after = &rest[start + FSI.len_utf8()..];
            let end = after.find(PDI).expect("every isolate is closed");
            found.push(after[..end].to_owned());
            rest = &after[end + PDI.len_utf8()..];
        }
        found
    }

    #[test]
    fn options_commands_and_values_are_isolated_without_the_sentence_around_them() {
        assert_eq!(spans("يضبطها الخيار --tz بمنطقة زمنية."), ["--tz"]);
        assert_eq!(spans("تواريخ أو ملف --data)، ثم"), ["--data"]);
        assert_eq!(spans("بلغة الواجهة: igf man | man -l -."), ["igf man | man -l -"]);
        assert_eq!(spans("مثل «2020-11-04»"), ["2020-11-04"]);
        assert_eq!(spans("(انظر «igf list --format plain»)"), ["igf list --format plain"]);
        assert_eq!(spans("مثل OF39 وWS195 وPE30."), ["OF39", "WS195", "PE30"]);
        assert_eq!(spans("TZ=«Mars/Olympus» ليست"), ["TZ=", "Mars/Olympus"]);
    }

    /// Signs quoted alone are isolated too: in the right-to-left sentence they would be
    /// mirrored (`]` drawn as `[`) and reversed (`<!--` as `--!<`).
    #[test]
    fn quoted_signs_are_isolated_whole_and_quoted_arabic_is_not() {
        assert_eq!(spans("لم يُعثر على «,» أو «]» المنتظرة"), [",", "]"]);
        assert_eq!(spans("تعليق «<!-- … -->» غير سليم"), ["<!-- … -->"]);
        assert_eq!(spans("مفاتيح الدمج «<<» لا تُطبَّق"), ["<<"]);
        assert_eq!(spans("الحقل <<: مفاتيح"), ["<<"]);
        assert_eq!(spans("الجلسة «مصر ٢٠٢٠» مكررة"), Vec::<String>::new());
        // What follows the quotation is read as before.
        assert_eq!(spans("«]» ثم --tz"), ["]", "--tz"]);
        // A quote left open is an ordinary mark.
        assert_eq!(spans("«] بلا إغلاق"), Vec::<String>::new());
        // On screen the sign reads as typed, and the quotes around it face the right way.
        let shown = crate::rtl::visual_line(&isolate_code("المتوقع «]» هنا"), crate::rtl::Direction::Rtl);
        assert!(shown.contains("«]»"), "{shown}");
        let unmarked = crate::rtl::visual_line("المتوقع «]» هنا", crate::rtl::Direction::Rtl);
        assert!(unmarked.contains("«[»"), "{unmarked}");
    }

    #[test]
    fn arabic_text_and_isolated_spans_are_left_alone() {
        for text in [
            "من ٢ إلى ٦ نوفمبر – ورش",
            "بمنطقة زمنية.",
            "\u{2068}--lang <LANG>\u{2069}: لغة",
        ] {
            assert_eq!(isolate_code(text), text);
        }
    }
}
