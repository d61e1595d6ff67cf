#!/usr/bin/env bash
# Tests the FlashPlan .deb end to end: lintian (fails on any error), the files it installs, the
# command line and the window started from the installed paths, and a clean removal.
#
#   packaging/test-deb.sh [--scratch]                      build it with packaging/build-deb.sh
#   packaging/test-deb.sh [--scratch] --build-dir DIR      package the binaries built in DIR (ctest)
#   packaging/test-deb.sh [--scratch] PATH/flashplan.deb   test that package
#
# As root (or with password-less sudo) and with apt, the package is installed on this machine with
# `apt-get install ./flashplan_*.deb` and removed at the end, even when a check fails. With
# --scratch, without those rights, or when a flashplan package is already installed, it is
# unpacked into a scratch root instead.
# Exit status: 0 passed, 1 failed, 77 skipped (lintian missing and not installable).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
app_id=io.github.flashplan.FlashPlan
started=$SECONDS

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
step() { echo "== [$((SECONDS - started))s] $*"; }

usage() {
  sed -n '5,7p' "$0" | sed 's/^# *//' >&2
  exit "${1:-1}"
}

build_dir="" deb="" scratch_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --scratch) scratch_only=true ;;
    --build-dir)
      [ $# -ge 2 ] || usage
      build_dir="$(realpath "$2")"
      shift
      ;;
    -h | --help) usage 0 ;;
    *)
      [ -f "$1" ] || usage
      deb="$(realpath "$1")"
      ;;
  esac
  shift
done

# --- privileges, tools, scratch space, clean-up --------------------------------------------------
sudo=()
can_admin=false
if [ "$(id -u)" -eq 0 ]; then
  can_admin=true
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  can_admin=true sudo=(sudo -n)
fi

if $can_admin; then
  step "checking the test tools (lintian, desktop-file-utils, appstream, x11-utils)"
  "$repo/tools/ensure-deps.sh" lintian desktop-file-utils appstream x11-utils
fi
if ! command -v lintian >/dev/null; then
  echo "SKIPPED: lintian is not installed and cannot be installed without root" >&2
  exit 77
fi

