#!/usr/bin/env bash
# Rebuilds data/igf2020.yaml from the gathered fact files (see data/README.md, "Where the facts come from").
# Usage: scripts/make-data.sh FACTS_DIR GATHERED_DIR
set -euo pipefail
facts=${1:?facts dir}; gathered=${2:?gathered dir}
cd "$(dirname "$0")/.."
extra=()
for f in pre-events/sessions.yaml open-forums/sessions.yaml ws-data-trust/sessions.yaml ws-env-incl/sessions.yaml \
         ws-env-incl/out-of-share.yaml other-sessions/sessions.yaml round2-a/sessions.yaml round2-b/sessions.yaml \
         round2-c/sessions.yaml round3/sessions.yaml; do
    [ -f "$gathered/$f" ] && extra+=("$gathered/$f")
done
python3 scripts/build-dataset.py "$facts" "${extra[@]}" --translations "$gathered/translations/translations.yaml" \
    --bodies-ar "$gathered/translations/bodies.yaml" --corrections scripts/corrections.yaml -o data/igf2020.yaml
