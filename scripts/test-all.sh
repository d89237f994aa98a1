#!/usr/bin/env bash
# The whole test suite, as CI runs it: static checks, unit/property/store/API tests (store tests on
# PGlite and on a throwaway PostgreSQL 15 cluster) in Europe/Amsterdam and, where dates are read or
# shown, again in UTC, then the browser tests in Debian's Chromium. Installs Chromium when it is
# missing. Nothing is skipped. Every step prints its wall time and the load average beside it, so a
# slow run on a busy machine can be told from a slow suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# Tools are called by name, not through npx: `npm test` puts node_modules/.bin (with Node.js 24 from
# the `node` package) first on the PATH, and npx would put the machine's own Node back in front.
PATH="$PWD/node_modules/.bin:$PATH"
node -e 'const m = Number(process.versions.node.split(".")[0]); if (m < 24) { console.error(`Node.js 24 is needed, found ${process.version}: run npm ci`); process.exit(1); }'

load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
SUITE_T0=$(now)
SUMMARY=""
record() { SUMMARY+=$(printf '  %-66s %7s s   load before %s\n' "$1" "$2" "$3")$'\n'; }

header() { printf '\n\033[1m== %s\033[0m  (%s UTC, load %s)\n' "$1" "$(date -u +%H:%M:%S)" "$(load)"; }

# step NAME COMMAND...: runs in the foreground and records its time.
step() {
  local name=$1 t0 l0
  shift
  header "$name"
  t0=$(now)
  l0=$(load)
  "$@"
  record "$name" "$(since "$t0")" "$l0"
  printf '   %s: %s s\n' "$name" "$(since "$t0")"
}

# lanes FUNCTION...: runs each function in the background, side by side (the checks are single-
# threaded: one lane per core). A lane runs its commands with `sub NAME COMMAND...`, each timed.
# Each lane's output is shown whole when it ends; any failure fails the script after all have ended.
LANE_DIR=""
sub() {
  local name=$1 t0 l0 rc=0
  shift
  t0=$(now)
  l0=$(load)
  header "$name"
  "$@" || rc=$?
  printf '%s|%s|%s\n' "$name" "$(since "$t0")" "$l0" >>"$LANE_DIR/times"
  printf '   %s: %s s\n' "$name" "$(since "$t0")"
  return "$rc"
}
lanes() {
  local pids=() i failed=0 t0 l0
  t0=$(now)
  l0=$(load)
  LANE_DIR=$(mktemp -d)
  for i in "$@"; do
    ( "$i" ) >"$LANE_DIR/$i.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then failed=1; fi
    cat "$LANE_DIR/${*:$((i + 1)):1}.log"
  done
  while IFS='|' read -r name secs l; do record "$name" "$secs" "$l"; done <"$LANE_DIR/times"
  record "Those side by side (wall)" "$(since "$t0")" "$l0"
  rm -rf "$LANE_DIR"
  [ "$failed" = 0 ] || { echo "A static check failed (see above)." >&2; exit 1; }
}

# Debian's Chromium drives the browser tests; poppler's pdftotext reads the letters' text back.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  header "Installing ${missing[*]} from Debian for the browser and letter tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The learn pages' print test reads its PDFs back with pdftotext (Debian's poppler-utils).
if ! command -v pdftotext >/dev/null; then
  header "Installing poppler-utils (pdftotext) for the print test"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null
fi
for bin in initdb pg_ctl postgres; do
  command -v "$bin" >/dev/null || { echo "PostgreSQL 15 server binaries ($bin) are not on PATH; the store tests need them (or set DATABASE_URL)." >&2; [ -n "${DATABASE_URL:-}" ] || exit 1; }
done

# Lint is the longest check; type check, layer boundaries and build run meanwhile on the other core.
lint_lane() { sub "Lint" eslint .; }
build_lane() {
  sub "Type check" tsc -p tsconfig.json --noEmit
  sub "Layer boundaries" depcruise src --config .dependency-cruiser.cjs
  sub "Build" node scripts/build.mjs
}
lanes lint_lane build_lane

# Both time zones in one run (vitest.config.ts, projects "amsterdam" and "utc"): Europe/Amsterdam
# runs everything; UTC runs again what reads or shows dates. The store's own tests, the fault and
# crash tests, transport, fuzz and security tests and the core run once (the list and the reasons
# are in vitest.config.ts). Only the "+db" projects start the PostgreSQL cluster.
step "Unit, property, store and API tests (Europe/Amsterdam, and UTC)" vitest run

step "Browser tests (Chromium)" env TZ=Europe/Amsterdam vitest run --config vitest.e2e.config.ts

printf '\n\033[1m== All tests passed\033[0m in %s s\n%s' "$(since "$SUITE_T0")" "$SUMMARY"
