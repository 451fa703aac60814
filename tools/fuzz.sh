#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (-fsanitize=fuzzer,address,undefined) in ./build-fuzz and
# runs each for a fixed time, one after another, starting from the seeds in fuzz/corpus/.
#
#   tools/fuzz.sh [TARGET...]     every target (layer_geojson layer_csv layer_shapefile names facts cli)
#                                 or the ones named
#   FUZZ_SECONDS=90               time per target (default 90: about ten minutes for all six; 0: only build)
#
# New inputs go to build-fuzz/corpus/TARGET, crashes to build-fuzz/artifacts/TARGET/, each run's log to
# build-fuzz/logs/TARGET.log; a table of executions, speed, coverage and crashes ends the run. Exit status 1
# if anything crashed. Replay a crash with: build-fuzz/bin/fuzz_TARGET build-fuzz/artifacts/TARGET/crash-...
# and keep it as a regression in fuzz/regressions/TARGET/ (tests/fuzz replays those in the normal suite).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ALL=(layer_geojson layer_csv layer_shapefile names facts cli)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL[@]}")
SECONDS_EACH=${FUZZ_SECONDS:-90}
BUILD=build-fuzz

tools/dev.sh deps
if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends clang libclang-rt-dev
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# -O1 with assertions on: fast enough to fuzz, and a broken precondition is a crash the fuzzer keeps.
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" "${launcher[@]}" \
  -DISLEVIEW_BUILD_FUZZERS=ON -DBUILD_TESTING=OFF -DISLEVIEW_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$BUILD" --target "${TARGETS[@]/#/fuzz_}"
[ "$SECONDS_EACH" != 0 ] || exit 0

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tools/sanitizers/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
mkdir -p "$BUILD/logs"
summary=()
crashed=0
for t in "${TARGETS[@]}"; do
  corpus="$BUILD/corpus/$t" artifacts="$BUILD/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  touch "$BUILD/logs/$t.start"
  extra=()
  [ -f "fuzz/$t.dict" ] && extra+=(-dict="fuzz/$t.dict")
  echo "== fuzz_$t for ${SECONDS_EACH}s" >&2
  # -close_fd_mask=3: the harnessed code's own stdout/stderr (usage messages) are dropped; libFuzzer's
  # and the sanitizers' reports still come through.
  set +e
  "$BUILD/bin/fuzz_$t" "$corpus" "fuzz/corpus/$t" -max_total_time="$SECONDS_EACH" -timeout=20 \
    -rss_limit_mb=4096 -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$artifacts/" "${extra[@]}" \
    >"$BUILD/logs/$t.log" 2>&1
  status=$?
  set -e
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$BUILD/logs/$t.log" | tail -1 || true)
  [ -n "$done_line" ] || done_line=$(grep -E '^#[0-9]+[[:space:]]' "$BUILD/logs/$t.log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$BUILD/logs/$t.log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$BUILD/logs/$t.log")
  cov=$(sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\)\/.*/cov \1, ft \2, corpus \3/p' <<<"$done_line")
  found=$(find "$artifacts" -type f -newer "$BUILD/logs/$t.start" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  [ "$found" -eq 0 ] && [ "$status" -ne 0 ] && found="exit $status"
  [ "$found" = 0 ] || crashed=1
  summary+=("$(printf '%-16s %10s execs %7s/s  %-32s crashes: %s' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$found")")
done
printf '%s\n' "${summary[@]}"
exit $crashed
