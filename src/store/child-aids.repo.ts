// A child's aids and the fracture signals about them (migration 0029). No authorisation here:
// services/child-aids.ts and services/fracture-signals.ts reach these only inside the work access.ts
// allowed. The checks of an aid are `aids-check` entries of the clinical record (record.repo.ts).
import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from './db.js';
import type { ChildAidTable, FractureSignalTable } from './schema.js';

export type AidRow = Selectable<ChildAidTable>;

export async function insertAid(db: Tx, a: { patientId: string; kind: string; description: string | null; by: string }): Promise<AidRow> {
  return db.insertInto('child_aid').values({ patient_id: a.patientId, kind: a.kind, description: a.description, created_by: a.by }).returningAll().executeTakeFirstOrThrow();
}

/** The child's aids, in the order they were added. */
export async function aidsOf(db: Db, patientId: string): Promise<AidRow[]> {
  return db.selectFrom('child_aid').selectAll().where('patient_id', '=', patientId).orderBy('created_at').orderBy('id').execute();
}

export async function aidById(db: Db, patientId: string, aidId: string): Promise<AidRow | undefined> {
  return db.selectFrom('child_aid').selectAll().where('patient_id', '=', patientId).where('id', '=', aidId).executeTakeFirst();
}

/** A signal with the names of who noted it and who closed it. */
export type SignalRow = Selectable<FractureSignalTable> & { noted_by_name: string | null; closed_by_name: string | null };

export async function insertSignal(
  db: Tx,
  s: { patientId: string; observed: readonly string[]; bodyPart: string; observedOn: string; note: string | null; by: string },
): Promise<string> {
  const row = await db
    .insertInto('fracture_signal')
    .values({ patient_id: s.patientId, observed: JSON.stringify(s.observed), body_part: s.bodyPart, observed_on: s.observedOn, note: s.note, noted_by: s.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function signalQuery(db: Db, patientId: string) {
  return db
    .selectFrom('fracture_signal as f')
    .leftJoin('app_user as n', 'n.id', 'f.noted_by')
    .leftJoin('app_user as c', 'c.id', 'f.closed_by')
    .where('f.patient_id', '=', patientId)
    .selectAll('f')
    .select(['n.display_name as noted_by_name', 'c.display_name as closed_by_name']);
}

/** The child's signals, newest first (a child has few: the list is not paged). */
export async function signalsOf(db: Db, patientId: string, limit: number): Promise<SignalRow[]> {
  return (await signalQuery(db, patientId).orderBy('f.noted_at', 'desc').orderBy('f.id', 'desc').limit(limit).execute()) as SignalRow[];
}

export async function signalById(db: Db, patientId: string, signalId: string, lock = false): Promise<SignalRow | undefined> {
  let q = signalQuery(db, patientId).where('f.id', '=', signalId);
  if (lock) q = q.forUpdate('f');
  return (await q.executeTakeFirst()) as SignalRow | undefined;
}

/** What followed: closes the signal. Only an open signal takes it (the caller checks first, under the row lock). */
export async function closeSignal(db: Tx, signalId: string, o: { seen: boolean; xray: boolean; fracture: 'yes' | 'no' | 'unknown'; note: string | null; by: string }): Promise<void> {
  await db
    .updateTable('fracture_signal')
    .set({ seen: o.seen, xray: o.xray, fracture: o.fracture, outcome_note: o.note, closed_by: o.by, closed_at: sql<string>`now()` })
    .where('id', '=', signalId)
    .where('closed_at', 'is', null)
    .execute();
}

/** A signal's alerts, one per day centre. */
export async function signalItems(db: Db, key: string): Promise<{ item_id: string; state: string }[]> {
  return db.selectFrom('worklist_item').select(['item_id', 'state']).where('item_key', '=', key).execute();
}
