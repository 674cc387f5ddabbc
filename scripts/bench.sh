#!/usr/bin/env bash
# Measures igf against floors it builds itself and prints every figure as a ratio to its floor,
# all of one group timed side by side in the same run (see benches/floors/src/bin/side_by_side.rs:
# rounds that run each command once, in rotating order).
#
#   scripts/bench.sh
#
# Start-up, twice: the binary of `cargo build --release` (position-independent, what
# `cargo install` makes) against a do-nothing program built the same way, and the static build of
# scripts/build-static.sh against a do-nothing program built by that script. Commands run with the
# bundled programme, COLUMNS=100, NO_COLOR=1, output to /dev/null.
# Scale: a generated programme of 100,000 sessions, read by the `cargo build --release` binary,
# against serde_yaml alone parsing the same file into serde::de::IgnoredAny; the same file with
# one bad session appended must be refused; the same file whose sessions use anchors defined far
# before them (in another session, in the forum) is read in the same memory.
# Peak memory: GNU time's maximum resident set size (%M), the largest of two runs.
# Instructions: where valgrind is installed, callgrind's count for each start-up command, a
# figure that background load on the machine does not move.
#
# Needs cargo, rustc, readelf and GNU time; installs binutils and time with apt-get when missing.
# Honours CARGO_TARGET_DIR. Knobs: BENCH_ROUNDS (start-up rounds, default 300),
# BENCH_SCALE_ROUNDS (default 5), BENCH_KEEP=1 keeps the generated files.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench.sh: %s\n' "$*" >&2; exit 2; }

# --- tools ------------------------------------------------------------------------------------
need_apt=()
command -v readelf >/dev/null 2>&1 || need_apt+=(binutils)
/usr/bin/time --version >/dev/null 2>&1 || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || die "missing ${need_apt[*]} and no apt-get to install them"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    say "installing ${need_apt[*]} with apt-get"
    $SUDO apt-get update -qq >&2 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2 \
        || die "apt-get install ${need_apt[*]} failed"
fi
command -v cargo >/dev/null 2>&1 || die "cargo not found"
/usr/bin/time --version 2>&1 | grep -q GNU || die "/usr/bin/time is not GNU time"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/igf-bench.XXXXXX")"
cleanup() { if [ "${BENCH_KEEP:-0}" = 1 ]; then say "kept $TMP"; else rm -rf "$TMP"; fi; }
trap cleanup EXIT

# --- builds -----------------------------------------------------------------------------------
say "cargo build --release (igf and its floors)"
cargo build --release --locked --workspace >&2
dir="${CARGO_TARGET_DIR:-target}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
PIE="$dir/release"
say "scripts/build-static.sh (igf and its floors)"
STATIC_IGF="$(scripts/build-static.sh)"
STATIC="$(scripts/build-static.sh -p igf-floors)"
RUN="$PIE/side-by-side"

export COLUMNS=100 NO_COLOR=1
unset IGF_LANG IGF_BIDI IGF_TZ

# Prints "median_ms<TAB>fastest_ms" per command, in the order given.
side_by_side() { "$RUN" "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
peak_mib() { # command... -> the larger peak RSS of two runs, MiB
    local peak=0 kib
    for _ in 1 2; do
        /usr/bin/time -f '%M' -o "$TMP/rss" "$@" > /dev/null 2>&1 || true
        kib="$(tail -n 1 "$TMP/rss")"
        [ "$kib" -gt "$peak" ] && peak="$kib"
    done
    awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }'
}
relocations() { readelf -rW "$1" | grep -cE '^[0-9a-f]{8,} ' || true; }

