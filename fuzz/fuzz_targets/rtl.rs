//! The right-to-left text pipeline on arbitrary text and widths: wrap, shape, reorder in both
//! directions, sanitize and measure. None of it may panic.
#![no_main]

use arbitrary::Arbitrary;
use igf::rtl::{self, Direction};
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

fuzz_target!(|input: Input| {
    let Input { width, rtl, text } = input;
    let width = width as usize;
    let lines = rtl::wrap(&text, width);
    assert!(!lines.is_empty(), "wrap must return at least one line");
    let first = if rtl { Direction::Rtl } else { Direction::Ltr };
    let second = if rtl { Direction::Ltr } else { Direction::Rtl };
    for line in &lines {
        let a = rtl::visual_line(line, first);
        let b = rtl::visual_line(line, second);
        std::hint::black_box((&a, &b));
        std::hint::black_box(rtl::align_right(&a, width));
        std::hint::black_box(width::display_width(&a));
    }
    let shaped = rtl::shape(&text);
    let safe = sanitize::for_terminal(&text);
    std::hint::black_box(width::display_width(&shaped));
    std::hint::black_box(width::display_width(&safe));
    std::hint::black_box(width::display_width(&text));
    // The sanitized text reaches the terminal through the same pipeline.
    for line in rtl::wrap(&safe, width) {
        std::hint::black_box(rtl::visual_line(&line, first));
    }
});
