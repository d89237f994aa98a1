// Referrals on both stores: one open referral per patient and practice (the unique index), the
// checks that keep each status with its who and when, a step that only matches the status it starts
// from (a raced step changes nothing), and the door (the `referral` relation) opened and closed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, STORE_KINDS } from './testing/stores.js';
import type { Store } from './db.js';
import { insertUser } from './accounts.repo.js';
import { closeDoor, insertReferral, openDoor, openReferralTo, referralById, referralsOf, stepReferral, waitingFor } from './referral.repo.js';
import { violatedUnique } from './errors.js';

describe.each(STORE_KINDS)('referrals on %s', (kind) => {
  let store: Store;
  let hosp = '';
  let practice = '';
  let nurse = '';
  let physio = '';
  const patient = async (name: string) => (await store.db.insertInto('patient')
    .values({ family_name: name, given_name: 'Test', birth_date: '1956-05-05', sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' })
    .returning('id').executeTakeFirstOrThrow()).id;
  const door = async (patientId: string) => (await store.db.selectFrom('patient_organisation').select('relation')
    .where('patient_id', '=', patientId).where('organisation_id', '=', practice).execute()).map((r) => r.relation);
  const refer = (patientId: string, over: Partial<Parameters<typeof insertReferral>[1]> = {}) => insertReferral(store.db, {
    patientId, fromOrganisationId: hosp, toOrganisationId: practice, source: 'hospital', reason: 'Wervelfractuur, oefentherapie gewenst',
    vfa: { date: '2026-01-05', vertebrae: [{ level: 'T8', grade: 2 }] }, agreements: { decidedOn: '2026-01-06', option: 'weekly-tablet', agreements: { exercise: 'Wandelen' } }, by: nurse, ...over,
  });

  beforeAll(async () => {
    store = await freshStore(kind);
    const org = async (k: 'hospital' | 'physiotherapy', name: string) => (await store.db.insertInto('organisation').values({ kind: k, name, phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    hosp = await org('hospital', 'Ziekenhuis');
    practice = await org('physiotherapy', 'Praktijk');
    nurse = await insertUser(store.db, { role: 'nurse', organisationId: hosp, patientId: null, email: 'n@ref.test', displayName: 'Verpleegkundige', passwordHash: null, status: 'active' });
    physio = await insertUser(store.db, { role: 'physiotherapist', organisationId: practice, patientId: null, email: 'f@ref.test', displayName: 'Fysio', passwordHash: null, status: 'active' });
  });
  afterAll(async () => {
    await store.close();
  });

  it('keeps what the referral said, waiting, with the names of both organisations and the referrer', async () => {
    const p = await patient('Wacht');
    const r = await refer(p);
    expect(r).toMatchObject({
      patient_id: p, status: 'pending', source: 'hospital', from_organisation_name: 'Ziekenhuis', to_organisation_name: 'Praktijk', referred_by_name: 'Verpleegkundige',
      vfa: { date: '2026-01-05', vertebrae: [{ level: 'T8', grade: 2 }] }, agreements: { option: 'weekly-tablet' }, decided_at: null,
    });
    expect(await referralById(store.db, r.id)).toEqual(r);
    const waiting = await waitingFor(store.db, practice, 50);
    expect(waiting.find((w) => w.id === r.id)).toMatchObject({ family_name: 'Wacht', birth_date: '1956-05-05' });
    expect(await waitingFor(store.db, hosp, 50)).toEqual([]);
    expect(await openReferralTo(store.db, p, practice)).toEqual({ id: r.id, status: 'pending' });
  });

  it('allows one open referral per patient and practice; a new one once the last was declined', async () => {
    const p = await patient('Eén');
    const first = await refer(p);
    const again = await refer(p).then(() => 'stored', (e: unknown) => violatedUnique(e));
    expect(again).toBe('referral_open_unique');
    expect(await stepReferral(store.db, first.id, { from: 'pending', to: 'declined', by: physio, reason: 'Geen plek' })).toBe(true);
    expect((await refer(p)).status).toBe('pending');
    expect((await referralsOf(store.db, p)).map((r) => r.status).sort()).toEqual(['declined', 'pending']);
  });

  it('takes a step only from the status it starts from, each with its who, when and reason', async () => {
    const p = await patient('Stap');
    const r = await refer(p);
    expect(await stepReferral(store.db, r.id, { from: 'accepted', to: 'ended', by: physio, reason: 'Klaar' })).toBe(false);
    expect(await stepReferral(store.db, r.id, { from: 'pending', to: 'accepted', by: physio, reason: null })).toBe(true);
    expect(await stepReferral(store.db, r.id, { from: 'pending', to: 'declined', by: physio, reason: 'Te laat' })).toBe(false);
    expect(await referralById(store.db, r.id)).toMatchObject({ status: 'accepted', decided_by_name: 'Fysio', decline_reason: null, ended_at: null });
    expect(await stepReferral(store.db, r.id, { from: 'accepted', to: 'ended', by: nurse, reason: 'Behandeling klaar' })).toBe(true);
    const ended = await referralById(store.db, r.id);
    expect(ended).toMatchObject({ status: 'ended', ended_by_name: 'Verpleegkundige', end_reason: 'Behandeling klaar' });
    expect(ended?.ended_at).not.toBeNull();
  });

  it('refuses rows whose status does not go with its who, when and reason, and a GP letter with a referring organisation', async () => {
    const p = await patient('Check');
    const bad = [
      sql`insert into referral (patient_id, from_organisation_id, to_organisation_id, source, reason, status, referred_by) values (${p}, ${hosp}, ${practice}, 'hospital', 'x', 'accepted', ${nurse})`,
      sql`insert into referral (patient_id, from_organisation_id, to_organisation_id, source, reason, status, referred_by, decided_by, decided_at) values (${p}, ${hosp}, ${practice}, 'hospital', 'x', 'declined', ${nurse}, ${physio}, now())`,
      sql`insert into referral (patient_id, from_organisation_id, to_organisation_id, source, reason, referred_by) values (${p}, ${hosp}, ${practice}, 'gp-letter', 'x', ${nurse})`,
      sql`insert into referral (patient_id, from_organisation_id, to_organisation_id, source, reason, referred_by) values (${p}, null, ${practice}, 'hospital', 'x', ${nurse})`,
      sql`insert into referral (patient_id, from_organisation_id, to_organisation_id, source, reason, referred_by) values (${p}, ${hosp}, ${practice}, 'hospital', '', ${nurse})`,
    ];
    for (const q of bad) await expect(q.execute(store.db)).rejects.toThrow();
    const gp = await refer(p, { fromOrganisationId: null, source: 'gp-letter', by: physio, acceptedAtOnce: true });
    expect(gp).toMatchObject({ status: 'accepted', from_organisation_id: null, from_organisation_name: null, decided_by_name: 'Fysio' });
  });

  it('opens the door once (twice is harmless) and closes it', async () => {
    const p = await patient('Deur');
    await store.db.insertInto('patient_organisation').values({ patient_id: p, organisation_id: practice, relation: 'care' }).execute();
    await openDoor(store.db, p, practice);
    await openDoor(store.db, p, practice);
    expect((await door(p)).sort()).toEqual(['care', 'referral']);
    await closeDoor(store.db, p, practice);
    expect(await door(p)).toEqual(['care']);
  });
});
