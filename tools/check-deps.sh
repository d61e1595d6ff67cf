#!/usr/bin/env bash
# Proves that tools/ensure-deps.sh installs everything a build actually used (ctest label `deps`).
#
#   tools/check-deps.sh --build-dir DIR [--drop PACKAGE]... [--why PACKAGE]
#
# It lists the files the build touched: every header in the compiler's dependency records
# (`ninja -t deps`), every library on a link line (absolute paths and -l names resolved like the
# linker does), the shared libraries the built programs load (ldd), the programs the build ran
# (compiler, cmake, ninja, moc, rcc, lrelease, ...), every pkg-config module and CMake package
# config found, and what the tests run (programs they look up or CMake found for them, the Qt
# platform plugin they use).
# Each file is mapped to the Debian package that owns it (dpkg's file lists). A package passes when
# ensure-deps.sh lists it, or a listed package depends on it (Depends and Pre-Depends, recursively,
# first alternative as apt would pick), or it is in every minimal Debian (Essential or
# Priority: required) or in the build-essential set. Otherwise the check fails, naming the package
# and the files that need it. --drop removes a package from the list first (to see the check fail);
# --why prints the chain of dependencies through which the list pulls a package in.
# Exit status: 0 passed, 1 failed, 2 bad usage.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
build="" drop=() why=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build="$(realpath "${2:?--build-dir needs a folder}")"; shift ;;
    --drop) drop+=("${2:?--drop needs a package}"); shift ;;
    --why) why="${2:?--why needs a package}"; shift ;;
    *) sed -n '4,5p' "$0" | sed 's/^# *//' >&2; exit 2 ;;
  esac
  shift
done
[ -f "$build/CMakeCache.txt" ] || { echo "check-deps: $build is not a configured build folder" >&2; exit 2; }

work="$(mktemp -d /tmp/flashplan-check-deps.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt" | head -n 1; }

