// The demo set is loaded once, also when several processes start together on an empty database
// (each migrates, then seeds): the seed runs under the migration lock. Synthetic patients come with
// clinical records every part of the core accepts.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, openStore, type Db } from '../store/db.js';
import { emptyPgDatabase, freshStore, STORE_KINDS } from '../store/testing/stores.js';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PATIENTS } from '../demo/demo-data.js';
import { seedDemo, seedPatients } from './seed.js';
import { Case } from '../core/case.schema.js';
import { entrySchema, type RecordEntry } from '../core/record/entries.js';
import { ENTRY_KINDS, type EntryKind } from '../core/record/lists.js';
import { projectCase } from '../core/record/projection.js';
import { addYears } from '../core/time/date.js';

async function counts(db: Db) {
  const r = await sql<{ orgs: number; accounts: number; patients: number }>`
    select (select count(*)::int from organisation) as orgs,
           (select count(*)::int from app_user) as accounts,
           (select count(*)::int from patient) as patients`.execute(db);
  return r.rows[0];
}

describe('demo seed', () => {
  it('runs once when three processes start on an empty PostgreSQL database at the same time', async () => {
    const { url, drop } = await emptyPgDatabase();
    // Separate pools, as separate processes have.
    const stores = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: url, poolSize: 2 })));
    try {
      const loaded = await Promise.all(
        stores.map(async (s) => {
          await migrate(s.db);
          return seedDemo(s.db);
        }),
      );
      expect(loaded.filter(Boolean)).toHaveLength(1);
      expect(await counts(stores[0]?.db as Db)).toEqual({
        orgs: DEMO_ORGANISATIONS.length,
        accounts: DEMO_ACCOUNTS.length,
        patients: DEMO_PATIENTS.length,
      });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await drop();
    }
  });

  it('loads once on PGlite, where the lock statement runs too', async () => {
    const store = await freshStore('pglite');
    try {
      expect(await seedDemo(store.db)).toBe(true);
      expect(await seedDemo(store.db)).toBe(false);
      expect((await counts(store.db))?.accounts).toBe(DEMO_ACCOUNTS.length);
    } finally {
      await store.close();
    }
  });
});

