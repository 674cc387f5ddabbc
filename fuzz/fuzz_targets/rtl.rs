//! The right-to-left text pipeline on arbitrary text and widths: a paragraph broken into lines,
//! each line reordered for the screen and kept logical for pipes, shaping, sanitising and
//! measuring. None of it may panic; lines are in order and cover the text; a line printed for
//! the screen carries none of the controls that only steer the bidi algorithm; and text that
//! went through the sanitiser first reaches the screen with no raw character at all.
#![no_main]

use arbitrary::Arbitrary;
use igf::rtl::{self, Direction, Form, Paragraph};
use igf::term::{sanitize, width};
use libfuzzer_sys::fuzz_target;

/// `text` comes last so that it takes the rest of the input: a seed file is then one byte of
/// width, one byte whose low bit says RTL, and the text itself in UTF-8 (see seeds/rtl).
#[derive(Arbitrary, Debug)]
struct Input {
    width: u8,
    rtl: bool,
    text: String,
}

/// Breaks `text` into lines `width` wide in both forms and prints each line both ways.
/// Returns the lines printed for the screen.
fn through_pipeline(text: &str, width: usize, dir: Direction) -> Vec<String> {
    let paragraph = Paragraph::new(text, dir);
    let mut screen = Vec::new();
    for form in [Form::Visual, Form::Logical] {
        let lines = paragraph.lines(width, width, form);
        assert!(!lines.is_empty(), "a paragraph has at least one line");
        let mut end = 0;
        for range in lines {
            assert!(range.start >= end && range.end >= range.start && range.end <= text.len(), "{range:?}");
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            end = range.end;
            let visual = paragraph.visual(range.clone());
            assert!(
                !visual.chars().any(sanitize::is_bidi_control),
                "a steering control on the screen: {visual:?}"
            );
            std::hint::black_box(paragraph.logical(range));
            std::hint::black_box(width::display_width(&visual));
            if form == Form::Visual {
                screen.push(visual);
            }
        }
    }
    screen
}

fuzz_target!(|input: Input| {
    let Input { width, rtl, text } = input;
    let width = width as usize;
    let dir = if rtl { Direction::Rtl } else { Direction::Ltr };
    assert!(!rtl::wrap(&text, width).is_empty(), "wrap must return at least one line");
    std::hint::black_box(through_pipeline(&text, width, dir));
    std::hint::black_box(width::display_width(&rtl::shape(&text)));
    std::hint::black_box(rtl::printed_width(&text, Form::Logical));
    // What reaches a terminal is sanitised first; after the pipeline it must still hold no
    // raw control, bidi or invisible character.
    let safe = sanitize::for_terminal(&text);
    for line in through_pipeline(&safe, width, dir) {
        assert!(!line.chars().any(sanitize::needs_care), "raw character on the screen: {line:?}");
    }
});
