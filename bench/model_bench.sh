#!/usr/bin/env bash
# Model benchmark: FlashPlan's demand models vs a Python peer (pandas + XGBoost) on the same
# synthetic histories, in the same run, scored against the generator's true expected demand.
#   bench/model_bench.sh [sizes...]          e.g. bench/model_bench.sh 2000 10000 (the default)
# Environment (optional):
#   MODELS="structured neural baseline"   FlashPlan models at the first size
#   MODELS_BIG="structured"               FlashPlan models at the other sizes
#   PEER_ARGS="--refit"                   extra arguments for bench/peer_xgboost.py
#
# Protocol, for each size N (products x 730 days):
# 1. Data: flashplan-gensales --products N --days 730 --seed 11 --out sales.csv --truth truth.csv
#    (core/synth/market.h). truth.csv holds date,sku,expected = SalesRow::expectedDemand, the true
#    expected demand at the price charged, not capped by stock (the per-event demand shock and the
#    daily noise have mean 1 and are not in it). Cached in bench/data/model-N/ (git-ignored).
# 2. Split by date: the last 28 days are the test period. train.csv = every row before it (all
#    columns). test_prices.csv = the test rows' date,sku,price,list_price,event: no units, no
#    stock, since we forecast demand at known prices. test_actual.csv keeps their units (and
#    stock) for scoring only; truth_test.csv is truth.csv over the test period.
# 3. FlashPlan: flashplan-cli import --project P --sales train.csv (not timed here; see
#    bench/import_bench.sh), then for each model a copy of P and
#      /usr/bin/time -v flashplan-cli train --project P --model M
#      flashplan-cli forecast --project P --start <first test date> --days 28 \
#          --prices test_prices.csv --out fc.csv            (date,sku,forecast,lower,upper,flags)
#    train's own score table (its held-out tail of train) goes to logs/train-M.txt.
# 4. Peer: /usr/bin/time -v /usr/bin/python3 bench/peer_xgboost.py --train train.csv
#    --test test_prices.csv --out peer.csv (Debian's python3-pandas and python3-xgboost; see the
#    script for its features and settings). Its time is the whole script: reading the CSVs,
#    features, fitting with early stopping, predicting; its own phase timings are in logs/peer.txt.
# 5. Scores (bench/score_forecast.py) over the 28 test days x N products: WAPE vs truth =
#    sum|f - truth| / sum truth, bias = sum(f - truth) / sum truth, WAPE vs actual units, and for
#    FlashPlan the 80% interval coverage: the share of test rows whose actual units lie in
#    [lower, upper]. WAPE vs truth is also split into flash-sale event days and the other days.
#    Time and peak RSS: /usr/bin/time -v of flashplan-cli train and of the peer script (wall
#    seconds, user+system CPU seconds, maximum resident set size).
# 6. Prints the machine line and a Markdown table for bench/RESULTS.md on stdout; progress and
#    logs on stderr. The machine has to be otherwise idle for the times to mean anything.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/ensure-deps.sh python3-pandas python3-xgboost
build=build/release
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLASHPLAN_BUILD_TESTS=OFF \
      -DFLASHPLAN_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target flashplan-cli flashplan-gensales >/dev/null
cli="$build/app/flashplan-cli"
gen="$build/bench/flashplan-gensales"
py=/usr/bin/python3 # Debian's, with python3-pandas and python3-xgboost (not a pyenv/venv one)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 10000)
read -r -a models_first <<< "${MODELS:-structured neural baseline}"
read -r -a models_big <<< "${MODELS_BIG:-structured}"
read -r -a peer_args <<< "${PEER_ARGS:-}"
days=730
horizon=28
seed=11

say() { echo "model_bench: $*" >&2; }

measure() { # runs a command under /usr/bin/time -v, stdout+stderr to $1; prints "wall cpu peak_kb"
  local out=$1
  shift
  local log
  log=$(mktemp)
  if ! /usr/bin/time -v -o "$log" "$@" >"$out" 2>&1; then
    cat "$out" >&2
    rm -f "$log"
    say "failed: $*"
    return 1
  fi
  local wall cpu rss
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' |
         awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$log")
  rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  rm -f "$log"
  echo "$wall $cpu $rss"
}

