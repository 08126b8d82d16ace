#!/bin/sh
# Inside the reference platform: build the CLI (dev preset) when needed and run it from the
# caller's folder. Build output is shown only when the build fails, so stdout stays the CLI's own.
set -eu
here=$(pwd)
cd "$(dirname "$0")/../.."
if ! build_log=$({
    [ -f build/dev/CMakeCache.txt ] || cmake --preset dev
    cmake --build --preset dev --target compliance-guard-cli -j "${CG_JOBS:-$(nproc)}"
} 2>&1); then
    printf '%s\n' "$build_log" >&2
    echo "compliance-guard: the build failed (output above)" >&2
    exit 3
fi
cd "$here"
exec /src/build/dev/bin/compliance-guard "$@"
