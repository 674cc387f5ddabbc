//! The floor of reading a programme: serde_yaml parsing a file into nothing
//! (`serde::de::IgnoredAny`). `igf --data FILE` can be no faster than this, so benchmarks quote
//! igf's time as a ratio of it.
//!
//!     cargo build --release --example yaml_floor
//!     target/release/examples/yaml_floor FILE

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: yaml_floor FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("yaml_floor: {}: {e}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    match serde_yaml::from_str::<serde::de::IgnoredAny>(&text) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("yaml_floor: {e}");
            ExitCode::from(1)
        }
    }
}
