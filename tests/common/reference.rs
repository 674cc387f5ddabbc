//! Character data read from the Unicode files vendored in tests/data, independently of the
//! tables `igf::rtl` is built from: mirrored pairs, and shaping undone from UnicodeData's
//! decompositions, so properties of visual text can be stated on plain letters. Display order
//! itself is checked against GNU FriBidi (`fribidi.rs`).
#![allow(dead_code)]

use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::io::Read;

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
