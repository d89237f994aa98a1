#!/usr/bin/env bash
# Whole-process time of `botpad evaluate bench/full-case.json` (target ≤ 300 ms): start Node, load
# the compiled command, validate, evaluate, print. Uses node_modules/.bin/botpad when the package is
# linked, else bin/botpad.js directly. One untimed run first builds dist/ if it is stale.
# Reports wall-clock time and CPU time (user + system of the process, from bash's `time`), since a
# busy machine inflates wall-clock time far more than CPU time.
# Run: bash bench/evaluate-cli.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
bin=node_modules/.bin/botpad
[ -x "$bin" ] || bin="node bin/botpad.js"
$bin evaluate bench/full-case.json > /dev/null
times=()
cpus=()
TIMEFORMAT='%3U %3S'
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  cpu=$( { time $bin evaluate bench/full-case.json > /dev/null 2>&1 ; } 2>&1 )
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  read -r user sys <<< "$cpu"
  cpus+=($(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 + 0.5 }'))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$(( runs / 2 ))]}
csorted=($(printf '%s\n' "${cpus[@]}" | sort -n))
echo "botpad evaluate bench/full-case.json ($bin): median ${median} ms, min ${sorted[0]} ms, max ${sorted[$(( runs - 1 ))]} ms over ${runs} runs; CPU median ${csorted[$(( runs / 2 ))]} ms, min ${csorted[0]} ms"
