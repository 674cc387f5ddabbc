#!/usr/bin/env bash
# The bad-file path of `--data`: a generated programme of N valid sessions with one bad session at
# its end must be refused within 1.2x the time serde_yaml alone needs to parse the file into
# nothing (examples/yaml_floor.rs), in at most 150 MiB, and with every problem named.
#
#   scripts/bad-file.sh [N]          builds the release binary and the floor, prints the figures
#   source scripts/bad-file.sh       defines generate_programme and bad_file_bench for other scripts
#
# bad_file_bench IGF FLOOR FILE prints one line:
#   bad file: igf MEDIAN_S s, floor MEDIAN_S s, ratio R x, peak RSS M MiB, problems P
# Needs hyperfine and GNU time (/usr/bin/time).

# The forum block of the bundled programme, verbatim, then N sessions that pass validation:
# unique ids, kinds from the schema's enum, dates 2020-11-02..17, quoted times with the end after
# the start, one source each; about 320 bytes a session, so 100,000 stay under the 32 MiB limit.
generate_programme() {
    local n="$1" out="$2" root
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    {
        sed -n '/^forum:/,/^sessions:/p' "$root/data/igf2020.yaml" | sed '$d'
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

# Appends one session with three problems: an unknown kind, an impossible date, a missing field.
append_bad_session() {
    printf '%s\n' "- id: BAD" "  kind: seminar" "  date: '2020-02-30'" "  start_utc: '10:00'" \
        "  end_utc: '11:00'" "  title_en: Broken" "  sources: [https://example.org/bad]" >> "$1"
}

bad_file_bench() {
    local igf="$1" floor="$2" file="$3" tmp
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/igf-bad.XXXXXX")"
    "$floor" "$file" || { echo "bad_file_bench: the floor cannot parse $file" >&2; rm -rf "$tmp"; return 2; }
    local status=0
    "$igf" --lang en --data "$file" list --format plain > /dev/null 2> "$tmp/problems" || status=$?
    [ "$status" -eq 2 ] || { echo "bad_file_bench: igf ended with $status, not 2" >&2; rm -rf "$tmp"; return 2; }
    hyperfine -N --style none --warmup 1 --runs "${BAD_FILE_RUNS:-7}" -i \
        --export-csv "$tmp/times.csv" \
        --command-name floor "$floor $file" \
        --command-name igf "$igf --data $file list --format plain" > /dev/null 2>&1
    local floor_s igf_s peak=0 kib
    floor_s="$(awk -F, '$1 == "floor" { print $4 }' "$tmp/times.csv")"
    igf_s="$(awk -F, '$1 == "igf" { print $4 }' "$tmp/times.csv")"
    for _ in 1 2 3; do
        /usr/bin/time -f '%M' -o "$tmp/rss" "$igf" --data "$file" list --format plain > /dev/null 2>&1 || true
        kib="$(tail -n 1 "$tmp/rss")"
        [ "$kib" -gt "$peak" ] && peak="$kib"
    done
    awk -v i="$igf_s" -v f="$floor_s" -v k="$peak" -v p="$(wc -l < "$tmp/problems")" \
        'BEGIN { printf "bad file: igf %.3f s, floor %.3f s, ratio %.2f x, peak RSS %.1f MiB, problems %d\n", i, f, i / f, k / 1024, p }'
    sed 's/^/  /' "$tmp/problems"
    rm -rf "$tmp"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    cd "$(dirname "${BASH_SOURCE[0]}")/.."
    n="${1:-100000}"
    cargo build --release --quiet --bin igf --example yaml_floor >&2
    target="${CARGO_TARGET_DIR:-target}/release"
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/igf-bad-file.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    generate_programme "$n" "$tmp/bad.yaml"
    append_bad_session "$tmp/bad.yaml"
    echo "$n valid sessions and one bad one, $(stat -c %s "$tmp/bad.yaml") bytes"
    bad_file_bench "$target/igf" "$target/examples/yaml_floor" "$tmp/bad.yaml"
fi
