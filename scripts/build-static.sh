#!/usr/bin/env bash
# Builds igf as one static executable (no shared libraries, the programme inside):
#   scripts/build-static.sh             ->  prints the absolute path of the binary
#   scripts/build-static.sh -p PACKAGE  ->  builds another package of the workspace the same way
#                                           (scripts/bench.sh: its floors) and prints the directory
# Non-PIE (relocation-model=static): nothing is relocated at start-up. The target is named
# explicitly so that the flags reach igf but not the build scripts and proc-macros cargo runs on
# this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static" \
    cargo build --release --locked --target "$target" "$@" >&2
dir="${CARGO_TARGET_DIR:-target}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
if [ $# -eq 0 ]; then echo "$dir/$target/release/igf"; else echo "$dir/$target/release"; fi
