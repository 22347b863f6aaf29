#!/usr/bin/env bash
# Builds the native preset's benchmarks (Release) and runs them, then prints a summary.
#   bench/run.sh [CORPUS_DIR]     (default: the benchmarks' own, tests/corpus_root.h: $DIGEST_CORPUS,
#                                  else ../shared/digests beside the checkout)
# Environment: DV_BENCH_BUILD_DIR to use another build folder (default: the preset's build/native),
#              DV_BENCH_JOBS for the build parallelism (default 2).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${DV_BENCH_BUILD_DIR:-$ROOT/build/native}"
JOBS="${DV_BENCH_JOBS:-2}"
CORPUS=(); [ $# -gt 0 ] && CORPUS=("$1")  # none: bench_parse and bench_query find the corpus themselves

say() { printf '[bench] %s\n' "$*"; }
fail() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

[ "${#CORPUS[@]}" -eq 0 ] || [ -d "${CORPUS[0]}" ] || fail "corpus folder not found: ${CORPUS[0]}"
command -v cmark-gfm >/dev/null || fail "Debian's cmark-gfm binary is missing: run scripts/setup.sh"

if [ "$BUILD" = "$ROOT/build/native" ]; then
    say "configuring the native preset"
    (cd "$ROOT" && cmake --preset native >/dev/null) || fail "cmake --preset native failed"
else
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDV_BUILD_BENCH=ON >/dev/null \
        || fail "configure failed"
fi
say "building bench_parse bench_query (Release, -j$JOBS)"
cmake --build "$BUILD" -j"$JOBS" --target bench_parse bench_query >/dev/null || fail "build failed"

LOG="$(mktemp /tmp/dv_bench.XXXXXX)"
trap 'rm -f "$LOG"' EXIT
status=0
say "bench_parse"
"$BUILD/bench/bench_parse" "${CORPUS[@]}" | tee -a "$LOG" || status=1
say "bench_query"
"$BUILD/bench/bench_query" "${CORPUS[@]}" | tee -a "$LOG" || status=1

echo
say "summary"
grep -E '^dv::parse best' "$LOG" | sed 's/^/  parse: /'
grep -E '^SUMMARY bench_query' "$LOG" | sed 's/^SUMMARY bench_query: /  query: /'
if [ $status -eq 0 ]; then say "all targets met"; else say "some target missed (see above)"; fi
exit $status
