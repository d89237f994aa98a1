// Seeding: the demo set on first start, and synthetic patients with their clinical records in bulk
// for benchmarks and trying Botpad out. Synthetic patients follow a fixed-seed random stream, so
// two runs with the same seed, N and day give the same people and facts.
import { sql } from 'kysely';
import { holdMigrationLock, inTransaction, type Db } from '../store/db.js';
import { readMeta, writeMeta } from '../store/meta.repo.js';
import { DEMO_ACCOUNTS, DEMO_GROUPS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PATIENTS, DEMO_TASKS } from '../demo/demo-data.js';
import { insertManualItem } from '../store/worklist.repo.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword } from './auth.js';
import { fullName, splitFamilyName } from '../core/names.js';
import { insertLetter } from '../store/letter.repo.js';
import { dentistCardContent } from './letters-kept.js';
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AssessmentTable, CareEndTable, ClinicalEntryTable, PatientOrganisationTable, PatientTable } from '../store/schema.js';
import type { DemoOrgKey } from '../demo/demo-data.js';
import { syntheticRecord, type Recorder } from '../demo/synthetic-record.js';
import { DEMO_DECISIONS, DEMO_EXERCISE_PLAN, DEMO_RECORDS } from '../demo/demo-records.js';
import { todayNl } from '../schema/clock.js';
import { evaluate } from '../core/evaluate.js';
import { projectCase } from '../core/record/projection.js';
import type { EntryKind } from '../core/record/lists.js';
import { RULES_VERSION } from '../core/registry.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { addDays, type IsoDate } from '../core/time/date.js';
import { refreshPatients } from './worklist-derive.js';
import { DEMO_THERAPY_PATIENT, demoEducation, demoIntake } from '../demo/demo-therapy.js';
import { DEMO_MEASURED } from '../demo/demo-measure-due.js';

export const PATHWAY_STAGES = [
  'case-finding', 'diagnostics', 'assessment', 'decision', 'treatment', 'exercise-therapy',
  'follow-up', 'handed-over', 'children',
] as const;

/**
 * Loads the demo set once; returns false when it was already there. Several processes starting
 * together on an empty database all call this: under the migration lock, the first loads the set
 * and the others, waiting for it, then find the flag it committed. `today`: the day the demo records
 * are counted back from (the first start's date; `botpad seed --as-of` passes its day).
 */
