#!/bin/sh
# CTest's entry to the node tests: run-node.sh BUILD_DIR NODE_ARGS...
# Installs the e2e client (npm ci from package-lock.json) when tests/e2e/node_modules is missing,
# then runs node from tests/e2e with CG_BUILD_DIR=BUILD_DIR, so OBS gets the plugin built there.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build_dir=$1
shift
if [ ! -d "$here/node_modules/obs-websocket-js" ]; then
    (cd "$here" && npm ci --no-audit --no-fund >&2)
fi
cd "$here"
CG_BUILD_DIR=$build_dir exec node "$@"
