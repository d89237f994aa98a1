// The practice's home safety check, coaching sessions and letter to a dietitian over HTTP, on both
// stores. The door is the referral: before the practice accepts, its physiotherapist may neither
// read nor write; after acceptance it writes (`therapy.write`) and the hospital's nurse reads, but
// does not write; another practice is refused; after the referral ends the door is shut again.
// Bad input names each bad field and stores nothing; every attempt is audited; the letter is kept
// with the record's letters and its PDF, read back with pdftotext, says what was written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApi, signInRoles, sessionCookie, testApp, type TestApp, jsonCaller } from './testing/test-app.js';
import { buildFixture, PASSWORD, type Fixture, patientInCare } from './testing/fixture.js';
import { pdfText } from './testing/pdf-text.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { insertUser } from '../store/accounts.repo.js';
import { insertEntry } from '../store/record.repo.js';
import { hashPassword } from '../services/auth.js';
import { HOME_CHECK_ITEMS } from '../core/coaching/lists.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';

interface ProblemDoc { status: number; errors?: { pointer: string; detail: string }[] }
interface HomeCheck { id: string; date: string; items: { item: string; finding: string; note: string | null }[]; agreed: string | null; recordedBy: string | null }
interface Session { id: string; date: string; topics: { topic: string; discussed: string; agreed: string | null }[]; note: string | null }
interface Letter { id: string; kind: string; lang: string; title: string }

const today = todayNl();
const fullCheck = (over: Partial<Record<(typeof HOME_CHECK_ITEMS)[number], { finding: string; note?: string }>> = {}) => ({
  date: today,
  items: HOME_CHECK_ITEMS.map((item) => ({ item, finding: 'fine', ...over[item] })),
  agreed: 'Een nachtlampje in de gang en de losse mat in de kamer weg.',
});
const session = { date: today, topics: [{ topic: 'pain', discussed: 'Pijn in de rug bij lang staan.', agreed: 'Elk uur even zitten.' }, { topic: 'moving', discussed: 'Elke dag een half uur wandelen.' }] };