export async function seedDemo(db: Db, today: IsoDate = todayNl()): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return inTransaction(db, async (trx) => {
    await holdMigrationLock(trx);
    if ((await readMeta(trx, 'demo')) === 'true') return false;
    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) {
      const row = await trx
        .insertInto('organisation')
        .values({ kind: o.kind, name: o.name, phone: o.phone })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(o.key, row.id);
      await writeMeta(trx, `demo-org:${o.key}`, row.id);
    }
    const patientIds: string[] = [];
    for (const p of DEMO_PATIENTS) {
      const row = await trx
        .insertInto('patient')
        .values({
          family_name: p.familyName,
          family_name_prefix: p.familyNamePrefix ?? null,
          given_name: p.givenName,
          birth_date: p.birthDate,
          sex: p.sex,
          bsn: p.bsn ?? null,
          phone: null,
          email: null,
          gp_practice: 'Huisartsenpraktijk Lindelaan (demo)',
          pathway_stage: p.stage,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      patientIds.push(row.id);
      for (const link of p.orgs) {
        await trx
          .insertInto('patient_organisation')
          .values({ patient_id: row.id, organisation_id: orgIds.get(link.org) ?? '', relation: link.relation })
          .execute();
      }
    }
    for (const a of DEMO_ACCOUNTS) {
      const patientId = a.patient === undefined ? null : (patientIds[a.patient] ?? null);
      const id = await insertUser(trx, {
        role: a.role,
        organisationId: a.org ? (orgIds.get(a.org) ?? null) : null,
        patientId: a.role === 'patient' ? patientId : null,
        email: a.email,
        displayName: a.displayName,
        passwordHash,
        status: 'active',
      });
      // Written with the demo's patient rows above, like their organisation links: the demo seed
      // is no use case of anyone's and stays out of the patient repository (access.ts only).
      if (a.role === 'caregiver' && patientId) {
        await trx
          .insertInto('caregiver_link')
          .values({ caregiver_user_id: id, patient_id: patientId, relation: a.relation ?? 'parent', created_by: null })
          .execute();
      }
    }
    // The day centre's groups: its care worker sees the children of their own group only.
    for (const g of DEMO_GROUPS) {
      const group = await trx.insertInto('day_centre_group').values({ organisation_id: orgIds.get('day-centre') ?? '', name: g.name, created_by: null }).returning('id').executeTakeFirstOrThrow();
      for (const c of g.children) await trx.insertInto('day_centre_group_child').values({ group_id: group.id, patient_id: patientIds[c] ?? '', added_by: null }).execute();
      for (const email of g.staff) {
        const user = await trx.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
        await trx.insertInto('day_centre_group_staff').values({ group_id: group.id, user_id: user.id, added_by: null }).execute();
      }
    }
    // The demo records with facts, written down by the demo nurse for the demo hospital.
    const nurse = await trx.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', DEMO_ACCOUNTS.find((a) => a.role === 'nurse')?.email ?? '').executeTakeFirstOrThrow();
    // A prescription or a planned follow-on is the physician's to make (`medication.prescribe`): the demo says so too.
    const physician = await trx.selectFrom('app_user').select(['id']).where('email', '=', DEMO_ACCOUNTS.find((a) => a.role === 'physician')?.email ?? '').executeTakeFirstOrThrow();
    const prescribes = new Set<string>(['medication', 'planned-medication']);
    const rows = DEMO_RECORDS.flatMap((r) => r.entries(today).map((e): Insertable<ClinicalEntryTable> => ({
      entry_id: randomUUID(), version: 1, patient_id: patientIds[r.patient] ?? '', kind: e.kind, clinical_date: e.date, data: JSON.stringify(e.data),
      status: 'active', current: true, source: 'clinician', recorded_by: prescribes.has(e.kind) ? physician.id : nurse.id, organisation_id: nurse.organisation_id,
      // Written down on the day it happened (a course prescribed ahead: today), as a clinic would
      // have: what reads the moment of recording (the patient's results release) sees a true record.
      recorded_at: `${e.date < today ? e.date : today}T11:00:00Z`,
    })));
    if (rows.length > 0) await trx.insertInto('clinical_entry').values(rows).execute();
    // The shared decisions, made by the demo nurse, with the picture as it stood (no findings recorded).
    for (const d of DEMO_DECISIONS) {
      const on = addDays(today, -d.daysAgo);
      await trx.insertInto('shared_decision').values({
        patient_id: patientIds[d.patient] ?? '', organisation_id: nurse.organisation_id, decided_on: on, option: d.option, drug: null, what_matters: d.whatMatters,
        agreements: JSON.stringify(d.agreements), picture: JSON.stringify({ asOf: on, indicationReasons: [], bmd: null, fractures: [], frax: null }), made_by: nurse.id,
      }).execute();
    }
    // The practice's referrals: Sanne Meijer, whom it treats, taken on; Johanna Visser waiting for its decision.
    // The demo practice's physiotherapist: she took Sanne on, wrote Anna's plan, and did Anna's intake.
    const physio = await trx.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', DEMO_ACCOUNTS.find((a) => a.role === 'physiotherapist')?.email ?? '').executeTakeFirstOrThrow();
    const patientOf = (familyName: string) => patientIds[DEMO_PATIENTS.findIndex((p) => p.familyName === familyName)] ?? '';
    const referral = { from_organisation_id: nurse.organisation_id, to_organisation_id: orgIds.get('physio') ?? '', source: 'hospital' as const, vfa: null, agreements: null, referred_by: nurse.id };
    await trx.insertInto('referral').values([
      { ...referral, patient_id: patientOf('Meijer'), reason: 'Oefentherapie voor kracht en balans, na een gebroken pols.', status: 'accepted', decided_by: physio.id, decided_at: sql<string>`now()` },
      { ...referral, patient_id: patientOf('Visser'), reason: 'Veilig leren bewegen en vallen voorkomen; zij is bang om te vallen.', status: 'pending' },
    ]).execute();
    // Anna's exercise plan, written by the demo physiotherapist of her referral (version 1).
    await trx.insertInto('exercise_plan').values({
      patient_id: patientIds[DEMO_EXERCISE_PLAN.patient] ?? '', organisation_id: physio.organisation_id ?? '', version: 1,
      places: JSON.stringify(DEMO_EXERCISE_PLAN.places), exercises: JSON.stringify(DEMO_EXERCISE_PLAN.exercises), warnings: '[]', note: null, written_by: physio.id,
    }).execute();
    for (const task of DEMO_TASKS) {
      const patientId = patientIds[task.patient] ?? '';
      const due = addDays(today, task.dueInDays);
      const note = await trx
        .insertInto('communication')
        .values({ patient_id: patientId, organisation_id: nurse.organisation_id ?? '', kind: 'task', body: task.text, due, assignee: nurse.id, created_by: nurse.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertManualItem(trx, {
        organisationId: nurse.organisation_id ?? '', patientId, key: `task:${note.id}`, step: 'task', due, priority: 'normal', reasons: [], source: 'task', title: task.text, assignee: nurse.id,
      });
    }
    // Johanna Visser, whom the GP may now take over, has her dentist's card kept in the record.
    const visser = DEMO_PATIENTS.findIndex((p) => p.familyName === 'Visser');
    const record = DEMO_RECORDS.find((r) => r.patient === visser);
    const person = DEMO_PATIENTS[visser];
    if (record && person) {
      const hospital = await trx.selectFrom('organisation').select(['name', 'phone']).where('id', '=', nurse.organisation_id ?? '').executeTakeFirst();
      const card = dentistCardContent(projectCase({ birthDate: person.birthDate, sex: person.sex }, record.entries(today), today), {
        organisation: hospital?.name ?? 'Botpad', phone: hospital?.phone ?? null, by: DEMO_ACCOUNTS.find((a) => a.role === 'nurse')?.displayName ?? '',
        patientName: fullName({ givenName: person.givenName, familyNamePrefix: person.familyNamePrefix ?? null, familyName: person.familyName }), birthDate: person.birthDate,
      });
      if (card) await insertLetter(trx, { patientId: patientIds[visser] ?? '', organisationId: nurse.organisation_id, kind: 'dentist-card', lang: 'nl', content: card, by: nurse.id });
    }
    // The demo practice's intake and education session with the patient it was referred (by the physiotherapist above).
    const referred = patientIds[DEMO_PATIENTS.findIndex((p) => p.familyName === DEMO_THERAPY_PATIENT.familyName && p.givenName === DEMO_THERAPY_PATIENT.givenName)];
    if (referred && physio.organisation_id) {
      const i = demoIntake(today);
      await trx.insertInto('therapy_intake').values({
        patient_id: referred, organisation_id: physio.organisation_id, version: 1, intake_date: i.date, data: JSON.stringify(i.data), goals: JSON.stringify(i.goals), psk: JSON.stringify(i.psk), recorded_by: physio.id,
      }).execute();
      const e = demoEducation(today);
      await trx.insertInto('education_session').values({
        patient_id: referred, organisation_id: physio.organisation_id, session_date: e.date, topics: JSON.stringify(e.topics), note: e.note, recorded_by: physio.id,
      }).execute();
    }
    // Daan at the day centre, kept by its physician and physiotherapist: a wheelchair user who is
    // mostly indoors on one anti-epileptic, his daily loading plan and the last ten days of his log,
    // vitamin D noted until four days ago (so the reminder shows), and a standing frame last checked
    // seven months ago (so its check is due). Lotte, the demo parent's daughter, starts empty: her
    // pages show what a new child's look like.
    const daan = patientIds[DEMO_PATIENTS.findIndex((p) => p.givenName === 'Daan' && p.familyName === 'Boer')];
    const centreStaff = async (email: string) => trx.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', email).executeTakeFirst();
    const [centreDoctor, centrePhysio, careWorker] = await Promise.all(
      ['kinderarts@demo.botpad.nl', 'kinderfysio@demo.botpad.nl', 'begeleider@demo.botpad.nl'].map(centreStaff),
    );
    if (daan && centreDoctor && centrePhysio && careWorker) {
      const centreEntry = (kind: EntryKind, date: string, data: unknown, by: string): Insertable<ClinicalEntryTable> => ({
        entry_id: randomUUID(), version: 1, patient_id: daan, kind, clinical_date: date, data: JSON.stringify(data), status: 'active', current: true,
        source: 'clinician', recorded_by: by, organisation_id: centreDoctor.organisation_id, recorded_at: `${date}T10:00:00Z`,
      });
      const aid = await trx.insertInto('child_aid').values({ patient_id: daan, kind: 'standing-frame', description: 'Sta-tafel op maat', created_by: centrePhysio.id }).returning('id').executeTakeFirstOrThrow();
      // Seven months ago the profile was first kept and the standing frame checked.
      const checked = addDays(today, -213);
      await trx.insertInto('clinical_entry').values([
        centreEntry('child', checked, { mobility: 'wheelchair', indoorsMostly: true }, centreDoctor.id),
        centreEntry('risk-factors', checked, { antiEpileptics: 1 }, centreDoctor.id),
        centreEntry('weight', checked, { kg: 27 }, centreDoctor.id),
        centreEntry('height', checked, { cm: 131 }, centreDoctor.id),
        centreEntry('weight', addDays(today, -20), { kg: 28.5 }, centreDoctor.id),
        centreEntry('height', addDays(today, -20), { cm: 134 }, centreDoctor.id),
        centreEntry('aids-check', checked, { aid: aid.id, heightCm: 131, adjusted: 'Voetsteunen een gaatje lager gezet.' }, centrePhysio.id),
      ]).execute();
      await trx.insertInto('loading_plan').values({ patient_id: daan, standing_frame: 30, walking_aid: 0, other_movement: 20, note: 'Sta-tafel na de lunch, bewegen in het water op dinsdag.', set_by: centrePhysio.id }).execute();
      const days = Array.from({ length: 10 }, (_, k) => addDays(today, -(k + 1)));
      await trx.insertInto('loading_log').values(days.flatMap((d, k) => [
        { patient_id: daan, log_date: d, activity: 'standing-frame' as const, minutes: k % 3 === 0 ? 15 : 30, logged_by: k % 2 === 0 ? careWorker.id : centrePhysio.id, logged_at: `${d}T13:30:00Z` },
        ...(k % 2 === 0 ? [{ patient_id: daan, log_date: d, activity: 'other-movement' as const, minutes: 20, logged_by: careWorker.id, logged_at: `${d}T15:00:00Z` }] : []),
      ])).execute();
      await trx.insertInto('vitamin_d_dose').values(days.slice(3).map((d) => ({ patient_id: daan, dose_date: d, micrograms: 10, given_by: careWorker.id, given_at: `${d}T07:30:00Z` }))).execute();
    }
    // The practice's exercise therapy and measurements (src/demo/demo-measure-due.ts), recorded by its physiotherapist.
    const measured = DEMO_MEASURED.flatMap((d) => {
      const id = patientIds[DEMO_PATIENTS.findIndex((p) => p.familyName === d.patient.familyName && p.givenName === d.patient.givenName)];
      return id === undefined ? [] : d.entries(today).map((e): Insertable<ClinicalEntryTable> => ({
        entry_id: randomUUID(), version: 1, patient_id: id, kind: e.kind, clinical_date: e.date, data: JSON.stringify(e.data), status: 'active', current: true,
        source: 'clinician', recorded_by: physio.id, organisation_id: physio.organisation_id, recorded_at: `${e.date}T14:00:00Z`,
      }));
    });
    if (measured.length > 0) await trx.insertInto('clinical_entry').values(measured).execute();
    // The demo clinic opens with its worklist filled in, not only after the next change of date.
    await refreshPatients(trx, patientIds, today);
    await writeMeta(trx, 'demo', 'true');
    return true;
  });
}

/** A small, fast, seedable PRNG (mulberry32): reproducible synthetic data without a dependency. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN_F = ['Anna', 'Maria', 'Johanna', 'Sophie', 'Emma', 'Ingrid', 'Fatma', 'Els', 'Greet', 'Noor', 'Yvonne', 'Petra'];
const GIVEN_M = ['Jan', 'Kees', 'Willem', 'Ahmed', 'Henk', 'Piet', 'Gerrit', 'Luuk', 'Ruud', 'Mohamed', 'Bram', 'Theo'];
const FAMILY = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Yilmaz', 'Kaya'];

/** One synthetic person: ages mostly 50–95 (skewed older, 70 % women), 5 % children for the EMB module. */
export function syntheticPatient(r: () => number, asOf: IsoDate) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const child = r() < 0.05;
  const sex: 'female' | 'male' = child ? (r() < 0.5 ? 'female' : 'male') : r() < 0.7 ? 'female' : 'male';
  const age = child ? 2 + Math.floor(r() * 16) : 50 + Math.floor(45 * Math.sqrt(r()));
  // Born on a day of the year before the age's last birthday, or after it: the age is then age or age - 1.
  const birthDate = addDays(`${String(Number(asOf.slice(0, 4)) - age)}-01-01`, Math.floor(r() * 365));
  const family = splitFamilyName(pick(FAMILY));
  return {
    child,
    row: {
      family_name: family.familyName,
      family_name_prefix: family.prefix === '' ? null : family.prefix,
      given_name: pick(sex === 'female' ? GIVEN_F : GIVEN_M),
      birth_date: birthDate,
      sex,
      bsn: null,
      phone: null,
      email: null,
      gp_practice: null,
    },
  };
}

/** A demo clinician who writes the synthetic facts down, and the organisation they write for. */
interface Writer {
  id: string;
  name: string;
  organisationId: string | null;
}

/**
 * The demo set, loaded if it is not there yet: the synthetic patients are in the care of its
 * organisations and their facts are written down by its clinicians.
 */
async function demoCast(db: Db, asOf: IsoDate): Promise<{ orgs: Record<DemoOrgKey, string>; staff: Record<Recorder, Writer> }> {
  await seedDemo(db, asOf);
  const orgs = {} as Record<DemoOrgKey, string>;
  for (const o of DEMO_ORGANISATIONS) {
    const id = await readMeta(db, `demo-org:${o.key}`);
    if (id === undefined) throw new Error(`the demo organisation ${o.key} is missing`);
    orgs[o.key] = id;
  }
  const staff = {} as Record<Recorder, Writer>;
  for (const role of ['nurse', 'physician', 'physiotherapist'] as const) {
    const email = DEMO_ACCOUNTS.find((a) => a.role === role)?.email ?? '';
    const u = await db.selectFrom('app_user').select(['id', 'display_name', 'organisation_id']).where('email', '=', email).executeTakeFirst();
    if (!u) throw new Error(`the demo ${role} (${email}) is missing`);
    staff[role] = { id: u.id, name: u.display_name, organisationId: u.organisation_id };
  }
  return { orgs, staff };
}

export interface SeedSummary {
  patients: number;
  entries: number;
  assessments: number;
  careEnds: number;
}

/** Rows per INSERT statement: far below PostgreSQL's 65,535 parameters at twelve columns a row. */
const ROWS_PER_INSERT = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
}

