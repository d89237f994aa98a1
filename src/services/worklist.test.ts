// The worklist on both stores: a recorded fracture opens `invite` in the same transaction, the
// step moves on as the pathway's facts are recorded, the list pages, filters and counts, and every
// patient shown is audited; the daily run is claimed once per date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshStore, STORE_KINDS } from '../store/testing/stores.js';
import type { Store } from '../store/db.js';
import { buildFixture, type Fixture } from '../api/testing/fixture.js';
import { storeAuditor } from './auditor.js';
import type { Actor } from '../core/access/index.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { recordFacts, signAssessment } from './record.js';
import { listWorklist } from './worklist.js';
import { rederiveAll, runDaily } from './worklist-derive.js';
import { seedPatients } from './seed.js';

const meta = { requestId: 'req-wl', clientIp: '192.0.2.10' };

describe.each(STORE_KINDS)('the worklist on %s', (kind) => {
  let store: Store;
  let fx: Fixture;
  let nurse: Actor;
  let physician: Actor;
  const today = todayNl();
  const deps = () => ({ db: store.db, auditor: storeAuditor });

  beforeAll(async () => {
    store = await freshStore(kind);
    fx = await buildFixture(store.db);
    nurse = { userId: fx.users.nurse.id, role: 'nurse', organisationId: fx.orgs.hospA, organisationKind: 'hospital', patientId: null };
    physician = { userId: fx.users.physician.id, role: 'physician', organisationId: fx.orgs.hospA, organisationKind: 'hospital', patientId: null };
  });
  afterAll(async () => {
    await store.close();
  });

  const stepsOf = async (patientId: string) =>
    (await listWorklist(deps(), nurse, meta, { sort: 'due', limit: 200 })).items.filter((i) => i.patientId === patientId).map((i) => i.step).sort();

  it('opens invite when a qualifying fracture is recorded, then the assessment once a DXA is in, then nothing after signing', async () => {
    const p = fx.patients.adultA;
    expect(await stepsOf(p)).toEqual([]);
    const fractureDate = addDays(today, -10);
    await recordFacts(deps(), { actor: nurse, meta, patientId: p, resource: 'patient/record/fracture' }, [
      { kind: 'fracture', date: fractureDate, data: { site: 'wrist', side: 'left', highEnergy: false } },
    ]);
    const page = await listWorklist(deps(), nurse, meta, { sort: 'due', limit: 50 });
    const invite = page.items.find((i) => i.patientId === p && i.step === 'invite');
    expect(invite).toMatchObject({ due: addDays(fractureDate, 14), overdue: false, priority: 'normal', reasons: ['qualifying-fracture'], fractureDate });
    expect(page.counts.invite).toBeGreaterThanOrEqual(1);
    const audited = await sql<{ n: string }>`select count(*) as n from audit_event where action = 'patient.list' and resource = 'worklist' and patient_id = ${p}`.execute(store.db);
    expect(Number(audited.rows[0]?.n)).toBeGreaterThanOrEqual(1);

    await recordFacts(deps(), { actor: nurse, meta, patientId: p, resource: 'patient/record/dxa' }, [
      { kind: 'dxa', date: today, data: { sites: [{ site: 'total-hip', tScore: -2.7 }] } },
    ]);
    expect(await stepsOf(p)).toEqual(['assessment']);
    await signAssessment(deps(), { actor: physician, meta, patientId: p, lang: 'nl' });
    expect(await stepsOf(p)).toEqual(['decision']);
  });

  it('re-derives everyone in batches side by side, every patient once and every change counted', async () => {
    await seedPatients(store.db, 40, { seed: 5, asOf: today, batch: 40 });
    await sql`delete from worklist_item where derived`.execute(store.db);
    const patients = Number((await sql<{ n: string }>`select count(*) as n from patient where merged_into is null`.execute(store.db)).rows[0]?.n);
    const seen: number[] = [];
    const filled = await rederiveAll(store.db, today, { batch: 3, onBatch: (n) => seen.push(n) });
    const items = Number((await sql<{ n: string }>`select count(*) as n from worklist_item where derived`.execute(store.db)).rows[0]?.n);
    expect(items).toBeGreaterThan(10);
    expect(filled).toEqual({ patients, changed: items, failed: [] });
    expect(seen.at(-1)).toBe(patients);
    // The same day again: nothing changes, and nothing is counted as changed.
    expect(await rederiveAll(store.db, today, { batch: 3 })).toEqual({ patients, changed: 0, failed: [] });
  });

  it('runs the daily re-derivation once per date, however often it is asked', async () => {
    const audit = () => Promise.resolve();
    const first = await runDaily(store.db, today, 'a', audit);
    const second = await runDaily(store.db, today, 'b', audit);
    expect(first.ran).toBe(true);
    expect(second.ran).toBe(false);
  });
});
