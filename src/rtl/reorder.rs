//! Logical-to-visual reordering on top of `unicode-bidi`.
//!
//! The crate resolves levels and runs rules L1-L2; what a terminal further
//! needs (L3 for combining marks, L4 for mirrored glyphs, and dropping the
//! invisible controls that terminals would otherwise print as boxes or
//! ignore inconsistently) is done here.

use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};

use super::tables::MIRRORS;
use super::Direction;

fn para_level(dir: Direction) -> Level {
    match dir {
        Direction::Ltr => Level::ltr(),
        Direction::Rtl => Level::rtl(),
    }
}

/// Rule X9: these classes take no part in reordering and have no level.
fn removed_by_x9(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::RLE | BidiClass::LRE | BidiClass::RLO | BidiClass::LRO | BidiClass::PDF | BidiClass::BN
    )
}

/// Bidi controls that survive X9 but must not reach the terminal: they
/// only steer the algorithm and have no glyph.
fn is_bidi_mark_or_isolate(c: char) -> bool {
    crate::term::sanitize::is_bidi_isolate(c) || crate::term::sanitize::is_bidi_mark(c)
}

/// Resolved level per char (after L1), `None` for chars removed by X9.
pub(crate) fn levels(text: &str, dir: Direction) -> Vec<Option<Level>> {
    let info = BidiInfo::new(text, Some(para_level(dir)));
    let mut out = Vec::with_capacity(text.len());
    for para in &info.paragraphs {
        let by_byte = info.reordered_levels(para, para.range.clone());
        for (b, c) in text[para.range.clone()].char_indices() {
            let level = by_byte[para.range.start + b];
            out.push(if removed_by_x9(c) { None } else { Some(level) });
        }
    }
    out
}

/// Visual order (L2) of char indices, X9-removed chars left out. Each
/// paragraph is reordered on its own, in paragraph order.
pub(crate) fn order_from_levels(text: &str, levels: &[Option<Level>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(levels.len());
    let mut start = 0;
    let chars: Vec<char> = text.chars().collect();
    while start < chars.len() {
        let mut end = start;
        while end < chars.len() && bidi_class(chars[end]) != BidiClass::B {
            end += 1;
        }
        // The separator belongs to the paragraph it ends.
        let end = (end + 1).min(chars.len());
        let kept: Vec<usize> = (start..end).filter(|&i| levels[i].is_some()).collect();
        let kept_levels: Vec<Level> = kept.iter().filter_map(|&i| levels[i]).collect();
        out.extend(BidiInfo::reorder_visual(&kept_levels).into_iter().map(|k| kept[k]));
        start = end;
    }
    out
}

pub(crate) fn visual_order(line: &str, dir: Direction) -> Vec<usize> {
    order_from_levels(line, &levels(line, dir))
}

fn is_mark(c: char) -> bool {
    bidi_class(c) == BidiClass::NSM
}

fn mirror(c: char) -> Option<char> {
    MIRRORS.binary_search_by_key(&c, |&(a, _)| a).ok().map(|i| MIRRORS[i].1)
}

/// Rule L3: after L2 a mark in an RTL run sits before (to the left of) its
/// base; terminals attach a combining char to the cell before it, so every
/// such group is flipped back to base-then-marks.
fn apply_l3(chars: &[char], levels: &[Option<Level>], order: &[usize]) -> Vec<usize> {
    // Logical base of each mark: the nearest earlier non-mark that survived
    // X9 (so a ZWJ between base and mark does not detach the mark).
    let mut base_of = vec![None; chars.len()];
    let mut last_base = None;
    for (i, &c) in chars.iter().enumerate() {
        if levels[i].is_none() {
            continue;
        }
        if is_mark(c) {
            base_of[i] = last_base;
        } else {
            last_base = Some(i);
        }
    }
    let rtl = |i: usize| levels[i].is_some_and(|l| l.is_rtl());
    let mut out = Vec::with_capacity(order.len());
    let mut k = 0;
    while k < order.len() {
        let first = order[k];
        if let (true, Some(base)) = (is_mark(chars[first]) && rtl(first), base_of[first]) {
            let mut m = k + 1;
            while m < order.len() && base_of[order[m]] == Some(base) && is_mark(chars[order[m]]) {
                m += 1;
            }
            if m < order.len() && order[m] == base && rtl(base) {
                out.push(base);
                out.extend(order[k..m].iter().rev());
                k = m + 1;
                continue;
            }
            out.extend(&order[k..m]);
            k = m;
            continue;
        }
        out.push(first);
        k += 1;
    }
    out
}

pub(crate) fn visual_line(shaped: &str, dir: Direction) -> String {
    let chars: Vec<char> = shaped.chars().collect();
    let levels = levels(shaped, dir);
    let order = order_from_levels(shaped, &levels);
    let order = apply_l3(&chars, &levels, &order);
    let mut out = String::with_capacity(shaped.len());
    for i in order {
        let c = chars[i];
        if is_bidi_mark_or_isolate(c) {
            continue;
        }
        // Rule L4: mirrored glyphs in RTL runs.
        let rtl = levels[i].is_some_and(|l| l.is_rtl());
        out.push(if rtl { mirror(c).unwrap_or(c) } else { c });
    }
    out
}