/**
 * Adds N synthetic patients with their clinical records (src/demo/synthetic-record.ts), in
 * batches: each batch is one transaction of multi-row inserts. Every patient is in the care of the
 * demo hospital; some are referred to the demo physiotherapist, handed over to the demo GP
 * practice, or (children) in the care of the demo day centre. The same seed and `asOf` give the
 * same people and facts (only the row ids differ).
 *
 * Written with plain inserts, like the demo set above and not through the record's use cases:
 * made-up rows in bulk are no one's work on a patient's record, so there is nothing to authorise
 * or audit, and a use case per fact would make 100,000 records take hours. The facts are the
 * core's own kinds, checked against its schemas in seed.test.ts.
 */
export async function seedPatients(db: Db, n: number, opts: { seed?: number; asOf: IsoDate; batch?: number }): Promise<SeedSummary> {
  const r = prng(opts.seed ?? 42);
  const batch = opts.batch ?? 500;
  const { orgs, staff } = await demoCast(db, opts.asOf);
  const settings = DEFAULT_SETTINGS;
  const sum: SeedSummary = { patients: 0, entries: 0, assessments: 0, careEnds: 0 };
  while (sum.patients < n) {
    const size = Math.min(batch, n - sum.patients);
    const patients: Insertable<PatientTable>[] = [];
    const links: Insertable<PatientOrganisationTable>[] = [];
    const entries: Insertable<ClinicalEntryTable>[] = [];
    const assessments: Insertable<AssessmentTable>[] = [];
    const ends: Insertable<CareEndTable>[] = [];
    for (let i = 0; i < size; i++) {
      const person = syntheticPatient(r, opts.asOf);
      const rec = syntheticRecord(r, { birthDate: person.row.birth_date, sex: person.row.sex, child: person.child }, opts.asOf, staff.physician.name);
      const id = randomUUID();
      patients.push({ id, ...person.row, pathway_stage: rec.stage });
      // The hospital's care began with the first fact of the record (the fracture that brought the
      // patient in), not on the day the rows were made: the quality figures count a patient in the
      // cohort of the period their index fracture falls in, which needs that day.
      const firstDay = rec.entries.reduce<string | undefined>((d, e) => (d === undefined || e.date < d ? e.date : d), undefined);
      links.push({ patient_id: id, organisation_id: orgs.hospital, relation: 'care', ...(firstDay === undefined ? {} : { since: `${firstDay}T08:00:00Z` }) });
      if (rec.physio) links.push({ patient_id: id, organisation_id: orgs.physio, relation: 'referral' });
      if (rec.gp) links.push({ patient_id: id, organisation_id: orgs.gp, relation: 'care' });
      if (rec.dayCentre) links.push({ patient_id: id, organisation_id: orgs['day-centre'], relation: 'care' });
      rec.entries.forEach((e, k) => {
        const w = staff[e.by];
        entries.push({
          entry_id: randomUUID(), version: 1, patient_id: id, kind: e.kind, clinical_date: e.date, data: JSON.stringify(e.data), status: 'active', current: true,
          source: e.source, recorded_by: w.id, organisation_id: w.organisationId,
          // In the order written: the projection takes the one recorded last of a day.
          recorded_at: new Date(Date.parse(`${e.date}T07:00:00Z`) + k * 1000).toISOString(),
        });
      });
      if (rec.signedOn !== undefined) {
        const c = projectCase({ birthDate: person.row.birth_date, sex: person.row.sex }, rec.entries, rec.signedOn);
        const evaluation = { nl: evaluate(c, settings, 'nl'), en: evaluate(c, settings, 'en') };
        assessments.push({
          patient_id: id, organisation_id: staff.physician.organisationId, as_of: rec.signedOn, rules_version: RULES_VERSION, settings: JSON.stringify(settings),
          case_data: JSON.stringify(c), evaluation: JSON.stringify(evaluation), signed_by: staff.physician.id, signed_role: 'physician',
          signed_at: `${rec.signedOn}T15:00:00Z`, note: null,
        });
      }
      if (rec.careEnd) {
        ends.push({
          patient_id: id, organisation_id: staff.physician.organisationId, reason: rec.careEnd.reason, end_date: rec.careEnd.date, note: rec.careEnd.note,
          ended_by: staff.physician.id, ended_at: `${rec.careEnd.date}T16:00:00Z`, resumed_at: null, resumed_by: null,
        });
      }
    }
    await inTransaction(db, async (trx) => {
      await trx.insertInto('patient').values(patients).execute();
      await insertChunked(links, (c) => trx.insertInto('patient_organisation').values(c).execute());
      await insertChunked(entries, (c) => trx.insertInto('clinical_entry').values(c).execute());
      // An assessment carries the evaluation in two languages: a few at a time keeps a statement small.
      for (let i = 0; i < assessments.length; i += 50) await trx.insertInto('assessment').values(assessments.slice(i, i + 50)).execute();
      await insertChunked(ends, (c) => trx.insertInto('care_end').values(c).execute());
    });
    sum.patients += size;
    sum.entries += entries.length;
    sum.assessments += assessments.length;
    sum.careEnds += ends.length;
    // PGlite runs on this thread: yield so signals and the data-directory lock refresh get a turn.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sum;
}
