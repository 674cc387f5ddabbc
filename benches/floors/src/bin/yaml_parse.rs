//! The floor of loading a programme file: serde_yaml parsing it into nothing.
//!
//!     yaml-parse FILE
use serde::de::IgnoredAny;

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: yaml-parse FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("yaml-parse: {}: {e}", path.to_string_lossy());
            std::process::exit(2);
        }
    };
    if let Err(e) = serde_yaml::from_str::<IgnoredAny>(&text) {
        eprintln!("yaml-parse: {e}");
        std::process::exit(1);
    }
}
