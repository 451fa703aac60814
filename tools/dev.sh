#!/usr/bin/env bash
# One-command set-up for Isleview on Debian 12.
#
#   tools/dev.sh run    install what is missing, build, start the map window
#   tools/dev.sh test   install what is missing, build, run every test (CTest), then the same tests built
#                       with AddressSanitizer and UndefinedBehaviorSanitizer (test-normal / test-asan: one)
#   tools/dev.sh deps   only install the Debian packages
#
# Packages are installed with apt-get (through sudo when not root). The build goes to ./build (Ninja), the
# sanitizer build to ./build-asan (the asan preset of CMakePresets.json, which also sets ASAN_OPTIONS,
# UBSAN_OPTIONS and the leak suppressions of tools/sanitizers/lsan.supp for the build and the tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-svg-dev libgl-dev
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libgdal-dev gdal-bin libproj-dev proj-data
  googletest libgtest-dev libbenchmark-dev
  fonts-noto-cjk fonts-dejavu-core
  xvfb xauth poppler-utils
  # the install and package tests: desktop-file-validate, appstreamcli, dpkg-shlibdeps, lintian
  desktop-file-utils appstream dpkg-dev file lintian
)

install_deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build
}

test_normal() {
  build
  QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure -j2
}

# Any sanitizer report fails its test (halt_on_error); the build runs the test programs too (to list
# their tests), under the same options.
test_asan() {
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  ctest --preset asan -j2
}

case "${1:-}" in
  deps)        install_deps ;;
  run)         install_deps; build; shift; exec build/bin/isleview "$@" ;;
  test)        install_deps; test_normal; test_asan ;;
  test-normal) install_deps; test_normal ;;
  test-asan)   install_deps; test_asan ;;
  *)           sed -n '2,11p' "$0"; exit 2 ;;
esac
