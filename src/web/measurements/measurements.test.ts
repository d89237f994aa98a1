// The measurement pages, driven like a browser without script: the hub leads to them; the form
// names each bad input (an SPPB half filled, a time and "could not do it" together, a bad line of
// the meter's file by its number) and stores nothing; a measurement sent as the browser sends it
// (multipart, with the meter's file) is saved and its page shows each score with its cut-offs and
// source; the period is recorded; a nurse reads the measurements and the record names them, without a form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { addDays } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { checkForm, typedFromIso } from '../forms.js';
import { fileTooLarge, measurementForm, measurementInput, STEPS_FILE_LIMIT_BYTES } from './measurements.forms.js';
import { MeasurementInput } from '../../schema/therapy-measurement.schema.js';
import { insertEntry } from '../../store/record.repo.js';
import { numericDate } from '../time-format.js';
import { nl } from '../i18n/nl.js';

const w = nl.measurements;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A multipart body as a browser sends a form with a file input. */
function multipart(fields: Record<string, string>, file?: { name: string; filename: string; content: string }) {
  const boundary = '----botpad-test-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  if (file) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`);
  return { payload: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('the measurement pages', () => {
  let t: TestApp;
  let anna = '';
  const today = todayNl();
  const list = () => `/patients/${anna}/therapy/measurements`;
  const count = async () => Number((await t.store.db.selectFrom('clinical_entry').select((eb) => eb.fn.countAll().as('n')).where('kind', 'in', ['exercise-measurement', 'exercise-therapy']).executeTakeFirstOrThrow()).n);
  const send = (b: Browser, url: string, body: { payload: string; contentType: string }) =>
    t.app.inject({ method: 'POST', url, headers: { accept: 'text/html', cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': body.contentType }, payload: body.payload });

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
    // Anna's own Short FES-I of three days ago: the form says so and takes her answers over.
    await insertEntry(t.store.db, { patientId: anna, kind: 'fes-i', date: addDays(todayNl(), -3), data: { answers: [2, 3, 2, 2, 1, 2, 2] }, source: 'patient', by: null, organisationId: null });
  });
  afterAll(async () => {
    await t.close();
  });

  it('leads from the hub to the list and the form, in the order of a session', async () => {
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const hub = await b.get(`/patients/${anna}/therapy`);
    expect(hub.body).toContain(`href="${list()}"`);
    const page = await b.get(list());
    expect(page.statusCode).toBe(200);
    // The demo's first measurement, at the start of Anna's therapy a week ago.
    expect(page.body).not.toContain(w.none);
    expect(page.body).toContain(esc(w.period(typedFromIso(addDays(today, -7)), null)));
    expect(page.body).toContain(`href="/patients/${anna}/therapy"`);
    const form = await b.get(`${list()}/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    const order = [w.legends.sppb, w.legends.fourStage, w.legends.chairStand30s, w.legends.tug, w.legends.gaitSpeed, w.legends.steps, w.legends.fesI, w.legends.psk].map((x) => form.body.indexOf(esc(x)));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, c) => a - c)).toEqual(order);
    expect(form.body).toContain('type="file"');
    expect(form.body).toContain(esc(w.hints.fesIFilled(numericDate(addDays(today, -3)), 14, w.fearLevels.high, true)));
    expect(form.body).toMatch(/<select id="fesI2" name="fesI2">.*?<option value="3" selected>/s);
  });

  it('names each bad input, a bad line of the file by its number, and stores nothing', async () => {
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const csrf = csrfOf((await b.get(`${list()}/new`)).body);
    const before = await count();
    const half = await b.post(`${list()}/new`, { _csrf: csrf, date: typedFromIso(addDays(today, 1)), sppbSideBySide: '10', sppbChair5: '12', sppbChairUnable: 'yes', fsb1: '10', fsb3: '4' });
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain(esc(w.messages.dateFuture));
    expect(half.body).toContain(esc(w.messages.sppbNeeds));
    expect(half.body).toContain(esc(w.messages.bothUnable));
    expect(half.body).toContain(esc(w.messages.stagesInOrder));
    const badFile = await send(b, `${list()}/new`, multipart({ _csrf: csrf, date: typedFromIso(today) }, { name: 'stepsFile', filename: 'meter.csv', content: 'datum;stappen\n2026-03-01;4000\n2026-03-02;veel\n2026-03-01;100\n' }));
    expect(badFile.statusCode, badFile.body.slice(0, 500)).toBe(400);
    expect(badFile.body).toContain(esc(w.messages.csvLine(3, w.messages.csvWhat.steps)));
    expect(badFile.body).toContain(esc(w.messages.csvLine(4, w.messages.csvWhat.duplicate)));
    expect(await count()).toBe(before);
  });

  it('says at the file input that a meter\'s file over the limit is too large, keeps what was typed after it, and stores nothing', async () => {
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const csrf = csrfOf((await b.get(`${list()}/new`)).body);
    const before = await count();
    const day = 'datum;stappen\n' + '01-12-2026;4000\n'.repeat(Math.ceil(STEPS_FILE_LIMIT_BYTES / 16) + 10);
    expect(Buffer.byteLength(day)).toBeGreaterThan(STEPS_FILE_LIMIT_BYTES);
    const body = multipart({ _csrf: csrf, date: typedFromIso(today), chairStand30s: '11' }, { name: 'stepsFile', filename: 'meter.csv', content: day });
    // A field after the file, as the form has the Short FES-I and the note after it.
    body.payload = body.payload.replace(/--\r\n$/, `\r\nContent-Disposition: form-data; name="note"\r\n\r\nNa de stappenteller\r\n------botpad-test-boundary--\r\n`);
    const res = await send(b, `${list()}/new`, body);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(new RegExp(`id="stepsFile-error"[^>]*>.*?${esc(fileTooLarge(nl)).replace(/[.;()]/g, '\\$&')}`, 's'));
    expect(res.body).toContain('aria-invalid="true"');
    // What was typed comes back as typed (not as the schema read it).
    expect(res.body).toMatch(/<input[^>]*id="chairStand30s"[^>]*value="11"/);
    expect(res.body).toContain(`id="date" name="date" type="text" value="${typedFromIso(today)}"`);
    expect(res.body).toContain('Na de stappenteller');
    expect(await count()).toBe(before);
    // Just within the limit is read as ever (here: one line too many days, named by the parser, not the size).
    const within = await send(b, `${list()}/new`, multipart({ _csrf: csrf, date: typedFromIso(today) }, { name: 'stepsFile', filename: 'meter.csv', content: '01-12-2026;4000\n01-12-2026;4100\n' }));
    expect(within.statusCode).toBe(400);
    expect(within.body).not.toContain(esc(fileTooLarge(nl)));
    expect(within.body).toContain(esc(w.messages.csvLine(2, w.messages.csvWhat.duplicate)));
  });

  it('saves a measurement with the meter\'s file and shows each score with its cut-offs and source; a nurse reads it', async () => {
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const csrf = csrfOf((await b.get(`${list()}/new`)).body);
    const d1 = addDays(today, -3);
    const d2 = addDays(today, -2);
    const file = `date,steps\n${d1},3000\n\n${typedFromIso(d2)},4000\n`;
    const res = await send(b, `${list()}/new`, multipart({
      _csrf: csrf, date: typedFromIso(today),
      sppbSideBySide: '10', sppbSemiTandem: '10', sppbTandem: '5', sppbGait4m: '7', sppbChair5: '12,5',
      chairStand30s: '9', tugSeconds: '16,2',
    }, { name: 'stepsFile', filename: 'meter.csv', content: file }));
    expect(res.statusCode, res.body.slice(0, 800)).toBe(303);
    const to = String(res.headers.location);
    expect(to).toMatch(new RegExp(`^${list()}/[0-9a-f-]{36}\\?notice=saved$`));
    const shown = await b.get(to);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(w.saved);
    // Balance 3 (tandem 5 s), gait 7 s → 2, five stands 12.5 s → 3: 8 of 12, intermediate (Guralnik 1994).
    expect(shown.body).toContain(esc(w.results.sppb(8, w.bands.intermediate, 3, 2, 3)));
    expect(shown.body).toContain(esc(w.cutOffs.sppb));
    expect(shown.body).toContain(esc(w.sources.sppb));
    // Anna is a woman of 78: fewer than 10 stands is below average (Rikli & Jones).
    expect(shown.body).toContain(esc(w.cutOffs.chairStand30s(10, w.sex.female, 78)));
    expect(shown.body).toContain(esc(w.results.chairStand30s(9, true)));
    expect(shown.body).toContain(esc(w.results.tug('16,2', true)));
    expect(shown.body).toContain(esc(w.results.steps(3500, 2)));

    // The period: an end before the start is named; a good one is saved and the next due date shown.
    const listPage = await b.get(list());
    const pc = csrfOf(listPage.body);
    const badPeriod = await b.post(`${list()}/period`, { _csrf: pc, start: typedFromIso(today), end: typedFromIso(addDays(today, -1)) });
    expect(badPeriod.statusCode).toBe(400);
    const period = await b.post(`${list()}/period`, { _csrf: pc, start: typedFromIso(addDays(today, -60)), end: '' });
    expect(period.statusCode).toBe(303);
    const after = await b.get(String(period.headers.location));
    expect(after.body).toContain(w.periodSaved);
    expect(after.body).toContain(esc(w.period(typedFromIso(addDays(today, -60)), null)));

    // The nurse reads the list and the record names the measurement; no form for her.
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    const seen = await nurse.get(list());
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain(w.readOnly);
    expect(seen.body).not.toContain(`${list()}/new"`);
    expect(seen.body).toContain('8 (middel)');
    expect((await nurse.get(`${list()}/new`)).statusCode).toBe(303);
    const id = to.split('/').at(-1)?.split('?')[0] ?? '';
    const entry = await nurse.get(`/patients/${anna}/entries/${id}`);
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain(nl.clinical.kinds['exercise-measurement']);
    expect(entry.body).toContain(`${w.columns.chairStand30s} 9`);
    const record = await nurse.get(`/patients/${anna}`);
    expect(record.body).toContain(`href="${list()}"`);
    expect((await nurse.get(to)).body).not.toContain('/void"');

    // The practice marks it entered in error: a reason is needed; then it no longer shows.
    const one = await b.get(to);
    expect(one.body).toContain(`action="${list()}/${id}/void"`);
    const noReason = await b.post(`${list()}/${id}/void`, { _csrf: csrfOf(one.body), reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const voided = await b.post(`${list()}/${id}/void`, { _csrf: csrfOf(one.body), reason: 'Bij de verkeerde patiënt ingevoerd' });
    expect(voided.statusCode).toBe(303);
    const gone = await b.get(String(voided.headers.location));
    expect(gone.body).toContain(esc(w.voided));
    expect(gone.body).not.toContain(`${list()}/${id}"`);
    expect(gone.body).not.toContain('8 (middel)');
  });

  it('opens the form prefilled from the measurement\'s page, asks a reason, keeps the meter\'s days, and lists every version', async () => {
    const versions = async (id: string) => Number((await t.store.db.selectFrom('clinical_entry').select((eb) => eb.fn.countAll().as('n')).where('entry_id', '=', id).executeTakeFirstOrThrow()).n);
    const b = new Browser(t);
    await b.signIn(account('physiotherapist').email);
    const csrf = csrfOf((await b.get(`${list()}/new`)).body);
    const d1 = addDays(today, -3);
    const d2 = addDays(today, -2);
    const made = await send(b, `${list()}/new`, multipart({
      _csrf: csrf, date: typedFromIso(addDays(today, -1)), sppbSideBySide: '10', sppbSemiTandem: '10', sppbTandem: '5', sppbGait4m: '', sppbGaitUnable: 'yes', sppbChair5: '12,5',
      chairStand30s: '9', tugSeconds: '16,2', psk1Activity: 'Boodschappen dragen', psk1Score: '5', note: 'Moe vandaag',
    }, { name: 'stepsFile', filename: 'meter.csv', content: `${d1},3000\n${d2},4000\n` }));
    expect(made.statusCode, made.body.slice(0, 500)).toBe(303);
    const page = String(made.headers.location).split('?')[0] ?? '';
    const id = page.split('/').at(-1) ?? '';

    // The measurement's page leads to the form, which holds the stored raw items.
    const one = await b.get(page);
    expect(one.body).toContain(`href="${page}/correct"`);
    expect(one.body).toContain(esc(w.correct.versionsTitle));
    const form = await b.get(`${page}/correct`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(esc(w.correct.title(typedFromIso(addDays(today, -1)))));
    expect(form.body).toContain(`action="${page}/correct"`);
    expect(form.body).toContain(`id="date" name="date" type="text" value="${typedFromIso(addDays(today, -1))}"`);
    expect(form.body).toMatch(/id="sppbTandem" name="sppbTandem" type="text" value="5"/);
    expect(form.body).toMatch(/id="sppbChair5" name="sppbChair5" type="text" value="12,5"/);
    expect(form.body).toMatch(/id="sppbGaitUnable" name="sppbGaitUnable" value="yes" checked/);
    expect(form.body).toMatch(/id="tugSeconds" name="tugSeconds" type="text" value="16,2"/);
    expect(form.body).toMatch(/id="psk1Score" name="psk1Score" type="text" value="5"/);
    expect(form.body).toContain('Moe vandaag</textarea>');
    // The mean came from the meter's days: it is not typed in, the days travel along.
    expect(form.body).toMatch(/id="stepsPerDay" name="stepsPerDay" type="text" value(=""|\s|\/)/);
    expect(form.body).toContain(esc(w.correct.stepsKept(2)));
    const fc = csrfOf(form.body);
    const fields = (extra: Record<string, string>) => ({
      _csrf: fc, date: typedFromIso(addDays(today, -1)), sppbSideBySide: '10', sppbSemiTandem: '10', sppbTandem: '5', sppbGaitUnable: 'yes', sppbChair5: '12,5',
      chairStand30s: '11', tugSeconds: '16,2', psk1Activity: 'Boodschappen dragen', psk1Score: '5', stepsKept: `${d1},3000\n${d2},4000`, ...extra,
    });

    // No reason: said at the reason, what was typed shown again, nothing stored.
    const noReason = await send(b, `${page}/correct`, multipart(fields({ reason: ' ' })));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('id="reason-error"');
    expect(noReason.body).toMatch(/id="chairStand30s" name="chairStand30s" type="text" value="11"/);
    expect(await versions(id)).toBe(1);

    // With a reason: a new version, the scores of the corrected items, the meter's days kept.
    const fixed = await send(b, `${page}/correct`, multipart(fields({ reason: 'Aantal keer opstaan verkeerd overgenomen' })));
    expect(fixed.statusCode, fixed.body.slice(0, 800)).toBe(303);
    expect(String(fixed.headers.location)).toBe(`${page}?notice=corrected`);
    expect(await versions(id)).toBe(2);
    const after = await b.get(String(fixed.headers.location));
    expect(after.body).toContain(esc(w.correct.saved));
    // A woman of 78: 11 stands is not below average any more (norm: fewer than 10).
    expect(after.body).toContain(esc(w.results.chairStand30s(11, false)));
    expect(after.body).toContain(esc(w.results.steps(3500, 2)));
    expect(after.body).toContain('Aantal keer opstaan verkeerd overgenomen');
    expect(after.body).toContain(esc(nl.clinical.entries.firstVersion));
    expect(after.body).toContain(`${w.columns.chairStand30s} 9`);
    expect(after.body).toContain(`${w.columns.chairStand30s} 11`);

    // A new file replaces the days.
    const fc2 = csrfOf((await b.get(`${page}/correct`)).body);
    const replaced = await send(b, `${page}/correct`, multipart({ ...fields({ reason: 'Ander bestand van de stappenteller' }), _csrf: fc2 }, { name: 'stepsFile', filename: 'meter.csv', content: `${d1},6000\n` }));
    expect(replaced.statusCode, replaced.body.slice(0, 800)).toBe(303);
    expect((await b.get(page)).body).toContain(esc(w.results.steps(6000, 1)));

    // The hospital's nurse reads the versions, and is sent back from the form.
    const nurse = new Browser(t);
    await nurse.signIn(account('nurse').email);
    const seen = await nurse.get(page);
    expect(seen.body).toContain('Aantal keer opstaan verkeerd overgenomen');
    expect(seen.body).not.toContain(`href="${page}/correct"`);
    const refused = await nurse.get(`${page}/correct`);
    expect(refused.statusCode).toBe(303);
    expect(String(refused.headers.location)).toBe(page);

    // Marked entered in error while the correction form was open: the form leads back to the list, saying so.
    const fc3 = csrfOf((await b.get(`${page}/correct`)).body);
    const voided = await b.post(`${page}/void`, { _csrf: csrfOf((await b.get(page)).body), reason: 'Dubbel ingevoerd' });
    expect(voided.statusCode).toBe(303);
    const late = await send(b, `${page}/correct`, multipart({ ...fields({ reason: 'Te laat verbeterd' }), _csrf: fc3 }));
    expect(late.statusCode).toBe(303);
    expect(String(late.headers.location)).toBe(`${list()}?notice=gone`);
    expect((await b.get(String(late.headers.location))).body).toContain(esc(w.correct.gone));
    expect(await versions(id)).toBe(4);
  });
});

describe('the measurement form as the API takes it', () => {
  it('turns "could not do it" into null, the stances into a list, a changed goal into its new wording, and passes the API\'s schema', () => {
    const today = todayNl();
    const r = checkForm(nl, measurementForm, {
      date: typedFromIso(today), sppbSideBySide: '10', sppbSemiTandem: '9,5', sppbGait4m: '', sppbGaitUnable: 'yes', sppbChair5: '', sppbChairUnable: 'yes',
      fsb1: '10', fsb2: '10', fsb3: '3', chairStand30s: '7', gaitSpeedMps: '0,7', fesI1: '1', fesI2: '1', fesI3: '1', fesI4: '1', fesI5: '1', fesI6: '1', fesI7: '2',
      psk1Activity: 'Traplopen', psk1Score: '4', psk2Activity: 'Fietsen', psk2Score: '',
      goal1: 'Naar de markt fietsen', goal1Status: 'changed', goal1ChangedTo: 'Naar de markt lopen', goal2: 'Trap nemen', goal2Status: 'reached', goal3: 'Zwemmen', goal3Status: '',
    }, {});
    expect(r.ok, JSON.stringify(r.ok ? {} : r.errors)).toBe(true);
    if (!r.ok) return;
    const input = measurementInput(r.data as Record<string, unknown>, undefined);
    expect(input).toEqual({
      date: today,
      sppb: { sideBySideSeconds: 10, semiTandemSeconds: 9.5, gait4mSeconds: null, chairStand5Seconds: null },
      fourStageBalance: { stageSeconds: [10, 10, 3] },
      chairStand30s: 7, gaitSpeedMps: 0.7, fesI: [1, 1, 1, 1, 1, 1, 2],
      psk: [{ activity: 'Traplopen', score: 4 }],
      goals: [{ goal: 'Naar de markt fietsen', status: 'changed', changedTo: 'Naar de markt lopen' }, { goal: 'Trap nemen', status: 'reached' }],
    });
    expect(MeasurementInput.safeParse(input).success).toBe(true);
  });
});
