// Keeping the worklist true: the derived items of a patient are re-derived by the core in the same
// transaction as every write to their record or their logistics (access.ts calls `refreshPatients`
// after the work it authorised), and for everyone once a day at the Amsterdam change of date
// (`runDaily`), because conclusions change with the date alone: the 2-year window of a fracture,
// the FLS week-12 target, a due date passing, an age. The daily run is claimed per date in the
// database, so with several processes it runs once; a run that died is taken over after a while.
import { projectCaseWithSources, type ProjectedPerson } from '../core/record/projection.js';
import type { RecordEntry } from '../core/record/entries.js';
import type { Settings } from '../core/settings.js';
import { deriveItems, type PathwayLog } from '../core/worklist/derive.js';
import { todayNl } from '../schema/clock.js';
import { inTransaction, type Db, type Tx } from '../store/db.js';
import { applyDerived, claimRun, derivationSources, finishRun, patientIdsAfter, runFinished, type DerivationSource, type WantedItem } from '../store/worklist.repo.js';
import { settingsForOrganisation } from './org-settings.js';
import { refreshQuality } from './quality-derive.js';

/** Settings read once per organisation for the length of one refresh or run. */
type SettingsCache = Map<string, Settings>;

async function settingsOf(db: Db, cache: SettingsCache, organisationId: string): Promise<Settings> {
  let s = cache.get(organisationId);
  if (!s) {
    s = await settingsForOrganisation(db, organisationId);
    cache.set(organisationId, s);
  }
  return s;
}

/**
 * The items `src` should have on `asOf`: in each hospital whose care they are in (the fracture
 * liaison steps), and in each physiotherapy practice that took them on (the measurements of
 * exercise therapy, clinical-rules.md §13), each list with its own steps only.
 */
async function wantedFor(db: Db, cache: SettingsCache, src: DerivationSource, asOf: string): Promise<WantedItem[]> {
  if (src.organisations.length === 0 && src.practices.length === 0) return [];
  const person: ProjectedPerson = { birthDate: src.birth_date, sex: src.sex };
  // The patient's own answers count until the clinic records the same fact, as in the record's Case.
  const c = projectCaseWithSources(person, src.entries as RecordEntry[], asOf, src.loading).case;
  const log: PathwayLog = {
    invitations: src.invitations, visits: src.visits, assessmentsSigned: src.assessmentsSigned, decisionsMade: src.decisionsMade,
    hasGp: src.gp_practice !== null && src.gp_practice.trim() !== '', livesAlone: src.lives_alone, careEnded: src.careEnded,
    handoverLetters: src.handoverLetters,
    lastFactDate: src.entries.reduce<string | null>((m, e) => (m === null || e.date > m ? e.date : m), null),
  };
  const keepers = [...src.organisations.map((id) => ({ id, keeper: 'hospital' as const })), ...src.practices.map((id) => ({ id, keeper: 'practice' as const }))];
  const out: WantedItem[] = [];
  for (const { id: organisationId, keeper } of keepers) {
    const items = deriveItems(c, await settingsOf(db, cache, organisationId), { ...log, keeper });
    for (const i of items) {
      out.push({
        organisationId, patientId: src.id, key: i.key, step: i.step, due: i.due, overdue: i.overdue, priority: i.priority, reasons: i.reasons, source: i.source,
        sortKey: src.sort_key, birthDate: src.birth_date, fractureDate: i.fractureDate, fractureSite: i.fractureSite,
      });
    }
  }
  return out;
}

/** Re-derives the items of these patients on `asOf` inside the caller's transaction; returns the rows changed. */
export async function refreshPatients(db: Tx, patientIds: readonly string[], asOf: string = todayNl(), cache: SettingsCache = new Map()): Promise<number> {
  if (patientIds.length === 0) return 0;
  const sources = await derivationSources(db, patientIds, asOf);
  const wanted: WantedItem[] = [];
  for (const src of sources) wanted.push(...(await wantedFor(db, cache, src, asOf)));
  const changed = await applyDerived(db, patientIds, wanted);
  // The quality dashboard's rows come from the same sources, in the same transaction (the count
  // returned stays the worklist's).
  await refreshQuality(db, patientIds, sources, asOf, (o) => settingsOf(db, cache, o));
  return changed;
}

