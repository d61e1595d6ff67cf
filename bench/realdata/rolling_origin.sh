#!/usr/bin/env bash
# Rolling-origin benchmark on real (or any) sales data: FlashPlan's models next to per-product
# log-log regressions and an XGBoost peer, on the same splits in the same run (issue 13).
#   bench/realdata/rolling_origin.sh [--origins K] [--cheese-weeks file-order|blocks]
#       bayesm's tuna (horizon 12 weeks) and cheese (10 weeks), exported by export_bayesm.R
#   bench/realdata/rolling_origin.sh --sales FILE (--horizon-weeks H | --horizon-days H)
#       [--origins K] [--name NAME]
#       any sales file in the contract (data-format.md section 1), weekly or daily
# Both take --blocks present|calendar: how test blocks are cut where weeks are absent (default
# present; see below and split_origins.py).
# --origins K: test blocks per dataset (default 4). Environment (optional): MODELS="auto baseline
# structured neural" (FlashPlan models), BUILD_DIR=build (configured as Release when missing),
# KEEP=1 keeps each origin's history.csv and projects (deleted after use otherwise).
#
# Protocol, per dataset (bench/realdata/split_origins.py):
# - Origins: the file's dates present (a date any product has a row on), in order. The last test
#   block is the last H of them, each earlier block the H before it; origin = the block's first
#   date. history = every row before the origin; test = the rows on the block's dates. Where the
#   file has no rows for some weeks (tuna) a block spans more than H calendar periods; the
#   forecast window covers the span and only rows present are scored.
# - FlashPlan: import of history.csv into a fresh project; per model M: train --model M on a copy
#   (auto's choice is read from its score table), then forecast --start <origin> --days <span>
#   --prices test_prices.csv (date,sku,price[,list_price],event[,unit_cost] of the test rows: the
#   real shelf prices; no stock, so the forecast is demand). A refused import, training or
#   forecast is recorded as a failure with the CLI's first error line; the data are not changed
#   to get round it.
# - Peers on the same files: peer_loglog.py (per-product log-log, with smearing, slope ridge to
#   the pooled slope with lambda from an inner rolling origin), peer_xgboost_rolling.py.
# - Scores (score.py) on the test rows: WAPE = sum|f-a| / sum a, bias = sum(f-a) / sum a, 80% hit
#   rate = share of rows with lower <= a <= upper, WAPE on event and non-event rows.
# Tables (report.py) go to stdout, progress to stderr; everything else to
# bench/data/realdata/runs/<UTC time>/ (results.jsonl; <dataset>/o<k>/: splits, forecasts, logs).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/realdata
py=/usr/bin/python3 # Debian's, with python3-pandas, python3-xgboost, python3-scipy
export OMP_WAIT_POLICY=passive # XGBoost's idle threads must not spin on a shared machine

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 1
}
sales="" horizon="" period="" origins=4 name="" cheese_weeks=file-order blocks=present
while [ $# -gt 0 ]; do
  case $1 in
    --sales) sales=$2; shift 2 ;;
    --horizon-weeks) horizon=$2; period=7; shift 2 ;;
    --horizon-days) horizon=$2; period=1; shift 2 ;;
    --origins) origins=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --cheese-weeks) cheese_weeks=$2; shift 2 ;;
    --blocks) blocks=$2; shift 2 ;;
    *) usage ;;
  esac
done
if [ -n "$sales" ] && [ -z "$horizon" ]; then usage; fi
[[ $origins =~ ^[1-9][0-9]*$ ]] || usage

say() { echo "rolling_origin: $*" >&2; }

deps=(python3-pandas python3-numpy python3-scipy python3-xgboost)
[ -n "$sales" ] || deps+=(r-base-core r-cran-bayesm)
tools/ensure-deps.sh "${deps[@]}"

