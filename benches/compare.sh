#!/usr/bin/env bash
# Issue 9: times this app's `import` of a 1,000,000-row transaction log against a plain Python
# csv + dict aggregation of the same file, in one run, and LibreOffice if it is installed.
#
# usage: benches/compare.sh [ROWS]      (from the repository root; builds the release binary)
#
# Each tool runs three times; the best wall time counts. Peak memory comes from /usr/bin/time -v.
# CPU time (user + system) is printed too: on a machine shared with other work the wall times
# swing with the load, while CPU time stays comparable.
set -euo pipefail

rows="${1:-1000000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
app="$root/target/release/scm-crm-studio"
[ -x "$app" ] || { echo "no release binary at $app" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

log="$work/transactions.csv"
python3 "$root/benches/make_log.py" "$rows" "$log"
echo "log: $rows rows, $(du -m "$log" | cut -f1) MiB, sha256 $(sha256sum "$log" | cut -c1-16)"

# best_of NAME CMD...: runs CMD three times; sets best_s and peak_kb.
best_of() {
    local name="$1"
    shift
    best_s=""
    best_cpu=""
    peak_kb=0
    for _ in 1 2 3; do
        rm -f "$work/scenario.ron" "$work/scenario.ron.bak" "$work"/*.ods
        /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>&1 || {
            echo "$name failed:" >&2
            cat "$work/out.txt" "$work/time.txt" >&2
            exit 1
        }
        local s kb cpu
        s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); t=0; for(i=1;i<=n;i++) t=t*60+p[i]; print t}' "$work/time.txt")
        cpu=$(awk -F': ' '/User time|System time/ {t+=$2} END {print t}' "$work/time.txt")
        if [ -z "$best_cpu" ] || awk "BEGIN{exit !($cpu < $best_cpu)}"; then best_cpu=$cpu; fi
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
        if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; fi
        if [ "$kb" -gt "$peak_kb" ]; then peak_kb=$kb; fi
    done
    printf '%-36s %6.2f s wall %6.2f s CPU %5d MB peak\n' "$name" "$best_s" "$best_cpu" $((peak_kb / 1024))
}

best_of "python csv+dict (aggregate only)" python3 "$root/benches/aggregate_log.py" "$log"
py_s=$best_s
py_cpu=$best_cpu
best_of "app import (aggregate, tier, save)" "$app" import transactions "$log" \
    --into "$work/scenario.ron" --reference-date 2026-11-26
app_s=$best_s
app_cpu=$best_cpu
app_kb=$peak_kb
"$app" check "$work/scenario.ron" | tail -c 300 || { echo "the imported file does not open" >&2; exit 1; }
echo "scenario file: $(du -m "$work/scenario.ron" | cut -f1) MiB"

echo
awk "BEGIN{printf \"import is %.1fx faster than the Python aggregation in wall time (target: 4x)\n\", $py_s / $app_s}"
awk "BEGIN{printf \"import uses %.1fx less CPU time than the Python aggregation\n\", $py_cpu / $app_cpu}"
echo "import peak memory: $((app_kb / 1024)) MB (target: 200 MB)"

if command -v soffice >/dev/null 2>&1; then
    best_of "soffice --convert-to ods" soffice --headless --convert-to ods --outdir "$work" "$log"
    awk "BEGIN{printf \"import is %.1fx faster than LibreOffice\n\", $best_s / $app_s}"
else
    echo "soffice not installed: LibreOffice not timed"
fi
