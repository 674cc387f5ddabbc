#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a fixed number of executions and reports, per target,
# the executions done, the time taken and the crashes found.
#
#   scripts/fuzz.sh [RUNS]        RUNS executions per target (default 1000000)
#
# Only a stable toolchain is needed: cargo-fuzz's nightly flags (-Zsanitizer, -Cpasses=...) are
# allowed with RUSTC_BOOTSTRAP=1. cargo-fuzz is installed from crates.io when it is missing.
# Each target starts from a throw-away copy of its seeds (fuzz/seeds/TARGET; the loader also gets
# the bundled data/igf2020.yaml), so the run leaves nothing behind but crash artifacts, which go to
# fuzz/artifacts/TARGET/ (ignored by git). Exits 1 when any target crashed (panic, sanitizer
# report, timeout, out-of-memory), 2 on a setup error.
#
# Environment: CARGO_TARGET_DIR (default fuzz/target), CARGO_BUILD_JOBS, FUZZ_MAX_LEN (largest
# input, default 4096 bytes), FUZZ_TIMEOUT (seconds one input may take, default 30),
# FUZZ_TARGETS (space-separated subset, default all).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/fuzz"
RUNS="${1:-1000000}"
case "$RUNS" in '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [RUNS]" >&2; exit 2 ;; esac
MAX_LEN="${FUZZ_MAX_LEN:-4096}"
TIMEOUT="${FUZZ_TIMEOUT:-30}"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'fuzz.sh: %s\n' "$*" >&2; exit 2; }

export RUSTC_BOOTSTRAP="${RUSTC_BOOTSTRAP:-1}"
TARGET_DIR="${CARGO_TARGET_DIR:-$FUZZ/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$PWD/$TARGET_DIR" ;; esac

if ! cargo fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz from crates.io"
    cargo install cargo-fuzz --locked >&2 || die "cargo install cargo-fuzz failed"
fi

cd "$ROOT" || die "cannot enter $ROOT"
TARGETS="${FUZZ_TARGETS:-$(cargo fuzz list)}"
[ -n "$TARGETS" ] || die "no fuzz targets found in $FUZZ"

# Release with debug assertions and AddressSanitizer (cargo-fuzz's defaults): the YAML parser
# underneath serde_yaml is unsafe Rust translated from C, which is what ASan is for.
say "cargo fuzz build ($(echo $TARGETS))"
cargo fuzz build --target-dir "$TARGET_DIR" >&2 || die "cargo fuzz build failed"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/igf-fuzz.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

status=0
report=()
for t in $TARGETS; do
    corpus="$TMP/corpus-$t"
    artifacts="$FUZZ/artifacts/$t"
    mkdir -p "$corpus" "$artifacts"
    [ -d "$FUZZ/seeds/$t" ] && cp "$FUZZ/seeds/$t"/* "$corpus"/ 2>/dev/null
    # The real programme is the best seed the loader can have; it is not duplicated under
    # seeds/ (200 KB), and -max_len keeps only its head, which holds the forum block and the
    # first sessions.
    [ "$t" = loader ] && cp "$ROOT/data/igf2020.yaml" "$corpus/igf2020.yaml"
    before="$(ls -1 "$artifacts" | sort)"
    log="$TMP/$t.log"
    say "fuzzing $t for $RUNS runs (log: $log while running)"
    start=$(date +%s.%N)
    cargo fuzz run "$t" "$corpus" --target-dir "$TARGET_DIR" -- \
        -runs="$RUNS" -max_len="$MAX_LEN" -timeout="$TIMEOUT" -print_final_stats=1 \
        > "$log" 2>&1
    rc=$?
    end=$(date +%s.%N)
    secs="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')"
    # libFuzzer's own count; when it stopped early (crash) this is how far it got.
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    [ -n "$execs" ] || execs="$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)"
    [ -n "$execs" ] || execs="?"
    new="$(comm -13 <(printf '%s\n' "$before") <(ls -1 "$artifacts" | sort) | sed "s|^|$artifacts/|")"
    if [ "$rc" -ne 0 ] || [ -n "$new" ]; then
        status=1
        keep="$artifacts/$t-$(date -u +%Y%m%dT%H%M%SZ).log"
        cp "$log" "$keep"
        crashes="${new:-"(no artifact; exit status $rc)"}"
        say "$t CRASHED; full log kept at $keep"
        grep -m 40 -E 'panicked|ERROR: libFuzzer|ERROR: AddressSanitizer|SUMMARY|^ *#[0-9]+ ' "$log" >&2
        report+=("$(printf '%-8s %12s %10ss   crashes: %s (log %s)' "$t" "$execs" "$secs" "$(echo $crashes)" "$keep")")
    else
        report+=("$(printf '%-8s %12s %10ss   crashes: 0' "$t" "$execs" "$secs")")
    fi
done

echo
echo "fuzzing: $RUNS runs per target, max_len $MAX_LEN, $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%-8s %12s %11s   %s\n' target executions time result
printf '%s\n' "${report[@]}"
if [ "$status" -ne 0 ]; then
    echo "CRASH: reproduce with: RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET ARTIFACT"
fi
exit "$status"