build=${BUILD_DIR:-build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLASHPLAN_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$build" --target flashplan-cli >/dev/null
cli=$build/app/flashplan-cli
read -r -a models <<< "${MODELS:-auto baseline structured neural}"

run=bench/data/realdata/runs/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$run"
results=$run/results.jsonl
: > "$results"

record() { # dataset origin method status reason score_json choice info.json
  "$py" - "$@" >> "$results" <<'EOF'
import json, sys
dataset, origin, method, status, reason, scores, choice, info = sys.argv[1:9]
row = {"dataset": dataset, "origin": origin, "method": method, "status": status,
       "reason": reason, "choice": choice or None}
row.update(json.loads(scores or "{}"))
row.update(json.load(open(info)))
print(json.dumps(row))
EOF
}

# One result of the dataset ($ds) and origin ($k) being run:
#   method status [reason] [scores] [choice]
rec() { record "$ds" "o$k" "$1" "$2" "${3:-}" "${4:-}" "${5:-}" "$run/$ds/info.json"; }

# First error line of a log, for the table (no pipes: '|' would break the Markdown).
reason_of() {
  local line
  line=$(grep -m1 -i 'error\|refus\|fail\|not in' "$1" || tail -n1 "$1")
  line=${line//$run\//} # paths inside the run directory, shortened
  echo "${line//|//}" | cut -c1-140
}

score() { # origin_dir forecast.csv -> JSON on stdout, or the error on stderr and status 2
  "$py" "$here/score.py" --forecast "$2" --actual "$1/test_actual.csv" --prices "$1/test_prices.csv"
}

score_peer() { # origin_dir method forecast.csv log: records the peer's scores or its failure
  local s
  if s=$(score "$1" "$3" 2>>"$4"); then
    rec "$2" ok "" "$s"
  else
    rec "$2" failed "$(reason_of "$4")"
  fi
}

flashplan_model() { # origin_dir model origin_date days: trains a copy of base.flashplan, scores it
  local o=$1 m=$2 start=$3 days=$4
  local project=$o/$m.flashplan logs=$o/logs choice="" s
  rm -f "$project" "$project"-*
  cp "$o/base.flashplan" "$project"
  say "$ds o$k: FlashPlan train --model $m"
  if ! "$cli" train --project "$project" --model "$m" >"$logs/train-$m.txt" 2>&1; then
    rec "flashplan $m" failed "train: $(reason_of "$logs/train-$m.txt")"
    return
  fi
  [ "$m" != auto ] || choice=$(awk '/<- chosen/ { print $1 }' "$logs/train-$m.txt")
  if ! "$cli" forecast --project "$project" --start "$start" --days "$days" \
         --prices "$o/test_prices.csv" --out "$o/fc-$m.csv" >"$logs/forecast-$m.txt" 2>&1; then
    rec "flashplan $m" failed "forecast: $(reason_of "$logs/forecast-$m.txt")" "" "$choice"
  elif s=$(score "$o" "$o/fc-$m.csv" 2>"$logs/score-$m.txt"); then
    rec "flashplan $m" ok "" "$s" "$choice"
  else
    rec "flashplan $m" failed "$(reason_of "$logs/score-$m.txt")" "" "$choice"
  fi
}

run_dataset() { # name sales.csv period_days horizon
  local ds=$1 file=$2 pd=$3 h=$4
  local dir=$run/$ds
  say "$ds: splitting $file into $origins origins of $h periods of $pd day(s)"
  "$py" "$here/split_origins.py" --sales "$file" --period-days "$pd" --horizon "$h" \
    --origins "$origins" --blocks "$blocks" --out "$dir"
  echo "{\"period_days\": $pd, \"horizon\": $h}" > "$dir/info.json"
  local k m
  for k in $(seq 1 "$origins"); do
    local o=$dir/o$k logs=$dir/o$k/logs
    mkdir -p "$logs"
    local start days
    read -r start days < <("$py" -c 'import json, sys; m = json.load(open(sys.argv[1]))
print(m["origin"], m["days"])' "$o/meta.json")

    local base=$o/base.flashplan
    rm -f "$base" "$base"-*
    say "$ds o$k: origin $start, forecast $days days; FlashPlan import"
    if ! "$cli" import --project "$base" --sales "$o/history.csv" >"$logs/import.txt" 2>&1; then
      local why
      why="import: $(reason_of "$logs/import.txt")"
      for m in "${models[@]}"; do rec "flashplan $m" failed "$why"; done
    else
      for m in "${models[@]}"; do
        flashplan_model "$o" "$m" "$start" "$days"
        [ "${KEEP:-0}" = 1 ] || rm -f "$o/$m.flashplan" "$o/$m.flashplan"-*
      done
    fi
    [ "${KEEP:-0}" = 1 ] || rm -f "$base" "$base"-*

    say "$ds o$k: log-log peers"
    local pair
    if "$py" "$here/peer_loglog.py" --history "$o/history.csv" --test "$o/test_prices.csv" \
         --horizon "$h" --out-dir "$o" 2>"$logs/loglog.txt"; then
      for pair in "log-log:loglog" "log-log + smearing:loglog_smear" \
                  "log-log clamped:loglog_clamped" "log-log ridge:loglog_ridge"; do
        score_peer "$o" "${pair%%:*}" "$o/${pair#*:}.csv" "$logs/loglog.txt"
      done
    else
      for pair in "log-log" "log-log + smearing" "log-log clamped" "log-log ridge"; do
        rec "$pair" failed "$(reason_of "$logs/loglog.txt")"
      done
    fi
    say "$ds o$k: XGBoost peer"
    if "$py" "$here/peer_xgboost_rolling.py" --history "$o/history.csv" \
         --test "$o/test_prices.csv" --period-days "$pd" --horizon "$h" --out "$o/xgboost.csv" \
         2>"$logs/xgboost.txt"; then
      score_peer "$o" xgboost "$o/xgboost.csv" "$logs/xgboost.txt"
    else
      rec xgboost failed "$(reason_of "$logs/xgboost.txt")"
    fi
    [ "${KEEP:-0}" = 1 ] || rm -f "$o/history.csv"
  done
}

t0=$(date +%s)
if [ -n "$sales" ]; then
  [ -n "$name" ] || name=$(basename "$sales" .csv)
  run_dataset "$name" "$sales" "$period" "$horizon"
else
  say "exporting bayesm's tuna and cheese (cheese weeks: $cheese_weeks)"
  Rscript "$here/export_bayesm.R" bench/data/realdata --cheese-weeks "$cheese_weeks" >&2
  run_dataset tuna bench/data/realdata/tuna.csv 7 12
  run_dataset cheese bench/data/realdata/cheese.csv 7 10
fi
say "done in $(($(date +%s) - t0)) s; logs in $run"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Debian $(cat /etc/debian_version)"
echo "$(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), $(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2) build, python3-xgboost $("$py" -c 'import xgboost; print(xgboost.__version__)'), run: $run"
echo
"$py" "$here/report.py" "$run"
