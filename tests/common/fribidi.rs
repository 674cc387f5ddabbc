//! GNU FriBidi, loaded at run time through its C API, as a second implementation of the
//! Unicode Bidirectional Algorithm (and of Arabic shaping and mirroring) to check igf's
//! visual lines against. It shares no code with igf or with unicode-bidi.
//!
//! Loaded with dlopen rather than linked, so that the test suite still builds on a machine
//! without the library; `.ci/run` installs it, and CI fails when it is missing.

use libloading::{Library, Symbol};
use std::ops::Range;

type Char = u32;
type StrIndex = i32;
type CharType = u32;
type ParType = u32;
type Level = i8;
type BracketType = u32;
type ArabicProp = u8;
type Flags = u32;

/// fribidi-bidi-types.h: FRIBIDI_PAR_LTR / FRIBIDI_PAR_RTL (strong letter, and RTL).
const PAR_LTR: ParType = 0x110;
const PAR_RTL: ParType = 0x111;
/// fribidi-flags.h.
const FLAG_SHAPE_MIRRORING: Flags = 0x1;
const FLAG_REORDER_NSM: Flags = 0x2;
const FLAG_SHAPE_ARAB_PRES: Flags = 0x100;
const FLAG_SHAPE_ARAB_LIGA: Flags = 0x200;
/// What FriBidi leaves in the place of the alef of a lam-alef ligature.
const CHAR_FILL: Char = 0xFEFF;

pub struct FriBidi {
    lib: Library,
}

impl FriBidi {
    /// The library, or None with a note when it is not installed; in CI its absence fails.
    pub fn load_or_skip() -> Option<FriBidi> {
        let found = FriBidi::load();
        if found.is_none() {
            assert!(
                std::env::var_os("CI").is_none(),
                "GNU FriBidi (libfribidi0) must be installed in CI: .ci/run installs it"
            );
            eprintln!("skipped: GNU FriBidi (libfribidi.so.0) is not installed");
        }
        found
    }

    /// The system's libfribidi, or `None` where it is not installed.
    pub fn load() -> Option<FriBidi> {
        ["libfribidi.so.0", "libfribidi.so"].iter().find_map(|name| {
            // SAFETY: loading a system library runs its initialisers; libfribidi has none
            // with side effects.
            unsafe { Library::new(name) }.ok().map(|lib| FriBidi { lib })
        })
    }

