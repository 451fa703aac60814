#!/bin/sh
# Makes the screenshots of README.md and the user guides, in each interface language, from the maps saved in
# tools/screenshots/ (File → Save writes the same kind of file): under a virtual display, with fresh settings,
# the window saves itself once drawn (ISLEVIEW_SCREENSHOT, see docs/user-guide.md).
#
#   tools/screenshots.sh [BUILD_DIR] [LANGUAGE...]     default: build, and en ja ru
#
# English goes to docs/img/, Japanese and Russian to docs/img/ja/ and docs/img/ru/.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
[ $# -gt 0 ] && shift
languages=${*:-en ja ru}
exe="$build/bin/isleview"
[ -x "$exe" ] || { echo "screenshots.sh: $exe not found: build first" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run not found (apt-get install xvfb)" >&2; exit 1; }

settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT INT TERM

shot() { # language, output, map file or "", extra environment...
    lang=$1 out=$2 map=$3
    shift 3
    case $lang in
        en) locale=en_GB.UTF-8 ;;
        ja) locale=ja_JP.UTF-8 ;;
        ru) locale=ru_RU.UTF-8 ;;
        *) echo "screenshots.sh: unknown language $lang" >&2; exit 2 ;;
    esac
    rm -rf "$settings"/*
    # Each shot starts from no remembered settings, on a 1600x1000 screen (a 1280x820 window).
    env XDG_CONFIG_HOME="$settings" LANG="$locale" LANGUAGE="$lang" LC_ALL="$locale" \
        ISLEVIEW_SCREENSHOT="$out" "$@" \
        xvfb-run -a -s "-screen 0 1600x1000x24" "$exe" $map
    echo "$out"
}

for lang in $languages; do
    if [ "$lang" = en ]; then dir=docs/img; else dir=docs/img/$lang; fi
    mkdir -p "$dir"
    shot "$lang" "$dir/window-de-facto.png" ""
    shot "$lang" "$dir/window-both-claims-both-names.png" tools/screenshots/window-both-claims-both-names.isleview
    shot "$lang" "$dir/window-habomai-russian.png" tools/screenshots/window-habomai-russian.isleview
    shot "$lang" "$dir/window-measure-native.png" tools/screenshots/window-measure-native.isleview \
        ISLEVIEW_SCREENSHOT_MEASURE=145.62,43.87,146.42,44.38
    shot "$lang" "$dir/window-notes-dark.png" tools/screenshots/window-notes-dark.isleview ISLEVIEW_PALETTE=dark
done
