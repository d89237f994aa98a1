// Two look-alike organisation sets (A and B), each with a hospital, a physiotherapy practice and a
// children's day centre, their staff, and patients in their care: the ground for the
// authorisation matrix ("own" = set A, "other" = set B).
import type { Db } from '../../store/db.js';
import { insertUser } from '../../store/accounts.repo.js';
import { linkCaregiver } from '../../store/patient.repo.js';
import { hashPassword } from '../../services/auth.js';
import type { Role } from '../../store/schema.js';

export const PASSWORD = 'fixture-password-1';

export interface Fixture {
  orgs: Record<'hospA' | 'physioA' | 'dayA' | 'hospB' | 'physioB' | 'dayB', string>;
  patients: Record<'adultA' | 'childA' | 'adultB' | 'childB', string>;
  users: Record<Role, { id: string; email: string }>;
}

let cachedHash: Promise<string> | undefined;

export async function buildFixture(db: Db, asOfYear = 2026): Promise<Fixture> {
  cachedHash ??= hashPassword(PASSWORD);
  const hash = await cachedHash;
  const org = async (kind: 'hospital' | 'physiotherapy' | 'day-centre', name: string) =>
    (await db.insertInto('organisation').values({ kind, name, phone: null }).returning('id').executeTakeFirstOrThrow()).id;
  const orgs = {
    hospA: await org('hospital', 'Hospital A'),
    physioA: await org('physiotherapy', 'Physio A'),
    dayA: await org('day-centre', 'Day centre A'),
    hospB: await org('hospital', 'Hospital B'),
    physioB: await org('physiotherapy', 'Physio B'),
    dayB: await org('day-centre', 'Day centre B'),
  };
  const patient = async (name: string, birthYear: number, links: [string, 'care' | 'referral'][]) => {
    const row = await db
      .insertInto('patient')
      .values({ family_name: name, given_name: 'Test', birth_date: `${String(birthYear)}-05-05`, sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [o, relation] of links) await db.insertInto('patient_organisation').values({ patient_id: row.id, organisation_id: o, relation }).execute();
    return row.id;
  };
  const patients = {
    adultA: await patient('AdultA', asOfYear - 70, [[orgs.hospA, 'care'], [orgs.physioA, 'referral']]),
    childA: await patient('ChildA', asOfYear - 10, [[orgs.dayA, 'care']]),
    adultB: await patient('AdultB', asOfYear - 70, [[orgs.hospB, 'care'], [orgs.physioB, 'referral']]),
    childB: await patient('ChildB', asOfYear - 10, [[orgs.dayB, 'care']]),
  };
  const user = async (role: Role, org: string | null, patientId: string | null) => {
    const email = `${role}@fixture.test`;
    const id = await insertUser(db, { role, organisationId: org, patientId, email, displayName: `Fixture ${role}`, passwordHash: hash, status: 'active' });
    return { id, email };
  };
  const users = {
    nurse: await user('nurse', orgs.hospA, null),
    physician: await user('physician', orgs.hospA, null),
    physiotherapist: await user('physiotherapist', orgs.physioA, null),
    'care-worker': await user('care-worker', orgs.dayA, null),
    admin: await user('admin', orgs.hospA, null),
    patient: await user('patient', null, patients.adultA),
    caregiver: await user('caregiver', null, null),
  };
  await linkCaregiver(db, { caregiverUserId: users.caregiver.id, patientId: patients.childA, relation: 'parent', consent: null, representationProof: null, by: null });
  // A care worker sees the children of their own group only: day centre A's one group has both.
  const group = (await db.insertInto('day_centre_group').values({ organisation_id: orgs.dayA, name: 'Group A', created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('day_centre_group_child').values({ group_id: group, patient_id: patients.childA, added_by: null }).execute();
  await db.insertInto('day_centre_group_staff').values({ group_id: group, user_id: users['care-worker'].id, added_by: null }).execute();
  return { orgs, patients, users };
}

/** A woman in `organisationId`'s care (a hospital's, for a referral to start from), with no other facts. */
export async function patientInCare(db: Db, organisationId: string, p: { familyName: string; givenName: string; birthDate: string }): Promise<string> {
  const { id } = await db.insertInto('patient')
    .values({ family_name: p.familyName, given_name: p.givenName, birth_date: p.birthDate, sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('patient_organisation').values({ patient_id: id, organisation_id: organisationId, relation: 'care' }).execute();
  return id;
}
