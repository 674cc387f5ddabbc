#!/usr/bin/env bash
# Builds igf as one static executable (no shared libraries, the programme inside):
#   scripts/build-static.sh   ->  prints the absolute path of the binary
# Non-PIE (relocation-model=static): nothing to relocate at start-up, which for a binary with
# large tables of pointers is most of the exec cost. The target is named explicitly so that the
# flags reach igf but not the build scripts and proc-macros cargo runs on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static" cargo build --release --locked --target "$target" >&2
dir="${CARGO_TARGET_DIR:-target}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
echo "$dir/$target/release/igf"
