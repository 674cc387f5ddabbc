#!/usr/bin/env bash
# Benchmarks `igf` against its performance targets and prints PASS/OVER for each.
#
#   scripts/bench.sh
#
# (a) start-up: median wall time of `igf list --date 2020-11-04` (bundled programme, COLUMNS=100,
#     NO_COLOR=1, stdout to /dev/null; the static binary of scripts/build-static.sh) against a
#     do-nothing Rust binary (`fn main(){}`), the floor of what any process costs here, linked the
#     same way and, for reference, by a plain `rustc -O`. Target: ratio <= 1.5.
# (b) scale: generated programmes of 10,000 and 100,000 valid sessions, each timed with
#     `igf --data FILE list --format plain > /dev/null`: median wall time and peak RSS (GNU time %M).
#     Targets for 100,000 sessions: <= 1 s and <= 200 MiB.
#
# Needs cargo/rustc; installs hyperfine and GNU time with apt-get when they are missing.
# Honours CARGO_TARGET_DIR and CARGO_BUILD_JOBS. Environment knobs:
#   BENCH_STRICT=1   exit 1 when any figure is OVER its target (default: report only, exit 0)
#   BENCH_KEEP=1     keep the temporary directory (generated YAML, hyperfine exports)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench.sh: %s\n' "$*" >&2; exit 2; }

# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------
need_apt=()
command -v hyperfine >/dev/null 2>&1 || need_apt+=(hyperfine)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || die "missing ${need_apt[*]} and no apt-get to install them"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    say "installing ${need_apt[*]} with apt-get"
    # Package lists may be absent on a fresh machine: update first, once.
    $SUDO apt-get update -qq >&2 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2 \
        || die "apt-get install ${need_apt[*]} failed"
fi
command -v cargo >/dev/null 2>&1 || die "cargo not found"
command -v rustc >/dev/null 2>&1 || die "rustc not found"
GNU_TIME=/usr/bin/time
"$GNU_TIME" --version >/dev/null 2>&1 || die "/usr/bin/time is not GNU time"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/igf-bench.XXXXXX")"
cleanup() { if [ "${BENCH_KEEP:-0}" = 1 ]; then say "kept $TMP"; else rm -rf "$TMP"; fi; }
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
# Builds
# ---------------------------------------------------------------------------------------------
# The binary users get from scripts/build-static.sh: static and non-PIE, so nothing is relocated
# at start-up. The floor is measured twice: a do-nothing binary linked the same way (the fair
# comparison) and one from a plain `rustc -O` (dynamic, PIE).
say "scripts/build-static.sh"
IGF="$(scripts/build-static.sh)"
[ -x "$IGF" ] || die "no binary at $IGF"

say "building the minimal binaries (fn main(){})"
printf 'fn main() {}\n' > "$TMP/minimal.rs"
rustc -O -C target-feature=+crt-static -C relocation-model=static -o "$TMP/minimal" "$TMP/minimal.rs" >&2
rustc -O -o "$TMP/minimal-dynamic" "$TMP/minimal.rs" >&2

export COLUMNS=100 NO_COLOR=1
"$IGF" list --date 2020-11-04 > /dev/null || die "igf list --date 2020-11-04 failed"

# Median (seconds) of the one command in a hyperfine CSV export
# (columns: command,mean,stddev,median,user,system,min,max[,parameters]).
median_of() { awk -F, 'NR == 2 { print $4 }' "$1"; }

# ---------------------------------------------------------------------------------------------
# (a) start-up against the floor
# ---------------------------------------------------------------------------------------------
say "hyperfine: start-up"
# -N: run without an intermediate shell, so no shell start-up is counted; hyperfine sends the
# commands' stdout to /dev/null.
hyperfine -N --style basic --warmup 20 --min-runs 300 \
    --export-csv "$TMP/minimal.csv" --command-name minimal "$TMP/minimal" >&2
hyperfine -N --style basic --warmup 20 --min-runs 300 \
    --export-csv "$TMP/minimal-dynamic.csv" --command-name minimal-dynamic "$TMP/minimal-dynamic" >&2
hyperfine -N --style basic --warmup 20 --min-runs 300 \
    --export-csv "$TMP/startup.csv" --command-name "igf list --date 2020-11-04" \
    "$IGF list --date 2020-11-04" >&2
MIN_S="$(median_of "$TMP/minimal.csv")"
IGF_S="$(median_of "$TMP/startup.csv")"

# ---------------------------------------------------------------------------------------------
# (b) generated programmes
# ---------------------------------------------------------------------------------------------
# The forum block of the bundled programme, verbatim, then N sessions that pass validation:
# unique ids, kinds from the schema's enum, dates 2020-11-02..17, quoted times with the end after
# the start, one source each. Sessions are kept small (about 320 bytes, optional fields left out)
# so that 100,000 of them stay well under the loader's 32 MiB file limit (MAX_FILE_BYTES).
generate() {
    local n="$1" out="$2"
    {
        sed -n '/^forum:/,/^sessions:/p' data/igf2020.yaml | sed '$d'
        echo 'sessions:'
        awk -v n="$n" 'BEGIN {
            split("pre-event open-forum workshop dynamic-coalition nri bpf main-session high-level-leaders parliamentary introductory concluding newcomers ceremony youth networking other", kinds, " ")
            split("Data Environment Inclusion Trust", tracks, " ")
            split("high medium low", conf, " ")
            for (i = 1; i <= n; i++) {
                k = kinds[(i % 16) + 1]
                day = 2 + (i % 16)
                start = 8 * 60 + (i % 40) * 15
                end = start + 60 + (i % 3) * 30
                printf "- id: GEN%06d\n", i
                printf "  kind: %s\n", k
                printf "  code: '\''GEN #%d'\''\n", i
                printf "  number: %d\n", i
                printf "  title_en: Session %d on digital inclusion\n", i
                printf "  title_ar: الجلسة %d عن الشمول الرقمي\n", i
                printf "  date: '\''2020-11-%02d'\''\n", day
                printf "  start_utc: '\''%02d:%02d'\''\n", int(start / 60), start % 60
                printf "  end_utc: '\''%02d:%02d'\''\n", int(end / 60), end % 60
                printf "  track: %s\n", (i % 5 == 0) ? "null" : tracks[(i % 4) + 1]
                printf "  sources:\n  - https://example.org/s/%d\n", i
                printf "  confidence: %s\n", conf[(i % 3) + 1]
            }
        }'
    } > "$out"
}

