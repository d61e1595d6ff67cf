#!/usr/bin/env bash
# Import benchmark: flashplan-cli import vs sqlite3's own .import of the same CSV into a plain
# table, in the same run, for 2,000 and 10,000 products x 730 days (ordered by date, then sku,
# as shop exports usually are). Prints a Markdown table: wall time, peak RSS, ratio.
#   bench/import_bench.sh [sizes...]      e.g. bench/import_bench.sh 2000 10000
set -euo pipefail
cd "$(dirname "$0")/.."
tools/ensure-deps.sh
build=build/release
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLASHPLAN_BUILD_TESTS=OFF \
      -DFLASHPLAN_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target flashplan-cli flashplan-gensales >/dev/null
cli="$build/app/flashplan-cli"
gen="$build/bench/flashplan-gensales"
data=bench/data
mkdir -p "$data"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 10000)

measure() { # prints "seconds peak_kb" of a command
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' |
         awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  rm -f "$log"
  echo "$wall $rss"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(date -u +%Y-%m-%d)"
echo
echo "| products x days | rows | CSV MB | flashplan import s | peak RSS MB | sqlite3 .import s | peak RSS MB | ratio |"
echo "|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  csv="$data/sales-$n.csv"
  [ -f "$csv" ] || "$gen" --products "$n" --days 730 --seed 7 --out "$csv"
  rows=$(( $(wc -l < "$csv") - 1 ))
  mb=$(( $(stat -c %s "$csv") / 1048576 ))
  rm -f "$data/ours.flashplan"* "$data/theirs.db"
  sync
  read -r ours_s ours_kb < <(measure "$cli" import --project "$data/ours.flashplan" --sales "$csv")
  sync
  read -r sq_s sq_kb < <(measure sqlite3 "$data/theirs.db" ".mode csv" ".import $csv sales")
  ratio=$(awk -v a="$ours_s" -v b="$sq_s" 'BEGIN { printf "%.2f", a / b }')
  printf "| %s x 730 | %s | %s | %.2f | %d | %.2f | %d | %s |\n" "$n" "$rows" "$mb" "$ours_s" \
    $((ours_kb / 1024)) "$sq_s" $((sq_kb / 1024)) "$ratio"
  rm -f "$data/ours.flashplan"* "$data/theirs.db"
done
