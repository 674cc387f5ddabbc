//! Properties of the display layer over generated text mixing Arabic letters and marks, Latin,
//! both kinds of digits, brackets and punctuation.

mod common;
use common::reference::Reference;
use igf::present::layout::{lines, Layout};
use igf::present::{Block, Document};
use igf::rtl::{self, Direction};
use igf::term::{sanitize::for_terminal, width::display_width};
use proptest::prelude::*;
use std::sync::OnceLock;

fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(Reference::new)
}

fn mixed_text() -> impl Strategy<Value = String> {
    "[\u{0621}-\u{064A}\u{064B}-\u{0652}a-zA-Z0-9\u{0660}-\u{0669} ()\\[\\]«»<>.,:;!?#/-]{0,48}"
}

fn direction(rtl: bool) -> Direction {
    if rtl {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// Characters in a canonical order, with mirrored glyphs folded to one of each pair.
fn sorted_chars(text: &str) -> Vec<char> {
    let r = reference();
    let mut chars: Vec<char> = text.chars().map(|c| r.mirror(c).min(c)).collect();
    chars.sort_unstable();
    chars
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Reordering moves characters, never adds, drops or changes them (before shaping, and up to
    /// mirrored pairs, which L4 swaps).
    #[test]
    fn a_visual_line_is_a_permutation_of_its_characters(text in mixed_text(), rtl: bool) {
        let visual = reference().unshape(&rtl::visual_line(&text, direction(rtl)));
        prop_assert_eq!(sorted_chars(&visual), sorted_chars(&text));
    }

    /// The width a line takes is the width of its shaped letters, whatever their order.
    #[test]
    fn reordering_preserves_display_width(text in mixed_text(), rtl: bool) {
        prop_assert_eq!(display_width(&rtl::visual_line(&text, direction(rtl))), display_width(&rtl::shape(&text)));
    }

    /// Measuring logical text gives the width of its shaped form, without shaping it.
    #[test]
    fn text_width_is_the_width_of_the_shaped_text(text in mixed_text()) {
        let with_lam_alef = format!("{text} لا لأ ل\u{064E}ا");
        prop_assert_eq!(rtl::printed_width(&text, rtl::Form::Visual), display_width(&rtl::shape(&text)));
        prop_assert_eq!(rtl::printed_width(&with_lam_alef, rtl::Form::Visual), display_width(&rtl::shape(&with_lam_alef)));
    }

    /// Every wrapped line fits the width (when no single word is wider), and the words come back
    /// in order.
    #[test]
    fn wrapping_fits_and_keeps_the_words(words in prop::collection::vec("[\u{0621}-\u{064A}a-z0-9]{1,8}", 1..12), width in 8usize..40) {
        let text = words.join(" ");
        let wrapped = rtl::wrap(&text, width);
        prop_assert!(wrapped.iter().all(|l| display_width(&rtl::shape(l)) <= width));
        prop_assert_eq!(wrapped.join(" "), text);
    }

    /// Logical mode prints sanitised text exactly as it is.
    #[test]
    fn logical_mode_is_the_identity_on_sanitised_text(raw in any::<String>(), rtl: bool) {
        let clean = for_terminal(&raw).into_owned();
        let mut doc = Document::default();
        doc.push(Block::Record(vec![clean.clone()]));
        let layout = Layout { rtl, visual: false, width: 80, colour: false };
        prop_assert_eq!(lines(&doc, &layout), vec![clean.clone()]);
        prop_assert_eq!(for_terminal(&clean).into_owned(), clean, "sanitising twice changes nothing");
    }

    /// Nothing a data string holds survives sanitising as a control character.
    #[test]
    fn sanitised_text_has_no_controls(raw in any::<String>()) {
        let clean = for_terminal(&raw);
        prop_assert!(!clean.chars().any(igf::term::sanitize::needs_care), "{:?}", clean);
        prop_assert!(!clean.chars().any(|c| c.is_control() || igf::term::sanitize::is_bidi_control(c)));
    }

    /// Clean text is not copied nor changed, and the joiners Arabic and Persian need (ZWJ,
    /// ZWNJ) are clean text.
    #[test]
    fn clean_text_is_borrowed_as_it_is(text in mixed_text(), joiner in prop::sample::select(vec!['\u{200C}', '\u{200D}'])) {
        let with_joiner = format!("{text}{joiner}{text}");
        prop_assume!(!with_joiner.chars().any(igf::term::sanitize::needs_care));
        let clean = for_terminal(&with_joiner);
        prop_assert!(matches!(clean, std::borrow::Cow::Borrowed(_)));
        prop_assert_eq!(clean.as_ref(), with_joiner.as_str());
    }
}
