// A physiotherapist of the fixture's second practice (physio B), signed in: the one who must see
// nothing of a patient referred to the first practice.
import { hashPassword } from '../../services/auth.js';
import { insertUser } from '../../store/accounts.repo.js';
import { PASSWORD, type Fixture } from './fixture.js';
import { sessionCookie, signInApi, type TestApp } from './test-app.js';

/** The session cookie of a new physiotherapist of practice B. */
export async function signInSecondPractice(t: TestApp, f: Fixture): Promise<string> {
  await insertUser(t.store.db, { role: 'physiotherapist', organisationId: f.orgs.physioB, patientId: null, email: 'physio-b@fixture.test', displayName: 'Physio B', passwordHash: await hashPassword(PASSWORD), status: 'active' });
  return sessionCookie(await signInApi(t, 'physio-b@fixture.test', PASSWORD));
}
