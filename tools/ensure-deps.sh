#!/usr/bin/env bash
# Installs the Debian 12 packages FlashPlan needs, only when one is missing (idempotent, quiet).
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config
          qt6-base-dev libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite
          libeigen3-dev libsqlite3-dev libgtest-dev libbenchmark-dev libxlsxwriter-dev
          xvfb xauth fonts-dejavu-core sqlite3 poppler-utils)
# Translations: lupdate/lrelease at build time; Qt's own zh_CN texts and a CJK font at run time.
packages+=(qt6-tools-dev qt6-l10n-tools qt6-translations-l10n fonts-wqy-microhei)
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
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