# Generates and splits the data for N products once; later runs reuse it.
prepare() {
  local n=$1 dir=$2
  [ -f "$dir/.complete" ] && return 0
  rm -rf "$dir"
  mkdir -p "$dir"
  say "generating $n products x $days days (seed $seed) in $dir"
  "$gen" --products "$n" --days "$days" --seed "$seed" --out "$dir/sales.csv" \
         --truth "$dir/truth.csv"
  if grep -q '"' "$dir/sales.csv"; then # the split below reads plain comma-separated fields
    say "$dir/sales.csv has quoted fields; the awk split cannot read it"
    return 1
  fi
  local last cut
  last=$(awk -F, 'NR > 1 && $1 > m { m = $1 } END { print m }' "$dir/sales.csv")
  cut=$(date -u -d "$last - $((horizon - 1)) days" +%F)
  awk -F, -v cut="$cut" -v dir="$dir" '
    NR == 1 {
      for (i = 1; i <= NF; ++i) col[$i] = i
      if (!("date" in col) || !("sku" in col) || !("units" in col) || !("price" in col) ||
          !("list_price" in col) || !("event" in col) || !("stock" in col)) {
        print "model_bench: sales.csv lacks a column the split needs" > "/dev/stderr"; exit 1
      }
      print > (dir "/train.csv")
      print "date,sku,price,list_price,event" > (dir "/test_prices.csv")
      print "date,sku,units,stock" > (dir "/test_actual.csv")
      next
    }
    $1 < cut { print > (dir "/train.csv"); next }
    {
      print $1 "," $2 "," $col["price"] "," $col["list_price"] "," $col["event"] > (dir "/test_prices.csv")
      print $1 "," $2 "," $col["units"] "," $col["stock"] > (dir "/test_actual.csv")
    }' "$dir/sales.csv"
  awk -F, -v cut="$cut" 'NR == 1 || $1 >= cut' "$dir/truth.csv" > "$dir/truth_test.csv"
  echo "$cut" > "$dir/test_start"
  rm -f "$dir/sales.csv" "$dir/truth.csv" # train.csv + test files hold all of it
  touch "$dir/.complete"
}

has_models=1
if ! "$cli" --help 2>&1 | grep -qw train || ! "$cli" --help 2>&1 | grep -qw forecast; then
  has_models=0
  say "WARNING: $cli has no train/forecast command yet; only the peer is measured"
fi

rows=()
notes=()
row() { # model products wall cpu kb scores...
  local model=$1 n=$2 wall=$3 cpu=$4 kb=$5
  read -r wape bias wape_a bias_a cov wape_ev wape_reg _ <<< "$6"
  local covtxt="-"
  [ "$cov" = nan ] || covtxt=$(awk -v c="$cov" 'BEGIN { printf "%.1f%%", 100 * c }')
  rows+=("$(printf "| %s | %s | %.1f | %.1f | %d | %s | %+.1f%% | %s | %s | %s / %s |" \
    "$model" "$n" "$wall" "$cpu" $((kb / 1024)) "$wape" \
    "$(awk -v b="$bias" 'BEGIN { print 100 * b }')" "$wape_a" "$covtxt" "$wape_ev" "$wape_reg")")
}

for i in "${!sizes[@]}"; do
  n=${sizes[$i]}
  dir=bench/data/model-$n
  prepare "$n" "$dir"
  start=$(cat "$dir/test_start")
  logs=$dir/logs
  mkdir -p "$logs"
  score=("$py" bench/score_forecast.py --truth "$dir/truth_test.csv"
         --actual "$dir/test_actual.csv" --prices "$dir/test_prices.csv")

  if [ "$has_models" = 1 ]; then
    if [ "$i" -eq 0 ]; then models=("${models_first[@]}"); else models=("${models_big[@]}"); fi
    base=$dir/base.flashplan
    rm -f "$base" "$base"-*
    say "$n: importing train.csv"
    "$cli" import --project "$base" --sales "$dir/train.csv" >"$logs/import.txt" 2>&1 ||
      { cat "$logs/import.txt" >&2; exit 1; }
    for m in "${models[@]}"; do
      project=$dir/$m.flashplan
      rm -f "$project" "$project"-*
      cp "$base" "$project"
      say "$n: training $m"
      sync
      res=$(measure "$logs/train-$m.txt" "$cli" train --project "$project" --model "$m")
      say "$n: forecasting with $m"
      "$cli" forecast --project "$project" --start "$start" --days "$horizon" \
        --prices "$dir/test_prices.csv" --out "$dir/fc-$m.csv" >"$logs/forecast-$m.txt" 2>&1 ||
        { cat "$logs/forecast-$m.txt" >&2; exit 1; }
      scores=$("${score[@]}" --forecast "$dir/fc-$m.csv")
      read -r wall cpu kb <<< "$res"
      row "flashplan $m" "$n" "$wall" "$cpu" "$kb" "$scores"
      rm -f "$project" "$project"-*
    done
    rm -f "$base" "$base"-*
  fi

  say "$n: running the peer (pandas + XGBoost)"
  sync
  res=$(measure "$logs/peer.txt" "$py" bench/peer_xgboost.py --train "$dir/train.csv" \
        --test "$dir/test_prices.csv" --out "$dir/peer.csv" "${peer_args[@]}")
  scores=$("${score[@]}" --forecast "$dir/peer.csv")
  read -r wall cpu kb <<< "$res"
  row "python xgboost peer" "$n" "$wall" "$cpu" "$kb" "$scores"
  notes+=("$n products, peer: $(grep '^peer:' "$logs/peer.txt" | sed 's/^peer: //' | paste -sd';' -)")
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Debian $(cat /etc/debian_version)"
echo "$(date -u +%Y-%m-%d), python3-xgboost $("$py" -c 'import xgboost; print(xgboost.__version__)'), python3-pandas $("$py" -c 'import pandas; print(pandas.__version__)'), load average before the table: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| model | products | train s | CPU s | peak RSS MB | WAPE vs truth | bias | WAPE vs actual | coverage | WAPE vs truth event / other days |"
echo "|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
printf -- '- %s\n' "${notes[@]}"