declare -A GEN_MS GEN_RSS GEN_MB
for n in 10000 100000; do
    file="$TMP/programme-$n.yaml"
    say "generating $n sessions"
    generate "$n" "$file"
    GEN_MB[$n]="$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')"
    [ "$(stat -c %s "$file")" -le $((32 * 1024 * 1024)) ] \
        || die "generated $n-session file is ${GEN_MB[$n]} MiB, over igf's 32 MiB limit"
    # It must load: a programme that fails validation would time the error path instead.
    lines="$("$IGF" --data "$file" list --format plain | wc -l)" \
        || die "igf rejected the generated $n-session programme"
    [ "$lines" -ge "$n" ] || die "generated $n sessions but igf listed $lines lines"
    say "hyperfine: $n sessions"
    runs=10
    [ "$n" -ge 100000 ] && runs=5
    hyperfine -N --style basic --warmup 1 --runs "$runs" \
        --export-csv "$TMP/gen-$n.csv" --command-name "igf list --format plain ($n)" \
        "$IGF --data $file list --format plain" >&2
    GEN_MS[$n]="$(awk -v s="$(median_of "$TMP/gen-$n.csv")" 'BEGIN { printf "%.1f", s * 1000 }')"
    # Peak RSS: the largest of three runs, in KiB.
    peak=0
    for _ in 1 2 3; do
        "$GNU_TIME" -f '%M' -o "$TMP/rss" "$IGF" --data "$file" list --format plain > /dev/null
        kib="$(tail -n 1 "$TMP/rss")"
        [ "$kib" -gt "$peak" ] && peak="$kib"
    done
    GEN_RSS[$n]="$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')"
done

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
verdict() { # value limit -> PASS|OVER
    if awk -v v="$1" -v l="$2" 'BEGIN { exit !(v <= l) }'; then echo PASS; else echo OVER; fi
}
MIN_MS="$(awk -v s="$MIN_S" 'BEGIN { printf "%.2f", s * 1000 }')"
IGF_MS="$(awk -v s="$IGF_S" 'BEGIN { printf "%.2f", s * 1000 }')"
RATIO="$(awk -v a="$IGF_S" -v b="$MIN_S" 'BEGIN { printf "%.2f", a / b }')"
MIN_DYN_S="$(median_of "$TMP/minimal-dynamic.csv")"
MIN_DYN_MS="$(awk -v s="$MIN_DYN_S" 'BEGIN { printf "%.2f", s * 1000 }')"
RATIO_DYN="$(awk -v a="$IGF_S" -v b="$MIN_DYN_S" 'BEGIN { printf "%.2f", a / b }')"
V_RATIO="$(verdict "$RATIO" 1.5)"
V_T100="$(verdict "${GEN_MS[100000]}" 1000)"
V_M100="$(verdict "${GEN_RSS[100000]}" 200)"
over=0
case "$V_RATIO $V_T100 $V_M100" in *OVER*) over=1 ;; esac

echo
echo "igf benchmark  ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(rustc --version))"
echo "binary: $IGF ($(stat -c %s "$IGF") bytes)"
echo "generated programmes: 10000 sessions = ${GEN_MB[10000]} MiB, 100000 sessions = ${GEN_MB[100000]} MiB of YAML"
echo
row() { printf '%-44s %12s %-4s %12s  %s\n' "$@"; }
row "measure" "value" "" "target" "verdict"
row "--------------------------------------------" "------------" "" "------------" "-------"
row "minimal binary, static non-PIE, median" "$MIN_MS" "ms" "-" "-"
row "minimal binary, rustc -O (PIE), median" "$MIN_DYN_MS" "ms" "-" "-"
row "igf list --date 2020-11-04, median" "$IGF_MS" "ms" "-" "-"
row "start-up ratio igf / minimal (same linking)" "$RATIO" "x" "<= 1.5 x" "$V_RATIO"
row "start-up ratio igf / minimal (rustc -O)" "$RATIO_DYN" "x" "<= 1.5 x" "$(verdict "$RATIO_DYN" 1.5)"
row "10000 sessions: list --format plain, median" "${GEN_MS[10000]}" "ms" "-" "-"
row "10000 sessions: peak RSS" "${GEN_RSS[10000]}" "MiB" "-" "-"
row "100000 sessions: list --format plain, median" "${GEN_MS[100000]}" "ms" "<= 1000 ms" "$V_T100"
row "100000 sessions: peak RSS" "${GEN_RSS[100000]}" "MiB" "<= 200 MiB" "$V_M100"
echo
if [ "$over" -eq 0 ]; then echo "all targets met"; else echo "some figures are OVER their targets"; fi
if [ "${BENCH_STRICT:-0}" = 1 ] && [ "$over" -ne 0 ]; then exit 1; fi
exit 0
