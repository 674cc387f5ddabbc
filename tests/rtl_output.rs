//! What users see, checked against GNU FriBidi: for every command, in both languages and at
//! several widths, each paragraph igf lays out (a heading, a field with its continuation lines,
//! a list item, a table cell) is given to FriBidi whole, with igf's line breaks, and every
//! visual line igf prints must be the line FriBidi makes of it — levels over the paragraph,
//! then L1-L3 per line, shaping and mirroring.

mod common;
use common::documents::{context, documents};
use common::fribidi::FriBidi;
use common::igf;
use igf::data;
use igf::present::layout::{lines, lines_and_paragraphs, Layout};
use igf::present::Lang;
use igf::rtl::{Direction, Paragraph};

#[test]
fn every_visual_line_is_what_fribidi_makes_of_its_whole_paragraph() {
    let Some(fribidi) = FriBidi::load_or_skip() else { return };
    let data = data::bundled();
    let (mut paragraphs, mut lines_checked, mut wrapped) = (0, 0, 0);
    for lang in [Lang::Ar, Lang::En] {
        let ctx = context(lang);
        for (name, _, doc) in documents(&ctx, &data) {
            for width in [40, 80, 120] {
                let layout = Layout {
                    rtl: lang == Lang::Ar,
                    visual: true,
                    width,
                    colour: false,
                };
                let (printed, laid_out) = lines_and_paragraphs(&doc, &layout);
                for p in &laid_out {
                    let reference = fribidi.visual_lines(&p.text, p.direction == Direction::Rtl, &p.lines);
                    let para = Paragraph::new(&p.text, p.direction);
                    let ours: Vec<String> = p.lines.iter().map(|r| para.visual(r.clone())).collect();
                    assert_eq!(ours, reference, "{name} ({lang:?}, {width} columns): {:?}", p.text);
                    // And those lines are what the page shows, one under the other.
                    let found = (0..printed.len()).any(|k| {
                        reference
                            .iter()
                            .enumerate()
                            .all(|(j, line)| printed.get(k + j).is_some_and(|l| l.contains(line.as_str())))
                    });
                    assert!(found, "{name} ({lang:?}, {width}): {reference:?} not printed in order");
                    paragraphs += 1;
                    lines_checked += reference.len();
                    wrapped += usize::from(reference.len() > 1);
                }
            }
        }
    }
    println!("{paragraphs} paragraphs ({wrapped} wrapped), {lines_checked} lines equal to FriBidi's");
    assert!(
        wrapped > 100,
        "the check must cover wrapped paragraphs, not only single lines"
    );
}

/// The documents checked above are what the program prints for those commands.
#[test]
fn the_program_prints_those_documents() {
    let data = data::bundled();
    for lang in [Lang::Ar, Lang::En] {
        let ctx = context(lang);
        for (name, args, doc) in documents(&ctx, &data) {
            let layout = Layout {
                rtl: lang == Lang::Ar,
                visual: true,
                width: 80,
                colour: false,
            };
            let expected = lines(&doc, &layout);
            let lang_arg = if lang == Lang::Ar { "ar" } else { "en" };
            let out = igf()
                .env("COLUMNS", "80")
                .args(&args)
                .args(["--bidi", "visual", "--lang", lang_arg])
                .output()
                .expect("runs");
            let text = String::from_utf8(out.stdout).expect("UTF-8");
            let printed: Vec<&str> = text.lines().collect();
            assert_eq!(printed, expected, "{name} ({lang:?})");
        }
    }
}
