#!/usr/bin/env bash
# The one place that knows how to run real OBS with the plugin (DESIGN.md section 2). Used by
# scripts/demo, tests/e2e and tests/bench/obs, inside the reference platform (scripts/debian13).
#
#   obs-session.sh prepare [BUILD]                 build and install the plugin; prints the staging dir
#   obs-session.sh start --dir DIR [BUILD] [OBS]   throw-away config in DIR, Xvfb unless DISPLAY is
#                                                  set, OBS started and waited for; prints KEY=VALUE
#                                                  lines (also written to DIR/session.env)
#   obs-session.sh stop --dir DIR [--timeout S]    SIGINT, wait for a clean exit, stop Xvfb
#   obs-session.sh screenshot --dir DIR FILE       the whole screen OBS is on, as PNG
#
# BUILD: --preset NAME (default dev) | --build-dir DIR (an already configured build) | --no-build
# OBS:   --width W --height H --fps N (canvas, default 1280x720 at 30) | --port N (websocket, default
#        a free one) | --collection TEMPLATE.json (placeholders @DEMO_DIR@ @WIDTH@ @HEIGHT@
#        @COLLECTION@; default one empty scene) | --scene NAME | --timeout S (to wait for readiness)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
plugin=compliance-guard
collection_name="Compliance Guard"
profile_name="Compliance Guard"

die() { printf '[obs-session] error: %s\n' "$*" >&2; exit 1; }
note() { printf '[obs-session] %s\n' "$*" >&2; }

preset=dev build_dir= build=1 dir= width=1280 height=720 fps=30 port= template= scene= timeout=120
parse_options() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --preset) preset=$2; shift ;;
            --build-dir) build_dir=$2; shift ;;
            --no-build) build=0 ;;
            --dir) dir=$2; shift ;;
            --width) width=$2; shift ;;
            --height) height=$2; shift ;;
            --fps) fps=$2; shift ;;
            --port) port=$2; shift ;;
            --collection) template=$2; shift ;;
            --scene) scene=$2; shift ;;
            --timeout) timeout=$2; shift ;;
            *) positional+=("$1") ;;
        esac
        shift
    done
    build_dir=${build_dir:-$repo/build/$preset}
    build_dir=$(mkdir -p "$build_dir" && cd "$build_dir" && pwd)
}

staging_dir() { printf '%s/obs-staging\n' "$build_dir"; }

# Builds the module and the CLI (verify) and installs the plugin folder OBS loads.
prepare() {
    if [ "$build" = 1 ]; then
        [ -f "$build_dir/CMakeCache.txt" ] || cmake --preset "$preset" -B "$build_dir" >&2
        cmake --build "$build_dir" -j "${CG_JOBS:-2}" --target compliance-guard-module compliance-guard-cli >&2
    fi
    local staging
    staging=$(staging_dir)
    rm -rf "$staging"
    cmake --install "$build_dir" --prefix "$staging" >/dev/null
    [ -f "$staging/$plugin/bin/64bit/$plugin.so" ] || die "no $plugin.so in $staging after cmake --install"
    printf '%s\n' "$staging"
}

