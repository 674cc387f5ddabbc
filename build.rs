//! Parses the bundled programme once, at build time, into postcard bytes that the binary decodes
//! in microseconds: parsing ~400 KB of YAML on every start would cost more than the rest of a run.
//! Validation of the bundled file happens in the test suite (`the_bundled_programme_is_valid`);
//! `--data` files are parsed and validated at run time as before.

#[allow(dead_code)]
#[path = "src/data/model.rs"]
mod model;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=data/igf2020.yaml");
    println!("cargo:rerun-if-changed=src/data/model.rs");
    let text = std::fs::read_to_string("data/igf2020.yaml").expect("data/igf2020.yaml is readable");
    let dataset: model::Dataset = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("data/igf2020.yaml: {e}"));
    let bytes = postcard::to_allocvec(&dataset).expect("the programme serializes");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("igf2020.postcard");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
