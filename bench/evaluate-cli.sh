#!/usr/bin/env bash
# Whole-process time of `botpad evaluate bench/full-case.json` (target ≤ 300 ms): start Node, load
# the compiled command, validate, evaluate, print. Uses node_modules/.bin/botpad when the package is
# linked, else bin/botpad.js directly. One untimed run first builds dist/ if it is stale.
# Run: bash bench/evaluate-cli.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
bin=node_modules/.bin/botpad
[ -x "$bin" ] || bin="node bin/botpad.js"
$bin evaluate bench/full-case.json > /dev/null
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  $bin evaluate bench/full-case.json > /dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$(( runs / 2 ))]}
echo "botpad evaluate bench/full-case.json ($bin): median ${median} ms, min ${sorted[0]} ms, max ${sorted[$(( runs - 1 ))]} ms over ${runs} runs"
