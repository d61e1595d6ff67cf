#!/usr/bin/env bash
# Builds FlashPlan (Release) and runs it on the bundled demo data: the GUI when a display is
# present, otherwise the command-line pipeline. Installs missing Debian packages first.
set -euo pipefail
cd "$(dirname "$0")"
tools/ensure-deps.sh
build=build/release
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLASHPLAN_BUILD_TESTS=OFF \
      -DFLASHPLAN_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target flashplan flashplan-cli
cli="$build/app/flashplan-cli"

demo=out/demo
project="$demo/demo.flashplan"
if [ ! -f "$project" ]; then
  "$cli" demo --out "$demo"
  "$cli" import --project "$project" --sales "$demo/sales.csv"
fi
if ! "$cli" info --project "$project" | grep -q "^model "; then
  "$cli" train --project "$project"
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$build/app/flashplan" "$project" --campaign "$demo/campaign.csv" --start 2026-11-11 --days 3
fi

echo "No display: running the command-line pipeline on the demo data." >&2
"$cli" info --project "$project"
"$cli" forecast --project "$project" --start 2026-11-11 --days 3 --out "$demo/forecast.csv"
"$cli" plan --project "$project" --campaign "$demo/campaign.csv" --start 2026-11-11 --days 3 \
  --objective profit --out "$demo/recommended.csv"
"$cli" plan --project "$project" --campaign "$demo/campaign.csv" --start 2026-11-11 --days 3 \
  --objective profit --out "$demo/recommended.xlsx" >/dev/null
echo >&2
echo "Recommended discounts for the 11.11 sale: $demo/recommended.csv (and .xlsx);" >&2
echo "the forecast at list price: $demo/forecast.csv" >&2
