// Referrals to a physiotherapy practice (migration 0021). No authorisation here: services/referrals.ts
// reaches these only inside services/access.ts (withPatient, withReferral, listWaitingReferrals).
// The door a referral opens is the `referral` row of patient_organisation the access rules read:
// `openDoor` adds it when the practice accepts, `closeDoor` removes it when it declines or either
// side ends the referral, each in the caller's transaction with the step itself.
import { sql, type RawBuilder } from 'kysely';
import type { ReferralSource, ReferralStatus } from '../core/referral/lists.js';
import type { Db } from './db.js';

/** jsonb comes back parsed from pg and PGlite alike; a text is parsed, to be safe with either. */
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface ReferralRow {
  id: string;
  patient_id: string;
  from_organisation_id: string | null;
  from_organisation_name: string | null;
  to_organisation_id: string;
  to_organisation_name: string;
  source: ReferralSource;
  reason: string;
  vfa: unknown;
  agreements: unknown;
  status: ReferralStatus;
  referred_by: string;
  referred_by_name: string | null;
  referred_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
  decline_reason: string | null;
  ended_by_name: string | null;
  ended_at: string | null;
  end_reason: string | null;
  gp_name: string | null;
  gp_practice: string | null;
  letter_date: string | null;
}

/** A waiting referral with the little of the patient the practice may see before it accepts. */
export interface WaitingReferralRow extends ReferralRow {
  given_name: string;
  family_name_prefix: string | null;
  family_name: string;
  birth_date: string;
}

export interface NewReferral {
  patientId: string;
  fromOrganisationId: string | null;
  toOrganisationId: string;
  source: ReferralSource;
  reason: string;
  vfa: object | null;
  agreements: object | null;
  by: string;
  /** A GP's letter recorded by the practice is accepted as it is recorded. */
  acceptedAtOnce?: boolean;
  /** Whose letter it was and its date (a GP-letter referral only). */
  gp?: { name: string; practice: string | null; letterDate: string };
}

const COLUMNS = sql`r.id, r.patient_id, r.from_organisation_id, fo.name as from_organisation_name, r.to_organisation_id, t.name as to_organisation_name,
  r.source, r.reason, r.vfa, r.agreements, r.status, r.referred_by, rb.display_name as referred_by_name, r.referred_at,
  db.display_name as decided_by_name, r.decided_at, r.decline_reason, eb.display_name as ended_by_name, r.ended_at, r.end_reason,
  r.gp_name, r.gp_practice, r.letter_date::text as letter_date`;
const JOINS = sql`left join organisation fo on fo.id = r.from_organisation_id join organisation t on t.id = r.to_organisation_id
  left join app_user rb on rb.id = r.referred_by left join app_user db on db.id = r.decided_by left join app_user eb on eb.id = r.ended_by`;
const asRow = <R extends ReferralRow>(r: R): R => ({ ...r, vfa: parsed(r.vfa), agreements: parsed(r.agreements) });

export async function insertReferral(db: Db, n: NewReferral): Promise<ReferralRow> {
  const status: ReferralStatus = n.acceptedAtOnce ? 'accepted' : 'pending';
  const r = await sql<ReferralRow>`with r as (
      insert into referral (patient_id, from_organisation_id, to_organisation_id, source, reason, vfa, agreements, status, referred_by, decided_by, decided_at, gp_name, gp_practice, letter_date)
      values (${n.patientId}, ${n.fromOrganisationId}, ${n.toOrganisationId}, ${n.source}, ${n.reason},
        ${n.vfa === null ? null : JSON.stringify(n.vfa)}::jsonb, ${n.agreements === null ? null : JSON.stringify(n.agreements)}::jsonb,
        ${status}, ${n.by}, ${n.acceptedAtOnce ? n.by : null}, ${n.acceptedAtOnce ? sql`now()` : null},
        ${n.gp?.name ?? null}, ${n.gp?.practice ?? null}, ${n.gp?.letterDate ?? null}::date)
      returning *)
    select ${COLUMNS} from r ${JOINS}`.execute(db);
  return asRow(r.rows[0] as ReferralRow);
}

/** One referral; `lock` holds it (for update) so two steps on it are taken one after the other. */
export async function referralById(db: Db, id: string, lock = false): Promise<ReferralRow | undefined> {
  if (lock) await sql`select 1 from referral where id = ${id} for update`.execute(db);
  const r = await sql<ReferralRow>`select ${COLUMNS} from referral r ${JOINS} where r.id = ${id}`.execute(db);
  const row = r.rows[0];
  return row ? asRow(row) : undefined;
}

/** The referrals of a patient, the newest first; `toOrganisationId` narrows them to one practice's. */
export async function referralsOf(db: Db, patientId: string, toOrganisationId?: string): Promise<ReferralRow[]> {
  const r = await sql<ReferralRow>`select ${COLUMNS} from referral r ${JOINS}
    where r.patient_id = ${patientId} ${toOrganisationId === undefined ? sql`` : sql`and r.to_organisation_id = ${toOrganisationId}`}
    order by r.referred_at desc, r.id desc`.execute(db);
  return r.rows.map(asRow);
}