describe.each(STORE_KINDS)('home check, coaching and the dietitian letter over HTTP on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};

  const call = jsonCaller(() => t, cookie);
  const audited = (requestId: string) => t.store.db.selectFrom('audit_event').select(['action', 'allowed', 'resource']).where('request_id', '=', requestId).execute();
  /** A patient in hospital A's care, referred to practice A; accepted unless asked not to. */
  const referred = async (name: string, accept = true) => {
    const id = await patientInCare(t.store.db, f.orgs.hospA, { familyName: name, givenName: 'Ria', birthDate: '1950-03-04' });
    const r = await call('POST', `/api/v1/patients/${id}/referrals`, 'nurse', { organisationId: f.orgs.physioA, reason: 'Wervelfractuur; oefentherapie en leefstijl.' });
    expect(r.statusCode, r.body).toBe(201);
    const referralId = r.json<{ id: string }>().id;
    if (accept) expect((await call('POST', `/api/v1/referrals/${referralId}/accept`, 'physiotherapist', {})).statusCode).toBe(200);
    return { id, referralId };
  };

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient', 'caregiver', 'admin', 'care-worker'], cookie);
    // A physiotherapist of another practice.
    await insertUser(t.store.db, { role: 'physiotherapist', organisationId: f.orgs.physioB, patientId: null, email: 'physio-b@fixture.test', displayName: 'Physio B', passwordHash: await hashPassword(PASSWORD), status: 'active' });
    cookie.otherPractice = sessionCookie(await signInApi(t, 'physio-b@fixture.test', PASSWORD));
  });
  afterAll(async () => {
    await t.close();
  });

  it('before acceptance the practice may neither write nor read; after it writes, the nurse reads; ended, the door is shut', async () => {
    const { id, referralId } = await referred('Wachtend', false);
    for (const [path, body] of [['home-checks', fullCheck()], ['coaching-sessions', session], ['dietitian-letters', { reason: 'Eet weinig zuivel.', lang: 'nl' }]] as const) {
      const requestId = randomUUID();
      const res = await call('POST', `/api/v1/patients/${id}/${path}`, 'physiotherapist', body, requestId);
      expect(res.statusCode, `${path} before acceptance`).toBe(403);
      expect(await audited(requestId)).toEqual([expect.objectContaining({ action: 'therapy.write', allowed: false })]);
      expect((await call('GET', `/api/v1/patients/${id}/${path === 'dietitian-letters' ? 'letters' : path}`, 'physiotherapist')).statusCode, `${path} read before`).toBe(403);
    }
    expect((await call('POST', `/api/v1/referrals/${referralId}/accept`, 'physiotherapist', {})).statusCode).toBe(200);

    const requestId = randomUUID();
    const made = await call('POST', `/api/v1/patients/${id}/home-checks`, 'physiotherapist', fullCheck({ lighting: { finding: 'needs-work', note: 'Gang is donker.' }, pets: { finding: 'not-applicable' } }), requestId);
    expect(made.statusCode, made.body).toBe(201);
    const check = made.json<HomeCheck>();
    expect(check.items.map((i) => i.item)).toEqual([...HOME_CHECK_ITEMS]);
    expect(check.items[0]).toEqual({ item: 'lighting', finding: 'needs-work', note: 'Gang is donker.' });
    expect(check.items.find((i) => i.item === 'pets')).toEqual({ item: 'pets', finding: 'not-applicable', note: null });
    expect(check).toMatchObject({ date: today, agreed: fullCheck().agreed, recordedBy: 'Fixture physiotherapist' });
    expect(await audited(requestId)).toEqual([{ action: 'therapy.write', allowed: true, resource: 'patient/home-check' }]);

    const held = await call('POST', `/api/v1/patients/${id}/coaching-sessions`, 'physiotherapist', session);
    expect(held.statusCode, held.body).toBe(201);
    // Kept in the core's order of topics, whatever order they came in.
    expect(held.json<Session>().topics).toEqual([
      { topic: 'moving', discussed: 'Elke dag een half uur wandelen.', agreed: null },
      { topic: 'pain', discussed: 'Pijn in de rug bij lang staan.', agreed: 'Elk uur even zitten.' },
    ]);

    // The hospital's nurse and physician read; they do not write.
    for (const role of ['nurse', 'physician', 'physiotherapist']) {
      const readId = randomUUID();
      const checks = await call('GET', `/api/v1/patients/${id}/home-checks`, role, undefined, readId);
      expect(checks.statusCode, role).toBe(200);
      expect(checks.json<HomeCheck[]>().map((c) => c.id)).toEqual([check.id]);
      expect(await audited(readId)).toEqual([{ action: 'record.read', allowed: true, resource: 'patient/home-check' }]);
      expect((await call('GET', `/api/v1/patients/${id}/coaching-sessions`, role)).json<Session[]>()).toHaveLength(1);
    }
    for (const role of ['nurse', 'physician', 'patient', 'caregiver', 'admin', 'care-worker', 'otherPractice']) {
      const writeId = randomUUID();
      expect((await call('POST', `/api/v1/patients/${id}/home-checks`, role, fullCheck(), writeId)).statusCode, `${role} writes`).toBe(403);
      expect((await audited(writeId)).every((a) => !a.allowed), `${role} refusal audited`).toBe(true);
      expect((await call('POST', `/api/v1/patients/${id}/coaching-sessions`, role, session)).statusCode, `${role} coaches`).toBe(403);
      expect((await call('POST', `/api/v1/patients/${id}/dietitian-letters`, role, { reason: 'x', lang: 'nl' })).statusCode, `${role} letter`).toBe(403);
    }
    // Another practice does not even read.
    expect((await call('GET', `/api/v1/patients/${id}/home-checks`, 'otherPractice')).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/patients/${id}/coaching-sessions`, 'otherPractice')).statusCode).toBe(403);

    // Ended: the practice's door is shut, what it recorded stays in the record for the hospital.
    expect((await call('POST', `/api/v1/referrals/${referralId}/end`, 'physician', { reason: 'Klaar.' })).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/patients/${id}/home-checks`, 'physiotherapist', fullCheck())).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/patients/${id}/home-checks`, 'physiotherapist')).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/patients/${id}/home-checks`, 'nurse')).json<HomeCheck[]>()).toHaveLength(1);
    expect(await t.store.db.selectFrom('home_check').select('id').where('patient_id', '=', id).execute()).toHaveLength(1);
  });

  it('bad input names each bad field at once and stores nothing', async () => {
    const { id } = await referred('Fout');
    const problems = async (path: string, body: unknown) => {
      const res = await call('POST', `/api/v1/patients/${id}/${path}`, 'physiotherapist', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      return (res.json<ProblemDoc>().errors ?? []).map((e) => e.pointer).sort();
    };
    const twice = fullCheck();
    twice.items[6] = { item: 'lighting', finding: 'fine' };
    expect(await problems('home-checks', { ...twice, date: addDays(today, 1) })).toEqual(['/date', '/items', '/items/6/item']);
    const bad = fullCheck();
    bad.items[1] = { item: 'rugs-and-cables', finding: 'maybe', note: 'x'.repeat(2001) };
    expect(await problems('home-checks', { ...bad, date: '31-02-2026', agreed: '   ', extra: 1 })).toEqual(['/agreed', '/date', '/extra', '/items/1/finding', '/items/1/note']);
    expect(await problems('home-checks', { date: today, items: [{ item: 'attic', finding: 'fine' }] })).toEqual(['/items', '/items/0/item']);
    expect(await problems('coaching-sessions', { date: today, topics: [] })).toEqual(['/topics']);
    expect(await problems('coaching-sessions', { date: addDays(today, 2), topics: [{ topic: 'pain', discussed: '' }, { topic: 'pain', discussed: 'ok', agreed: 'x'.repeat(2001) }, { topic: 'sleep', discussed: 'ok' }] }))
      .toEqual(['/date', '/topics/0/discussed', '/topics/1/agreed', '/topics/1/topic', '/topics/2/topic']);
    expect(await problems('dietitian-letters', { question: '', lang: 'fr' })).toEqual(['/lang', '/question', '/reason']);
    expect(await t.store.db.selectFrom('home_check').select('id').where('patient_id', '=', id).execute()).toEqual([]);
    expect(await t.store.db.selectFrom('coaching_session').select('id').where('patient_id', '=', id).execute()).toEqual([]);
    expect(await t.store.db.selectFrom('letter').select('id').where('patient_id', '=', id).execute()).toEqual([]);
    // An unknown patient: 404, audited as refused.
    expect((await call('POST', `/api/v1/patients/${randomUUID()}/home-checks`, 'physiotherapist', fullCheck())).statusCode).toBe(404);
  });

  it('the letter to a dietitian is kept with the letters, and its PDF says the reason, the question, the core on calcium and the session on food', async () => {
    const { id } = await referred('Zuivel');
    await insertEntry(t.store.db, { patientId: id, kind: 'calcium', date: today, data: { servings: { 'milk-glass': 1 } }, source: 'clinician', by: null, organisationId: null });
    expect((await call('POST', `/api/v1/patients/${id}/coaching-sessions`, 'physiotherapist', {
      date: today, topics: [{ topic: 'calcium-food', discussed: 'Drinkt geen melk, eet weinig kaas.', agreed: 'Elke dag een schaaltje yoghurt.' }],
    })).statusCode).toBe(201);
    const requestId = randomUUID();
    const res = await call('POST', `/api/v1/patients/${id}/dietitian-letters`, 'physiotherapist', { reason: 'Te weinig kalk in het eten; valt af.', question: 'Wilt u een eetplan met genoeg kalk en eiwit maken?', lang: 'nl' }, requestId);
    expect(res.statusCode, res.body).toBe(201);
    const letter = res.json<Letter>();
    expect(letter).toMatchObject({ kind: 'dietitian-referral', lang: 'nl', title: 'Verwijzing naar de diëtist' });
    expect(await audited(requestId)).toEqual([{ action: 'therapy.write', allowed: true, resource: 'patient/letter/dietitian-referral' }]);
    const listed = await call('GET', `/api/v1/patients/${id}/letters`, 'nurse');
    expect(listed.json<Letter[]>().map((l) => l.id)).toEqual([letter.id]);
    const pdf = await call('GET', `/api/v1/patients/${id}/letters/${letter.id}/pdf`, 'physiotherapist');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const s of ['Physio A', 'Aan: de diëtist', 'Verwijzing naar de diëtist', 'Over: Ria Zuivel, geboren 4 maart 1950', 'Waarom wij verwijzen', 'Te weinig kalk in het eten; valt af.',
      'Onze vraag', 'Wilt u een eetplan met genoeg kalk en eiwit maken?', 'Kalk en vitamine D volgens het dossier', 'Drinkt geen melk, eet weinig kaas.', 'Afgesproken: Elke dag een schaaltje yoghurt.', 'Fixture physiotherapist']) {
      expect(text, s).toContain(s);
    }
    // The core's calcium conclusion in its own words: 1 glass of milk and other food = 580 mg a day.
    expect(text).toMatch(/580 ?mg/);
    // In English, without a question, and the nurse may not write it.
    const en = await call('POST', `/api/v1/patients/${id}/dietitian-letters`, 'physiotherapist', { reason: 'Little calcium in the diet.', lang: 'en' });
    expect(en.statusCode, en.body).toBe(201);
    const enText = pdfText((await call('GET', `/api/v1/patients/${id}/letters/${en.json<Letter>().id}/pdf`, 'nurse')).rawPayload).replace(/\s+/g, ' ');
    expect(enText).toContain('Referral to a dietitian');
    expect(enText).toContain('Little calcium in the diet.');
    expect(enText).not.toContain('Our question');
  });
  it('refuses a merged record at /params/id, and documents the routes and their shapes in the OpenAPI document', async () => {
    const { id } = await referred('Samengevoegd');
    const into = await referred('Doel');
    await t.store.db.updateTable('patient').set({ merged_into: into.id }).where('id', '=', id).execute();
    const res = await call('POST', `/api/v1/patients/${id}/home-checks`, 'physiotherapist', fullCheck());
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/params/id']);
    expect(await t.store.db.selectFrom('home_check').select('id').where('patient_id', '=', id).execute()).toEqual([]);

    const openapi = await t.app.inject('/api/openapi.json');
    expect(openapi.statusCode, openapi.body.slice(0, 500)).toBe(200);
    const doc = openapi.json<{ paths: Record<string, Record<string, { tags?: string[] }>>; components: { schemas: Record<string, unknown> } }>();
    for (const [path, method] of [
      ['/api/v1/patients/{id}/home-checks', 'post'], ['/api/v1/patients/{id}/home-checks', 'get'], ['/api/v1/patients/{id}/coaching-sessions', 'post'],
      ['/api/v1/patients/{id}/coaching-sessions', 'get'], ['/api/v1/patients/{id}/dietitian-letters', 'post'],
    ] as const) expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['coaching']);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['HomeCheck', 'CoachingSession', 'LetterView']));
  });
});
