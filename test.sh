#!/usr/bin/env bash
# Builds FlashPlan and runs the whole test suite (core, CLI end to end, GUI offscreen), and the
# same core and CLI tests built with clang under ASan+UBSan, with the libFuzzer targets run for
# 20 s each: one ctest run, one summary. Installs missing Debian packages first. Exits non-zero on
# any failure. FLASHPLAN_SANITIZE=0 ./test.sh leaves the sanitizer tree out (a quicker local run).
set -euo pipefail
cd "$(dirname "$0")"
tools/ensure-deps.sh
build=build/test
sanitize=build/sanitize
sanitizer_tests=""
[ "${FLASHPLAN_SANITIZE:-1}" = 0 ] || sanitizer_tests="$PWD/$sanitize/tests/CTestTestfile.cmake"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLASHPLAN_WERROR=ON \
  -DFLASHPLAN_SANITIZER_TESTS="$sanitizer_tests" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
if [ -n "$sanitizer_tests" ]; then
  # Core, the CLI and their tests at -O1 with ASan+UBSan, and the fuzz targets (tests/fuzz): one
  # clang build whose tests (asan.*, fuzz.*) the main tree's ctest runs beside its own.
  cmake -S . -B "$sanitize" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    -DFLASHPLAN_FUZZ=ON -DFLASHPLAN_BUILD_GUI=OFF -DFLASHPLAN_BUILD_BENCH=OFF \
    -DFLASHPLAN_WERROR=ON >/dev/null
  cmake --build "$sanitize" --parallel "$(nproc)"
fi
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --timeout 600
