//! Checks `shape` against the Unicode data itself, not against
//! src/rtl/tables.rs: the expected forms are read here from the vendored
//! UnicodeData.txt (<isolated>/<initial>/<medial>/<final> decompositions)
//! and the contexts are built from the vendored ArabicShaping.txt.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;

use igf::rtl::shape;

const BEH: u32 = 0x0628;
const LAM: u32 = 0x0644;
const ALEFS: [u32; 4] = [0x0622, 0x0623, 0x0625, 0x0627];

#[derive(Default, Clone, Copy, Debug)]
struct Forms {
    isolated: Option<char>,
    final_: Option<char>,
    initial: Option<char>,
    medial: Option<char>,
}

struct Ucd {
    /// Derived joining type: ArabicShaping.txt, else T for Mn/Me/Cf, else U.
    joining: HashMap<u32, char>,
    forms: BTreeMap<u32, Forms>,
    /// alef -> (isolated, final) lam-alef ligature.
    lam_alef: BTreeMap<u32, (char, char)>,
}

fn data(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut out = String::new();
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if name.ends_with(".gz") {
        flate2::read::GzDecoder::new(file).read_to_string(&mut out).unwrap();
    } else {
        std::io::BufReader::new(file).read_to_string(&mut out).unwrap();
    }
    out
}

fn cp(h: &str) -> u32 {
    u32::from_str_radix(h.trim(), 16).unwrap()
}

fn ch(c: u32) -> char {
    char::from_u32(c).unwrap()
}

fn load() -> Ucd {
    let mut joining = HashMap::new();
    for line in data("UnicodeData.txt.gz").lines() {
        let f: Vec<&str> = line.split(';').collect();
        if matches!(f[2], "Mn" | "Me" | "Cf") {
            joining.insert(cp(f[0]), 'T');
        }
    }
    for line in data("ArabicShaping.txt").lines() {
        let line = line.split('#').next().unwrap().trim();
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(';').map(str::trim).collect();
        joining.insert(cp(f[0]), f[2].chars().next().unwrap());
    }
    let mut forms: BTreeMap<u32, Forms> = BTreeMap::new();
    let mut lam_alef: BTreeMap<u32, (Option<char>, Option<char>)> = BTreeMap::new();
    for line in data("UnicodeData.txt.gz").lines() {
        let f: Vec<&str> = line.split(';').collect();
        let Some(rest) = f[5].strip_prefix('<') else {
            continue;
        };
        let Some((tag, parts)) = rest.split_once("> ") else {
            continue;
        };
        let parts: Vec<u32> = parts.split(' ').map(cp).collect();
        let pf = ch(cp(f[0]));
        if parts.len() == 1 {
            let e = forms.entry(parts[0]).or_default();
            // The lowest code point wins when several name the same form.
            let slot = match tag {
                "isolated" => &mut e.isolated,
                "final" => &mut e.final_,
                "initial" => &mut e.initial,
                "medial" => &mut e.medial,
                _ => continue,
            };
            slot.get_or_insert(pf);
        } else if parts.len() == 2 && parts[0] == LAM && ALEFS.contains(&parts[1]) {
            let e = lam_alef.entry(parts[1]).or_default();
            match tag {
                "isolated" => e.0 = Some(pf),
                "final" => e.1 = Some(pf),
                _ => {}
            }
        }
    }
    let lam_alef = lam_alef
        .into_iter()
        .map(|(a, (i, f))| (a, (i.unwrap(), f.unwrap())))
        .collect();
    Ucd {
        joining,
        forms,
        lam_alef,
    }
}

impl Ucd {
    fn jt(&self, c: u32) -> char {
        *self.joining.get(&c).unwrap_or(&'U')
    }

    fn letters(&self) -> Vec<u32> {
        (0x0621..=0x064A)
            .chain(0x0671..=0x06D3)
            .filter(|c| self.forms.contains_key(c))
            .collect()
    }

    fn marks(&self) -> Vec<u32> {
        // Harakat, shadda, sukun, tanwin and the other Arabic marks.
        (0x064B..=0x065F)
            .chain([0x0670])
            .filter(|&c| self.jt(c) == 'T')
            .collect()
    }
}

fn s(cs: &[char]) -> String {
    cs.iter().collect()
}