export interface RunResult {
  ran: boolean;
  /** Whether the date's run is finished, by this process or another; false while another still holds it. */
  done: boolean;
  patients: number;
  changed: number;
  failed: string[];
}

/** Patients re-derived per transaction: large enough to read in few statements, small enough to keep locks short. */
export const BATCH = 500;

/**
 * Batches in flight at once. A batch waits on PostgreSQL (reading the records, writing the
 * changes, the commit's flush) and then on this process (projecting and deriving); with two
 * batches under way one is derived while the other is read or written, so neither side idles.
 */
export const BATCHES_AT_ONCE = 2;

/**
 * Re-derives every patient's items (or one organisation's patients, after its settings changed)
 * on `asOf`, a batch per transaction. A patient whose derivation fails is skipped and named, so one
 * odd record never stops the list for everyone else.
 */
export async function rederiveAll(
  db: Db,
  asOf: string,
  o: { organisationId?: string | undefined; onBatch?: (done: number) => void; batch?: number } = {},
): Promise<Omit<RunResult, 'ran' | 'done'>> {
  const batch = o.batch ?? BATCH;
  const cache: SettingsCache = new Map();
  let after: string | null = null;
  let patients = 0;
  let changed = 0;
  const failed: string[] = [];
  // The next batch's ids, taken in id order one batch at a time however many are in flight.
  let taking: Promise<unknown> = Promise.resolve();
  const nextBatch = (): Promise<string[]> => {
    const ids = taking.then(async () => {
      const got = await patientIdsAfter(db, after, batch, o.organisationId);
      if (got.length > 0) after = got[got.length - 1] ?? null;
      return got;
    });
    taking = ids.catch(() => undefined);
    return ids;
  };
  // A batch that fails (the database went away) stops the run; the other batch ends its own first.
  let stopped = false;
  const worker = async () => {
    while (!stopped) {
      const ids = await nextBatch();
      if (ids.length === 0) return;
      // Awaited apart: `changed += await …` would read `changed` before the other batch added to it.
      const n = await inTransaction(db, async (trx) => {
        const sources = await derivationSources(trx, ids, asOf);
        const wanted: WantedItem[] = [];
        const ok: string[] = [];
        for (const src of sources) {
          try {
            wanted.push(...(await wantedFor(trx, cache, src, asOf)));
            ok.push(src.id);
          } catch {
            failed.push(src.id);
          }
        }
        // Merged records are among `ids` but not among the sources: their items go.
        const found = new Set(sources.map((s) => s.id));
        const merged = ids.filter((id) => !found.has(id));
        const items = await applyDerived(trx, [...ok, ...merged], wanted);
        // Targets turn not met with the day alone: the quality rows are judged again in the same run.
        await refreshQuality(trx, ids, sources, asOf, (o) => settingsOf(trx, cache, o), failed);
        return items;
      });
      changed += n;
      patients += ids.length;
      o.onBatch?.(patients);
    }
  };
  const ends = await Promise.allSettled(Array.from({ length: BATCHES_AT_ONCE }, () => worker().catch((e: unknown) => {
    stopped = true;
    throw e;
  })));
  const failure = ends.find((e) => e.status === 'rejected');
  if (failure) throw failure.reason;
  return { patients, changed, failed };
}

/** How long a started run may go without finishing before another process takes it over. */
export const STALE_RUN_MINUTES = 30;

/**
 * The daily run for `asOf`: claimed in the database first, so of several processes (or a restart
 * on the same day) exactly one does it; `audit` writes its one batch entry once it is done.
 */
export async function runDaily(
  db: Db,
  asOf: string,
  runner: string,
  audit: (r: Omit<RunResult, 'ran' | 'done'>) => Promise<void>,
): Promise<RunResult> {
  if (!(await claimRun(db, asOf, runner, STALE_RUN_MINUTES))) return { ran: false, patients: 0, changed: 0, failed: [], done: await runFinished(db, asOf) };
  const r = await rederiveAll(db, asOf);
  await finishRun(db, asOf, runner, r.patients, r.changed);
  await audit(r);
  return { ran: true, done: true, ...r };
}
