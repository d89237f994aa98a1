// The logistics pages driven like a browser without JavaScript: the evening clinic's note on the
// plan form and its rule said at the part's time, a visit planned and marked attended with a part
// done, the letter answered as a PDF, a task with its date, and the day board's chips in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { todayNl } from '../../schema/clock.js';
import { typedFromIso } from '../forms.js';
import { addDays } from '../../core/time/date.js';

const l = nl.logistics;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the logistics pages', () => {
  let t: TestApp;
  let anna = '';

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  async function as(role: 'nurse' | 'physiotherapist') {
    const b = new Browser(t);
    await b.signIn(account(role).email);
    return b;
  }

  it('says on the plan form that a DXA on an evening clinic day is planned in the daytime, and refuses an evening scan at its time field', async () => {
    const b = await as('nurse');
    const page = await b.get(`/patients/${anna}/visits`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(l.plan.eveningHint.replace(/'/g, '&#39;'));
    expect(page.body).toContain(`accesskey="9">${nl.clinical.sections.visits}</a>`);
    const sent = await b.post(`/patients/${anna}/visits`, {
      _csrf: csrfOf(page.body), kind: 'evening-clinic', date: typedFromIso(addDays(todayNl(), 3)), dxaTime: '18:00', dxaPlace: 'DXA-kamer', consultationTime: '18:30', consultationPlace: 'Poli',
    });
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toMatch(new RegExp(`<span class="visually-hidden">Fout: </span>${esc(l.plan.eveningImaging(l.visits.partNames.dxa))}`));
    expect(sent.body).toMatch(/id="dxaTime"[^>]*value="18:00"/);
    expect(await t.store.db.selectFrom('visit').select('id').where('patient_id', '=', anna).execute()).toHaveLength(0);
  });

  it('plans a visit for today, marks it attended and a part done, and hands out the letter as a PDF', async () => {
    const b = await as('nurse');
    let page = await b.get(`/patients/${anna}/visits`);
    const planned = await b.post(`/patients/${anna}/visits`, {
      _csrf: csrfOf(page.body), kind: 'diagnostic-day', date: typedFromIso(todayNl()), dxaTime: '9.00', dxaPlace: 'DXA-kamer', labsTime: '10:00', labsPlace: 'Bloedafname', reportTo: 'Balie route 25',
    });
    expect(planned.statusCode, planned.body).toBe(303);
    page = await b.get(planned.headers.location ?? '');
    expect(page.body).toContain(l.visits.planned);
    expect(page.body).toContain('09:00</span> DXA-scan, DXA-kamer');
    const visitId = /action="\/patients\/[^/]+\/visits\/([0-9a-f-]{36})\/status"/.exec(page.body)?.[1] ?? '';
    const letter = await b.post(`/patients/${anna}/visits/letter`, { _csrf: csrfOf(page.body) });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    page = await b.get(`/patients/${anna}/visits`);
    expect(page.body).toContain(l.invitations.events.invited);
    const attended = await b.post(`/patients/${anna}/visits/${visitId}/status`, { _csrf: csrfOf(page.body), status: 'attended' });
    expect(attended.statusCode).toBe(303);
    page = await b.get(`/patients/${anna}/visits`);
    const done = await b.post(`/patients/${anna}/visits/${visitId}/done`, { _csrf: csrfOf(page.body), part: 'labs' });
    expect(done.statusCode).toBe(303);
    const v = await t.store.db.selectFrom('visit').select(['status', 'parts']).where('id', '=', visitId).executeTakeFirstOrThrow();
    expect(v.status).toBe('attended');
    const parts = (typeof v.parts === 'string' ? JSON.parse(v.parts) : v.parts) as { part: string; done: boolean }[];
    expect(parts.map((x) => [x.part, x.done])).toEqual([['dxa', false], ['labs', true]]);

    const board = await b.get('/dayboard');
    expect(board.statusCode).toBe(200);
    // Each part's state in words with a shape: never colour alone.
    expect(board.body).toMatch(new RegExp(`<span aria-hidden="true">▲ </span>${esc(l.board.resultMissing)}`));
    expect(board.body).toContain(`href="/patients/${anna}/results"`);
    expect(board.body).toContain('Anna de Vries');
  });

  it('adds a task with its date and assignee, and says what is missing', async () => {
    const b = await as('nurse');
    let page = await b.get(`/patients/${anna}/notes`);
    expect(page.statusCode).toBe(200);
    const bad = await b.post(`/patients/${anna}/notes`, { _csrf: csrfOf(page.body), kind: 'task', body: '', due: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(l.notes.dueMissing);
    const nurseId = /<option value="([0-9a-f-]{36})"/.exec(page.body)?.[1] ?? '';
    page = await b.get(`/patients/${anna}/notes`);
    const ok = await b.post(`/patients/${anna}/notes`, { _csrf: csrfOf(page.body), kind: 'task', body: 'Huisarts bellen over calcium', due: typedFromIso(addDays(todayNl(), 2)), assignee: nurseId });
    expect(ok.statusCode, ok.body).toBe(303);
    page = await b.get(`/patients/${anna}/notes`);
    expect(page.body).toContain('Huisarts bellen over calcium');
    const item = await t.store.db.selectFrom('worklist_item').select(['step', 'title', 'assignee']).where('patient_id', '=', anna).where('step', '=', 'task').executeTakeFirstOrThrow();
    expect(item).toEqual({ step: 'task', title: 'Huisarts bellen over calcium', assignee: nurseId });
  });

  it('records the letter language and living alone on the patient form, and corrects them with the other details', async () => {
    const b = await as('nurse');
    const form = await b.get('/patients/new');
    expect(form.body).toContain(`<legend>${nl.patients.fields.language}</legend>`);
    const made = await b.post('/patients/new', {
      _csrf: csrfOf(form.body), familyName: 'Smit', givenName: 'Ruud', birthDate: '02-02-1952', sex: 'male', bsn: '', phone: '', email: '', gpPractice: '', language: 'en', livesAlone: 'yes',
    });
    expect(made.statusCode, made.body).toBe(303);
    const id = /\/patients\/([0-9a-f-]{36})/.exec(made.headers.location ?? '')?.[1] ?? '';
    const row = () => t.store.db.selectFrom('patient').select(['language', 'lives_alone']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(await row()).toEqual({ language: 'en', lives_alone: true });
    const record = await b.get(`/patients/${id}`);
    expect(record.body).toMatch(/name="livesAlone" value="yes" checked/);
    const fixed = await b.post(`/patients/${id}/correction`, {
      _csrf: csrfOf(record.body), familyName: 'Smit', givenName: 'Ruud', birthDate: '02-02-1952', sex: 'male', phone: '', email: '', gpPractice: '', language: 'nl', livesAlone: '', reason: 'correction',
    });
    expect(fixed.statusCode, fixed.body).toBe(303);
    expect(await row()).toEqual({ language: 'nl', lives_alone: null });
  });

  it('keeps the day board and the logistics from a physiotherapist', async () => {
    const b = await as('physiotherapist');
    expect((await b.get('/dayboard')).statusCode).toBe(403);
    expect((await b.get(`/patients/${anna}/visits`)).statusCode).toBe(403);
  });
});
