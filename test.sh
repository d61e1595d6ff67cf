#!/usr/bin/env bash
# Builds FlashPlan and runs the whole test suite (core, CLI end to end, GUI offscreen).
# Installs missing Debian packages first. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
tools/ensure-deps.sh
build=build/test
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLASHPLAN_WERROR=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --timeout 600
