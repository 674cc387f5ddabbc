#!/usr/bin/env bash
# Screenshots of igf in real terminals under a virtual X server, for checking by eye that Arabic
# reads right where it is shown: xterm (no bidi), sakura (VTE), Konsole and mlterm (which reorder
# by themselves). Writes OUT/TERMINAL-COMMAND-COLUMNS.png (OUT defaults to docs/screenshots).
# konsole-nobidi and mlterm-nobidi are those two with their own bidi turned off and IGF_BIDI=visual,
# the setting docs/terminals.md recommends for them.
#
#   scripts/screenshots.sh                 # every terminal, the three commands, 80 and 150 columns
#   TERMINALS="xterm konsole-nobidi" COLUMNS_LIST="80" OUT=/tmp/shots scripts/screenshots.sh
#
# Needs Debian's xvfb, x11-apps (xwd), imagemagick, fonts-dejavu-core and the terminals; they are
# installed when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."

terminals=${TERMINALS:-"xterm sakura konsole mlterm konsole-nobidi mlterm-nobidi"}
columns_list=${COLUMNS_LIST:-"80 150"}
rows=${ROWS:-48}
out=${OUT:-docs/screenshots}
display=:${DISPLAY_NUMBER:-77}

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwd >/dev/null || need+=(x11-apps)
[ -x /usr/bin/convert ] || need+=(imagemagick)
fc-list | grep -q "DejaVu Sans Mono" || need+=(fonts-dejavu-core)
for t in $terminals; do command -v "${t%-nobidi}" >/dev/null || need+=("${t%-nobidi}"); done
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release --quiet
igf=$PWD/target/release/igf
mkdir -p "$out"

Xvfb "$display" -screen 0 2200x1400x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
export DISPLAY=$display

# One terminal window running one command, then a screenshot of the screen, cropped to the window.
shoot() {
    local terminal=$1 columns=$2 name=$3
    shift 3
    local run="$igf $*; sleep 30"
    case $terminal in
        xterm) xterm -fa 'DejaVu Sans Mono' -fs 11 -geometry "${columns}x${rows}+0+0" -e sh -c "$run" & ;;
        sakura) sakura --columns "$columns" --rows "$rows" -f 'DejaVu Sans Mono 11' -x "sh -c '$run'" & ;;
        # Konsole ignores TerminalColumns/TerminalRows given with -p; its window size in pixels
        # is set instead (DejaVu Sans Mono 11: 9 by 19 pixels a cell, 22 pixels of margins).
        konsole | konsole-nobidi)
            local bidi=true
            [ "$terminal" = konsole ] || { bidi=false; run="IGF_BIDI=visual $run"; }
            konsole --nofork --hide-menubar --hide-tabbar -p "Font=DejaVu Sans Mono,11" \
                -p "BidiRenderingEnabled=$bidi" \
                -qwindowgeometry "$((columns * 9 + 22))x$((rows * 19))+0+0" -e sh -c "$run" & ;;
        mlterm) mlterm -g "${columns}x${rows}+0+0" --fontsize 15 -e sh -c "$run" & ;;
        mlterm-nobidi) mlterm -g "${columns}x${rows}+0+0" --fontsize 15 --ctl=false \
            -e sh -c "IGF_BIDI=visual $run" & ;;
    esac
    local pid=$!
    sleep 6
    local file="$out/$terminal-$name-$columns.png"
    xwd -root -silent | /usr/bin/convert xwd:- -trim +repage "$file"
    # A terminal that did not start leaves an empty screen, which trims to one pixel.
    if [ "$(/usr/bin/identify -format %w "$file")" -lt 100 ]; then
        echo "$terminal did not show a window for: igf $*" >&2
        exit 1
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "$file"
}

for terminal in $terminals; do
    for columns in $columns_list; do
        shoot "$terminal" "$columns" list list --date 2020-11-04
        shoot "$terminal" "$columns" show show OF21
        shoot "$terminal" "$columns" egypt egypt
    done
done