// `botpad seed --patients N`: made-up patients with their clinical records, written in batches.
// Every fact must be one the core would accept from a form, and every record must project to a
// Case the rules can evaluate; the same seed must give the same people.
describe.each(STORE_KINDS)('synthetic patients with their clinical records on %s', (kind) => {
  const asOf = '2026-11-30';

  /** Every synthetic patient with its facts in recording order, its signed assessments and its end of care. */
  async function records(db: Db) {
    const demo = new Set(DEMO_PATIENTS.map((p) => `${p.givenName} ${p.birthDate}`));
    const patients = (await sql<{ id: string; family_name: string; family_name_prefix: string | null; given_name: string; birth_date: string; sex: 'female' | 'male'; pathway_stage: string }>`
      select id, family_name, family_name_prefix, given_name, birth_date, sex, pathway_stage from patient`.execute(db)).rows
      .filter((p) => !demo.has(`${p.given_name} ${p.birth_date}`));
    const entries = (await sql<{ patient_id: string; kind: EntryKind; clinical_date: string; data: unknown; source: string; status: string; current: boolean; version: number; recorded_by_name: string | null }>`
      select e.patient_id, e.kind, e.clinical_date, e.data, e.source, e.status, e.current, e.version, u.display_name as recorded_by_name
      from clinical_entry e left join app_user u on u.id = e.recorded_by order by e.patient_id, e.recorded_at, e.id`.execute(db)).rows;
    const signed = (await sql<{ patient_id: string; as_of: string; case_data: unknown }>`select patient_id, as_of, case_data from assessment`.execute(db)).rows;
    const ended = (await sql<{ patient_id: string; reason: string; end_date: string }>`select patient_id, reason, end_date from care_end`.execute(db)).rows;
    const links = (await sql<{ patient_id: string; relation: string; name: string }>`
      select l.patient_id, l.relation, o.name from patient_organisation l join organisation o on o.id = l.organisation_id`.execute(db)).rows;
    return patients.map((p) => ({
      patient: p,
      entries: entries.filter((e) => e.patient_id === p.id),
      signed: signed.filter((a) => a.patient_id === p.id),
      ended: ended.filter((c) => c.patient_id === p.id),
      links: links.filter((l) => l.patient_id === p.id),
    }));
  }

  it('makes N patients whose every fact passes the core\'s schema for its kind and whose Case is valid', async () => {
    const store = await freshStore(kind);
    try {
      const n = 160;
      // Batches of 50: four transactions, the last one short.
      const sum = await seedPatients(store.db, n, { seed: 7, asOf, batch: 50 });
      const all = await records(store.db);
      expect(all).toHaveLength(n);
      expect(sum).toMatchObject({ patients: n, entries: all.reduce((k, x) => k + x.entries.length, 0) });

      const schema = entrySchema(asOf);
      const invalid = all.flatMap((x) => x.entries).flatMap((e) => {
        const r = schema.safeParse({ kind: e.kind, date: e.clinical_date, data: e.data });
        return r.success ? [] : [{ kind: e.kind, data: e.data, issues: r.error.issues.map((i) => `${i.path.join('/')}: ${i.message}`) }];
      });
      expect(invalid).toEqual([]);

      const facts = all.flatMap((x) => x.entries);
      // Every kind the clinic records; a missed dose is only ever the patient's own mark (My medicines).
      expect(new Set(facts.map((e) => e.kind))).toEqual(new Set(ENTRY_KINDS.filter((k) => k !== 'missed-dose')));
      expect(new Set(facts.map((e) => e.source))).toEqual(new Set(['import', 'clinician']));
      expect(facts.every((e) => e.version === 1 && e.current && e.status === 'active')).toBe(true);
      // The synthetic records are kept by the hospital's and the practice's clinicians, not the day centre's physician.
      const clinicians = DEMO_ACCOUNTS.filter((a) => ['nurse', 'physician', 'physiotherapist'].includes(a.role) && a.org !== 'day-centre').map((a) => a.displayName);
      expect(new Set(facts.map((e) => e.recorded_by_name))).toEqual(new Set(clinicians));

      // A spread of the things a clinic sees, not one kind of each.
      const results = facts.flatMap((e) => (e.kind === 'labs' ? (e.data as { results: { test: string; unit: string; value: number; refLow?: number; refHigh?: number }[] }).results : []));
      expect(results.some((l) => l.unit === 'mg/dL' || l.unit === 'ng/mL' || l.unit === 'g/dL')).toBe(true);
      expect(results.some((l) => (l.refLow !== undefined && l.value < l.refLow) || (l.refHigh !== undefined && l.value > l.refHigh))).toBe(true);
      const sites = new Set(facts.flatMap((e) => (e.kind === 'fracture' ? [(e.data as { site: string }).site] : [])));
      for (const s of ['wrist', 'hip', 'humerus', 'rib', 'ankle']) expect(sites).toContain(s);
      expect([...sites].some((s) => s.endsWith('-spine'))).toBe(true);
      const drugs = new Set(facts.flatMap((e) => (e.kind === 'medication-dose' ? [(e.data as { drug: string }).drug] : [])));
      expect([...drugs]).toEqual(expect.arrayContaining(['denosumab', 'zoledronic-acid']));
      const stages = new Set(all.map((x) => x.patient.pathway_stage));
      for (const s of ['case-finding', 'diagnostics', 'decision', 'treatment', 'follow-up', 'children']) expect(stages).toContain(s);
      expect(all.some((x) => x.signed.length > 0)).toBe(true);
      expect(all.some((x) => x.ended.length > 0)).toBe(true);
      // Years of treatment: a medication started five years or more before asOf.
      expect(all.some((x) => x.entries.some((e) => e.kind === 'medication' && e.clinical_date <= addYears(asOf, -5)))).toBe(true);
      // In the care of the demo hospital, some referred to the physiotherapist or with the GP or day centre too.
      expect(all.every((x) => x.links.some((l) => l.relation === 'care' && l.name === 'Ziekenhuis Rivierstad (demo)'))).toBe(true);
      expect(new Set(all.flatMap((x) => x.links.map((l) => l.name)))).toEqual(new Set(DEMO_ORGANISATIONS.map((o) => o.name)));
      // No fact after the end of care.
      for (const x of all) for (const c of x.ended) expect(x.entries.every((e) => e.clinical_date <= c.end_date)).toBe(true);

      for (const x of all) {
        const entries = x.entries.map((e) => ({ kind: e.kind, date: e.clinical_date, data: e.data }) as RecordEntry);
        const projected = Case.safeParse(projectCase({ birthDate: x.patient.birth_date, sex: x.patient.sex }, entries, asOf));
        expect(projected.error?.issues ?? []).toEqual([]);
        // A signed assessment keeps the Case as it was that day.
        for (const a of x.signed) expect(a.case_data).toEqual(projectCase({ birthDate: x.patient.birth_date, sex: x.patient.sex }, entries, a.as_of));
      }
    } finally {
      await store.close();
    }
  });

  it('gives the same people and facts for the same seed, and others for another seed', async () => {
    /** Each person with their facts, assessments and end of care, without the ids a database gives. */
    const seeded = async (seed: number) => {
      const store = await freshStore(kind);
      try {
        await seedPatients(store.db, 30, { seed, asOf, batch: 20 });
        return (await records(store.db))
          .map((x) => JSON.stringify([
            { ...x.patient, id: undefined },
            x.entries.map((e) => ({ ...e, patient_id: undefined })),
            x.signed.map((a) => ({ ...a, patient_id: undefined })),
            x.ended.map((c) => ({ ...c, patient_id: undefined })),
            x.links.map((l) => [l.relation, l.name]).sort(),
          ]))
          .sort();
      } finally {
        await store.close();
      }
    };
    const first = await seeded(11);
    expect(await seeded(11)).toEqual(first);
    const other = await seeded(12);
    expect(other).toHaveLength(30);
    expect(other.filter((x) => first.includes(x))).toEqual([]);
  });
});