free_port() {
    node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# QWidget::saveGeometry() of a window filling the 1920x1080 Xvfb screen (format 3.0: frame, normal
# and client rectangles, screen 0, not maximised, screen width 1920): without a window manager
# nothing else can size OBS's main window, and the dock needs the room.
xvfb_window_geometry=AdnQywADAAAAAAAAAAAAAAAAB38AAAQ3AAAAAAAAAAAAAAd/AAAENwAAAAAAAAAAB4AAAAAAAAAAAAAAB38AAAQ3

write_config() {
    local config=$1 records=$2 window_geometry=
    [ -n "${DISPLAY:-}" ] || window_geometry="geometry=$xvfb_window_geometry"
    mkdir -p "$config/basic/profiles/$profile_name" "$config/basic/scenes" "$config/plugins" \
        "$config/plugin_config/obs-websocket" "$records"
    ln -sfn "$(staging_dir)/$plugin" "$config/plugins/$plugin"

    # FirstRun=true: the auto-configuration wizard already ran; a large LastVersion: no "what's new".
    cat >"$config/global.ini" <<EOF
[General]
FirstRun=true
LastVersion=4294967295
EnableAutoUpdates=false
Pre31Migrated=true

[Basic]
Profile=$profile_name
ProfileDir=$profile_name
SceneCollection=$collection_name
SceneCollectionFile=$collection_name

[BasicWindow]
$window_geometry
SysTrayEnabled=false
SysTrayWhenStarted=false
WarnBeforeStartingStream=false
WarnBeforeStoppingStream=false
WarnBeforeStoppingRecord=false

[OBSWebSocket]
FirstLoad=false
ServerEnabled=true
ServerPort=$port
AlertsEnabled=false
AuthRequired=false
EOF
    cat >"$config/plugin_config/obs-websocket/config.json" <<EOF
{"first_load": false, "server_enabled": true, "server_port": $port, "alerts_enabled": false,
 "auth_required": false, "server_password": ""}
EOF
    cat >"$config/basic/profiles/$profile_name/basic.ini" <<EOF
[General]
Name=$profile_name

[Video]
BaseCX=$width
BaseCY=$height
OutputCX=$width
OutputCY=$height
FPSType=1
FPSInt=$fps

[Output]
Mode=Simple

[SimpleOutput]
FilePath=$dir/recordings
RecFormat2=mkv
RecQuality=Stream
StreamEncoder=x264
Preset=ultrafast
VBitrate=1500
ABitrate=128
FileNameWithoutSpace=true

[Audio]
SampleRate=48000
ChannelSetup=Stereo
EOF
    mkdir -p "$dir/recordings"

    local source=${template:-$repo/data/demo/empty-collection.json}
    sed -e "s|@DEMO_DIR@|$repo/data/demo|g" -e "s|@WIDTH@|$width|g" -e "s|@HEIGHT@|$height|g" \
        -e "s|@COLLECTION@|$collection_name|g" "$source" >"$config/basic/scenes/$collection_name.json"
}

start_xvfb() {
    if [ -n "${DISPLAY:-}" ]; then
        xvfb_pid=
        return
    fi
    local fd_file="$dir/xvfb.display"
    : >"$fd_file"
    # -displayfd: Xvfb picks a free display itself and writes its number, so parallel runs never race.
    setsid Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$fd_file" >"$dir/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 100); do
        [ -s "$fd_file" ] && break
        kill -0 "$xvfb_pid" 2>/dev/null || die "Xvfb exited: $(tail -n 5 "$dir/xvfb.log")"
        sleep 0.1
    done
    [ -s "$fd_file" ] || die "Xvfb gave no display number"
    DISPLAY=:$(head -n 1 "$fd_file")
    export DISPLAY
}

obs_log_file() {
    ls -t "$dir/home/.config/obs-studio/logs/"*.txt 2>/dev/null | head -n 1
}

