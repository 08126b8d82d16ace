#!/bin/sh
# Inside the reference platform: build and run the suites. Called by scripts/test.
# Labels: unit, obs (libobs harness), e2e (real OBS), corpus, bench.
set -eu
cd "$(dirname "$0")/../.."
jobs=${CG_JOBS:-$(nproc)}

run_preset() {
    preset=$1
    shift
    echo "== $preset: configure and build"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs"
    echo "== $preset: test"
    ctest --preset "$preset" -j "$jobs" "$@"
}

run_preset ci
if [ "${1:-}" != "--quick" ]; then
    # Real OBS is not built with ASan, so the e2e tests run in the ci pass only.
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/tests/support/lsan.supp \
        UBSAN_OPTIONS=print_stacktrace=1 run_preset asan -LE "corpus|bench|e2e"
fi
