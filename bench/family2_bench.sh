#!/usr/bin/env bash
# The second synthetic family (core/synth/scannermarket.h, issue 13): FlashPlan's models on a
# weekly market without categories, with late entrants, bounded (saturating or threshold) discount
# responses and moving list prices, scored against its truth.
#   bench/family2_bench.sh [--products N] [--weeks W] [--seed S] [--origins K] [--no-rolling]
# Defaults: 300 products, 156 weeks of history, seed 13, 3 rolling origins.
# Environment (optional): MODELS="auto baseline structured neural", VARIANTS="list nolist" (the
# history with and without its list_price column), BUILD_DIR=build (configured as Release when
# missing), PEERS=1 (per-product log-log next to the models; 0 leaves it out).
#
# Protocol, per variant (everything in bench/data/family2/<seed>/<variant>/, git-ignored):
# 1. flashplan-gensales --family scanner --products N --weeks W+12 --seed S: the history is the
#    first W weeks, the test the next 12 (family2_tools.py split). Test rows are those of
#    products with history; products that first sell in the test weeks are counted, and
#    `forecast --prices` is tried once with them (test_prices_all.csv) to record what it does.
# 2. flashplan-cli import of history.csv; per model M: train --model M on a copy (auto's choice
#    read from its score table), then
#    a. forecast --prices test_prices.csv (the real prices of the 12 weeks) against the truth
#       (SalesRow::expectedDemand): WAPE, bias, bias on featured (event) weeks and on the others,
#       80% coverage of the actual units;
#    b. forecast at 50% and at 90% off every product's list price in every test week, featured
#       (family2_tools.py at-discount), against the truth at those prices (flashplan-gensales
#       --truth-at): per product, forecast / truth summed over the 12 weeks, median and mean
#       over products. The history never went past 70% off: 90% is an extrapolation;
#    c. plan --campaign campaign.csv --start <first test week> --days 7 (revenue objective, 5%
#       ladder; flashplan-gensales --campaign: 60 products, mixed stock, max discount 50/70/90%)
#       and the plan's true expected revenue, sum of price x E[min(D, stock)] under the truth,
#       divided by the oracle's: the best discount per product under the truth and the SAME
#       constraints as the plan (the campaign's min/max discount and stock, never below unit
#       cost as plan's default; family2_tools.py oracle-prices and oracle), and also by the
#       unconstrained oracle's (below cost allowed, flashplan-gensales --oracle). A second plan
#       with --allow-below-cost is scored against the unconstrained oracle.
# 3. Per-product log-log (bench/realdata/peer_loglog.py: plain and ridge) on 2a and 2b.
# 4. Rolling origin on the history (bench/realdata/rolling_origin.sh --sales history.csv
#    --horizon-weeks 12 --origins K: every model and the log-log and XGBoost peers, scored
#    against the actual units), list variant only.
# Markdown tables go to stdout, progress to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
py=/usr/bin/python3 # Debian's, with python3-pandas
tools=bench/family2_tools.py

products=300 weeks=156 seed=13 origins=3 rolling=1 horizon=12
while [ $# -gt 0 ]; do
  case $1 in
    --products) products=$2; shift 2 ;;
    --weeks) weeks=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --origins) origins=$2; shift 2 ;;
    --no-rolling) rolling=0; shift ;;
    *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
  esac
done
read -r -a models <<< "${MODELS:-auto baseline structured neural}"
read -r -a variants <<< "${VARIANTS:-list nolist}"

