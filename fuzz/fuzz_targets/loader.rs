//! Any bytes that are UTF-8 go through the whole loader (parse + validate). Errors are fine; a
//! panic (or an abort, stack overflow, timeout or OOM) is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match igf::data::from_text(text, "fuzz") {
            Ok(dataset) => {
                std::hint::black_box(&dataset);
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "a refused file names at least one problem");
                // Rendering every error is part of the user-visible path.
                for e in &errors {
                    std::hint::black_box(e.to_string());
                }
            }
        }
    }
});
