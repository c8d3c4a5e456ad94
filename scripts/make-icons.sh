#!/usr/bin/env bash
# Renders public/icons/icon-*.png from scripts/icon.svg (needs ImageMagick: apt-get install imagemagick).
# The PNGs are committed; run this only when the SVG changes.
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 32 48 128; do
  convert -background none -density 384 scripts/icon.svg -resize "${size}x${size}" -depth 8 "public/icons/icon-${size}.png"
done
