//! Helpers shared by the integration tests: running the binary, and reading the bundled YAML
//! independently of the program's own loader.
#![allow(dead_code)]

pub mod fribidi;
pub mod reference;

use assert_cmd::Command;
use serde_yaml::Value;

/// The binary with a fixed, predictable environment: no inherited language, bidi or zone
/// settings, a known width, and no colour.
pub fn igf() -> Command {
    let mut cmd = Command::cargo_bin("igf").expect("the igf binary is built for tests");
    cmd.env_remove("IGF_LANG")
        .env_remove("IGF_BIDI")
        .env_remove("IGF_TZ")
        .env("COLUMNS", "200")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs igf with `args` and returns stdout, asserting success.
pub fn stdout_of(args: &[&str]) -> String {
    let out = igf().args(args).output().expect("igf runs");
    assert!(
        out.status.success(),
        "igf {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

/// The ids `igf ... --format plain` prints, in order.
pub fn plain_ids(args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(["--format", "plain", "--lang", "en"]);
    stdout_of(&all)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

/// The bundled sessions as generic YAML values.
pub fn bundled_sessions() -> Vec<Value> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/igf2020.yaml"))
        .expect("bundled data exists");
    let doc: Value = serde_yaml::from_str(&text).expect("bundled data is YAML");
    doc["sessions"].as_sequence().expect("sessions is a list").clone()
}

pub fn text(v: &Value, key: &str) -> Option<String> {
    v[key].as_str().map(str::to_owned)
}
