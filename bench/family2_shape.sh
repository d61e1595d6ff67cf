#!/usr/bin/env bash
# Where the second synthetic family's plan loses against the oracle (issue 13): the model's level
# or the shape of its discount response. Run after bench/family2_bench.sh (same --seed), which
# leaves the history, the campaign and the oracle's constraints in bench/data/family2/<seed>/.
#   bench/family2_shape.sh [--seed S] [--variant list|nolist] [--model M]
# For every campaign product and every 5% step from 0 to 90% off, the model's window demand
# (flashplan-cli plan with min = max = the step, stock as in the campaign and unlimited) and the
# truth there (flashplan-gensales --truth-at). Then each product's plan is chosen again under the
# campaign's constraints (never below cost) from four demand curves, scored under the truth
# against the oracle: the model's; the model's level (its demand at the product's shallowest
# allowed step) with the true response shape; the true level with the model's shape; and the
# model's with a pessimistic objective (revenue at the 10% quantile of units; the lift's log
# shrunk by 0.8), to see whether caution would close the gap. Sales under stock are approximated
# by min(demand, stock) for the mixed curves, so the model's own row is given both ways.
# Markdown to stdout, progress to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
py=/usr/bin/python3
seed=13 variant=list model=structured
while [ $# -gt 0 ]; do
  case $1 in
    --seed) seed=$2; shift 2 ;;
    --variant) variant=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    *) sed -n '4,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
  esac
done
build=${BUILD_DIR:-build}
cli=$build/app/flashplan-cli
root=bench/data/family2/$seed
dir=$root/$variant
out=$dir/shape-$model
[ -f "$dir/history.csv" ] && [ -f "$root/campaign.csv" ] ||
  { echo "family2_shape: run bench/family2_bench.sh --seed $seed first" >&2; exit 1; }
products=$(awk -F, 'NR > 1 { print $2 }' "$root/all.csv" | sort -u | wc -l)
weeks=$(awk -F, 'NR > 1 { print $1 }' "$root/all.csv" | sort -u | wc -l)
gen=("$build/bench/flashplan-gensales" --family scanner --products "$products" --weeks "$weeks" --seed "$seed")
start=$(awk -F, 'NR == 2 { print $1 }' "$root/oracle_prices.csv")
mkdir -p "$out"
rm -f "$out/p.flashplan" "$out"/p.flashplan-*
echo "family2_shape: $variant, train --model $model" >&2
"$cli" import --project "$out/p.flashplan" --sales "$dir/history.csv" >"$out/import.txt" 2>&1
"$cli" train --project "$out/p.flashplan" --model "$model" >"$out/train.txt" 2>&1
"$py" bench/family2_tools.py steps --campaign "$root/campaign.csv" --out-dir "$out" >/dev/null
for f in "$out"/step_*.csv; do
  s=$(basename "$f" .csv)
  "$cli" plan --project "$out/p.flashplan" --campaign "$f" --start "$start" --days 7 \
    --allow-below-cost --out "$out/rec_$s.csv" >/dev/null 2>&1
  "$py" bench/family2_tools.py plan-prices --recommended "$out/rec_$s.csv" --date "$start" \
    --event "AD-$start" --out "$out/prices_$s.csv" >/dev/null
  "${gen[@]}" --truth-at "$out/prices_$s.csv" --truth-at-out "$out/truth_$s.csv"
done
"$py" bench/family2_tools.py shape --campaign "$root/campaign.csv" --dir "$out"
