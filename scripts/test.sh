#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what is missing (scripts/setup.sh), builds the
# native preset (digest-cli, digest-viewer, tests, benchmarks), runs every CTest test (Catch2 core
# and CLI tests, the native app under Xvfb), runs the Catch2 suite again under ASan+UBSan, builds
# the web site with Emscripten and runs the browser tests in headless Chromium, and fuzzes the
# core (tests/fuzz/run.sh: the fuzz preset, a fixed sequence of inputs per target with the markdown
# round trip on, about 4 minutes with the build).
# Real digests are read from $DIGEST_CORPUS or ../shared/digests beside the checkout.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JOBS="${JOBS:-$(nproc)}"
failed=()
step() { printf '\n==== %s ====\n' "$*"; }
run() {  # run NAME CMD...: runs a stage, remembers failures, goes on
    local name=$1; shift
    step "$name"
    local t0=$SECONDS
    if "$@"; then printf -- '---- %s: ok (%ss)\n' "$name" $((SECONDS - t0));
    else printf -- '---- %s: FAILED (%ss)\n' "$name" $((SECONDS - t0)); failed+=("$name"); fi
}

run "setup" bash scripts/setup.sh || true
if [ ${#failed[@]} -gt 0 ]; then echo "setup failed: cannot build"; exit 1; fi

run "native build" bash -c "cmake --preset native >/dev/null && cmake --build --preset native -j $JOBS"
if [[ " ${failed[*]} " != *" native build "* ]]; then
    run "native tests" ctest --preset native -j "$JOBS"
fi
run "asan build" bash -c "cmake --preset native-asan >/dev/null && cmake --build --preset native-asan -j $JOBS"
if [[ " ${failed[*]} " != *" asan build "* ]]; then
    run "asan tests" ctest --preset native-asan -j "$JOBS"
fi
run "web build" bash -c "cmake --preset web >/dev/null && cmake --build --preset web -j $JOBS"
if [[ " ${failed[*]} " != *" web build "* && " ${failed[*]} " != *" native build "* ]]; then
    run "browser tests" node tests/e2e/run.mjs --site build/web/site --cli build/native/digest-cli
fi

run "fuzz" env JOBS="$JOBS" bash tests/fuzz/run.sh

step "summary"
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED stages: ${failed[*]}"
    exit 1
fi
echo "all stages passed"
