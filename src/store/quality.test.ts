// The quality rows on both stores: the hand-counted cohort of the core's tables written as rows and
// added up by the dashboard's one statement (per period, per clinician, the trend), each sum equal
// to the hand count; rows written only where they changed and removed when no longer wanted; and
// the rows behind a figure paged in index-fracture order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityRow } from '../core/quality/indicators.js';
import { QUALITY_INDICATORS, type QualityIndicator } from '../core/quality/lists.js';
import { COHORT_2025, HAND_COUNTS } from '../core/quality/quality.cases.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { inTransaction, type Store } from './db.js';
import { freshStore, STORE_KINDS } from './testing/stores.js';
import { applyQuality, pageQualityPatients, qualityFigures, qualitySources, type WantedQualityRow } from './quality.repo.js';

describe.each(STORE_KINDS)('the quality rows on %s', (kind) => {
  let store: Store;
  let org: string;
  let other: string;
  const clinicians: Record<string, string> = {};
  const patients: string[] = [];
  let wanted: WantedQualityRow[] = [];
  let all: WantedQualityRow[] = [];

  beforeAll(async () => {
    store = await freshStore(kind);
    const db = store.db;
    org = (await db.insertInto('organisation').values({ kind: 'hospital', name: 'Quality hospital', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    other = (await db.insertInto('organisation').values({ kind: 'hospital', name: 'Other hospital', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    for (const c of ['c1', 'c2']) {
      clinicians[c] = (await db.insertInto('app_user').values({ role: 'nurse', organisation_id: org, patient_id: null, email: `${c}@example.org`, display_name: `Nurse ${c}`, password_hash: null, status: 'active', password_changed_at: null })
        .returning('id').executeTakeFirstOrThrow()).id;
    }
    for (const [i, p] of COHORT_2025.entries()) {
      const row = await db.insertInto('patient')
        .values({ family_name: `Patient ${String(i)}`, given_name: 'Test', birth_date: p.c.person.birthDate, sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' })
        .returning('id').executeTakeFirstOrThrow();
      patients.push(row.id);
    }
    wanted = COHORT_2025.map((p, i) => {
      const r = qualityRow(p.c, DEFAULT_SETTINGS, p.facts);
      if (r === undefined) throw new Error(p.name);
      return {
        organisationId: org, patientId: patients[i] ?? '', indexFracture: r.indexFracture, fractureSite: r.fractureSite,
        clinicianId: r.clinician === null ? null : clinicians[r.clinician] ?? null, outcomes: r.outcomes, iofTwelveWeeks: r.iofTwelveWeeks, missing: r.missing,
      };
    });
    // One patient of the cohort is also counted by another hospital, in 2024: in neither of this one's figures.
    const elsewhere: WantedQualityRow = { ...(wanted[0] as WantedQualityRow), organisationId: other, indexFracture: '2024-06-01' };
    all = [...wanted, elsewhere];
    await inTransaction(db, (trx) => applyQuality(trx, patients, all, '2026-11-23'));
  });
  afterAll(async () => {
    await store.close();
  });

  it('the year\'s figures are the hand counts, indicator by indicator, with the IOF 12 weeks beside the DXA', async () => {
    const groups = await qualityFigures(store.db, 'year', { organisationId: org, from: '2025-01-01', to: '2025-12-31' });
    const year = groups.find((g) => !g.perClinician && g.period === '2025');
    expect(year?.cohort).toBe(7);
    for (const i of QUALITY_INDICATORS) {
      const c = year?.counts[i];
      const [num, den, open, excluded] = HAND_COUNTS[i];
      expect([c?.met, (c?.met ?? 0) + (c?.notMet ?? 0), c?.open, c?.excluded], i).toEqual([num, den, open, excluded]);
    }
    expect(year?.iofMet).toBe(3);
  });

  it('per clinician: the signer of the first assessment, and those nobody signed for apart', async () => {
    const groups = (await qualityFigures(store.db, 'year', { organisationId: org, from: '2025-01-01', to: '2025-12-31' })).filter((g) => g.perClinician);
    const by = (id: string | null) => groups.find((g) => g.clinicianId === id);
    // c1 signed for "on time" and "declined medication", c2 for "late" and "moved"; three have no signer.
    expect([by(clinicians['c1'] ?? '')?.cohort, by(clinicians['c2'] ?? '')?.cohort, by(null)?.cohort]).toEqual([2, 2, 3]);
    const dxa: QualityIndicator = 'dxa-90-days';
    expect([by(clinicians['c1'] ?? '')?.counts[dxa].met, by(clinicians['c2'] ?? '')?.counts[dxa].met, by(clinicians['c2'] ?? '')?.counts[dxa].notMet]).toEqual([2, 1, 1]);
    // Asked for one clinician, only their patients are counted.
    const only = await qualityFigures(store.db, 'year', { organisationId: org, from: '2025-01-01', to: '2025-12-31', clinicianId: clinicians['c1'] });
    expect(only.find((g) => !g.perClinician)?.cohort).toBe(2);
  });

  it('the trend groups by month and by quarter; a period without patients is no group', async () => {
    const months = await qualityFigures(store.db, 'month', { organisationId: org, from: '2024-12-01', to: '2025-03-31' });
    expect(months.filter((g) => !g.perClinician).map((g) => [g.period, g.cohort])).toEqual([['2025-03', 7]]);
    const quarters = await qualityFigures(store.db, 'quarter', { organisationId: org, from: '2025-01-01', to: '2025-03-31' });
    expect(quarters.filter((g) => !g.perClinician).map((g) => g.period)).toEqual(['2025-Q1']);
    expect(await qualityFigures(store.db, 'year', { organisationId: other, from: '2025-01-01', to: '2025-12-31' })).toEqual([]);
  });

  it('writes a row again only when it changed, and removes the rows no longer wanted', async () => {
    await inTransaction(store.db, async (trx) => {
      expect(await applyQuality(trx, patients, all, '2026-11-24')).toBe(0);
      const first = wanted[0] as WantedQualityRow;
      const changed = { ...first, outcomes: { ...first.outcomes, 'dxa-90-days': 'not-met' as const } };
      // One row changed, and the other hospital's row of this patient is no longer wanted.
      expect(await applyQuality(trx, [first.patientId], [changed], '2026-11-24')).toBe(2);
      const row = await trx.selectFrom('quality_row').select(['o_dxa_90_days', 'changed_on']).where('patient_id', '=', first.patientId).where('organisation_id', '=', org).executeTakeFirstOrThrow();
      expect(row).toEqual({ o_dxa_90_days: 'not-met', changed_on: '2026-11-24' });
      expect(await trx.selectFrom('quality_row').select('organisation_id').where('patient_id', '=', first.patientId).execute()).toHaveLength(1);
      // Back as it was, for the other tests: the transaction is rolled back.
      throw new Error('roll back');
    }).catch((e: unknown) => {
      if (!(e instanceof Error) || e.message !== 'roll back') throw e;
    });
  });

  it('pages the patients behind one outcome of one indicator in index-fracture order, with the total', async () => {
    const f = { organisationId: org, from: '2025-01-01', to: '2025-12-31', indicator: 'assessment-90-days' as const };
    const excluded = await pageQualityPatients(store.db, { ...f, outcome: 'excluded' }, { limit: 2 });
    expect(excluded.total).toBe(3);
    expect(excluded.rows).toHaveLength(2);
    expect(excluded.next).not.toBeNull();
    const rest = await pageQualityPatients(store.db, { ...f, outcome: 'excluded' }, { limit: 2, cursor: { dir: 'after', key: excluded.next ?? [] } });
    expect(rest.rows).toHaveLength(1);
    expect(rest.next).toBeNull();
    const seen = [...excluded.rows, ...rest.rows].map((r) => r.outcomes['assessment-90-days']).sort();
    expect(seen).toEqual(['excluded:died', 'excluded:workup-waived', 'excluded:workup-waived']);
    const met = await pageQualityPatients(store.db, { ...f, outcome: 'met' }, { limit: 50 });
    expect(met.rows.map((r) => r.clinician_name).sort()).toEqual(['Nurse c1', 'Nurse c1', 'Nurse c2']);
    // Without an outcome: everyone the indicator counts (strength and balance counts two).
    expect((await pageQualityPatients(store.db, { ...f, indicator: 'strength-and-balance' }, { limit: 50 })).total).toBe(2);
  });

  it('reads the pathway facts the rows need in one statement: care since, signers, decisions, the end of care', async () => {
    const db = store.db;
    const p = patients[0] ?? '';
    await db.insertInto('patient_organisation').values({ patient_id: p, organisation_id: org, relation: 'care', since: '2025-03-10T10:00:00Z' }).execute();
    await db.insertInto('care_end').values({ patient_id: p, organisation_id: org, reason: 'moved', end_date: '2025-08-01', note: null, ended_by: clinicians['c1'] ?? '' }).execute();
    const got = (await qualitySources(db, [p])).get(p);
    expect(got).toEqual({ careSince: { [org]: '2025-03-10' }, assessmentsSigned: [], decisions: [], careEnd: { reason: 'moved', on: '2025-08-01' } });
  });
});
