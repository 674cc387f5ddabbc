//! UAX #9 conformance of `visual_order` / `resolved_levels` against
//! BidiCharacterTest.txt (Unicode 15.0.0, vendored gzip-compressed in
//! tests/data so the test needs nothing outside the crate).

use std::io::Read;

use igf::rtl::{resolved_levels, visual_order, Direction};

/// Lines (1-based line numbers in BidiCharacterTest.txt) known to fail, each
/// with the reason. Any failure not listed here fails the test, and so does
/// a listed line that has started to pass (so the list cannot go stale).
const KNOWN_FAILURES: &[(usize, &str)] = &[];

struct Case {
    line_no: usize,
    text: String,
    dir: Direction,
    levels: Vec<Option<u8>>,
    order: Vec<usize>,
}

fn load() -> (Vec<Case>, usize) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/BidiCharacterTest.txt.gz");
    let file = std::fs::File::open(path).expect("vendored BidiCharacterTest.txt.gz");
    let mut data = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut data)
        .expect("gzip");
    let mut cases = Vec::new();
    let mut auto = 0;
    for (n, raw) in data.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(';').collect();
        assert_eq!(f.len(), 5, "line {}: {raw}", n + 1);
        let dir = match f[1] {
            "0" => Direction::Ltr,
            "1" => Direction::Rtl,
            // Direction 2 (auto, rule P2-P3) is not part of our API.
            _ => {
                auto += 1;
                continue;
            }
        };
        let text = f[0]
            .split_whitespace()
            .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
            .collect();
        let levels = f[3]
            .split_whitespace()
            .map(|l| if l == "x" { None } else { Some(l.parse().unwrap()) })
            .collect();
        let order = f[4].split_whitespace().map(|i| i.parse().unwrap()).collect();
        cases.push(Case {
            line_no: n + 1,
            text,
            dir,
            levels,
            order,
        });
    }
    (cases, auto)
}

fn hex(s: &str) -> String {
    s.chars()
        .map(|c| format!("{:04X}", c as u32))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn bidi_character_test() {
    let (cases, auto) = load();
    let mut order_pass = 0;
    let mut level_pass = 0;
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    for case in &cases {
        let order = visual_order(&case.text, case.dir);
        let levels = resolved_levels(&case.text, case.dir);
        let order_ok = order == case.order;
        let levels_ok = levels == case.levels;
        order_pass += usize::from(order_ok);
        level_pass += usize::from(levels_ok);
        let known = KNOWN_FAILURES.iter().any(|&(n, _)| n == case.line_no);
        match (order_ok && levels_ok, known) {
            (false, false) => unexpected.push(format!(
                "line {} [{}] dir {:?}\n  order  got {:?} want {:?}\n  levels got {:?} want {:?}",
                case.line_no,
                hex(&case.text),
                case.dir,
                order,
                case.order,
                levels,
                case.levels
            )),
            (true, true) => fixed.push(case.line_no),
            _ => {}
        }
    }
    let total = cases.len();
    println!(
        "BidiCharacterTest 15.0.0: {total} cases with direction LTR/RTL \
         ({auto} auto-direction cases skipped)"
    );
    println!("visual order: {order_pass} passed, {} failed", total - order_pass);
    println!("resolved levels: {level_pass} passed, {} failed", total - level_pass);
    println!("known failures: {}", KNOWN_FAILURES.len());
    for f in unexpected.iter().take(40) {
        println!("{f}");
    }
    assert!(
        unexpected.is_empty(),
        "{} unexplained failures (first 40 above)",
        unexpected.len()
    );
    assert!(fixed.is_empty(), "listed as known failures but passing now: {fixed:?}");
}
