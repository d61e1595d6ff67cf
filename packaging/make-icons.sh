#!/usr/bin/env bash
# Renders the app icon's hicolor PNGs from its SVG (resources/icons/hicolor/scalable/apps/).
# The PNGs are committed, so building needs no SVG renderer; run this after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/ensure-deps.sh librsvg2-bin

app_id=io.github.flashplan.FlashPlan
icons=resources/icons/hicolor
svg="$icons/scalable/apps/$app_id.svg"
for size in 16 24 32 48 64 128 256 512; do
  dir="$icons/${size}x${size}/apps"
  mkdir -p "$dir"
  # Render beside the target and rename, so an interrupted run never leaves a broken PNG.
  rsvg-convert --width "$size" --height "$size" --format png "$svg" --output "$dir/.$app_id.png.tmp"
  mv -f "$dir/.$app_id.png.tmp" "$dir/$app_id.png"
  echo "$dir/$app_id.png"
done
