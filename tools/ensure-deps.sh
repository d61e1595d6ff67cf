#!/usr/bin/env bash
# Installs the Debian 12 packages FlashPlan needs, only when one is missing (idempotent, quiet).
#   tools/ensure-deps.sh [PACKAGE...]   also the packages named (a script's own test tools)
#   tools/ensure-deps.sh --list         prints the list, one package a line, and installs nothing
# tools/check-deps.sh (ctest label `deps`) proves the list covers every file the build used.
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config
          qt6-base-dev libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite
          libeigen3-dev libboost-math-dev libsqlite3-dev libgtest-dev libgmock-dev libbenchmark-dev libxlsxwriter-dev zlib1g-dev
          xvfb xauth fonts-dejavu-core sqlite3 poppler-utils python3)
# Translations: lupdate/lrelease at build time; Qt's own zh_CN texts and a CJK font at run time.
packages+=(qt6-tools-dev qt6-l10n-tools qt6-translations-l10n fonts-wqy-microhei)
# The format check (ctest test `format`, tools/check-format.sh).
packages+=(clang-format)
# The sanitizer tree and fuzz targets (test.sh's build/sanitize): clang, and the ASan, UBSan and
# libFuzzer runtimes, which clang only recommends (libclang-rt-14-dev ships libclang_rt.*).
packages+=(clang libclang-rt-14-dev)

if [ "${1:-}" = --list ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# Another apt (an unattended upgrade, a second build) may hold the lock: wait for it, not fail.
apt=($sudo apt-get -qq -o DPkg::Lock::Timeout=600)
"${apt[@]}" update >/dev/null
"${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