# Prints a table: the first command is the floor; every row shows its median and its ratio.
report() { # title rounds label1 cmd1... [-- label2 cmd2...]
    local title="$1" rounds="$2"; shift 2
    local labels=() args=(--) command=()
    while [ $# -gt 0 ]; do
        labels+=("$1"); shift
        while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
        [ $# -gt 0 ] && shift
        args+=(--)
    done
    mapfile -t rows < <(side_by_side "$rounds" "${args[@]}")
    local floor="${rows[0]%%$'\t'*}"
    echo
    echo "$title"
    printf '  %-52s %10s %8s\n' "command" "median" "ratio"
    local i
    for i in "${!labels[@]}"; do
        local median="${rows[$i]%%$'\t'*}"
        printf '  %-52s %7.2f ms %7sx\n' "${labels[$i]}" "$median" "$(ratio "$median" "$floor")"
    done
}

IGF="$PIE/igf"
"$IGF" list --date 2020-11-04 > /dev/null || die "igf list --date 2020-11-04 failed"
ROUNDS="${BENCH_ROUNDS:-300}"
say "start-up: $ROUNDS rounds each"
STARTUP_PIE="$(report "start-up, cargo build --release (position-independent), $ROUNDS rounds" "$ROUNDS" \
    "do-nothing program (floor)" "$PIE/nothing" -- \
    "igf --version" "$IGF" --version -- \
    "igf list --date 2020-11-04" "$IGF" list --date 2020-11-04 -- \
    "igf list --date 2020-11-04 --format plain" "$IGF" list --date 2020-11-04 --format plain)"
STARTUP_STATIC="$(report "start-up, scripts/build-static.sh (static, not position-independent), $ROUNDS rounds" "$ROUNDS" \
    "do-nothing program (floor)" "$STATIC/nothing" -- \
    "igf --version" "$STATIC_IGF" --version -- \
    "igf list --date 2020-11-04" "$STATIC_IGF" list --date 2020-11-04 -- \
    "igf list --date 2020-11-04 --format plain" "$STATIC_IGF" list --date 2020-11-04 --format plain)"

# --- a generated programme ----------------------------------------------------------------------
# The forum block of the bundled programme, verbatim, then N sessions that pass validation: unique
# ids, kinds from the schema, dates 2020-11-02..17, quoted times with the end after the start.
# With "aliased" as the second argument, sessions also use anchors defined far before them: every
# hundredth the first session's organisers, every thousandth the forum's host as its room.
generate() {
    local n="$1" aliased="${2:-}"
    if [ -n "$aliased" ]; then
        sed -n '/^forum:/,/^sessions:/p' data/igf2020.yaml | sed '$d' | sed '0,/^  host_en: /s//  host_en: \&host /'
    else
        sed -n '/^forum:/,/^sessions:/p' data/igf2020.yaml | sed '$d'
    fi
    echo 'sessions:'
    awk -v n="$n" -v aliased="$aliased" 'BEGIN {
        split("pre-event open-forum workshop dynamic-coalition nri bpf main-session high-level-leaders parliamentary introductory concluding newcomers ceremony youth networking other", kinds, " ")
        split("Data Environment Inclusion Trust", tracks, " ")
        split("high medium low", conf, " ")
        for (i = 1; i <= n; i++) {
            start = 8 * 60 + (i % 40) * 15
            end = start + 60 + (i % 3) * 30
            printf "- id: GEN%06d\n", i
            if (aliased != "" && i == 1) printf "  organizers: &orgs [A, B]\n"
            if (aliased != "" && i > 1 && i % 100 == 0) printf "  organizers: *orgs\n"
            if (aliased != "" && i % 1000 == 0) printf "  room: *host\n"
            printf "  kind: %s\n", kinds[(i % 16) + 1]
            printf "  code: '\''GEN #%d'\''\n", i
            printf "  number: %d\n", i
            printf "  title_en: Session %d on digital inclusion\n", i
            printf "  title_ar: الجلسة %d عن الشمول الرقمي\n", i
            printf "  date: '\''2020-11-%02d'\''\n", 2 + (i % 16)
            printf "  start_utc: '\''%02d:%02d'\''\n", int(start / 60), start % 60
            printf "  end_utc: '\''%02d:%02d'\''\n", int(end / 60), end % 60
            printf "  track: %s\n", (i % 5 == 0) ? "null" : tracks[(i % 4) + 1]
            printf "  sources:\n  - https://example.org/s/%d\n", i
            printf "  confidence: %s\n", conf[(i % 3) + 1]
        }
    }'
}
N=100000
GOOD="$TMP/programme-$N.yaml"
BAD="$TMP/programme-$N-bad-end.yaml"
say "generating $N sessions"
generate "$N" > "$GOOD"
# One more session whose kind is not in the schema: the whole file must be refused.
{ cat "$GOOD"; printf -- "- id: BAD\n  kind: no-such-kind\n  sources: []\n  confidence: low\n"; } > "$BAD"
ALIASED="$TMP/programme-$N-aliased.yaml"
generate "$N" aliased > "$ALIASED"
lines="$("$IGF" --data "$GOOD" list --format plain | wc -l)" || die "igf rejected the generated programme"
aliased_lines="$("$IGF" --data "$ALIASED" list --format plain | wc -l)" || die "igf rejected the aliased programme"
[ "$aliased_lines" = "$lines" ] || die "the aliased programme listed $aliased_lines lines, the plain one $lines"
[ "$lines" -ge "$N" ] || die "generated $N sessions but igf listed $lines"
if "$IGF" --data "$BAD" list --format plain > /dev/null 2>&1; then die "igf accepted the bad programme"; fi
MIB="$(awk -v b="$(stat -c %s "$GOOD")" 'BEGIN { printf "%.1f", b / 1048576 }')"

SCALE_ROUNDS="${BENCH_SCALE_ROUNDS:-5}"
say "scale: $SCALE_ROUNDS rounds each"
SCALE="$(report "scale: $N generated sessions ($MIB MiB of YAML), cargo build --release, $SCALE_ROUNDS rounds" "$SCALE_ROUNDS" \
    "serde_yaml parsing it into IgnoredAny (floor)" "$PIE/yaml-parse" "$GOOD" -- \
    "igf --data FILE list --format plain" "$IGF" --data "$GOOD" list --format plain -- \
    "igf --data FILE list (table)" "$IGF" --data "$GOOD" list -- \
    "igf --data FILE-WITH-BAD-END list (refused)" "$IGF" --data "$BAD" list)"

INSTRUCTIONS=""
if command -v valgrind >/dev/null 2>&1; then
    say "instructions (callgrind)"
    instructions() { # command... -> millions of instructions
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null \
            | awk '/refs:/ { gsub(",", "", $NF); printf "%.2f", $NF / 1e6 }'
    }
    floor_i="$(instructions "$PIE/nothing")"
    INSTRUCTIONS="$(
        echo "instructions at start-up (callgrind), cargo build --release"
        printf '  %-52s %10s %8s\n' "command" "millions" "ratio"
        for c in "do-nothing program (floor)|$PIE/nothing" "igf --version|$IGF --version" \
            "igf list --date 2020-11-04|$IGF list --date 2020-11-04" \
            "igf list --date 2020-11-04 --format plain|$IGF list --date 2020-11-04 --format plain"; do
            # shellcheck disable=SC2086 # the command's words are split on purpose
            n="$(instructions ${c#*|})"
            printf '  %-52s %10s %7sx\n' "${c%%|*}" "$n" "$(ratio "$n" "$floor_i")"
        done
    )"
