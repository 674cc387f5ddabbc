//! The text of the bundled programme and of the time-zone database is compiled in so that starting
//! igf relocates nothing for it (see build.rs): no dynamic relocation of the binary may point into
//! either blob. Reads the binary with readelf; skipped, saying so, where binutils is absent.

use std::process::Command;

fn readelf(args: &[&str]) -> Option<String> {
    let out = Command::new("readelf")
        .args(args)
        .arg(env!("CARGO_BIN_EXE_igf"))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Where in memory the bytes at a file offset are loaded: (address, file offset, size) per section.
fn sections(headers: &str) -> Vec<(u64, u64, u64)> {
    headers
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(']').nth(1)?.split_whitespace().collect();
            let hex = |i: usize| u64::from_str_radix(fields.get(i)?, 16).ok();
            Some((hex(2)?, hex(3)?, hex(4)?))
        })
        .filter(|&(address, _, _)| address != 0)
        .collect()
}

/// The targets of the binary's relative relocations: the addresses they write into the image.
fn relocation_targets(relocations: &str) -> Vec<u64> {
    relocations
        .lines()
        .filter(|line| line.contains("_RELATIVE"))
        .filter_map(|line| u64::from_str_radix(line.split_whitespace().last()?, 16).ok())
        .collect()
}

fn loaded_range(binary: &[u8], blob: &[u8], sections: &[(u64, u64, u64)]) -> (u64, u64) {
    let at = binary
        .windows(blob.len())
        .position(|w| w == blob)
        .expect("the blob is in the binary as one piece") as u64;
    let &(address, offset, _) = sections
        .iter()
        .find(|&&(_, offset, size)| offset <= at && at < offset + size)
        .expect("the blob lies in a loaded section");
    let start = address + (at - offset);
    (start, start + blob.len() as u64)
}

#[test]
fn nothing_is_relocated_for_the_bundled_programme_or_the_zone_names() {
    let (Some(headers), Some(relocations)) = (readelf(&["-SW"]), readelf(&["-rW"])) else {
        eprintln!("skipped: readelf (binutils) is not installed");
        return;
    };
    let binary = std::fs::read(env!("CARGO_BIN_EXE_igf")).expect("the igf binary is readable");
    let sections = sections(&headers);
    let targets = relocation_targets(&relocations);
    // A relocation-free binary would make the check vacuous; every Rust executable has some.
    assert!(!targets.is_empty(), "readelf listed no relative relocations");
    let programme = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.txt"));
    let zones = include_bytes!(concat!(env!("OUT_DIR"), "/zones.txt"));
    for (name, blob) in [("bundled programme", &programme[..]), ("zone names", &zones[..])] {
        let (start, end) = loaded_range(&binary, blob, &sections);
        let inside = targets.iter().filter(|&&t| start <= t && t < end).count();
        assert_eq!(inside, 0, "{inside} relocations point into the {name}");
    }
}
