#!/usr/bin/env bash
# Issue 9: start to the first frame in a real window.
#
# usage: benches/startup.sh [RUNS] [FILE]   (from the repository root; builds the release binary)
#
# Times an empty eframe window that closes after its first frame (examples/empty_window.rs:
# the window, the renderer and egui's own fonts, nothing of the app), then the app on the
# bundled sample (or a copy of FILE: a 100,000-customer file, say, whose first frame shows
# its table, as the app reads the file it is started with before that frame) with
# SCM_CRM_STUDIO_QUIT_AFTER_FIRST_FRAME set, so it closes as soon as its first frame is drawn;
# each RUNS times (default 10), printing the best and median wall time. Without a display it
# starts a virtual one (Xvfb, apt-get install xvfb).
# On a machine without a GPU, Mesa draws in software (llvmpipe): most of the time is then the
# software renderer's, not the app's. `cargo bench --bench ui_frame -- "start to first frame"`
# times the app's own part (load the file, lay out the first frame) without a window.
set -euo pipefail

runs="${1:-10}"
file="${2:-}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin scm-crm-studio --example empty_window
app="$root/target/release/scm-crm-studio"
[ -x "$app" ] || { echo "no release binary at $app" >&2; exit 1; }

if [ -z "${DISPLAY:-}" ]; then
    command -v Xvfb >/dev/null || { echo "no DISPLAY and no Xvfb (apt-get install xvfb)" >&2; exit 1; }
    Xvfb :77 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=:77
    sleep 1
fi

# A copy, so that the sample's lock file and the app's preferences stay out of the repository.
cp "${file:-$root/assets/samples/harbor-logistics.ron}" "$work/sample.ron"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

# time_runs NAME CMD...: runs CMD RUNS times, prints the best and the median wall time.
time_runs() {
    local name="$1"
    shift
    local times=() start end
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        "$@" >"$work/out.txt" 2>&1 || {
            echo "$name failed to start:" >&2
            cat "$work/out.txt" >&2
            exit 1
        }
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc -l)")
    done
    local sorted best median
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    best=$(echo "$sorted" | head -1)
    median=$(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")
    printf '%-44s best %.3f s, median %.3f s (%d runs)\n' "$name" "$best" "$median" "$runs"
}

time_runs "an empty eframe window (the floor)" "$root/target/release/examples/empty_window"
time_runs "the app with ${file:-the sample}" \
    env SCM_CRM_STUDIO_QUIT_AFTER_FIRST_FRAME=1 "$app" "$work/sample.ron"