else
    say "valgrind not installed: no instruction counts"
fi

say "peak memory"
# --- report -------------------------------------------------------------------------------------
echo "igf benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(rustc --version)"
echo "$STARTUP_PIE"
echo "$STARTUP_STATIC"
echo
echo "relocations at start-up (readelf -r): igf $(relocations "$IGF"), do-nothing program $(relocations "$PIE/nothing") (cargo build --release)"
[ -n "$INSTRUCTIONS" ] && { echo; echo "$INSTRUCTIONS"; }
echo "$SCALE"
echo
echo "peak memory (GNU time %M)"
printf '  %-52s %7s MiB\n' \
    "serde_yaml parsing it into IgnoredAny (floor)" "$(peak_mib "$PIE/yaml-parse" "$GOOD")" \
    "igf --data FILE list --format plain" "$(peak_mib "$IGF" --data "$GOOD" list --format plain)" \
    "igf --data FILE list (table)" "$(peak_mib "$IGF" --data "$GOOD" list)" \
    "igf --data FILE-WITH-BAD-END list (refused)" "$(peak_mib "$IGF" --data "$BAD" list)" \
    "igf --data FILE-WITH-ALIASES list (table)" "$(peak_mib "$IGF" --data "$ALIASED" list)" \
    "igf list --date 2020-11-04 (bundled)" "$(peak_mib "$IGF" list --date 2020-11-04)"
