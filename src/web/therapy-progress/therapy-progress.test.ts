// The progress pages, driven like a browser without script: the practice and the hospital's nurse
// see a chart per measure (an SVG with role="img", its title, the trend in words and the cut-off
// drawn), the data table, the goals and the next measurement due after the therapy ended; the hub
// and the record lead there; the report downloads as a PDF that pdftotext reads back; the patient
// reads her measurements in plain words, steps without better or worse; others are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { pdfText } from '../../api/testing/pdf-text.js';
import { addMonths } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { insertEntry } from '../../store/record.repo.js';
import { nl } from '../i18n/nl.js';
import { en } from '../i18n/en.js';

const w = nl.progress;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const dmy = (iso: string) => iso.split('-').reverse().join('-');

describe('the progress pages', () => {
  let t: TestApp;
  let anna = '';
  const today = todayNl();
  const start = addMonths(today, -8);
  const m = (n: number) => addMonths(start, n);
  const url = () => `/patients/${anna}/therapy/progress`;

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
    // The demo's own first measurement (src/demo/demo-progress.ts) opens the page with one point; this test draws its own series.
    const demo = await t.store.db.selectFrom('clinical_entry').select('kind').where('patient_id', '=', anna).where('kind', 'in', ['exercise-measurement', 'exercise-therapy']).execute();
    expect(demo.map((d) => d.kind).sort()).toEqual(['exercise-measurement', 'exercise-therapy']);
    await t.store.db.deleteFrom('clinical_entry').where('patient_id', '=', anna).where('kind', 'in', ['exercise-measurement', 'exercise-therapy']).execute();
    const put = (kind: 'exercise-measurement' | 'exercise-therapy', date: string, data: object) =>
      insertEntry(t.store.db, { patientId: anna, kind, date, data, source: 'clinician', by: null, organisationId: null });
    await put('exercise-therapy', start, { end: m(4) });
    await put('exercise-measurement', m(0), {
      sppb: { sideBySideSeconds: 10, semiTandemSeconds: 4, gait4mSeconds: 7, chairStand5Seconds: 15 }, tugSeconds: 16.4, stepsPerDay: 2800,
      psk: [{ activity: 'Trap lopen', score: 8 }], goals: [{ goal: 'Weer zelf naar de markt', status: 'kept' }],
    });
    await put('exercise-measurement', m(3), {
      sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 6, gait4mSeconds: 5.5, chairStand5Seconds: 12.5 }, tugSeconds: 12.8, stepsPerDay: 2500,
      psk: [{ activity: 'Trap lopen', score: 4 }], goals: [{ goal: 'Weer zelf naar de markt', status: 'reached' }],
    });
    await put('exercise-measurement', m(6), { tugSeconds: 11.9, chairStand30s: 9 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the practice a chart per measure with its cut-off, the trend in words, the table, the goals and the next measurement', async () => {
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const hub = await b.get(`/patients/${anna}/therapy`);
    expect(hub.body).toContain(`href="${url()}"`);
    expect((await b.get(`/patients/${anna}/therapy/measurements`)).body).toContain(`href="${url()}"`);
    const page = await b.get(url());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${w.title}</h1>`);
    expect(page.body).toContain(`href="/patients/${anna}/therapy"`);
    expect(page.body).not.toContain('<script');
    // One drawing per measured measure and per PSK activity, each an image with its title and sentence.
    expect(page.body.match(/<svg class="series-chart"[^>]*role="img"/g)).toHaveLength(5);
    expect(page.body).toContain('id="measure-tug-title"');
    expect(page.body).toContain('aria-describedby="measure-tug-summary"');
    expect(page.body).toContain(esc(w.trendMany('Timed Up and Go', '16,4 s', dmy(m(0)), '11,9 s', dmy(m(6)), w.direction.better)));
    expect(page.body).toContain(esc(w.lineWords['tug-15']));
    expect(page.body).toContain('stroke-dasharray="8 5"');
    // SPPB 5 (low) to 9 (intermediate): bands drawn and named.
    expect(page.body).toContain(esc(w.lineWords.sppb));
    expect(page.body).toContain('>middel</td>');
    // Steps: no goal recorded, so no line and no better or worse: fewer steps in words only.
    expect(page.body).toContain(esc(w.noStepsGoal));
    expect(page.body).toContain(esc(w.trendMany('Stappen per dag', '2800 stappen', dmy(m(0)), '2500 stappen', dmy(m(3)), w.stepsDirection.worse)));
    // The chair-stand norm for her age that day, drawn per point and named in the table.
    expect(page.body).toMatch(/norm \d+ \(\d+ jaar\)/);
    // Goals, the period and the next measurement: 3 months after the latest, though the therapy ended.
    expect(page.body).toContain('Weer zelf naar de markt');
    expect(page.body).toContain('>gehaald</td>');
    expect(page.body).toContain(esc(w.therapyFromTo(dmy(start), dmy(m(4)), true)));
    expect(page.body).toContain(dmy(addMonths(m(6), 3)));
    expect(page.body).toContain(esc(w.afterEnd));
    expect(page.body).toContain(`href="/patients/${anna}/therapy/progress-report.pdf"`);

    const pdf = await b.get(`/patients/${anna}/therapy/progress-report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="botpad-voortgang-/);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Voortgangsverslag oefentherapie');
    expect(text).toContain('Anna');
    expect(text).toContain('16,4 s traag eerste meting');
    expect(text).toContain('Weer zelf naar de markt: gehaald');
  });

  it('the record leads the hospital\'s nurse to the same page, in English too', async () => {
    const b = new Browser(t);
    await b.signIn(account('nurse').email);
    const record = await b.get(`/patients/${anna}`);
    expect(record.body).toContain(`href="${url()}"`);
    const page = await b.get(url());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('role="img"');
    await b.get('/preferences?lang=en');
    const english = await b.get(url());
    expect(english.body).toContain(`<h1>${en.progress.title}</h1>`);
    expect(english.body).toContain(esc(en.progress.lineWords['tug-15']));
  });

  it('tells the patient how her measurements went in plain words, steps without judging, and refuses her the clinician page', async () => {
    const b = new Browser(t);
    await b.signIn(account('patient').email);
    const programme = await b.get(`/exercise/${anna}`);
    expect(programme.body).toContain(`href="/progress/${anna}"`);
    const page = await b.get(`/progress/${anna}`);
    expect(page.statusCode).toBe(200);
    const p = w.patient;
    expect(page.body).toContain(`<h1>${p.title}</h1>`);
    expect(page.body).toContain(esc(`${p.change(p.names.tug, '16,4 s', dmy(m(0)), '11,9 s', dmy(m(6)))} ${p.better}`));
    const steps = esc(p.change(p.names.steps, '2800 stappen', dmy(m(0)), '2500 stappen', dmy(m(3))));
    expect(page.body).toContain(`${steps}</li>`);
    expect(page.body).toContain(esc(p.psk('Trap lopen', 8, 4)));
    expect(page.body).toContain(esc(p.next(dmy(addMonths(m(6), 3)))));
    expect(page.body).toContain(`class="button" href="/exercise/${anna}"`);
    expect(page.body).not.toContain('<script');
    expect((await b.get(url())).statusCode).toBe(403);
    expect((await b.get(`/patients/${anna}/therapy/progress-report.pdf`)).statusCode).toBe(403);
  });

  it('keeps the report with the letters for the practice, printed again from the letters page; the nurse has no button', async () => {
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    expect((await nurse.get(url())).body).not.toContain(`action="${url()}/keep"`);
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const page = await b.get(url());
    expect(page.body).toContain(`action="${url()}/keep"`);
    const kept = await b.post(`${url()}/keep`, { _csrf: csrfOf(page.body) });
    expect(kept.statusCode).toBe(303);
    expect(kept.headers.location).toBe(`${url()}?notice=kept`);
    const after = await b.get(String(kept.headers.location));
    expect(after.body).toContain(esc(w.kept));
    expect(after.body).toContain(`href="/patients/${anna}/letters"`);
    // Without the form's token nothing is kept.
    expect((await b.post(`${url()}/keep`, {})).statusCode).toBe(403);
    const letters = await nurse.get(`/patients/${anna}/letters`);
    expect(letters.body).toContain(esc(nl.letters.kinds['progress-report']));
    const href = /href="(\/patients\/[^"]+\/letters\/[^"]+\/pdf)"/.exec(letters.body)?.[1] ?? '';
    const pdf = await nurse.get(href);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, ' ')).toContain('16,4 s traag eerste meting');
    expect(await t.store.db.selectFrom('letter').select('id').where('patient_id', '=', anna).where('kind', '=', 'progress-report').execute()).toHaveLength(1);
  });

  it('refuses a care worker of the day centre, and a nurse the patient side', async () => {
    const cw = new Browser(t);
    await cw.signIn(account('care-worker').email);
    expect((await cw.get(url())).statusCode).toBe(403);
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    expect((await nurse.get(`/progress/${anna}`)).statusCode).toBe(403);
  });
});
