import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Unit, property, store and API tests, in two time zones at once (projects, below). Store tests run
// once per driver (PGlite and PostgreSQL 15).
//
// Only the projects named "+db" have a global setup: it starts a throwaway PostgreSQL cluster
// (unless DATABASE_URL is given) and migrated templates, once, shared by both of them. A run that
// picks no file of theirs (`vitest run src/core`) starts no cluster.

const ALL = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'];

/**
 * Files that take a store from src/store/testing (freshStore, emptyPgDatabase, testApp) and so need
 * the global setup. freshStore names this list when a file outside it asks for a database, and
 * scripts/test-projects.test.ts fails when a file that imports one is missing here. The crash test
 * starts a cluster of its own (it crashes it); backup and fault tests need none.
 */
const NEEDS_DB = [
  'src/store/{audit,caregiver-migration,db,kept,lists,names,paging,prepared,record-plans,referral,schema,session-read,settings,tx,worklist}.test.ts',
  'src/api/**/*.test.ts',
  'src/web/{routes,decision/decision,results/results,me/reminder,me/caregivers,questionnaires/questionnaires,accounts/accounts,patients/patients,patients/paging,patients/access-log,patients/caregivers,admin/admin,admin/settings,facts/facts,record/record,intake/intake,record/assessment,worklist/worklist,learn/learn,logistics/logistics,follow-up/follow-up,medication/medication,my-medicines/my-medicines,plan/plan,calendar/calendar,quality/quality,reports/reports}.test.ts',
  'src/cli/db-commands.test.ts',
  'src/services/{seed,auditor,audit-search,record,settings,worklist}.test.ts',
  'src/main.test.ts',
  'src/store/quality.test.ts',
  'src/web/coaching/coaching.test.ts',
  'src/web/referrals/*.test.ts',
  'src/web/exercise/exercise.test.ts',
  'src/web/therapy-intake/therapy-intake.test.ts',
  'src/web/groups/groups.test.ts',
  'src/web/child/child.test.ts',
  'src/web/child-loading/child-loading.test.ts',
  'src/web/child-aids/child-aids.test.ts',
  'src/web/measurements/measurements.test.ts',
  'src/services/measure-due.test.ts',
  'src/web/measure-due/measure-due.test.ts',
  'src/services/therapy-progress.test.ts',
  'src/web/therapy-progress/therapy-progress.test.ts',
];

/**
 * Run once, in Europe/Amsterdam, because no result can depend on the process's time zone:
 * - src/core: the core has no clock and no Date (eslint forbids both); its tests make dates with
 *   UTC methods only.
 * - src/store, the database CLI and its fault test, the demo seed: the store keeps every time in
 *   UTC on both drivers (src/store/parsers.ts) and these tests compare instants, not local times.
 * - transport, disk-full, log, fuzz, security, conflicts, paging, and the authorisation matrix,
 *   bad and odd input, names and the app's frame (access, bad-input, odd-input, names, app): they
 *   assert statuses, headers, problem documents, log contents, lock-out counts, rows, names and
 *   cursors, never a date as shown; the times the server shows are formatted with an explicit
 *   zone (src/web/time-format.ts, src/services/letters.ts).
 * - the BSN check, the redirect-target check and the check of this file (scripts/) read no dates.
 * Everything else runs again in UTC, where a slip to local time shows.
 */
const ONCE = [
  'src/core/**',
  'src/store/**',
  'src/cli/db-commands.test.ts',
  'src/cli/db-faults.test.ts',
  'src/services/seed.test.ts',
  'src/api/transport.test.ts',
  'src/api/disk-full.test.ts',
  'src/api/log.test.ts',
  'src/api/fuzz.test.ts',
  'src/api/security.test.ts',
  'src/api/conflicts.test.ts',
  'src/api/paging.test.ts',
  'src/api/access.test.ts',
  'src/api/bad-input.test.ts',
  'src/api/odd-input.test.ts',
  'src/api/names.test.ts',
  'src/api/app.test.ts',
  'src/schema/bsn.test.ts',
  'src/web/forms.test.ts',
  'scripts/**',
];

/** The zone is the worker's environment from its start, whatever TZ the caller's shell has. */
function zone(name: string, tz: string, once: boolean): TestProjectInlineConfiguration[] {
  const skip = once ? [] : ONCE;
  return [
    { extends: true, test: { name, env: { TZ: tz }, include: ALL, exclude: [...NEEDS_DB, ...skip] } },
    {
      extends: true,
      test: { name: `${name}+db`, env: { TZ: tz }, include: NEEDS_DB, exclude: skip, globalSetup: ['./src/store/testing/global-setup.ts'] },
    },
  ];
}

export default defineConfig({
  test: {
    // Safety nets, not expectations: tests wait on events, and on a busy shared machine a PGlite
    // start alone can take half a minute. A hanging test still ends.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Most files wait on PostgreSQL, child processes or sockets for much of their time, so one
    // worker per core keeps the cores busy (vitest's default leaves one core to itself).
    maxWorkers: availableParallelism(),
    projects: [...zone('amsterdam', 'Europe/Amsterdam', true), ...zone('utc', 'UTC', false)],
  },
});