/** A practice's referrals in one status with the patient's name and birth date, in the order given. */
async function practiceReferrals(db: Db, organisationId: string, status: ReferralStatus, order: RawBuilder<unknown>, limit: number): Promise<WaitingReferralRow[]> {
  const r = await sql<WaitingReferralRow>`select ${COLUMNS}, p.given_name, p.family_name_prefix, p.family_name, p.birth_date
    from referral r ${JOINS} join patient p on p.id = r.patient_id
    where r.to_organisation_id = ${organisationId} and r.status = ${status} and p.merged_into is null
    order by ${order} limit ${limit}`.execute(db);
  return r.rows.map(asRow);
}

/** The referrals waiting for a practice, the oldest first (the one waiting longest is seen first). */
export async function waitingFor(db: Db, organisationId: string, limit: number): Promise<WaitingReferralRow[]> {
  return practiceReferrals(db, organisationId, 'pending', sql`r.referred_at, r.id`, limit);
}

/** An open (waiting or accepted) referral of this patient to this practice, if there is one. */
export async function openReferralTo(db: Db, patientId: string, toOrganisationId: string): Promise<{ id: string; status: ReferralStatus } | undefined> {
  return db.selectFrom('referral').select(['id', 'status']).where('patient_id', '=', patientId).where('to_organisation_id', '=', toOrganisationId)
    .where('status', 'in', ['pending', 'accepted']).executeTakeFirst();
}

/**
 * Takes a step. The update only matches a referral still in the status the step starts from, so a
 * step raced by another one changes nothing (undefined) rather than overwriting it.
 */
export async function stepReferral(
  db: Db,
  id: string,
  step: { from: ReferralStatus; to: 'accepted' | 'declined' | 'ended'; by: string; reason: string | null },
): Promise<boolean> {
  const q = db.updateTable('referral').where('id', '=', id).where('status', '=', step.from);
  const done = step.to === 'ended'
    ? await q.set({ status: 'ended', ended_by: step.by, ended_at: sql<string>`now()`, end_reason: step.reason }).executeTakeFirst()
    : await q.set({ status: step.to, decided_by: step.by, decided_at: sql<string>`now()`, decline_reason: step.to === 'declined' ? step.reason : null }).executeTakeFirst();
  return done.numUpdatedRows === 1n;
}

/** Acceptance: the practice's physiotherapists may open the record (the `referral` relation). */
export async function openDoor(db: Db, patientId: string, organisationId: string): Promise<void> {
  await db.insertInto('patient_organisation').values({ patient_id: patientId, organisation_id: organisationId, relation: 'referral' }).onConflict((oc) => oc.doNothing()).execute();
}

/** A decline or an end: the practice no longer opens the record. */
export async function closeDoor(db: Db, patientId: string, organisationId: string): Promise<void> {
  await db.deleteFrom('patient_organisation').where('patient_id', '=', patientId).where('organisation_id', '=', organisationId).where('relation', '=', 'referral').execute();
}

/** What kind of organisation this is, if it exists (a referral goes to a physiotherapy practice). */
export async function organisationKind(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('organisation').select('kind').where('id', '=', id).executeTakeFirst())?.kind;
}

/** A person the practice already knows: the fields a GP's letter is matched on. */
export interface KnownPerson {
  id: string;
  given_name: string;
  family_name_prefix: string | null;
  family_name: string;
  birth_date: string;
}

/**
 * The records born on `birthDate` that this practice already knows: it treats the patient (its
 * `referral` relation), took the patient on once (an accepted or ended referral), or has a referral
 * of the patient waiting (so a letter for her is refused with the way to that one). A referral it
 * declined makes no patient of it. Merged records are left out.
 */
export async function knownToPractice(db: Db, organisationId: string, birthDate: string): Promise<KnownPerson[]> {
  const r = await sql<KnownPerson>`select p.id, p.given_name, p.family_name_prefix, p.family_name, p.birth_date from patient p
    where p.birth_date = ${birthDate} and p.merged_into is null and (
      exists (select 1 from referral r where r.patient_id = p.id and r.to_organisation_id = ${organisationId} and r.status <> 'declined')
      or exists (select 1 from patient_organisation po where po.patient_id = p.id and po.organisation_id = ${organisationId} and po.relation = 'referral'))
    order by p.id limit 50`.execute(db);
  return r.rows;
}

/** The practice's latest referral of this patient that it took on (accepted or ended), else its latest. */
export async function latestReferralTo(db: Db, patientId: string, toOrganisationId: string): Promise<ReferralRow | undefined> {
  const all = await referralsOf(db, patientId, toOrganisationId);
  return all.find((r) => r.status === 'accepted' || r.status === 'ended') ?? all[0];
}

/** The referrals a practice has taken on (accepted), with the patient's name and birth date, by surname. */
export async function acceptedFor(db: Db, organisationId: string, limit: number): Promise<WaitingReferralRow[]> {
  return practiceReferrals(db, organisationId, 'accepted', sql`p.family_name, p.given_name, r.id`, limit);
}

/** The physiotherapy practices a hospital may refer to, by name. */
export async function practices(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('organisation').select(['id', 'name']).where('kind', '=', 'physiotherapy').orderBy('name').orderBy('id').execute();
}
