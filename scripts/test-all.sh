#!/usr/bin/env bash
# The whole test suite, as CI runs it: static checks, unit/property/store/API tests (store tests on
# PGlite and on a throwaway PostgreSQL 15 cluster) in Europe/Amsterdam and, where dates are read or
# shown, again in UTC, then the browser tests in Debian's Chromium. Installs Chromium when it is
# missing. Nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
# Tools are called by name, not through npx: `npm test` puts node_modules/.bin (with Node.js 24 from
# the `node` package) first on the PATH, and npx would put the machine's own Node back in front.
PATH="$PWD/node_modules/.bin:$PATH"
node -e 'const m = Number(process.versions.node.split(".")[0]); if (m < 24) { console.error(`Node.js 24 is needed, found ${process.version}: run npm ci`); process.exit(1); }'

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ ! -x /usr/bin/chromium ]; then
  step "Installing Debian's Chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
for bin in initdb pg_ctl postgres; do
  command -v "$bin" >/dev/null || { echo "PostgreSQL 15 server binaries ($bin) are not on PATH; the store tests need them (or set DATABASE_URL)." >&2; [ -n "${DATABASE_URL:-}" ] || exit 1; }
done

step "Type check"
tsc -p tsconfig.json --noEmit

step "Lint"
eslint .

step "Layer boundaries"
depcruise src --config .dependency-cruiser.cjs

step "Build"
node scripts/build.mjs

step "Unit, property, store and API tests (TZ=Europe/Amsterdam)"
TZ=Europe/Amsterdam vitest run

# The second pass is for code that reads or shows dates: the store's own tests (crash, lock, audit
# chain, prepared statements), the database fault test and the demo seed keep every time in UTC on
# both drivers and run once, above.
step "Unit, property and API tests again (TZ=UTC)"
TZ=UTC vitest run --exclude 'src/store/**' --exclude 'src/cli/db-commands.test.ts' --exclude 'src/cli/db-faults.test.ts' --exclude 'src/services/seed.test.ts'

step "Browser tests (Chromium)"
TZ=Europe/Amsterdam vitest run --config vitest.e2e.config.ts

step "All tests passed"