scratch="$(mktemp -d /tmp/flashplan-test-deb.XXXXXX)"
installed=false
gui_pids=()
cleanup() {
  local status=$?
  for pid in "${gui_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if $installed; then
    echo "cleanup: removing the flashplan package" >&2
    "${sudo[@]}" apt-get remove -y -qq -o DPkg::Lock::Timeout=300 flashplan >/dev/null || true
  fi
  rm -rf "$scratch"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the package ---------------------------------------------------------------------------------
if [ -n "$build_dir" ]; then
  step "packaging the binaries of $build_dir (cpack)"
  [ -f "$build_dir/CPackConfig.cmake" ] || fail "$build_dir has no CPackConfig.cmake"
  cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$scratch/package" \
    >"$scratch/cpack.log" 2>&1 ||
    { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
  deb="$(ls "$scratch"/package/flashplan_*.deb)"
elif [ -z "$deb" ]; then
  step "building the package (packaging/build-deb.sh)"
  deb="$("$repo/packaging/build-deb.sh" | tail -n 1)"
fi
echo "package: $deb"
dpkg-deb --field "$deb" Package Version Architecture Installed-Size Depends Recommends \
  Section Priority

version="$(dpkg-deb --field "$deb" Version)"
upstream_version="${version%-*}"
[ "$(dpkg-deb --field "$deb" Package)" = flashplan ] || fail "the package is not named flashplan"

# Every file this package must install.
expected=(/usr/bin/flashplan /usr/bin/flashplan-cli
          "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml"
          "/usr/share/mime/packages/$app_id.xml"
          "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
          /usr/share/man/man1/flashplan.1.gz /usr/share/man/man1/flashplan-cli.1.gz
          /usr/share/doc/flashplan/copyright /usr/share/doc/flashplan/changelog.Debian.gz)
for size in 16 24 32 48 64 128 256 512; do
  expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
mapfile -t contents < <(dpkg-deb --fsys-tarfile "$deb" | tar -t |
  sed 's|^\./|/|; s|/$||' | grep -v '^$')
for path in "${expected[@]}"; do
  printf '%s\n' "${contents[@]}" | grep -qxF "$path" || fail "the package lacks $path"
done

# The version is written in several places by hand: they must agree with the package.
zcat -f "$repo/packaging/changelog.Debian" | head -n 1 | grep -qF "flashplan ($version)" ||
  fail "packaging/changelog.Debian does not start with version $version"
grep -qF "<release version=\"$upstream_version\"" "$repo/packaging/$app_id.metainfo.xml" ||
  fail "the metainfo has no <release> for $upstream_version"
for page in flashplan.1 flashplan-cli.1; do
  grep -q "^\.TH .*\"FlashPlan $upstream_version\"" "$repo/packaging/$page" ||
    fail "packaging/$page is not marked FlashPlan $upstream_version"
done

# --- lintian -------------------------------------------------------------------------------------
step "lintian"
lintian_args=(--display-level ">=warning" --tag-display-limit 0)
[ "$(id -u)" -eq 0 ] && lintian_args+=(--allow-root)
lintian_status=0
lintian "${lintian_args[@]}" "$deb" >"$scratch/lintian.log" 2>&1 || lintian_status=$?
cat "$scratch/lintian.log"
grep -q '^E: ' "$scratch/lintian.log" && fail "lintian reports errors"
[ $lintian_status -eq 0 ] || fail "lintian exited with status $lintian_status"
grep -q '^W: ' "$scratch/lintian.log" || echo "lintian: no errors, no warnings"

# --- install -------------------------------------------------------------------------------------
root=""
use_apt=false
if ! $scratch_only && $can_admin && command -v apt-get >/dev/null; then
  # One test at a time installs the package on this machine (several build trees may run it).
  exec 9>/tmp/flashplan-test-deb.lock
  if ! flock -n 9; then
    step "waiting for another packaging test to finish"
    flock -w 900 9 || fail "another packaging test holds /tmp/flashplan-test-deb.lock"
  fi
  if [[ "$(dpkg-query -W -f='${Status}' flashplan 2>/dev/null || true)" == *" installed" ]]; then
    echo "a flashplan package is already installed: leaving it alone"
  else
    use_apt=true
  fi
fi
if $use_apt; then
  mapfile -t existed_before < <(for p in "${contents[@]}"; do [ -e "$p" ] && echo "$p"; done)
  step "installing with apt-get"
  installed=true
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "$deb" >"$scratch/apt.log" 2>&1 ||
    { cat "$scratch/apt.log" >&2; fail "apt-get install failed"; }
  mapfile -t package_files < <(dpkg -L flashplan)
  for path in "${expected[@]}"; do
    printf '%s\n' "${package_files[@]}" | grep -qxF "$path" || fail "dpkg -L flashplan lacks $path"
    [ -f "$path" ] || fail "$path is not installed"
  done
else
  step "unpacking into a scratch root"
  root="$scratch/root"
  dpkg-deb -x "$deb" "$root"
fi
usr="$root/usr"
cli="$usr/bin/flashplan-cli"
gui="$usr/bin/flashplan"

# --- the installed files -------------------------------------------------------------------------
step "checking the desktop entry, metainfo, MIME type and man pages"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  # The whole tree: the metainfo, and the desktop entry and icon it refers to.
  tree="$scratch/tree"
  dpkg-deb -x "$deb" "$tree"
  appstreamcli validate-tree --no-net "$tree" || fail "appstreamcli validate-tree"
fi
for page in flashplan flashplan-cli; do
  warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$usr/share/man/man1/$page.1.gz" \
    2>&1 >/dev/null)"
  [ -z "$warnings" ] || fail "man page $page.1 has warnings: $warnings"
done

# The shared MIME database: installed, dpkg's trigger has already run update-mime-database;
# unpacked, build one from the system's definitions and ours.
if [ -z "$root" ]; then
  mime_dir=/usr/share/mime
  [ -f "$mime_dir/application/x-flashplan.xml" ] ||
    fail "update-mime-database did not pick up our type"
  [ "$(man -w flashplan-cli)" = /usr/share/man/man1/flashplan-cli.1.gz ] || fail "man flashplan-cli"
  if command -v update-desktop-database >/dev/null; then
    grep -q "^application/x-flashplan=.*$app_id.desktop" /usr/share/applications/mimeinfo.cache ||
      fail "the desktop database does not open *.flashplan with FlashPlan"
  fi
else
  mime_dir="$scratch/mime/mime"
  mkdir -p "$mime_dir/packages"
  cp /usr/share/mime/packages/*.xml "$mime_dir/packages/"
  cp -f "$usr/share/mime/packages/$app_id.xml" "$mime_dir/packages/"
  update-mime-database "$mime_dir" >/dev/null 2>&1
fi
grep -qxF "50:application/x-flashplan:*.flashplan" "$mime_dir/globs2" || fail "no *.flashplan glob"

# --- the command line, from the installed path ---------------------------------------------------
step "running the command-line pipeline with $cli"
work="$scratch/work"
mkdir -p "$work"
export LC_ALL=C.UTF-8
"$cli" --help | grep -q "^usage: flashplan-cli" || fail "flashplan-cli --help"
"$cli" demo --out "$work/demo" || fail "flashplan-cli demo"
project="$work/pipeline.flashplan"
"$cli" import --project "$project" --sales "$work/demo/sales.csv" 2>/dev/null || fail "import"
"$cli" train --project "$project" --model structured 2>/dev/null | tail -n 1 || fail "train"
"$cli" info --project "$project" | grep -q "^model        structured" || fail "info shows no model"
"$cli" forecast --project "$project" --start 2026-11-11 --days 3 --out "$work/forecast.csv" ||
  fail "forecast"
for out in recommended.csv recommended.xlsx; do
  "$cli" plan --project "$project" --campaign "$work/demo/campaign.csv" --start 2026-11-11 \
    --days 3 --objective profit --out "$work/$out" 2>/dev/null || fail "plan --out $out"
done
head -n 1 "$work/recommended.csv" | grep -q "^sku,name,category,list_price" ||
  fail "recommended.csv has no header"
[ "$(wc -l <"$work/recommended.csv")" -gt 1 ] || fail "recommended.csv has no rows"
[ -s "$work/recommended.xlsx" ] || fail "recommended.xlsx is empty"

# A project is recognised by its content too (a SQLite header alone would be any database).
if command -v gio >/dev/null; then
  cp "$project" "$work/no-extension"
  type="$(XDG_DATA_DIRS="$(dirname "$mime_dir")" XDG_DATA_HOME="$scratch/none" \
    gio info -a standard::content-type "$work/no-extension" | sed -n 's/.*content-type: //p')"
  [ "$type" = application/x-flashplan ] || fail "a project without extension is '$type'"
fi

# --- the window, from the installed path ---------------------------------------------------------
step "starting $gui"
home="$scratch/home"
mkdir -p "$home/runtime"
chmod 700 "$home/runtime"
gui_env=(env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
         XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/runtime" QT_DEBUG_PLUGINS=1)

shown="$("${gui_env[@]}" QT_QPA_PLATFORM=offscreen "$gui" --version 2>/dev/null)"
[[ "$shown" == *"$upstream_version"* ]] || fail "flashplan --version printed '$shown'"

# The demo builds a project in the window's worker thread (import, then training): its model in
# the file proves the window, its jobs and the core work from the installed paths.
"${gui_env[@]}" QT_QPA_PLATFORM=offscreen "$gui" --demo >"$scratch/gui-offscreen.log" 2>&1 &
gui_pids+=($!)
demo_ready=false
for _ in $(seq 1 120); do
  if ! kill -0 "${gui_pids[-1]}" 2>/dev/null; then
    tail -n 20 "$scratch/gui-offscreen.log" >&2
    fail "flashplan --demo exited"
  fi
  demo="$(find "$home/data" -name 'demo-*.flashplan' -print -quit 2>/dev/null || true)"
  if [ -n "$demo" ] && "$cli" info --project "$demo" 2>/dev/null | grep -q "^model "; then
    demo_ready=true
    break
  fi
  sleep 1
done
$demo_ready || fail "flashplan --demo did not build and train its project in 120 s"
sleep 2 # the window opens the finished project
kill -0 "${gui_pids[-1]}" 2>/dev/null || fail "flashplan --demo exited after building the demo"
kill "${gui_pids[-1]}"
wait "${gui_pids[-1]}" 2>/dev/null || true
grep -q 'qt6/plugins/platforms/libqoffscreen.so" loaded library' "$scratch/gui-offscreen.log" ||
  fail "the offscreen platform plugin was not loaded from the system's Qt"
echo "offscreen: the demo project was built, trained and opened"

# On a real X server (Xvfb), as a user would: the xcb plugin and fonts load, and the window maps
# with the project given on the command line (the desktop entry's Exec=flashplan %f).
if command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
  cat >"$scratch/x11-check.sh" <<'EOF'
"$@" 2>"$LOG" &
pid=$!
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || exit 2
  if xwininfo -root -tree | grep -qF "pipeline.flashplan"; then
    xwininfo -root -tree | grep -F "pipeline.flashplan" | head -n 1
    kill "$pid"
    exit 0
  fi
  sleep 0.5
done
kill "$pid"
exit 3
EOF
  LOG="$scratch/gui-xcb.log" "${gui_env[@]}" QT_QPA_PLATFORM=xcb \
    xvfb-run -a -s "-screen 0 1280x800x24" bash "$scratch/x11-check.sh" "$gui" "$project" ||
    { tail -n 20 "$scratch/gui-xcb.log" >&2; fail "no FlashPlan window with the project on Xvfb"; }
  grep -q 'qt6/plugins/platforms/libqxcb.so" loaded library' "$scratch/gui-xcb.log" ||
    fail "the xcb platform plugin was not loaded"
  echo "xcb: the window opened pipeline.flashplan"
fi

# --- remove --------------------------------------------------------------------------------------
if $installed; then
  step "removing with apt-get"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq -o DPkg::Lock::Timeout=300 \
    flashplan >"$scratch/apt.log" 2>&1 ||
    { cat "$scratch/apt.log" >&2; fail "apt-get remove failed"; }
  installed=false
  [ ! -e /usr/bin/flashplan ] || fail "/usr/bin/flashplan is still there"
  status="$(dpkg-query -W -f='${Status}' flashplan 2>/dev/null || true)"
  [ -z "$status" ] || [[ "$status" == *" not-installed" ]] ||
    fail "dpkg still has flashplan: $status"
  left=()
  for p in "${contents[@]}"; do
    [ -e "$p" ] && ! printf '%s\n' "${existed_before[@]}" | grep -qxF "$p" && left+=("$p")
  done
  [ ${#left[@]} -eq 0 ] || fail "left behind: ${left[*]}"
  [ ! -e /usr/share/mime/application/x-flashplan.xml ] || fail "the MIME type is still registered"
  echo "removed: none of the package's ${#contents[@]} paths is left"
fi
step "passed"