#[test]
fn every_letter_gets_its_contextual_forms() {
    let ucd = load();
    let beh = ucd.forms[&BEH];
    assert_eq!(ucd.jt(BEH), 'D', "BEH is the dual-joining neighbour");
    let (b_iso, b_fin, b_ini) = (beh.isolated.unwrap(), beh.final_.unwrap(), beh.initial.unwrap());
    let mut checked = 0;
    let mut skipped = BTreeSet::new();
    let mut check = |input: &[char], want: Option<Vec<char>>| match want {
        Some(want) => {
            assert_eq!(
                shape(&s(input)),
                s(&want),
                "input {:04X?}",
                input.iter().map(|&c| c as u32).collect::<Vec<_>>()
            );
            checked += 1;
        }
        None => {
            skipped.insert(input.iter().map(|&c| c as u32).collect::<Vec<_>>());
        }
    };
    let letters = ucd.letters();
    assert!(letters.len() >= 70, "{} letters", letters.len());
    for &l in &letters {
        let f = ucd.forms[&l];
        let c = ch(l);
        let t = ucd.jt(l);
        // A letter that never joins (hamza) keeps its nominal code point, as FriBidi leaves it:
        // its one presentation form is drawn the same.
        let isolated = if t == 'U' { Some(c) } else { f.isolated };
        let before = matches!(t, 'D' | 'R' | 'C');
        let after = matches!(t, 'D' | 'L' | 'C');
        // Alone, and between spaces.
        check(&[c], isolated.map(|g| vec![g]));
        check(&[' ', c, ' '], isolated.map(|g| vec![' ', g, ' ']));
        // After a dual-joining letter.
        if before {
            check(&[ch(BEH), c], f.final_.map(|g| vec![b_ini, g]));
        } else {
            check(&[ch(BEH), c], isolated.map(|g| vec![b_iso, g]));
        }
        // Before a dual-joining letter.
        if after {
            check(&[c, ch(BEH)], f.initial.map(|g| vec![g, b_fin]));
        } else {
            check(&[c, ch(BEH)], isolated.map(|g| vec![g, b_iso]));
        }
        // Between two.
        let want = match (before, after) {
            (true, true) => f.medial.map(|g| vec![b_ini, g, b_fin]),
            (true, false) => f.final_.map(|g| vec![b_ini, g, b_iso]),
            (false, true) => f.initial.map(|g| vec![b_iso, g, b_fin]),
            (false, false) => isolated.map(|g| vec![b_iso, g, b_iso]),
        };
        check(&[ch(BEH), c, ch(BEH)], want);
        // Medial between two BEHs with marks around it: marks are skipped
        // when looking for neighbours, and stay where they are.
        let fatha = '\u{064E}';
        let shadda = '\u{0651}';
        let want = match (before, after) {
            (true, true) => f.medial.map(|g| vec![b_ini, fatha, g, shadda, fatha, b_fin]),
            (true, false) => f.final_.map(|g| vec![b_ini, fatha, g, shadda, fatha, b_iso]),
            (false, true) => f.initial.map(|g| vec![b_iso, fatha, g, shadda, fatha, b_fin]),
            (false, false) => isolated.map(|g| vec![b_iso, fatha, g, shadda, fatha, b_iso]),
        };
        check(&[ch(BEH), fatha, c, shadda, fatha, ch(BEH)], want);
    }
    println!(
        "contextual forms: {checked} checks passed over {} letters; {} skipped \
         because UnicodeData.txt has no such form: {skipped:04X?}",
        letters.len(),
        skipped.len()
    );
}

#[test]
fn letters_without_presentation_forms_are_left_alone() {
    let ucd = load();
    let mut n = 0;
    for l in (0x0621..=0x064A).chain(0x0671..=0x06D3) {
        if ucd.forms.contains_key(&l) || ucd.jt(l) == 'T' {
            continue;
        }
        let c = ch(l);
        let input = s(&[ch(BEH), c, ch(BEH)]);
        let out: Vec<char> = shape(&input).chars().collect();
        assert_eq!(out[1], c, "U+{l:04X}");
        n += 1;
    }
    println!("{n} letters without presentation forms left as they are");
}

#[test]
fn every_mark_is_transparent() {
    let ucd = load();
    let beh = ucd.forms[&BEH];
    let marks = ucd.marks();
    assert!(marks.len() >= 15);
    for &m in &marks {
        let m = ch(m);
        assert_eq!(
            shape(&s(&[ch(BEH), m, ch(BEH)])),
            s(&[beh.initial.unwrap(), m, beh.final_.unwrap()]),
            "mark U+{:04X}",
            m as u32
        );
        assert_eq!(
            shape(&s(&[ch(BEH), m, m, ch(BEH), m, ch(BEH)])),
            s(&[beh.initial.unwrap(), m, m, beh.medial.unwrap(), m, beh.final_.unwrap()]),
        );
    }
    println!("{} transparent marks checked", marks.len());
}