# --- the packages ensure-deps.sh installs: its list, and the extra ones that scripts the test suite
# runs ask it for (packaging/test-deb.sh's lintian, ...). A benchmark's extras do not count.
{
  "$repo/tools/ensure-deps.sh" --list
  cat "$repo"/packaging/*.sh "$repo/test.sh" |
    grep -oE '^[[:space:]]*"?[^ #"]*tools/ensure-deps\.sh"?( +[a-z0-9][a-z0-9.+-]+)+' |
    sed -E 's/.*ensure-deps\.sh"?//' | tr ' ' '\n' | grep . || true
} | sort -u >"$work/listed"
for p in "${drop[@]}"; do grep -vxF "$p" "$work/listed" >"$work/listed.new" || true; mv "$work/listed.new" "$work/listed"; done

# --- the files the build used ----------------------------------------------------------------------
files="$work/files" # "file<TAB>why" lines
: >"$files"
add() { printf '%s\t%s\n' "$1" "$2" >>"$files"; }

# Headers from the compiler's dependency records.
generator="$(cache CMAKE_GENERATOR)"
if [ "$generator" = Ninja ]; then
  "$(cache CMAKE_MAKE_PROGRAM)" -C "$build" -t deps | awk '/^ +\//{print $1}'
else
  find "$build" -name '*.d' -exec cat {} + | tr ' \\' '\n\n' | grep '^/'
fi | sort -u | xargs -r realpath -s -m -- | sort -u | sed 's/$/\theader/' >>"$files"

# Link lines: absolute library paths, and -lNAME found in -L folders or the linker's search path.
search_dirs="$("$(cache CMAKE_CXX_COMPILER)" -print-search-dirs | sed -n 's/^libraries: =//p' | tr ':' '\n' |
  xargs -r realpath -m -- | awk '!seen[$0]++')"
grep -E '^ +(LINK_LIBRARIES|LINK_PATH|LINK_FLAGS) = ' "$build/build.ninja" 2>/dev/null | sed 's/^ *[A-Z_]* = //' |
  tr ' ' '\n' | sort -u >"$work/link-tokens" || true
while read -r token; do
  case "$token" in
    /*.so* | /*.a) if [ -e "$token" ]; then add "$(realpath -s -m "$token")" "link line"; fi ;;
    -l*)
      name="${token#-l}"
      for dir in $(sed -n 's/^-L//p' "$work/link-tokens") $search_dirs; do
        if [ -e "$dir/lib$name.so" ]; then add "$dir/lib$name.so" "link line: $token"; break; fi
        if [ -e "$dir/lib$name.a" ]; then add "$dir/lib$name.a" "link line: $token"; break; fi
      done ;;
  esac
done <"$work/link-tokens"

# What the built programs load at run time.
find "$build" -type f -perm -u+x ! -name '*.sh' ! -path '*/CMakeFiles/*' |
  while read -r program; do
    ldd "$program" 2>/dev/null | awk -v p="${program#"$build"/}" '$2 == "=>" && $3 ~ /^\// {print $3 "\tloaded by " p}'
  done | sort -u -k1,1 >>"$files"

# The programs the build ran: compiler, build tool, cmake, and every absolute tool in a build rule.
for variable in CMAKE_CXX_COMPILER CMAKE_MAKE_PROGRAM CMAKE_COMMAND CMAKE_CTEST_COMMAND PKG_CONFIG_EXECUTABLE; do
  path="$(cache "$variable")"
  if [ -n "$path" ]; then add "$path" "build tool ($variable)"; fi
done
# build.ninja names every file CMake read while configuring (it re-runs CMake when one changes):
# the package configs, find modules and toolchain files.
grep -ohE '(^| )/usr/[^ ;:"]+' "$build/build.ninja" "$build"/CMakeFiles/rules.ninja 2>/dev/null | sed 's/^ //' | sort -u |
  while read -r path; do
    if [ -f "$path" ] && [ -x "$path" ]; then add "$path" "run by a build rule"
    elif [ -f "$path" ]; then add "$(realpath -s -m "$path")" "read by cmake"; fi
  done

# pkg-config modules (and the modules they require), and CMake package configs.
sed -n 's/^__pkg_config_arguments_[A-Za-z0-9_]*:INTERNAL=//p' "$build/CMakeCache.txt" | tr ';' '\n' |
  grep -vxE 'REQUIRED|QUIET|IMPORTED_TARGET|GLOBAL|NO_CMAKE_PATH|NO_CMAKE_ENVIRONMENT_PATH' | sed 's/[<>=].*//' |
  sort -u >"$work/modules"
while read -r module; do
  for m in "$module" $(pkg-config --print-requires --print-requires-private "$module" 2>/dev/null | awk '{print $1}'); do
    pc="$(pkg-config --path "$m" 2>/dev/null || true)"
    if [ -n "$pc" ]; then add "$(realpath -s -m "$pc")" "pkg-config module $m"; fi
  done
done <"$work/modules"
grep -E '^[A-Za-z0-9_]+_DIR:PATH=/' "$build/CMakeCache.txt" | sed 's/^\([A-Za-z0-9_]*\)_DIR:PATH=\(.*\)/\1\t\2/' |
  while IFS=$'\t' read -r name dir; do
    for config in "$dir/${name}Config.cmake" "$dir/$(echo "$name" | tr 'A-Z' 'a-z')-config.cmake"; do
      if [ -f "$config" ]; then add "$(realpath -s -m "$config")" "CMake package $name"; fi
    done
  done

# What the tests run: programs they look up by name, python3, xvfb-run, and the Qt platform plugin
# they use. (Programs a script only uses when present, `command -v x && ...`, are optional.)
grep -rhoE 'findExecutable\(QStringLiteral\("[a-z0-9.+-]+"\)\)|"python3 |xvfb-run ' \
  "$repo/tests" "$repo/packaging"/*.sh "$repo/test.sh" 2>/dev/null |
  sed -E 's/.*\("([^"]+)"\)\)/\1/; s/"python3 /python3/; s/xvfb-run /xvfb-run/' | sort -u |
  while read -r program; do
    path="$(PATH=/usr/bin:/bin:/usr/sbin:/sbin command -v "$program" || true)"
    add "${path:-/usr/bin/$program}" "run by the tests"
  done
# Programs a test runs by absolute path (found by CMake's find_program), from the ctest files.
find "$build" -name CTestTestfile.cmake -exec grep -h '^add_test(' {} + | grep -oE '"/usr/[^"]+"' | tr -d '"' | sort -u |
  while read -r path; do
    if [ -f "$path" ] && [ -x "$path" ]; then add "$path" "run by a test"; fi
  done
plugin_dir="$(dirname "$(grep -m1 -o '/[^ ;]*libQt6Gui\.so[^ ;]*' "$build/build.ninja" || true)")/qt6/plugins"
grep -rhoE 'QT_QPA_PLATFORM=[a-z]+' "$repo/test.sh" "$repo/tests/CMakeLists.txt" | sed 's/.*=//' | sort -u |
  while read -r platform; do add "$plugin_dir/platforms/libq$platform.so" "Qt platform plugin of the tests"; done

# Files of the project itself are not Debian's business.
awk -F'\t' -v src="$repo/" -v bld="$build/" 'index($1, src) != 1 && index($1, bld) != 1' "$files" | sort -u -t$'\t' -k1,1 >"$work/used"

# --- who owns each file ----------------------------------------------------------------------------
# Paths are tried as written, then across Debian 12's merged /usr (/lib = /usr/lib), then with
# symbolic links resolved (/usr/bin/c++ -> /etc/alternatives -> g++-12).
cut -f1 "$work/used" | while read -r path; do
  alt=""
  case "$path" in
    /usr/lib/* | /usr/bin/* | /usr/sbin/*) alt="${path#/usr}" ;;
    /lib/* | /lib64/* | /bin/* | /sbin/*) alt="/usr$path" ;;
  esac
  printf '%s\t%s\t%s\t%s\n' "$path" "$path" "${alt:-$path}" "$(realpath -m "$path")"
done >"$work/candidates"
awk -F'\t' '
  FNR == 1 && FILENAME != ARGV[1] { package = FILENAME; sub(/.*\//, "", package); sub(/\.list$/, "", package); sub(/:.*/, "", package) }
  FILENAME == ARGV[1] { want[$2]; want[$3]; want[$4]; row[FNR] = $0; rows = FNR; next }
  ($0 in want) && !($0 in owner) { owner[$0] = package }
  END {
    for (i = 1; i <= rows; i++) {
      split(row[i], f, "\t")
      o = (f[2] in owner) ? owner[f[2]] : (f[3] in owner) ? owner[f[3]] : (f[4] in owner) ? owner[f[4]] : "-"
      print f[1] "\t" o
    }
  }' "$work/candidates" /var/lib/dpkg/info/*.list >"$work/owners"

