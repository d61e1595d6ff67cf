#!/usr/bin/env bash
# Backtest benchmark (issue 15): flashplan-cli backtest --events 10 on a 1,000-product x 730-day
# synthetic history with a structured model, wall time and peak RSS (target: < 60 s on 2 cores),
# then the command's own summary (per event bias and hit rate, the PIT histogram).
#   bench/backtest_bench.sh [products] [events]      BUILD=build reuses a configured build tree
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build/release}
if [ -z "${BUILD:-}" ]; then
  tools/ensure-deps.sh
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLASHPLAN_BUILD_TESTS=OFF \
        -DFLASHPLAN_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$build" --target flashplan-cli flashplan-gensales >/dev/null
cli="$build/app/flashplan-cli"
gen="$build/bench/flashplan-gensales"
products=${1:-1000}
events=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$gen" --products "$products" --days 730 --seed 7 --out "$work/sales.csv" >/dev/null
"$cli" import --project "$work/p.flashplan" --sales "$work/sales.csv" >/dev/null 2>&1
"$cli" train --project "$work/p.flashplan" --model structured >/dev/null 2>&1

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
log=$(mktemp)
/usr/bin/time -v "$cli" backtest --project "$work/p.flashplan" --events "$events" \
  --out "$work/backtest.csv" 2>"$log" >"$work/summary.txt" || { cat "$log" >&2; exit 1; }
wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' |
       awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
user=$(grep "User time" "$log" | awk '{print $NF}')
rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
rm -f "$log"
echo
echo "| products x days | events | rows | wall s | user s | peak RSS MB |"
echo "|---|---|---|---|---|---|"
echo "| $products x 730 | $events | $(( $(wc -l < "$work/backtest.csv") - 1 )) | $wall | $user |" \
     "$(( rss / 1024 )) |"
echo
cat "$work/summary.txt"
