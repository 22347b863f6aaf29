#!/usr/bin/env bash
# Builds the `fuzz` preset and runs each libFuzzer target, seeded from tests/data (copied into a
# temporary folder: generated corpora are never committed). Fails on any crash, sanitizer report,
# timeout, out-of-memory or broken invariant; the input is kept in $FUZZ_OUT (default
# build/fuzz/artifacts) as crash-*/timeout-*/oom-* for a fixture test.
#
#   tests/fuzz/run.sh                 the test stage: build, then each target's fixed sequence
#   FUZZ_SECONDS=600 tests/fuzz/run.sh digest     one target, exploring for 600 s
#
# The test stage runs a reproducible sequence per target: -seed=1 and a fixed number of inputs
# (digest 20,000, about a minute here; query 150,000, json 50,000, triage 200,000, 10 to 15 s
# each), so runs of one build find the same things (a build in another folder ran a different
# sequence once, 2026-12-04: check main from a fresh clone too); a time limit only guards against a slow machine (it stops the
# same sequence earlier). FUZZ_SECONDS instead explores: a random seed, no input limit, that long.
# The digest target compares the markdown round trip's paper count, titles and arXiv ids.
# Environment: FUZZ_SECONDS, FUZZ_SEED (the seed of an exploring run), FUZZ_RUNS (the length of
# the fixed sequence instead), JOBS (build parallelism,
# default 2), DV_FUZZ_ROUNDTRIP (README.md; default ids), FUZZ_NO_BUILD=1 to skip the build,
# FUZZ_BIN=DIR to run the targets of another build (e.g. one configured with -DDV_CMARK_DIR=a
# patched copy).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BIN="${FUZZ_BIN:-$ROOT/build/fuzz/tests/fuzz}"
OUT="${FUZZ_OUT:-$ROOT/build/fuzz/artifacts}"
DICT="$ROOT/tests/fuzz/digest.dict"
export DV_FUZZ_ROUNDTRIP="${DV_FUZZ_ROUNDTRIP:-ids}"

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
    cmake --preset fuzz >/dev/null || { echo "[fuzz] configure failed"; exit 1; }
    cmake --build --preset fuzz -j "${JOBS:-2}" >/dev/null || { echo "[fuzz] build failed"; exit 1; }
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/dv-fuzz.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

# seed DIR PATTERN...: copies the fixtures matching the find patterns into DIR. libFuzzer runs
# the seeds smallest first and keeps the directory's order among seeds of one size, which is the
# file system's (a hash of the names on ext4, creation order on tmpfs): seeds that share a size
# get newlines appended until none does, so the fixed sequence is the same on every machine.
seed() {
    local dir=$1; shift
    mkdir -p "$dir"
    find "$ROOT/tests/data" -type f \( "$@" \) -exec cp {} "$dir/" \;
    local f size
    declare -A taken=()
    while IFS= read -r f; do
        size=$(stat -c %s "$f")
        while [ -n "${taken[$size]:-}" ]; do printf '\n' >>"$f"; size=$((size + 1)); done
        taken[$size]=1
    done < <(find "$dir" -type f | LC_ALL=C sort)
}

# run NAME RUNS MAX_LEN: one target, its corpus seeded in $TMP/NAME: RUNS inputs from seed 1
# (at most 180 s), or FUZZ_SECONDS of exploring. Returns non-zero on a finding (libFuzzer exits
# non-zero and writes the input to $OUT).
run() {
    local name=$1 runs=$2 max_len=$3
    local corpus="$TMP/$name" log="$OUT/$name.log"
    case "$name" in
        digest) seed "$corpus" -name '*.md' -o -name '*.json' ;;
        json)   seed "$corpus" -name '*.json' ;;
        triage) seed "$corpus" -path '*/triage/*' ;;
        query)  mkdir -p "$corpus"; printf '%s\n' 'diffusion video' '"world model" -survey' 'title:x author:"a b"' \
                    'votes>=10 votes<5 votes:10..50' 'date:2024-06 date:2024-06-01..2024-06-30' '모델 label:"What'"'"'s New"' |
                    split -l 1 - "$corpus/seed-" ;;
    esac
    # -use_cmp=0: comparison operands libFuzzer records include addresses, which differ per run
    # and would make the sequence differ too.
    local limits=(-seed=1 -runs="${FUZZ_RUNS:-$runs}" -max_total_time=180 -use_cmp=0)
    [ -n "${FUZZ_SECONDS:-}" ] && limits=(-seed="${FUZZ_SEED:-0}" -max_total_time="$FUZZ_SECONDS")
    local t0=$SECONDS
    # -entropic=0: libFuzzer 14's entropic scheduler spent most of the time updating feature
    # frequencies here (187 vs 454 executions/s on the digest target).
    "$BIN/dv_fuzz_$name" "$corpus" -dict="$DICT" "${limits[@]}" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$max_len" -entropic=0 -print_final_stats=1 -artifact_prefix="$OUT/" >"$log" 2>&1
    local rc=$?
    local execs; execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)"
    if [ $rc = 0 ]; then
        printf '[fuzz] %-6s ok: %s executions in %ss, no findings\n' "$name" "${execs:-?}" $((SECONDS - t0))
    else
        printf '[fuzz] %-6s FAILED (exit %s) after %ss; log %s\n' "$name" $rc $((SECONDS - t0)) "$log"
        grep -a -m1 -A3 -E 'invariant broken|ERROR: (AddressSanitizer|libFuzzer|UndefinedBehaviorSanitizer)|runtime error' "$log" | head -n 8
        grep -a 'Test unit written to' "$log" | tail -n1
    fi
    return $rc
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(digest query json triage)
failed=0
for t in "${targets[@]}"; do
    case "$t" in
        digest) run digest 20000 4096 || failed=1 ;;
        query)  run query 150000 256 || failed=1 ;;
        json)   run json 50000 8192 || failed=1 ;;
        triage) run triage 200000 4096 || failed=1 ;;
        *) echo "[fuzz] unknown target $t (digest, query, json, triage)"; failed=1 ;;
    esac
done
exit $failed