say() { echo "family2_bench: $*" >&2; }
t0=$(date +%s)
tools/ensure-deps.sh python3-pandas python3-numpy python3-scipy
build=${BUILD_DIR:-build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLASHPLAN_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$build" --target flashplan-cli flashplan-gensales >/dev/null
cli=$build/app/flashplan-cli
gen=(
  "$build/bench/flashplan-gensales" --family scanner --products "$products"
  --weeks $((weeks + horizon)) --seed "$seed"
)
json() { "$py" -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

root=bench/data/family2/$seed
mkdir -p "$root"
say "generating $products products x $((weeks + horizon)) weeks (seed $seed)"
"${gen[@]}" --out "$root/all.csv" --truth "$root/all_truth.csv"
start=$(awk -F, 'NR > 1 { print $1 }' "$root/all.csv" | sort -u | sed -n "$((weeks + 1))p")
"${gen[@]}" --campaign "$root/campaign.csv" --campaign-start "$start" --campaign-products 60 \
  --oracle "$root/oracle_free.csv"
# The oracle under the plan's own constraints (never below cost): the truth at every allowed step.
"$py" "$tools" oracle-prices --campaign "$root/campaign.csv" --date "$start" --event "AD-$start" \
  --out "$root/oracle_prices.csv" >/dev/null
"${gen[@]}" --truth-at "$root/oracle_prices.csv" --truth-at-out "$root/oracle_truth.csv"
"$py" "$tools" oracle --prices "$root/oracle_prices.csv" --truth "$root/oracle_truth.csv" \
  --out "$root/oracle.csv" >/dev/null

real_rows=() ratio_rows=() plan_rows=() notes=()
fmt() { # JSON on stdin, a printf format and keys
  "$py" -c '
import json, sys
d = json.load(sys.stdin)
def show(k):
    v = d.get(k)
    if v is None:
        return "-"
    if k.startswith("bias"):
        return f"{100 * v:+.1f}%"
    if k in ("revenue", "oracle", "unconstrained_oracle"):
        return f"{v:,.0f}"
    return f"{v:.3f}" if isinstance(v, float) else str(v)
print(" | ".join(show(k) for k in sys.argv[1:]))' "$@"
}

for variant in "${variants[@]}"; do
  dir=$root/$variant
  logs=$dir/logs
  mkdir -p "$logs"
  nolist=()
  [ "$variant" = list ] || nolist=(--no-list-price)
  split=$("$py" "$tools" split --sales "$root/all.csv" --truth "$root/all_truth.csv" \
    --start "$start" --weeks "$horizon" "${nolist[@]}" --out "$dir")
  say "$variant: $split"
  for d in 50 90; do
    "$py" "$tools" at-discount --list-prices "$dir/list_prices.csv" --discount "0.$d" \
      "${nolist[@]}" --out "$dir/prices_$d.csv" >/dev/null
    "${gen[@]}" --truth-at "$dir/prices_$d.csv" --truth-at-out "$dir/truth_$d.csv"
  done

  base=$dir/base.flashplan
  rm -f "$base" "$base"-*
  "$cli" import --project "$base" --sales "$dir/history.csv" >"$logs/import.txt" 2>&1 ||
    { cat "$logs/import.txt" >&2; exit 1; }
  for m in "${models[@]}"; do
    project=$dir/$m.flashplan
    rm -f "$project" "$project"-*
    cp "$base" "$project"
    say "$variant: train --model $m"
    s0=$(date +%s.%N)
    "$cli" train --project "$project" --model "$m" >"$logs/train-$m.txt" 2>&1 ||
      { cat "$logs/train-$m.txt" >&2; exit 1; }
    secs=$(awk -v a="$s0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    name=$m
    [ "$m" != auto ] || name="auto ($(awk '/<- chosen/ { print $1 }' "$logs/train-$m.txt"))"
    if [ "$m" = auto ] && [ "$variant" = "${variants[0]}" ]; then
      if "$cli" forecast --project "$project" --start "$start" --days $((7 * horizon)) \
           --prices "$dir/test_prices_all.csv" --out "$dir/fc-all.csv" >"$logs/fc-all.txt" 2>&1; then
        notes+=("$variant: forecast --prices with the $(json new_products <<< "$split") products that first sell in the test weeks: accepted")
      else
        notes+=("$variant: forecast --prices with the $(json new_products <<< "$split") products that first sell in the test weeks ($(json new_product_rows <<< "$split") rows) refuses the whole file: $(grep -m1 error "$logs/fc-all.txt" | cut -c1-120)")
      fi
    fi
    "$cli" forecast --project "$project" --start "$start" --days $((7 * horizon)) \
      --prices "$dir/test_prices.csv" --out "$dir/fc-$m.csv" >"$logs/forecast-$m.txt" 2>&1 ||
      { cat "$logs/forecast-$m.txt" >&2; exit 1; }
    s=$("$py" "$tools" real --forecast "$dir/fc-$m.csv" --truth "$dir/truth_test.csv" \
        --prices "$dir/test_prices.csv" --actual "$dir/test_actual.csv")
    real_rows+=("| $variant | flashplan $name | $(fmt wape bias bias_event bias_regular wape_event wape_regular coverage <<< "$s") | $secs |")
    ratios=""
    for d in 50 90; do
      "$cli" forecast --project "$project" --start "$start" --days $((7 * horizon)) \
        --prices "$dir/prices_$d.csv" --out "$dir/fc-$m-$d.csv" >"$logs/forecast-$m-$d.txt" 2>&1 ||
        { cat "$logs/forecast-$m-$d.txt" >&2; exit 1; }
      r=$("$py" "$tools" ratio --forecast "$dir/fc-$m-$d.csv" --truth "$dir/truth_$d.csv")
      ratios+=" | $(fmt median mean p10 p90 within_0.5_1.5 <<< "$r")"
    done
    ratio_rows+=("| $variant | flashplan $name$ratios |")
    for floor in cost free; do
      below=() oracle=$root/oracle.csv rec=$dir/rec-$m
      [ "$floor" = cost ] || { below=(--allow-below-cost); oracle=$root/oracle_free.csv; rec+=-free; }
      "$cli" plan --project "$project" --campaign "$root/campaign.csv" --start "$start" --days 7 \
        "${below[@]}" --out "$rec.csv" >"$logs/plan-$m-$floor.txt" 2>&1 ||
        { cat "$logs/plan-$m-$floor.txt" >&2; exit 1; }
      "$py" "$tools" plan-prices --recommended "$rec.csv" --date "$start" --event "AD-$start" \
        --out "$rec-prices.csv" >/dev/null
      "${gen[@]}" --truth-at "$rec-prices.csv" --truth-at-out "$rec-truth.csv"
      p=$("$py" "$tools" plan --recommended "$rec.csv" --truth "$rec-truth.csv" \
          --oracle "$oracle" --unconstrained-oracle "$root/oracle_free.csv")
      label="never below cost"
      [ "$floor" = cost ] || label="--allow-below-cost"
      plan_rows+=("| $variant | flashplan $name | $label | $(fmt ratio unconstrained_ratio revenue oracle unconstrained_oracle mean_abs_discount_gap deeper_than_oracle beyond_0.7 <<< "$p") |")
    done
    rm -f "$project" "$project"-*
  done
  rm -f "$base" "$base"-*

  if [ "${PEERS:-1}" = 1 ]; then
    say "$variant: per-product log-log"
    for f in test_prices prices_50 prices_90; do
      mkdir -p "$dir/loglog-$f"
      "$py" bench/realdata/peer_loglog.py --history "$dir/history.csv" --test "$dir/$f.csv" \
        --horizon "$horizon" --out-dir "$dir/loglog-$f" 2>"$logs/loglog-$f.txt"
    done
    for peer in loglog loglog_ridge; do
      s=$("$py" "$tools" real --forecast "$dir/loglog-test_prices/$peer.csv" \
          --truth "$dir/truth_test.csv" --prices "$dir/test_prices.csv" --actual "$dir/test_actual.csv")
      real_rows+=("| $variant | $peer | $(fmt wape bias bias_event bias_regular wape_event wape_regular coverage <<< "$s") | - |")
      ratios=""
      for d in 50 90; do
        r=$("$py" "$tools" ratio --forecast "$dir/loglog-prices_$d/$peer.csv" --truth "$dir/truth_$d.csv")
        ratios+=" | $(fmt median mean p10 p90 within_0.5_1.5 <<< "$r")"
      done
      ratio_rows+=("| $variant | $peer$ratios |")
    done
  fi
done

rolling() { # sales.csv name: the rolling origin's tables
  MODELS="${models[*]}" BUILD_DIR="$build" bench/realdata/rolling_origin.sh --sales "$1" \
    --horizon-weeks "$horizon" --origins "$origins" --name "$2" 2>"$root/rolling-$2.txt" |
    sed -n '/^###/,$p'
}
rolling_tables=()
if [ "$rolling" = 1 ]; then
  history=$root/${variants[0]}/history.csv
  say "rolling origin on the ${variants[0]} variant's history ($origins origins)"
  rolling_tables+=("$(rolling "$history" "family2-${variants[0]}")")
  kept=$("$py" "$tools" established --sales "$history" --origins "$origins" --horizon "$horizon" \
    --out "$root/established.csv")
  say "rolling origin on the products selling before the first origin: $kept"
  notes+=("rolling origin, second run: only the $(json products_kept <<< "$kept") products that sell before the first origin ($(json first_origin <<< "$kept")); the $(json products_dropped <<< "$kept") that enter later are left out, so every method is scored on products with history (the first run scores the entrants too: FlashPlan forecasts them as new products)")
  rolling_tables+=("$(rolling "$root/established.csv" "family2-${variants[0]}-established")")
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Debian $(cat /etc/debian_version)"
echo "$(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), $products products, $weeks weeks of history + $horizon test weeks from $start, seed $seed; $(($(date +%s) - t0)) s"
echo
echo "Forecast at the real prices of the $horizon test weeks against the true expected demand:"
echo
echo "| history | model | WAPE | bias | bias featured weeks | bias other weeks | WAPE featured | WAPE other | 80% coverage | train s |"
echo "|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${real_rows[@]}"
echo
echo "Forecast / truth per product (summed over the $horizon weeks), every product featured at a fixed discount:"
echo
echo "| history | model | 50% off median | mean | p10 | p90 | within 0.5-1.5 | 90% off median | mean | p10 | p90 | within 0.5-1.5 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ratio_rows[@]}"
echo
echo "Plan (revenue, 60 products, one featured week) against the oracle, both under the truth; the"
echo "oracle under the plan's constraints (never below cost, or below cost allowed) and unconstrained:"
echo
echo "| history | model | plan | revenue / oracle | revenue / unconstrained oracle | revenue | oracle | unconstrained oracle | mean abs discount gap | deeper than oracle | beyond 70% |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${plan_rows[@]}"
echo
printf -- '- %s\n' "${notes[@]}"
for table in "${rolling_tables[@]}"; do
  echo
  echo "Rolling origin (bench/realdata/rolling_origin.sh, scored against the actual units):"
  echo
  echo "$table"
done
