//! An independent reference for display order: unicode-bidi's levels and runs plus rules L3 and L4
//! written out again here, and shaping undone from UnicodeData's decompositions. It shares no code
//! with `igf::rtl`, so tests can check the renderer against it.
#![allow(dead_code)]

use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::io::Read;
use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};

fn vendored(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if name.ends_with(".gz") {
        let mut text = String::new();
        GzDecoder::new(&bytes[..]).read_to_string(&mut text).expect("gzip");
        text
    } else {
        String::from_utf8(bytes).expect("UTF-8")
    }
}

/// Bidi_Mirroring_Glyph pairs, from BidiMirroring.txt.
pub fn mirrors() -> HashMap<char, char> {
    vendored("BidiMirroring.txt")
        .lines()
        .filter_map(|l| l.split('#').next())
        .filter_map(|l| {
            let (a, b) = l.split_once(';')?;
            let c = |h: &str| char::from_u32(u32::from_str_radix(h.trim(), 16).ok()?);
            Some((c(a)?, c(b)?))
        })
        .collect()
}

/// Presentation form -> the letters it stands for, from UnicodeData.txt's compatibility
/// decompositions, so shaped output can be compared with unshaped text.
fn unshaping() -> HashMap<char, Vec<char>> {
    vendored("UnicodeData.txt.gz")
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(';').collect();
            let code = u32::from_str_radix(f[0], 16).ok()?;
            if !(0xFB50..=0xFDFF).contains(&code) && !(0xFE70..=0xFEFF).contains(&code) {
                return None;
            }
            let (tag, rest) = f[5].split_once(' ')?;
            if !["<isolated>", "<initial>", "<medial>", "<final>"].contains(&tag) {
                return None;
            }
            let letters = rest
                .split(' ')
                .map(|h| char::from_u32(u32::from_str_radix(h, 16).ok()?))
                .collect::<Option<Vec<_>>>()?;
            Some((char::from_u32(code)?, letters))
        })
        .collect()
}

pub struct Reference {
    mirrors: HashMap<char, char>,
    unshape: HashMap<char, Vec<char>>,
}

impl Reference {
    pub fn new() -> Self {
        Reference {
            mirrors: mirrors(),
            unshape: unshaping(),
        }
    }

    /// The display order UAX #9 gives one line: levels and runs from unicode-bidi (X1-I2, L1, L2),
    /// explicit formatting characters dropped (X9; isolates are not shown either), L3 (a combining
    /// mark stays after its base in reversed runs) and L4 (mirrored glyphs in RTL runs).
    pub fn visual(&self, logical: &str, rtl: bool) -> String {
        let level = if rtl { Level::rtl() } else { Level::ltr() };
        let info = BidiInfo::new(logical, Some(level));
        let Some(para) = info.paragraphs.first() else {
            return String::new();
        };
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        let hidden = |c: char| {
            use BidiClass::*;
            matches!(bidi_class(c), RLE | LRE | RLO | LRO | PDF | BN | LRI | RLI | FSI | PDI)
        };
        let mut out = String::new();
        for run in runs {
            let chars: Vec<char> = logical[run.clone()].chars().filter(|&c| !hidden(c)).collect();
            if !levels[run.start].is_rtl() {
                out.extend(chars);
                continue;
            }
            let mut clusters: Vec<Vec<char>> = Vec::new();
            for c in chars {
                match clusters.last_mut() {
                    Some(cluster) if bidi_class(c) == BidiClass::NSM => cluster.push(c),
                    _ => clusters.push(vec![c]),
                }
            }
            for cluster in clusters.into_iter().rev() {
                out.push(*self.mirrors.get(&cluster[0]).unwrap_or(&cluster[0]));
                out.extend(&cluster[1..]);
            }
        }
        out
    }

    /// Shaped visual text back to plain letters. A ligature stands in right-to-left text, so its
    /// letters (given in logical order) are written reversed.
    pub fn unshape(&self, visual: &str) -> String {
        visual
            .chars()
            .flat_map(|c| match self.unshape.get(&c) {
                Some(letters) => letters.iter().rev().copied().collect(),
                None => vec![c],
            })
            .collect()
    }
}

impl Reference {
    /// The mirror image of a character, if it has one.
    pub fn mirror(&self, c: char) -> char {
        *self.mirrors.get(&c).unwrap_or(&c)
    }
}