#[test]
fn lam_alef_ligatures() {
    let ucd = load();
    assert_eq!(ucd.lam_alef.len(), 4);
    let beh = ucd.forms[&BEH];
    let lam = ucd.forms[&LAM];
    for (&alef, &(iso, fin)) in &ucd.lam_alef {
        let (l, a) = (ch(LAM), ch(alef));
        assert_eq!(shape(&s(&[l, a])), s(&[iso]), "U+{alef:04X}");
        assert_eq!(shape(&s(&[' ', l, a, ' '])), s(&[' ', iso, ' ']));
        assert_eq!(shape(&s(&[ch(BEH), l, a])), s(&[beh.initial.unwrap(), fin]));
        // Lam joined on both sides: the ligature is final and does not
        // join the next letter (alef is right-joining).
        assert_eq!(
            shape(&s(&[ch(LAM), l, a, ch(BEH)])),
            s(&[lam.initial.unwrap(), fin, beh.isolated.unwrap()])
        );
        // A mark between lam and alef does not stop the ligature.
        assert_eq!(shape(&s(&[l, '\u{064E}', a])), s(&[iso, '\u{064E}']));
        assert_eq!(
            shape(&s(&[ch(BEH), l, '\u{064E}', a])),
            s(&[beh.initial.unwrap(), fin, '\u{064E}'])
        );
    }
}

#[test]
fn right_joining_letters_never_take_initial_or_medial_forms() {
    let ucd = load();
    let connecting_forward: BTreeSet<char> = ucd
        .forms
        .values()
        .flat_map(|f| [f.initial, f.medial])
        .flatten()
        .collect();
    let beh = ucd.forms[&BEH];
    let fatha = '\u{064E}';
    let mut n = 0;
    for l in ucd.letters() {
        if ucd.jt(l) != 'R' {
            continue;
        }
        n += 1;
        let c = ch(l);
        for (input, pos) in [
            (vec![c, ch(BEH)], 0),
            (vec![ch(BEH), c, ch(BEH)], 1),
            (vec![ch(BEH), fatha, c, fatha, ch(BEH)], 2),
            (vec!['\u{0640}', c, '\u{0640}'], 1),
            (vec!['\u{200D}', c, '\u{200D}'], 1),
        ] {
            let out: Vec<char> = shape(&s(&input)).chars().collect();
            assert_eq!(out.len(), input.len());
            assert!(!connecting_forward.contains(&out[pos]), "U+{l:04X}: {out:04X?}");
            // And the letter after it starts a new joining group.
            if input.last() == Some(&ch(BEH)) {
                assert_eq!(*out.last().unwrap(), beh.isolated.unwrap(), "U+{l:04X}");
            }
        }
    }
    assert!(n >= 25, "{n} right-joining letters");
    println!("{n} right-joining letters checked");
}

#[test]
fn join_causing_tatweel_and_zwj() {
    let ucd = load();
    let beh = ucd.forms[&BEH];
    for joiner in ['\u{0640}', '\u{200D}'] {
        assert_eq!(ucd.jt(joiner as u32), 'C');
        assert_eq!(
            shape(&s(&[joiner, ch(BEH), joiner])),
            s(&[joiner, beh.medial.unwrap(), joiner])
        );
    }
}

/// Every Arabic letter the bundled programme uses is among the letters checked above, and its
/// joining type (from ArabicShaping.txt) shows in what `shape` does to it between two BEHs.
#[test]
fn every_arabic_letter_in_the_dataset_is_covered() {
    let ucd = load();
    let tested: BTreeSet<u32> = ucd.letters().into_iter().collect();
    let programme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml")).unwrap();
    let used: BTreeSet<u32> = programme
        .chars()
        .map(|c| c as u32)
        .filter(|&c| (0x0600..=0x06FF).contains(&c) && matches!(ucd.jt(c), 'D' | 'R' | 'L'))
        .collect();
    assert!(used.len() >= 28, "the programme uses {} joining letters", used.len());
    for &c in &used {
        assert!(
            tested.contains(&c),
            "U+{c:04X} is used by the programme but not checked"
        );
        let shaped: Vec<char> = shape(&s(&[ch(BEH), ch(c), ch(BEH)])).chars().collect();
        let forms = ucd.forms[&c];
        let expected = match ucd.jt(c) {
            'D' => forms.medial,
            'R' => forms.final_,
            _ => forms.initial,
        };
        assert_eq!(Some(shaped[1]), expected, "U+{c:04X} with joining type {}", ucd.jt(c));
    }
    println!("{} joining letters of the programme checked", used.len());
}
