// The worklist on both stores: a recorded fracture opens `invite` in the same transaction, the
// step moves on as the pathway's facts are recorded, the list pages, filters and counts, and every
// patient shown is audited; the daily run is claimed once per date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshStore, STORE_KINDS } from '../store/testing/stores.js';
import { inTransaction, type Store } from '../store/db.js';
import { buildFixture, type Fixture } from '../api/testing/fixture.js';
import { storeAuditor } from './auditor.js';
import type { Actor } from '../core/access/index.js';
import { addDays, addMonths, addYears } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { recordFacts, signAssessment } from './record.js';
import { recordDecision } from './decisions.js';
import { listWorklist } from './worklist.js';
import { refreshPatients, rederiveAll, runDaily } from './worklist-derive.js';
import { planMedication, prescribe, recordDose, stopMedication } from './medication.js';
import { startWorklistDays } from './worklist-schedule.js';
import { correctPatient, createPatient, mergeDuplicate } from './patients.js';
import { updateOrganisationSettings } from './settings.js';
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

  it('closes the decision when the patient chooses no medicine: a decision, not a gap', async () => {
    const p = fx.patients.adultA;
    expect(await stepsOf(p)).toEqual(['decision']);
    await recordDecision(deps(), { actor: nurse, meta, patientId: p }, { date: today, option: 'lifestyle-only', agreements: { exercise: 'Twee keer per week wandelen' } });
    expect(await stepsOf(p)).toEqual([]);
    // The daily run reads the decision as well, not only the write that stored it.
    await rederiveAll(store.db, today, { batch: 50 });
    expect(await stepsOf(p)).toEqual([]);
  });

  it('reads a course prescribed to start later as the decision made, with the blood check before its first infusion', async () => {
    const row = await store.db.insertInto('patient')
      .values({ family_name: 'Later', given_name: 'Test', birth_date: '1950-03-03', sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' })
      .returning('id').executeTakeFirstOrThrow();
    await store.db.insertInto('patient_organisation').values({ patient_id: row.id, organisation_id: fx.orgs.hospA, relation: 'care' }).execute();
    const p = row.id;
    await recordFacts(deps(), { actor: nurse, meta, patientId: p, resource: 'patient/record/dxa' }, [
      { kind: 'fracture', date: addDays(today, -20), data: { site: 'hip', side: 'left', highEnergy: false } },
      { kind: 'dxa', date: today, data: { sites: [{ site: 'total-hip', tScore: -2.9 }] } },
    ]);
    await signAssessment(deps(), { actor: physician, meta, patientId: p, lang: 'nl' });
    expect(await stepsOf(p)).toContain('decision');
    const start = addDays(today, 21);
    await prescribe(deps(), { actor: physician, meta, patientId: p }, { drug: 'zoledronic-acid', start, acknowledgeCautions: true, override: { reason: 'Na overleg' } });
    const items = (await listWorklist(deps(), nurse, meta, { sort: 'due', limit: 200 })).items.filter((i) => i.patientId === p);
    expect(items.map((i) => i.step)).not.toContain('decision');
    expect(items.find((i) => i.step === 'pre-dose-check')?.due).toBe(start);
    // The daily run reads the course ahead the same way.
    await rederiveAll(store.db, today, { batch: 50 });
    expect(await stepsOf(p)).not.toContain('decision');
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

// The list kept right on the day: by the daily run alone, once per date among several runners, by
// merges and name changes in their own transaction, and by an organisation's settings at once.
describe.each(STORE_KINDS)('the worklist kept current on %s', (kind) => {
  let store: Store;
  let fx: Fixture;
  let nurse: Actor;
  let physician: Actor;
  let admin: Actor;
  const today = todayNl();
  const deps = () => ({ db: store.db, auditor: storeAuditor });
  const quiet = { info: () => undefined, error: () => undefined };
  let n = 0;

  beforeAll(async () => {
    store = await freshStore(kind);
    fx = await buildFixture(store.db);
    nurse = { userId: fx.users.nurse.id, role: 'nurse', organisationId: fx.orgs.hospA, organisationKind: 'hospital', patientId: null };
    physician = { userId: fx.users.physician.id, role: 'physician', organisationId: fx.orgs.hospA, organisationKind: 'hospital', patientId: null };
    admin = { userId: fx.users.admin.id, role: 'admin', organisationId: fx.orgs.hospA, organisationKind: 'hospital', patientId: null };
  });
  afterAll(async () => {
    await store.close();
  });

  /** A patient of hospital A, 70 today, with a GP (so no outreach item comes with the invite). */
  const newPatient = async (familyName: string, familyNamePrefix?: string) => {
    n += 1;
    const p = await createPatient(deps(), nurse, meta, {
      familyName, ...(familyNamePrefix ? { familyNamePrefix } : {}), givenName: `Test${String(n)}`, birthDate: addYears(today, -70), sex: 'female', gpPractice: 'Huisartsenpraktijk De Linde', differentPerson: true,
    });
    return p.id;
  };
  const fractureOn = (patientId: string, date: string) =>
    recordFacts(deps(), { actor: nurse, meta, patientId, resource: 'patient/record/fracture' }, [{ kind: 'fracture', date, data: { site: 'wrist', side: 'left', highEnergy: false } }]);
  const itemsOf = async (patientId: string) => (await listWorklist(deps(), nurse, meta, { sort: 'due', limit: 200 })).items.filter((i) => i.patientId === patientId);
  const stored = async (patientId: string) =>
    (await sql<{ step: string; due: string; overdue: boolean }>`select step, due::text as due, overdue from worklist_item where patient_id = ${patientId} order by step`.execute(store.db)).rows;

  it('marks an item overdue the day after its due date by the daily run alone, with no write to the record', async () => {
    const p = await newPatient('Dagwissel');
    await fractureOn(p, addDays(today, -14));
    expect(await itemsOf(p)).toMatchObject([{ step: 'invite', due: today, overdue: false }]);
    const entries = async () => Number((await sql<{ n: string }>`select count(*) as n from clinical_entry where patient_id = ${p}`.execute(store.db)).rows[0]?.n);
    const before = await entries();
    const r = await runDaily(store.db, addDays(today, 1), 'day-after', () => Promise.resolve());
    expect(r.ran).toBe(true);
    expect(await entries()).toBe(before);
    expect(await itemsOf(p)).toMatchObject([{ step: 'invite', due: today, overdue: true }]);
  });

  it('runs once when two runners ask for the same date at the same moment', async () => {
    const date = addDays(today, 2);
    const audits: string[] = [];
    const results = await Promise.all(['a', 'b'].map((runner) => runDaily(store.db, date, runner, () => { audits.push(runner); return Promise.resolve(); })));
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(audits).toHaveLength(1);
    const runs = await sql<{ n: string }>`select count(*) as n from worklist_run where run_date = ${date} and finished_at is not null`.execute(store.db);
    expect(Number(runs.rows[0]?.n)).toBe(1);
  });

  it('takes over a run that died, and leaves one still going alone', async () => {
    const dead = addDays(today, 3);
    await sql`insert into worklist_run (run_date, runner, started_at) values (${dead}, 'died', now() - interval '2 hours')`.execute(store.db);
    const r = await runDaily(store.db, dead, 'takes-over', () => Promise.resolve());
    expect(r.ran).toBe(true);
    const row = await sql<{ runner: string; finished: boolean }>`select runner, finished_at is not null as finished from worklist_run where run_date = ${dead}`.execute(store.db);
    expect(row.rows[0]).toEqual({ runner: 'takes-over', finished: true });

    const busy = addDays(today, 4);
    await sql`insert into worklist_run (run_date, runner, started_at) values (${busy}, 'busy', now() - interval '1 minute')`.execute(store.db);
    expect((await runDaily(store.db, busy, 'second', () => Promise.resolve())).ran).toBe(false);
  });

  it('audits the day\'s run as one batch entry, however often it is started, and catches up a missed day at start-up', async () => {
    const audited = async (date: string) =>
      Number((await sql<{ n: string }>`select count(*) as n from audit_event where action = 'worklist.rederive' and resource = ${`worklist/${date}`}`.execute(store.db)).rows[0]?.n);
    const day = addDays(today, 5);
    for (const _ of [1, 2]) {
      const days = startWorklistDays({ db: store.db, auditor: storeAuditor, log: quiet, today: () => day, everyMs: 3_600_000 });
      await days.runNow();
      await days.stop();
    }
    expect(await audited(day)).toBe(1);
    // Down over a change of date: the first start on the new day runs it without being asked.
    const next = addDays(day, 2);
    const days = startWorklistDays({ db: store.db, auditor: storeAuditor, log: quiet, today: () => next, everyMs: 3_600_000 });
    await days.stop();
    expect(await audited(next)).toBe(1);
    const finished = await sql<{ n: string }>`select count(*) as n from worklist_run where run_date = ${next} and finished_at is not null`.execute(store.db);
    expect(Number(finished.rows[0]?.n)).toBe(1);
  });

  it('keeps trying a date whose run another process holds, and takes it over once that process has died', async () => {
    const day = addDays(today, 10);
    await sql`insert into worklist_run (run_date, runner, started_at) values (${day}, 'alive', now())`.execute(store.db);
    const days = startWorklistDays({ db: store.db, auditor: storeAuditor, log: quiet, today: () => day, everyMs: 20 });
    try {
      expect((await days.runNow()).ran).toBe(false);
      // The other process dies without finishing: its claim grows stale.
      await sql`update worklist_run set started_at = now() - interval '2 hours' where run_date = ${day}`.execute(store.db);
      const finished = async () => (await sql<{ runner: string }>`select runner from worklist_run where run_date = ${day} and finished_at is not null`.execute(store.db)).rows;
      for (let i = 0; i < 200 && (await finished()).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect((await finished()).map((r) => r.runner)).not.toEqual(['alive']);
      expect(await finished()).toHaveLength(1);
    } finally {
      await days.stop();
    }
  });

  it('moves the items with a merge: the duplicate\'s go, the kept record\'s show its facts', async () => {
    const keep = await newPatient('Behouden');
    const dup = await newPatient('Dubbel');
    await fractureOn(dup, addDays(today, -3));
    expect((await stored(dup)).map((i) => i.step)).toEqual(['invite']);
    expect(await stored(keep)).toEqual([]);
    await mergeDuplicate(deps(), nurse, meta, keep, dup);
    expect(await stored(dup)).toEqual([]);
    expect(await stored(keep)).toEqual([{ step: 'invite', due: addDays(today, 11), overdue: false }]);
  });

  it('puts a patient\'s items in their new place by name after a name change', async () => {
    const a = await newPatient('Aalbers');
    const b = await newPatient('Bakker');
    for (const p of [a, b]) await fractureOn(p, addDays(today, -2));
    const order = async () => (await listWorklist(deps(), nurse, meta, { sort: 'name', limit: 200 })).items.filter((i) => i.patientId === a || i.patientId === b).map((i) => i.patientId);
    expect(await order()).toEqual([a, b]);
    await correctPatient(deps(), nurse, meta, a, { familyName: 'Zwart', reason: 'correction' });
    expect(await order()).toEqual([b, a]);
  });

  it('re-derives the organisation\'s patients as soon as its settings are saved: a shorter grace period makes a contact overdue', async () => {
    const p = await newPatient('Instelling');
    // Alendronic acid started so that the 3-month contact fell 10 to 13 days ago (months differ in length).
    const start = addMonths(addDays(today, -10), -3);
    const due = addMonths(start, 3);
    await prescribe(deps(), { actor: physician, meta, patientId: p }, { drug: 'alendronic-acid', start, route: 'oral', acknowledgeCautions: true });
    const contact = async () => (await itemsOf(p)).find((i) => i.step === 'contact-3-months');
    expect(await contact()).toMatchObject({ due, overdue: false });
    await updateOrganisationSettings(deps(), admin, meta, { overdueGraceDays: 7 });
    expect(await contact()).toMatchObject({ due, overdue: true, reasons: ['follow-up-overdue'] });
    await updateOrganisationSettings(deps(), admin, meta, {});
    expect(await contact()).toMatchObject({ due, overdue: false });
  });
});

// The medication steps end to end through the use cases: a prescription and a dose put the next
// injection and its calcium check on the list; seven months on, the late alert; a stop without a
// follow-on raises the stop alert, and planning the follow-on closes it.
describe.each(STORE_KINDS)('the medication steps on the worklist on %s', (kind) => {
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

  const itemsOf = async (patientId: string) => (await listWorklist(deps(), nurse, meta, { sort: 'due', limit: 200 })).items.filter((i) => i.patientId === patientId);
  const alertsOf = async (patientId: string) => (await itemsOf(patientId)).filter((i) => i.step === 'alert');
  /** The patient's items as derived on another day, as the daily run would on that day. */
  const deriveOn = (patientId: string, asOf: string) => inTransaction(store.db, (tx) => refreshPatients(tx, [patientId], asOf));

  it('opens the next injection and its calcium check six months on, the late alert at seven months and not a day before, the stop alert on a stop without a follow-on until one is planned', async () => {
    const p = fx.patients.adultA;
    const course = await prescribe(deps(), { actor: physician, meta, patientId: p }, { drug: 'denosumab', start: today, acknowledgeCautions: true });
    await recordDose(deps(), { actor: nurse, meta, patientId: p, medicationId: course.id }, { date: today, location: 'Dagbehandeling', batch: 'DEN-1' });
    const next = addMonths(today, 6);
    const items = await itemsOf(p);
    expect(items.find((i) => i.step === 'dose-due')).toMatchObject({ due: next, overdue: false, priority: 'high', reasons: ['denosumab'], source: 'medication.next-dose' });
    expect(items.find((i) => i.step === 'pre-dose-check')).toMatchObject({ due: next, overdue: false, reasons: ['denosumab', 'calcium-corrected', 'within-28-days'] });
    expect(items.filter((i) => i.step === 'alert')).toEqual([]);

    // The list as it will be: a day short of seven months, nothing; at seven months, the high alert.
    await deriveOn(p, addDays(addMonths(today, 7), -1));
    expect(await alertsOf(p)).toEqual([]);
    await deriveOn(p, addMonths(today, 7));
    expect(await alertsOf(p)).toEqual([expect.objectContaining({ due: next, overdue: true, priority: 'high', reasons: ['medication.denosumab-late'], source: 'medication.denosumab-late' })]);
    await deriveOn(p, today);
    expect(await alertsOf(p)).toEqual([]);

    // A stop without a follow-on is refused and changes nothing; with the physician's reason it goes through and raises the alert.
    const ask = { actor: physician, meta, patientId: p, medicationId: course.id };
    await expect(stopMedication(deps(), ask, { end: today, reason: 'Wil geen prikken meer' })).rejects.toMatchObject({ code: 'medication-sequence' });
    expect(await alertsOf(p)).toEqual([]);
    await stopMedication(deps(), ask, { end: today, reason: 'Wil geen prikken meer', override: { reason: 'Besproken; vervolg volgt na overleg' } });
    const stopped = await itemsOf(p);
    expect(stopped.filter((i) => i.step === 'alert')).toEqual([
      expect.objectContaining({ due: next, priority: 'high', reasons: ['medication.denosumab-stop-without-follow-on'], source: 'medication.denosumab-stop-without-follow-on' }),
    ]);
    expect(stopped.filter((i) => i.step === 'dose-due')).toEqual([]);

    // Alendronic acid planned within the six months closes it.
    await planMedication(deps(), { actor: physician, meta, patientId: p }, { drug: 'alendronic-acid', from: addMonths(today, 1) });
    expect(await alertsOf(p)).toEqual([]);
  });

  it('raises the late alert today for an injection given seven months ago', async () => {
    const p = (await createPatient(deps(), nurse, meta, { familyName: 'Prik', givenName: 'Laat', birthDate: addYears(today, -72), sex: 'female', gpPractice: 'Huisartsenpraktijk De Linde', differentPerson: true })).id;
    const start = addMonths(today, -7);
    const course = await prescribe(deps(), { actor: physician, meta, patientId: p }, { drug: 'denosumab', start, acknowledgeCautions: true });
    await recordDose(deps(), { actor: nurse, meta, patientId: p, medicationId: course.id }, { date: start, batch: 'DEN-2' });
    const items = await itemsOf(p);
    expect(items.filter((i) => i.step === 'alert')).toEqual([expect.objectContaining({ due: addMonths(start, 6), overdue: true, priority: 'high', reasons: ['medication.denosumab-late'] })]);
    expect(items.find((i) => i.step === 'dose-due')).toMatchObject({ due: addMonths(start, 6), overdue: true, priority: 'high' });
  });
});