show_log_tail() {
    local log
    log=$(obs_log_file)
    note "last lines of ${log:-the OBS output}:"
    tail -n "${1:-40}" "${log:-$dir/obs-stdout.log}" >&2 || true
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

# The plugin says `ready` once the scene collection is loaded; until it does, its load line plus
# OBS's own "Loaded scenes" (logged after the collection is loaded) stand in for it.
obs_ready() {
    local log
    log=$(obs_log_file)
    [ -n "$log" ] || return 1
    grep -q "\[$plugin\] ready" "$log" && return 0
    grep -q "\[$plugin\] plugin loaded" "$log" && grep -q "Loaded scenes:" "$log"
}

start() {
    [ -n "$dir" ] || die "start needs --dir DIR"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ -z "$(ls -A "$dir" 2>/dev/null)" ] || die "$dir is not empty: give a fresh throw-away folder"
    [ -n "$port" ] || port=$(free_port)
    prepare >/dev/null
    local home="$dir/home" config="$dir/home/.config/obs-studio"
    local records="$config/plugin_config/$plugin/records"
    write_config "$config" "$records"
    start_xvfb

    local scene_args=()
    [ -z "$scene" ] || scene_args=(--scene "$scene")
    (
        cd "$dir"
        exec env HOME="$home" XDG_CONFIG_HOME="$home/.config" DISPLAY="$DISPLAY" QT_QPA_PLATFORM=xcb \
            setsid obs --multi --collection "$collection_name" --profile "$profile_name" "${scene_args[@]}" \
            --disable-missing-files-check --disable-shutdown-check >"$dir/obs-stdout.log" 2>&1
    ) &
    local obs_pid=$!
    cat >"$dir/session.env" <<EOF
OBS_PID=$obs_pid
XVFB_PID=${xvfb_pid:-}
DISPLAY=$DISPLAY
PORT=$port
CONFIG_DIR=$config
RECORD_DIR=$records
RECORDING_DIR=$dir/recordings
BUILD_DIR=$build_dir
CLI=$build_dir/bin/compliance-guard
EOF

    local waited=0
    until obs_ready && port_open; do
        if ! kill -0 "$obs_pid" 2>/dev/null; then
            show_log_tail
            stop_xvfb
            die "OBS exited before it was ready"
        fi
        if [ "$waited" -ge $((timeout * 4)) ]; then
            show_log_tail
            stop_obs 10 || true
            die "OBS was not ready within ${timeout}s (no [$plugin] ready/plugin loaded line, or no websocket on $port)"
        fi
        sleep 0.25
        waited=$((waited + 1))
    done
    printf 'LOG=%s\n' "$(obs_log_file)" >>"$dir/session.env"
    cat "$dir/session.env"
}

session_value() { sed -n "s/^$1=//p" "$dir/session.env"; }

load_session() {
    [ -f "$dir/session.env" ] || die "no $dir/session.env: was OBS started with --dir $dir?"
    obs_pid=$(session_value OBS_PID)
    xvfb_pid=$(session_value XVFB_PID)
    DISPLAY=$(session_value DISPLAY)
}

stop_xvfb() {
    [ -n "${xvfb_pid:-}" ] || return 0
    kill "$xvfb_pid" 2>/dev/null || true
}

# SIGINT lets OBS close its window, save its config and unload modules; SIGTERM would skip unload.
stop_obs() {
    local limit=$1
    kill -INT "$obs_pid" 2>/dev/null || { stop_xvfb; return 0; }
    local waited=0
    while kill -0 "$obs_pid" 2>/dev/null; do
        if [ "$waited" -ge $((limit * 10)) ]; then
            show_log_tail
            kill -KILL "$obs_pid" 2>/dev/null || true
            stop_xvfb
            note "OBS did not exit within ${limit}s of SIGINT: killed"
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    stop_xvfb
    local log
    log=$(obs_log_file)
    if [ -n "$log" ] && ! grep -q "\[$plugin\] plugin unloaded" "$log"; then
        show_log_tail 20
        note "OBS exited without unloading $plugin"
        return 1
    fi
}

stop() {
    [ -n "$dir" ] || die "stop needs --dir DIR"
    load_session
    stop_obs "$timeout"
}

screenshot() {
    [ -n "$dir" ] && [ ${#positional[@]} -eq 1 ] || die "usage: screenshot --dir DIR FILE"
    load_session
    DISPLAY=$DISPLAY import -window root "${positional[0]}"
}

command=${1:-}
[ $# -gt 0 ] && shift
positional=()
timeout_given=0
for arg in "$@"; do [ "$arg" != --timeout ] || timeout_given=1; done
parse_options "$@"
case "$command" in
    prepare) prepare ;;
    start) start ;;
    stop)
        [ "$timeout_given" = 1 ] || timeout=60
        stop
        ;;
    screenshot) screenshot ;;
    *) die "usage: obs-session.sh prepare|start|stop|screenshot [options] (see the header of $0)" ;;
esac