    /// The visual lines of the paragraph `text` (direction `rtl`) broken at the byte ranges
    /// `lines`: levels resolved once over the paragraph, then per line L1-L3 (FriBidi's
    /// reorder_line with non-spacing marks after their base), with Arabic joined and shaped to
    /// presentation forms and ligatures, and mirrored glyphs, by FriBidi; the invisible
    /// controls a terminal should not get are left out, as igf leaves them out.
    pub fn visual_lines(&self, text: &str, rtl: bool, lines: &[Range<usize>]) -> Vec<String> {
        let chars: Vec<Char> = text.chars().map(|c| c as Char).collect();
        let char_at = |byte: usize| text[..byte].chars().count();
        let n = chars.len();
        // SAFETY: every array passed is `n` (or the line's length) long, as the C API expects.
        unsafe {
            let get_bidi_types: Symbol<unsafe extern "C" fn(*const Char, StrIndex, *mut CharType)> = self
                .lib
                .get(b"fribidi_get_bidi_types\0")
                .expect("fribidi_get_bidi_types");
            let get_bracket_types: Symbol<
                unsafe extern "C" fn(*const Char, StrIndex, *const CharType, *mut BracketType),
            > = self
                .lib
                .get(b"fribidi_get_bracket_types\0")
                .expect("fribidi_get_bracket_types");
            let get_levels: Symbol<
                unsafe extern "C" fn(*const CharType, *const BracketType, StrIndex, *mut ParType, *mut Level) -> Level,
            > = self
                .lib
                .get(b"fribidi_get_par_embedding_levels_ex\0")
                .expect("fribidi_get_par_embedding_levels_ex");
            let get_joining_types: Symbol<unsafe extern "C" fn(*const Char, StrIndex, *mut ArabicProp)> = self
                .lib
                .get(b"fribidi_get_joining_types\0")
                .expect("fribidi_get_joining_types");
            let join_arabic: Symbol<unsafe extern "C" fn(*const CharType, StrIndex, *const Level, *mut ArabicProp)> =
                self.lib.get(b"fribidi_join_arabic\0").expect("fribidi_join_arabic");
            let shape: Symbol<unsafe extern "C" fn(Flags, *const Level, StrIndex, *mut ArabicProp, *mut Char)> =
                self.lib.get(b"fribidi_shape\0").expect("fribidi_shape");
            let reorder_line: Symbol<
                unsafe extern "C" fn(
                    Flags,
                    *const CharType,
                    StrIndex,
                    StrIndex,
                    ParType,
                    *mut Level,
                    *mut Char,
                    *mut StrIndex,
                ) -> Level,
            > = self.lib.get(b"fribidi_reorder_line\0").expect("fribidi_reorder_line");

            let mut types = vec![0; n];
            get_bidi_types(chars.as_ptr(), n as StrIndex, types.as_mut_ptr());
            let mut brackets = vec![0; n];
            get_bracket_types(chars.as_ptr(), n as StrIndex, types.as_ptr(), brackets.as_mut_ptr());
            let mut base = if rtl { PAR_RTL } else { PAR_LTR };
            let mut levels = vec![0; n];
            let ok = get_levels(
                types.as_ptr(),
                brackets.as_ptr(),
                n as StrIndex,
                &mut base,
                levels.as_mut_ptr(),
            );
            assert!(n == 0 || ok > 0, "FriBidi failed on {text:?}");

            lines
                .iter()
                .map(|range| {
                    let (start, end) = (char_at(range.start), char_at(range.end));
                    let len = end - start;
                    let line_types = &types[start..end];
                    let mut line_levels = levels[start..end].to_vec();
                    let mut line: Vec<Char> = chars[start..end].to_vec();
                    // Shaped by the neighbours on the line, with the paragraph's levels.
                    let mut props = vec![0; len];
                    get_joining_types(line.as_ptr(), len as StrIndex, props.as_mut_ptr());
                    join_arabic(
                        line_types.as_ptr(),
                        len as StrIndex,
                        line_levels.as_ptr(),
                        props.as_mut_ptr(),
                    );
                    shape(
                        FLAG_SHAPE_MIRRORING | FLAG_SHAPE_ARAB_PRES | FLAG_SHAPE_ARAB_LIGA,
                        line_levels.as_ptr(),
                        len as StrIndex,
                        props.as_mut_ptr(),
                        line.as_mut_ptr(),
                    );
                    let mut map: Vec<StrIndex> = (0..len as StrIndex).collect();
                    let ok = reorder_line(
                        FLAG_REORDER_NSM,
                        line_types.as_ptr(),
                        len as StrIndex,
                        0,
                        base,
                        line_levels.as_mut_ptr(),
                        line.as_mut_ptr(),
                        map.as_mut_ptr(),
                    );
                    assert!(len == 0 || ok > 0, "FriBidi failed to reorder {text:?}");
                    line.iter()
                        .zip(&map)
                        .filter(|&(&c, &from)| {
                            let from = start + from as usize;
                            c != CHAR_FILL && !is_control(chars[from], types[from])
                        })
                        .filter_map(|(&c, _)| char::from_u32(c))
                        // igf prints the no-break spaces that keep a date on one line as plain
                        // spaces.
                        .map(|c| if c == '\u{00A0}' { ' ' } else { c })
                        .collect()
                })
                .collect()
        }
    }
}

/// fribidi-bidi-types.h: explicit embeddings and overrides, isolates, boundary neutrals.
const MASK_EXPLICIT: CharType = 0x1000;
const MASK_ISOLATE: CharType = 0x8000;
const MASK_BN: CharType = 0x10_0000;

/// Characters that only steer the algorithm or joining, which no terminal should be sent:
/// explicit embeddings, overrides and isolates, the directional marks, and the boundary
/// neutrals (ZWJ, ZWNJ and the like) that rule X9 takes out of reordering.
fn is_control(c: Char, class: CharType) -> bool {
    matches!(c, 0x200E | 0x200F | 0x061C) || class & (MASK_EXPLICIT | MASK_ISOLATE | MASK_BN) != 0
}
