#!/usr/bin/env bash
# Checks that the C++ sources are formatted as the repo's .clang-format says (ctest label `format`).
#
#   tools/check-format.sh [--clang-format PROGRAM]
#
# It checks every tracked .h and .cpp under core, ui, app, tests and bench (every one on disk when
# git is missing, as in a bare Debian where the tree was copied). For each file that differs it
# prints the file and the start of the diff; then the command that fixes them all.
# Exit status: 0 all formatted, 1 some differ, 2 bad usage or no clang-format.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
clang_format=clang-format
while [ $# -gt 0 ]; do
  case "$1" in
    --clang-format) clang_format="${2:?--clang-format needs a program}"; shift ;;
    *) sed -n '4,4p' "$0" | sed 's/^# *//' >&2; exit 2 ;;
  esac
  shift
done
command -v "$clang_format" >/dev/null ||
  { echo "check-format: $clang_format not found (run tools/ensure-deps.sh)" >&2; exit 2; }

cd "$repo"
[ -f .clang-format ] || { echo "check-format: $repo/.clang-format is missing" >&2; exit 2; }
folders=(core ui app tests bench)
if command -v git >/dev/null && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  patterns=()
  for folder in "${folders[@]}"; do patterns+=("$folder/*.h" "$folder/*.cpp"); done
  mapfile -t files < <(git ls-files -- "${patterns[@]}")
else
  mapfile -t files < <(find "${folders[@]}" -type f \( -name '*.h' -o -name '*.cpp' \) | sort)
fi
[ ${#files[@]} -gt 0 ] || { echo "check-format: no C++ files found under ${folders[*]}" >&2; exit 2; }

# One clang-format run names the files that differ (quick); each of them is then shown as a diff.
output="$(printf '%s\0' "${files[@]}" | xargs -0 "$clang_format" --dry-run --Werror 2>&1)" && status=0 || status=$?
mapfile -t differ < <(sed -nE 's/^(.+):[0-9]+:[0-9]+: error: .*\[-Wclang-format-violations\]$/\1/p' <<<"$output" | sort -u)
if [ ${#differ[@]} -eq 0 ]; then
  if [ "$status" -ne 0 ]; then # failed for another reason (a file it cannot read): not a pass
    head -n 5 <<<"$output" >&2
    echo "check-format: $clang_format failed" >&2
    exit 2
  fi
  echo "check-format: ${#files[@]} files formatted as .clang-format says"
  exit 0
fi

for file in "${differ[@]}"; do
  echo "$file differs from its clang-format form:"
  "$clang_format" "$file" | diff -u --label "$file" --label "$file (formatted)" "$file" - |
    head -n 20 || true
done
echo "check-format: ${#differ[@]} of ${#files[@]} files are not formatted; fix them with:"
echo "  clang-format -i ${differ[*]}"
exit 1
