#!/bin/sh
# Inside the reference platform: the demo of scripts/demo.
set -eu
cd "$(dirname "$0")/../.."
records=build/demo/records
cmake --preset dev >/dev/null
cmake --build --preset dev --target compliance-guard-cli -j "${CG_JOBS:-$(nproc)}" >/dev/null
mkdir -p "$records"
cli=build/dev/bin/compliance-guard
host_path() { printf '%s\n' "${CG_HOST_REPO:-/src}${1#/src}"; }

session=
for banner in data/demo/banner-clean.png data/demo/banner-with-qr.png; do
    status=0
    summary=$("$cli" analyze "$banner" --rules alibaba --record "$PWD/$records") || status=$?
    printf '%s\n' "$summary"
    [ "$status" -le 1 ] || exit "$status"
    session=$(printf '%s\n' "$summary" | sed -n 's/^  record: //p')
done
echo
"$cli" verify "$session"
echo "record: $(host_path "$session")"
