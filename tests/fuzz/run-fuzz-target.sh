#!/usr/bin/env bash
# Runs one libFuzzer target on a scratch copy of its seed corpus (ctest, label fuzz): the source
# tree's corpus is only read. Fails on any finding (crash, sanitizer report, leak, timeout, out of
# memory), and keeps the input that found it in artifacts/ beside the test.
#   run-fuzz-target.sh TARGET CORPUS_DIR RUNS MAX_SECONDS
# The seed is fixed and the run counted in inputs, so every machine tries the same inputs and a
# red test means a change broke something, never that this run was luckier than the last. New
# ground is covered by a long run with a fresh seed (docs/reliability.md), whose findings join the
# corpus. MAX_SECONDS only stops a machine far slower than ours from running on and on.
set -euo pipefail
target="$1" seeds="$2" runs="$3" seconds="$4"
[ -d "$seeds" ] && [ -n "$(ls -A "$seeds")" ] || { echo "no seed corpus in $seeds" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/flashplan-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -r "$seeds" "$work/corpus"
artifacts="$PWD/artifacts/$(basename "$target")"
mkdir -p "$artifacts"
# -timeout: one input taking 10 s is a hang; -rss_limit_mb: one input asking for 2 GB is a finding.
status=0
"$target" "$work/corpus" -seed=1 -runs="$runs" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 || status=$?
if [ "$status" -ne 0 ]; then
  echo "fuzz target $(basename "$target") found a problem (exit $status); input: $(ls "$artifacts")" >&2
  exit 1
fi
