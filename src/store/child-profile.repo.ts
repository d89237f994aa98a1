// A child's bone-health profile, how earlier fractures happened and the vitamin D doses given
// (migration 0027). No authorisation here: services/child-profile.ts reaches these only inside
// the work access.ts allowed.
import type { Selectable } from 'kysely';
import type { Db, Tx } from './db.js';
import type { ChildProfileTable } from './schema.js';

export type ChildProfileRow = Selectable<ChildProfileTable> & { updated_by_name: string | null };

export async function profileOf(db: Db, patientId: string): Promise<ChildProfileRow | undefined> {
  return db
    .selectFrom('child_profile as p')
    .leftJoin('app_user as u', 'u.id', 'p.updated_by')
    .where('p.patient_id', '=', patientId)
    .select(['p.patient_id', 'p.feeding', 'p.fibre_rich', 'p.corticosteroids', 'p.note', 'p.updated_by', 'p.updated_at', 'u.display_name as updated_by_name'])
    .executeTakeFirst();
}

export async function saveProfile(
  db: Tx,
  p: { patientId: string; feeding: ChildProfileTable['feeding']; fibreRich: boolean | null; corticosteroids: boolean | null; note: string | null; by: string },
): Promise<void> {
  const values = { feeding: p.feeding, fibre_rich: p.fibreRich, corticosteroids: p.corticosteroids, note: p.note, updated_by: p.by };
  await db
    .insertInto('child_profile')
    .values({ patient_id: p.patientId, ...values })
    .onConflict((oc) => oc.column('patient_id').doUpdateSet({ ...values, updated_at: new Date().toISOString() }))
    .execute();
}

export async function insertFractureHow(db: Tx, f: { entryId: string; patientId: string; how: string }): Promise<void> {
  await db.insertInto('child_fracture_how').values({ entry_id: f.entryId, patient_id: f.patientId, how: f.how }).execute();
}

export async function fractureHows(db: Db, patientId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('child_fracture_how').where('patient_id', '=', patientId).select(['entry_id', 'how']).execute();
  return new Map(rows.map((r) => [r.entry_id, r.how]));
}

export interface DoseRow {
  id: string;
  dose_date: string;
  micrograms: number;
  given_by_name: string | null;
  given_at: string;
}

export async function insertDose(db: Tx, d: { patientId: string; date: string; micrograms: number; by: string }): Promise<DoseRow> {
  const made = await db
    .insertInto('vitamin_d_dose')
    .values({ patient_id: d.patientId, dose_date: d.date, micrograms: d.micrograms, given_by: d.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = (await dosesQuery(db, d.patientId).where('d.id', '=', made.id).executeTakeFirst()) as DoseRow | undefined;
  if (!row) throw new Error('a dose just noted went missing');
  return row;
}

function dosesQuery(db: Db, patientId: string) {
  return db
    .selectFrom('vitamin_d_dose as d')
    .leftJoin('app_user as u', 'u.id', 'd.given_by')
    .where('d.patient_id', '=', patientId)
    .select(['d.id', 'd.dose_date', 'd.micrograms', 'd.given_at', 'u.display_name as given_by_name']);
}

/** The doses from `from` on, newest day first. */
export async function dosesSince(db: Db, patientId: string, from: string): Promise<DoseRow[]> {
  return (await dosesQuery(db, patientId).where('d.dose_date', '>=', from).orderBy('d.dose_date', 'desc').orderBy('d.given_at', 'desc').execute()) as DoseRow[];
}

/** The day of the latest dose noted, or null. */
export async function lastDoseDate(db: Db, patientId: string): Promise<string | null> {
  const r = await db.selectFrom('vitamin_d_dose').where('patient_id', '=', patientId).select((eb) => eb.fn.max('dose_date').as('last')).executeTakeFirst();
  return (r?.last as string | null | undefined) ?? null;
}