# --- what the list covers: listed packages, their dependencies, the minimal system ------------------
dpkg-query -W -f='${Package}\t${db:Status-Status}\t${Essential}\t${Priority}\t${Provides}\t${Pre-Depends}, ${Depends}\n' \
  >"$work/status"
awk -F'\t' '
  FILENAME == ARGV[1] { listed[$1]; next }
  $2 != "installed" { next }
  {
    installed[$1]
    if ($3 == "yes" || $4 == "required") base[$1]
    n = split($5, provides, /, */)
    for (i = 1; i <= n; i++) { v = provides[i]; sub(/ .*/, "", v); if (v != "") providers[v] = providers[v] " " $1 }
    deps[$1] = $6
  }
  function first_choice(alternatives,    a, n, i, name, pr) {
    n = split(alternatives, a, / *\| */)
    for (i = 1; i <= n; i++) {
      name = a[i]; sub(/^ +/, "", name); sub(/[ (].*/, "", name); sub(/:.*/, "", name)
      if (name in installed) return name
      if (name in providers) { split(providers[name], pr, " "); return pr[1] }
    }
    return ""
  }
  function cover(package, why,    groups, n, i, d) {
    if (package in covered) return
    covered[package] = why
    n = split(deps[package], groups, /, */)
    for (i = 1; i <= n; i++) { d = first_choice(groups[i]); if (d != "") cover(d, why " > " d) }
  }
  END {
    cover("build-essential", "build-essential")
    for (p in base) cover(p, "minimal Debian: " p)
    for (p in listed) cover(p, "tools/ensure-deps.sh: " p)
    for (p in covered) print p "\t" covered[p]
  }' "$work/listed" "$work/status" >"$work/covered"

if [ -n "$why" ]; then
  awk -F'\t' -v p="$why" '$1 == p {print $2; found = 1} END {if (!found) print p ": not pulled in"}' "$work/covered"
  exit 0
fi

# --- verdict ---------------------------------------------------------------------------------------
paste "$work/used" <(cut -f2 "$work/owners") | awk -F'\t' '
  FILENAME == ARGV[1] { covered[$1]; next }
  { used++ }
  $3 == "-" { unowned = unowned "  " $1 " (" $2 "): no Debian package owns it\n"; bad++; next }
  { packages[$3]++; if (!($3 in covered)) { if (!($3 in missing)) order[++m] = $3; if (++files[$3] <= 5) missing[$3] = missing[$3] "    " $1 " (" $2 ")\n" } }
  END {
    for (i = 1; i <= m; i++) {
      p = order[i]
      printf "%s is used by the build but neither tools/ensure-deps.sh nor a package it lists pulls it in:\n%s", p, missing[p]
      if (files[p] > 5) printf "    and %d more\n", files[p] - 5
    }
    if (unowned != "") printf "Files from outside Debian'"'"'s packages (a newcomer will not have them):\n%s", unowned
    n = 0; for (p in packages) n++
    if (m + bad > 0) { printf "FAILED: %d package(s) missing from tools/ensure-deps.sh, %d file(s) outside Debian\n", m, bad; exit 1 }
    printf "passed: %d files from %d Debian packages, every one installed by tools/ensure-deps.sh or its dependencies\n", used, n
  }' "$work/covered" -
