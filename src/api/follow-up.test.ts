// Follow-up over HTTP on both stores: a contact with its new fracture stored in one go and read by
// the core (a fracture a year into treatment asks for a specialist), the GP hand-over letter
// refused with the core's reasons until the core hands over and then kept and printed again, the
// dentist's card only for a drug with a jaw risk, and the worklist's hand-over step closed by the letter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { addMonths } from '../core/time/date.js';
import { day } from '../core/text.js';
import { todayNl } from '../schema/clock.js';
import { pdfText } from './testing/pdf-text.js';

interface ProblemDoc { type: string; status: number; reasons?: string[]; errors?: { pointer: string; detail: string }[] }
interface Letter { id: string; kind: string; lang: string; title: string; writtenBy: string | null }
interface FollowUp {
  treatmentStart: string | null;
  schedule: { kind: string; due: string; status: string }[];
  handover: { eligible: boolean; reasons: string[] } | null;
  specialist: string[];
  contacts: { kind: string; date: string; adherence: string | null; newFractures: number; fallsSince: number | null }[];
}

describe.each(STORE_KINDS)('follow-up and letters over HTTP on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();
  const start = addMonths(today, -13);
  let patient: string;
  let p: string;
  /** A second patient of the same hospital, on no medicine. */
  let other: string;

  const call = (method: 'GET' | 'POST', url: string, as: string, body?: unknown) =>
    t.app.inject({
      method, url,
      headers: { cookie: cookie[as] ?? '', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const post = (url: string, body: unknown, as = 'nurse') => call('POST', url, as, body);
  const get = (url: string, as = 'nurse') => call('GET', url, as);
  const count = async (kinds: string[]) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from clinical_entry where patient_id = ${patient} and kind in (${sql.join(kinds)})`.execute(t.store.db)).rows[0]?.n);
  const steps = async () => (await sql<{ step: string }>`select step from worklist_item where patient_id = ${patient}`.execute(t.store.db)).rows.map((r) => r.step);

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient'], cookie);
    patient = f.patients.adultA;
    p = `/api/v1/patients/${patient}`;
    await sql`update patient set gp_practice = 'Huisartsen De Linde' where id = ${patient}`.execute(t.store.db);
    const row = await t.store.db.insertInto('patient')
      .values({ family_name: 'Zondermiddel', given_name: 'Test', birth_date: '1950-01-01', sex: 'female', bsn: null, phone: null, email: null, gp_practice: null, pathway_stage: 'case-finding' })
      .returning('id').executeTakeFirstOrThrow();
    await t.store.db.insertInto('patient_organisation').values({ patient_id: row.id, organisation_id: f.orgs.hospA, relation: 'care' }).execute();
    other = `/api/v1/patients/${row.id}`;
    for (const [url, body] of [
      [`${p}/entries`, { kind: 'menopause', date: today, data: { status: 'post', ageAtMenopause: 50 } }],
      [`${p}/entries`, { kind: 'fracture', date: addMonths(today, -14), data: { site: 'wrist', side: 'left' } }],
      [`${p}/labs`, { date: addMonths(start, -1), results: [{ test: 'egfr', value: 70, unit: 'mL/min/1.73m²' }, { test: 'calcium', value: 2.4, unit: 'mmol/L' }] }],
    ] as const) {
      const res = await post(url, body);
      expect(res.statusCode, res.body).toBe(201);
    }
    const med = await post(`${p}/medications`, { drug: 'denosumab', start, acknowledgeCautions: true }, 'physician');
    expect(med.statusCode, med.body).toBe(201);
    const medId = med.json<{ id: string }>().id;
    for (const d of [start, addMonths(start, 6), addMonths(start, 12)]) {
      const dose = await post(`${p}/medications/${medId}/doses`, { date: d, batch: 'B-1' });
      expect(dose.statusCode, dose.body).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the hand-over letter with the core\'s reasons before the 1-year visit, storing nothing', async () => {
    const res = await post(`${p}/letters`, { kind: 'gp-handover' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json<ProblemDoc>().reasons).toContain('no-one-year-contact');
    expect((await get(`${p}/letters`)).json<Letter[]>()).toEqual([]);
  });

  it('refuses a new fracture dated after its contact, with the field named, and stores nothing', async () => {
    const res = await post(`${p}/contacts`, { date: addMonths(start, 3), kind: '3-months', newFractures: [{ date: today, site: 'rib' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/newFractures/0/date']);
    expect(await count(['contact'])).toBe(0);
  });

  it('records the contacts; a fracture a year into treatment is stored with its contact and asks for a specialist', async () => {
    const three = await post(`${p}/contacts`, { date: addMonths(start, 3), kind: '3-months', adherence: 'as-agreed', fallsSince: 0 });
    expect(three.statusCode, three.body).toBe(201);
    const before = (await get(`${p}/follow-up`)).json<FollowUp>();
    expect(before.specialist).not.toContain('fracture-on-treatment');
    expect(before.schedule.find((i) => i.kind === '3-months')?.status).toBe('done');
    expect(before.schedule.find((i) => i.kind === '1-year')?.status).not.toBe('done');

    const fractureOn = addMonths(today, -1);
    const year = await post(`${p}/contacts`, {
      date: fractureOn, kind: '1-year', adherence: 'sometimes-missed', sideEffects: 'Wat spierpijn na de prik', fallsSince: 1,
      newFractures: [{ date: fractureOn, site: 'rib', side: 'right' }], note: 'Gevallen in de tuin',
    });
    expect(year.statusCode, year.body).toBe(201);
    const recorded = year.json<{ contact: { newFractures: number; recordedBy: string | null }; fractureIds: string[] }>();
    expect(recorded.contact.newFractures).toBe(1);
    expect(recorded.fractureIds).toHaveLength(1);
    expect(recorded.contact.recordedBy).toBe('Fixture nurse');
    expect(await count(['contact'])).toBe(2);
    expect(await count(['fracture'])).toBe(2);

    const after = (await get(`${p}/follow-up`)).json<FollowUp>();
    expect(after.specialist).toContain('fracture-on-treatment');
    expect(after.treatmentStart).toBe(start);
    expect(after.schedule.find((i) => i.kind === '1-year')?.status).toBe('done');
    expect(after.contacts.map((c) => [c.kind, c.adherence, c.newFractures, c.fallsSince])).toEqual([['1-year', 'sometimes-missed', 1, 1], ['3-months', 'as-agreed', 0, 0]]);
  });

  it('writes the hand-over letter once the core hands over, closes the worklist step and prints it again from what it said', async () => {
    expect(await steps()).toContain('handover');
    const res = await post(`${p}/letters`, { kind: 'gp-handover' });
    expect(res.statusCode, res.body).toBe(201);
    const letter = res.json<Letter>();
    expect(letter).toMatchObject({ kind: 'gp-handover', lang: 'nl', title: 'Overdracht osteoporosezorg aan de huisarts', writtenBy: 'Fixture nurse' });
    expect(await steps()).not.toContain('handover');

    const pdf = await get(`${p}/letters/${letter.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toMatch(/Overdracht osteoporosezorg aan de huisarts/);
    expect(text).toMatch(/huisartsenpraktijk Huisartsen De Linde/);
    expect(text).toMatch(/AdultA/);
    expect(text).toMatch(/pols/);
    expect(text).toMatch(/denosumab: 60 mg/);
    // The next injection: six months after the last dose, from the core's medication.next-dose.
    expect(text).toContain(`Volgende injectie denosumab: ${day(addMonths(start, 18), 'nl')}`);
    expect(text).toMatch(/Infusen blijven in het ziekenhuis/);
    expect(text).toMatch(/Wanneer terugverwijzen/);

    // Printed again after the record changed, it says what it said.
    await sql`update patient set gp_practice = 'Elders' where id = ${patient}`.execute(t.store.db);
    expect(pdfText((await get(`${p}/letters/${letter.id}/pdf`, 'physician')).rawPayload)).toMatch(/Huisartsen De Linde/);
  });

  it('writes the dentist\'s card for a patient on denosumab, in Dutch and in English', async () => {
    const nl = await post(`${p}/letters`, { kind: 'dentist-card' });
    expect(nl.statusCode, nl.body).toBe(201);
    const text = pdfText((await get(`${p}/letters/${nl.json<Letter>().id}/pdf`)).rawPayload);
    expect(text).toMatch(/Kaart voor de tandarts/);
    expect(text).toContain(`Gebruikt denosumab sinds ${day(start, 'nl')}`);
    expect(text).toMatch(/osteonecrose van de kaak/);
    const en = await post(`${p}/letters`, { kind: 'dentist-card', lang: 'en' }, 'physician');
    expect(en.statusCode, en.body).toBe(201);
    expect(pdfText((await get(`${p}/letters/${en.json<Letter>().id}/pdf`)).rawPayload)).toMatch(/Card for the dentist/);
    const list = (await get(`${p}/letters`)).json<Letter[]>();
    expect(list.map((l) => [l.kind, l.lang])).toEqual([['dentist-card', 'en'], ['dentist-card', 'nl'], ['gp-handover', 'nl']]);
  });

  it('refuses the card for a patient on no drug with a jaw risk, and the hand-over letter in English', async () => {
    const card = await post(`${other}/letters`, { kind: 'dentist-card' });
    expect(card.statusCode, card.body).toBe(409);
    expect(card.json<ProblemDoc>().reasons).toEqual(['no-jaw-risk-medication']);
    const en = await post(`${p}/letters`, { kind: 'gp-handover', lang: 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json<ProblemDoc>().errors?.map((e) => e.pointer)).toEqual(['/lang']);
  });

  it('lets a physiotherapist read the letters but not write them; a letter of another record is not found', async () => {
    expect((await post(`${p}/contacts`, { date: today, kind: 'review' }, 'physiotherapist')).statusCode).toBe(403);
    expect((await post(`${p}/letters`, { kind: 'dentist-card' }, 'physiotherapist')).statusCode).toBe(403);
    const list = await get(`${p}/letters`, 'physiotherapist');
    expect(list.statusCode).toBe(200);
    const id = list.json<Letter[]>()[0]?.id ?? '';
    expect((await get(`${other}/letters/${id}/pdf`)).statusCode).toBe(404);
  });
});
