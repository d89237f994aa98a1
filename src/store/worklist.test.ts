// The worklist's page on both stores, walked forward and back in every order under several filters:
// each page holds the rows a plain ordered query gives at that place, with the true total, the
// position, the cursors only where rows follow or precede, and the counts per step (the step filter
// aside), which are counted with the position in one statement; and what deriving a patient's
// items reads, in one statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type RootOperationNode } from 'kysely';
import { addDays } from '../core/time/date.js';
import type { WorklistStep } from '../core/worklist/lists.js';
import type { EntryKind } from '../core/record/lists.js';
import { inTransaction, type Store } from './db.js';
import { freshStore, STORE_KINDS } from './testing/stores.js';
import { applyDerived, derivationSources, pageWorklist, WORKLIST_SORTS, type WantedItem, type WorklistFilter, type WorklistSort } from './worklist.repo.js';
import type { KeyValue } from './paging.js';

const STEPS: WorklistStep[] = ['invite', 'assessment', 'review', 'alert'];
const NAMES = ['de vries anna', 'bakker jan', 'jansen els de'];
const ORDER: Record<WorklistSort, string> = { due: 'due, item_id', name: 'sort_key, item_id', fractureDate: 'fracture_order, item_id' };

describe.each(STORE_KINDS)('the worklist page on %s', (kind) => {
  let store: Store;
  let org: string;
  beforeAll(async () => {
    store = await freshStore(kind);
    const db = store.db;
    org = (await db.insertInto('organisation').values({ kind: 'hospital', name: 'Paging hospital', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    const patients: string[] = [];
    for (const [i, name] of NAMES.entries()) {
      const row = await db.insertInto('patient')
        .values({ family_name: name, given_name: 'Test', birth_date: `19${String(40 + i)}-03-0${String(i + 1)}`, sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' })
        .returning('id').executeTakeFirstOrThrow();
      patients.push(row.id);
    }
    // 47 items: repeated due dates, names and fracture dates, so the item id decides ties.
    const wanted: WantedItem[] = Array.from({ length: 47 }, (_, i) => ({
      organisationId: org, patientId: patients[i % 3] ?? '', key: `k${String(i)}`, step: STEPS[i % 4] ?? 'invite', due: addDays('2026-01-01', (i * 7) % 23),
      overdue: i % 5 === 0, priority: 'normal', reasons: [], source: 'test', sortKey: NAMES[i % 3] ?? '', birthDate: `19${String(40 + (i % 3))}-03-0${String((i % 3) + 1)}`,
      fractureDate: i % 4 === 1 ? null : addDays('2025-06-01', i % 6), fractureSite: i % 2 ? 'hip' : 'wrist',
    }));
    await inTransaction(db, (trx) => applyDerived(trx, patients, wanted));
    // A done item is on no page and in no count.
    await db.updateTable('worklist_item').set({ state: 'done', done_at: sql<string>`now()` }).where('item_key', '=', 'k3').execute();
  });
  afterAll(async () => {
    await store.close();
  });

  const FILTERS: { label: string; f: Omit<WorklistFilter, 'organisationId'>; where: string }[] = [
    { label: 'no filter', f: {}, where: 'true' },
    { label: 'a step', f: { step: 'assessment' }, where: `step = 'assessment'` },
    { label: 'overdue', f: { overdue: true }, where: 'overdue' },
    { label: 'a step, not overdue, a name word', f: { step: 'invite', overdue: false, words: ['de'] }, where: `step = 'invite' and not overdue and sort_key like '%de%'` },
    { label: 'nothing found', f: { step: 'alert', words: ['nobody'] }, where: 'false' },
  ];

  it('reads a step\'s tab in name order off an index in that order, not through every step\'s items', async () => {
    await sql`analyze worklist_item`.execute(store.db);
    const plan = await inTransaction(store.db, async (trx) => {
      // On a few dozen rows any plan is cheap: only plans that read the items in order are left.
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_bitmapscan = off`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`explain select w.* from worklist_item w join patient p on p.id = w.patient_id
        where w.organisation_id = ${org} and w.state <> 'done' and w.step = 'review' and w.overdue order by w.sort_key, w.item_id limit 50`.execute(trx);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('worklist_step_name_idx');
    expect(plan).not.toMatch(/Sort Key/);
  });

  it('sends its statements so that a prepared statement\'s generic plan still pages off the list\'s own index', async () => {
    const sent: { sql: string; parameters: readonly unknown[] }[] = [];
    const db = store.db.withPlugin({
      transformQuery: (args) => {
        sent.push(store.db.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId));
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    await pageWorklist(db, { organisationId: org }, 'due', { limit: 5, cursor: { dir: 'after', key: ['2026-01-05', '00000000-0000-4000-8000-000000000000'] } });
    const rows = sent[0];
    if (!rows) throw new Error('no statement sent');
    const plan = await inTransaction(store.db, async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local plan_cache_mode = force_generic_plan`.execute(trx);
      await sql.raw(`prepare worklist_rows as ${rows.sql}`).execute(trx);
      // EXECUTE takes its arguments written out (a utility statement has no bound values).
      const values = sql.join(rows.parameters.map((v) => sql.lit(v as string | number)));
      const r = await sql<{ 'QUERY PLAN': string }>`explain execute worklist_rows (${values})`.execute(trx);
      await sql`deallocate worklist_rows`.execute(trx);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('worklist_due_idx');
  });

  for (const sort of WORKLIST_SORTS) {
    for (const { label, f, where } of FILTERS) {
      it(`pages by ${sort} with ${label}: the rows, total, position, cursors and counts of a plain query`, async () => {
        const filter: WorklistFilter = { organisationId: org, ...f };
        const all = (await sql<{ item_id: string }>`select item_id from worklist_item where organisation_id = ${org} and state <> 'done' and ${sql.raw(where)} order by ${sql.raw(ORDER[sort])}`.execute(store.db)).rows.map((r) => r.item_id);
        const withoutStep = f.step === undefined ? where : where.replace(/step = '[a-z-]+'( and )?/, '').replace(/^$/, 'true');
        const counts = Object.fromEntries((await sql<{ step: string; n: number }>`select step, count(*)::int as n from worklist_item
            where organisation_id = ${org} and state <> 'done' and ${sql.raw(withoutStep)} group by step`.execute(store.db)).rows.map((r) => [r.step, r.n]));
        const limit = 6;
        const check = (p: Awaited<ReturnType<typeof pageWorklist>>, at: number) => {
          expect(p.rows.map((r) => r.item_id)).toEqual(all.slice(at, at + limit));
          expect(p.total).toBe(all.length);
          expect(p.before).toBe(at);
          expect(p.next === null).toBe(at + limit >= all.length);
          expect(p.prev === null).toBe(at === 0);
          expect(p.counts).toEqual(counts);
        };
        // Forward to the end, then back to the start by the pages' own cursors.
        let at = 0;
        let p = await pageWorklist(store.db, filter, sort, { limit });
        check(p, 0);
        while (p.next !== null) {
          const key: KeyValue[] = p.next;
          p = await pageWorklist(store.db, filter, sort, { limit, cursor: { dir: 'after', key } });
          at += limit;
          check(p, at);
        }
        while (p.prev !== null) {
          const key: KeyValue[] = p.prev;
          p = await pageWorklist(store.db, filter, sort, { limit, cursor: { dir: 'before', key } });
          at = Math.max(0, at - limit);
          check(p, at);
        }
        expect(at).toBe(0);
      });
    }
  }
});

describe.each(STORE_KINDS)('what deriving a patient\'s items reads, on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });

  it('reads the patients, their standing entries in recorded order, invitations, visits, signed assessments, hand-over letters and decisions in one statement', async () => {
    const db = store.db;
    const org = (await db.insertInto('organisation').values({ kind: 'hospital', name: 'Sources hospital', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    const gp = (await db.insertInto('organisation').values({ kind: 'gp-practice', name: 'Sources practice', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    const physio = (await db.insertInto('organisation').values({ kind: 'physiotherapy', name: 'Sources physiotherapy', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    const user = (await db.insertInto('app_user').values({ role: 'nurse', organisation_id: org, display_name: 'Sanne Bron', status: 'active' }).returning('id').executeTakeFirstOrThrow()).id;
    const patient = async (family: string) =>
      (await db.insertInto('patient').values({ family_name: family, given_name: 'Test', birth_date: '1950-05-04', sex: 'female', bsn: null, phone: null, email: null, gp_practice: 'Praktijk Oost', pathway_stage: 'case-finding' })
        .returning('id').executeTakeFirstOrThrow()).id;
    const [a, b, gone] = [await patient('Aarts'), await patient('Bos'), await patient('Claes')];
    await db.insertInto('patient_organisation').values([
      { patient_id: a, organisation_id: org, relation: 'care' }, { patient_id: a, organisation_id: gp, relation: 'care' }, { patient_id: b, organisation_id: org, relation: 'care' },
      // A practice that took the patient on keeps the measurements (a referral, not care).
      { patient_id: a, organisation_id: physio, relation: 'referral' },
    ]).execute();
    await db.updateTable('patient').set({ merged_into: a }).where('id', '=', gone).execute();
    const asOf = '2026-06-30';
    // Two facts of one day recorded in the other order than their ids, one ahead of asOf, one in
    // error and one replaced by a newer version: the derivation reads the standing ones as recorded.
    const entry = (patientId: string, k: EntryKind, date: string, data: object, at: string, extra: { status?: 'active' | 'entered-in-error'; current?: boolean } = {}) => ({
      entry_id: crypto.randomUUID(), version: 1, patient_id: patientId, kind: k, clinical_date: date, data: JSON.stringify(data), status: extra.status ?? 'active', current: extra.current ?? true,
      source: 'clinician' as const, recorded_by: user, organisation_id: org, recorded_at: at,
    });
    await db.insertInto('clinical_entry').values([
      entry(a, 'fracture', '2026-05-01', { site: 'wrist', side: 'left', highEnergy: false }, '2026-05-02T10:00:00Z'),
      entry(a, 'weight', '2026-05-03', { kg: 61 }, '2026-05-03T12:00:00Z'),
      entry(a, 'weight', '2026-05-03', { kg: 60 }, '2026-05-03T11:00:00Z'),
      entry(a, 'height', '2026-08-01', { cm: 165 }, '2026-05-04T09:00:00Z'),
      entry(a, 'height', '2026-05-04', { cm: 160 }, '2026-05-04T09:30:00Z', { status: 'entered-in-error' }),
      entry(a, 'height', '2026-05-04', { cm: 170 }, '2026-05-04T09:40:00Z', { current: false }),
      entry(b, 'weight', '2026-01-10', { kg: 80 }, '2026-01-10T08:00:00Z'),
      entry(gone, 'weight', '2026-01-10', { kg: 70 }, '2026-01-10T08:00:00Z'),
      // A course prescribed to start after asOf stands already: the projection reads it as a plan.
      entry(a, 'medication', '2026-08-01', { drug: 'zoledronic-acid' }, '2026-06-29T10:00:00Z'),
    ]).execute();
    // A hand-over letter written late in the evening counts on its Amsterdam day; a decision after asOf is not yet made.
    await db.insertInto('letter').values({ patient_id: b, organisation_id: org, kind: 'gp-handover', lang: 'nl', content: '{}', written_by: user, written_at: '2026-03-02T23:30:00Z' }).execute();
    await db.insertInto('shared_decision').values([
      { patient_id: b, organisation_id: org, decided_on: '2026-02-05', option: 'lifestyle-only', drug: null, what_matters: null, agreements: '{}', picture: '{}', made_by: user },
      { patient_id: b, organisation_id: org, decided_on: '2026-07-05', option: 'weekly-tablet', drug: 'alendronic-acid', what_matters: null, agreements: '{}', picture: '{}', made_by: user },
    ]).execute();
    const visit = (await db.insertInto('visit').values({ patient_id: a, organisation_id: org, kind: 'diagnostic-day', visit_date: '2026-05-20', status: 'planned', parts: JSON.stringify(['dxa']) })
      .returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('invitation_event').values([
      { patient_id: a, organisation_id: org, event: 're-invited', event_date: '2026-05-15', visit_id: visit },
      { patient_id: a, organisation_id: org, event: 'invited', event_date: '2026-05-10', visit_id: null },
    ]).execute();
    await db.insertInto('assessment').values({ patient_id: b, organisation_id: org, as_of: '2026-02-01', rules_version: 'test', settings: '{}', case_data: '{}', evaluation: '{}', signed_by: user, signed_role: 'physician' }).execute();
    await db.insertInto('care_end').values({ patient_id: b, organisation_id: org, reason: 'moved', end_date: '2026-03-01', ended_by: user }).execute();
    // A child's loading log: the 7 days up to asOf as they are, of the lines before them only the first (its minutes as 0), none after asOf.
    await db.insertInto('loading_log').values([
      { patient_id: a, log_date: '2026-06-24', activity: 'standing-frame', minutes: 20, logged_by: user },
      { patient_id: a, log_date: '2026-06-30', activity: 'other-movement', minutes: 15, logged_by: user },
      { patient_id: a, log_date: '2026-06-23', activity: 'walking-aid', minutes: 30, logged_by: user },
      { patient_id: a, log_date: '2026-06-01', activity: 'walking-aid', minutes: 30, logged_by: user },
      { patient_id: a, log_date: '2026-07-01', activity: 'walking-aid', minutes: 30, logged_by: user },
    ]).execute();

    // Every statement a write waits for inside its transaction is one round trip more.
    let sent = 0;
    const counting = db.withPlugin({
      transformQuery: (args) => {
        sent++;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    const sources = await derivationSources(counting, [b, a, gone], asOf);
    expect(sent).toBe(1);
    const byId = new Map(sources.map((s) => [s.id, s]));
    expect([...byId.keys()].sort()).toEqual([a, b].sort());
    expect(byId.get(a)).toEqual({
      id: a, birth_date: '1950-05-04', sex: 'female', sort_key: expect.any(String) as string, gp_practice: 'Praktijk Oost', lives_alone: null,
      organisations: [org], practices: [physio], careEnded: false,
      entries: [
        { kind: 'fracture', date: '2026-05-01', data: { site: 'wrist', side: 'left', highEnergy: false }, source: 'clinician' },
        { kind: 'weight', date: '2026-05-03', data: { kg: 60 }, source: 'clinician' },
        { kind: 'weight', date: '2026-05-03', data: { kg: 61 }, source: 'clinician' },
        { kind: 'medication', date: '2026-08-01', data: { drug: 'zoledronic-acid' }, source: 'clinician' },
      ],
      invitations: [{ event: 'invited', date: '2026-05-10' }, { event: 're-invited', date: '2026-05-15' }],
      visits: [{ kind: 'diagnostic-day', date: '2026-05-20', status: 'planned' }],
      assessmentsSigned: [],
      handoverLetters: [],
      decisionsMade: [],
      loading: expect.arrayContaining([
        { date: '2026-06-24', activity: 'standing-frame', minutes: 20 }, { date: '2026-06-30', activity: 'other-movement', minutes: 15 },
        { date: '2026-06-01', activity: 'walking-aid', minutes: 0 },
      ]) as unknown,
    });
    expect(byId.get(a)?.loading).toHaveLength(3);
    expect(byId.get(b)).toMatchObject({
      organisations: [org], practices: [], careEnded: true, entries: [{ kind: 'weight', date: '2026-01-10', data: { kg: 80 }, source: 'clinician' }],
      invitations: [], visits: [], assessmentsSigned: ['2026-02-01'], handoverLetters: ['2026-03-03'], decisionsMade: ['2026-02-05'], loading: [],
    });
    expect(await derivationSources(counting, [], asOf)).toEqual([]);
    expect(sent).toBe(1);
  });
});
