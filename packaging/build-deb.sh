#!/usr/bin/env bash
# Builds the FlashPlan .deb from a dedicated Release build (build/deb: no tests, no benchmarks)
# and prints the package's path as the last line of standard output. Installs missing Debian
# packages first. Usage: packaging/build-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools/ensure-deps.sh file # CPack's dpkg-shlibdeps step sorts the installed files with `file`

build=build/deb
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

# Debian's hardening flags, for this build only: the normal build keeps its own flags. Release
# (-O3) satisfies _FORTIFY_SOURCE, which needs optimization. No -march=native: the package must
# run on any amd64 machine.
hardening_cxx="-D_FORTIFY_SOURCE=2 -fstack-protector-strong -fstack-clash-protection"
hardening_cxx+=" -fcf-protection"
hardening_ld="-Wl,-z,relro -Wl,-z,now -Wl,--as-needed"

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DFLASHPLAN_BUILD_TESTS=OFF -DFLASHPLAN_BUILD_BENCH=OFF "${launcher[@]}" \
      -DCMAKE_CXX_FLAGS="$hardening_cxx" -DCMAKE_EXE_LINKER_FLAGS="$hardening_ld" >&2
cmake --build "$build" --parallel "$(nproc)" >&2

rm -f "$build"/flashplan_*.deb
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$build" >&2
rm -rf "$build/_CPack_Packages" # the staging tree, no longer needed

debs=("$build"/flashplan_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  echo "build-deb.sh: no package was made" >&2
  exit 1
fi
realpath "${debs[0]}"
