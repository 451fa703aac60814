#!/usr/bin/env bash
# Renders the application icon (resources/packaging/icons/*.svg) to the PNG sizes that are installed beside it
# (resources/packaging/icons/hicolor/NxN/apps). Run after changing the SVG; needs rsvg-convert (librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../resources/packaging/icons"
id=io.github.isleview.Isleview
for n in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${n}x${n}/apps"
  rsvg-convert -w "$n" -h "$n" "$id.svg" -o "hicolor/${n}x${n}/apps/$id.png"
done
