#!/usr/bin/env bash
# Inside the reference platform: the demo of scripts/demo (see there).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo=$PWD
session_script=$repo/scripts/lib/obs-session.sh

seconds=60 preset=dev build_dir=
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift ;;
        --preset) preset=$2; shift ;;
        --build-dir) build_dir=$2; shift ;;
        *) echo "usage: scripts/demo [--seconds N] [--preset NAME | --build-dir DIR]" >&2; exit 2 ;;
    esac
    shift
done
case "$seconds" in '' | *[!0-9]*) echo "--seconds needs a whole number" >&2; exit 2 ;; esac

host_path() { printf '%s%s\n' "${CG_HOST_REPO:-/src}" "${1#/src}"; }
session_value() { sed -n "s/^$1=//p" "$run/obs/session.env"; }

build_dir=$(realpath -m "${build_dir:-build/$preset}")
run=$build_dir/demo/$(date +%Y%m%d-%H%M%S)
mkdir -p "$run"
stop_obs() { "$session_script" stop --dir "$run/obs"; }

echo "Starting OBS with Compliance Guard (log and config: $(host_path "$run/obs"))" >&2
"$session_script" start --dir "$run/obs" --preset "$preset" --build-dir "$build_dir" --collection data/demo/demo-collection.json \
    --scene "Banner with QR" --width 1280 --height 720 >/dev/null
trap 'stop_obs; exit 130' INT TERM

if [ -z "${DISPLAY:-}" ]; then
    echo "OBS is running under Xvfb on $(session_value DISPLAY) for ${seconds}s" >&2
    sleep "$seconds"
    shot=$run/obs-compliance-guard.png
    "$session_script" screenshot --dir "$run/obs" "$shot"
else
    echo "OBS is open on $DISPLAY: close it to end the demo" >&2
    obs_pid=$(session_value OBS_PID)
    while kill -0 "$obs_pid" 2>/dev/null; do sleep 1; done
    shot=
fi
trap - INT TERM
stop_obs

records=$(session_value RECORD_DIR)
record=$(ls -1td "$records"/*/ 2>/dev/null | head -n 1 || true)
if [ -z "$record" ]; then
    echo "no session record was written under $(host_path "$records")" >&2
    exit 1
fi
echo "screenshot and session record:" >&2
[ -z "$shot" ] || host_path "$shot"
host_path "${record%/}"
