// The clinical record over HTTP on both stores: each route's answer and status, the contract's field
// names verbatim, the Case and its evaluation on a day, a correction with its history, an entry
// entered in error hidden, and a record that takes no facts (care ended, merged) answering 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signInRoles, testApp, type TestApp } from './testing/test-app.js';
import { buildFixture, type Fixture } from './testing/fixture.js';
import { STORE_KINDS } from '../store/testing/stores.js';
import { Problem } from '../schema/problem.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { walkPages } from './testing/walk-pages.js';

interface Entry {
  id: string;
  version: number;
  kind: string;
  date: string;
  data: Record<string, unknown>;
  status: string;
  source: string;
  recordedBy: string | null;
  recordedAt: string;
  reason: string | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Conclusion {
  code: string;
  value: unknown;
  explanation: { patient: string; clinician: string };
}

const ENTRY_FIELDS = ['data', 'date', 'id', 'kind', 'reason', 'recordedAt', 'recordedBy', 'source', 'status', 'version'];

describe.each(STORE_KINDS)('the clinical record over HTTP on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  const cookie: Record<string, string> = {};
  const today = todayNl();
  const day = (n: number) => addDays(today, n);

  const call = (method: 'GET' | 'POST', url: string, as: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookie[as] ?? '', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const post = (url: string, body: unknown, as = 'nurse') => call('POST', url, as, body);
  const get = (url: string, as = 'nurse') => call('GET', url, as);
  const entryCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from clinical_entry`.execute(t.store.db)).rows[0]?.n);

  beforeAll(async () => {
    t = await testApp(kind);
    f = await buildFixture(t.store.db);
    await signInRoles(t, f, ['nurse', 'physician', 'physiotherapist', 'patient'], cookie);
  });
  afterAll(async () => {
    await t.close();
  });

  it('records a fact by each form, 201 with the entry, the fields named as sent', async () => {
    const p = `/api/v1/patients/${f.patients.adultA}`;
    const fracture = await post(`${p}/fractures`, { date: day(-30), site: 'wrist', side: 'left', highEnergy: false, pathological: false, department: 'Spoedeisende hulp' });
    expect(fracture.statusCode, fracture.body).toBe(201);
    const fx = fracture.json<Entry>();
    expect(Object.keys(fx).sort()).toEqual(ENTRY_FIELDS);
    expect(fx).toMatchObject({
      kind: 'fracture', date: day(-30), version: 1, status: 'active', source: 'clinician', recordedBy: 'Fixture nurse', reason: null,
      data: { site: 'wrist', side: 'left', highEnergy: false, pathological: false, department: 'Spoedeisende hulp' },
    });

    const dxa = await post(`${p}/dxa`, { date: day(-20), sites: [{ site: 'lumbar-spine', tScore: -2.7, zScore: -1.9, bmd: 0.81 }, { site: 'femoral-neck', tScore: -2.2 }] }, 'physician');
    expect(dxa.statusCode, dxa.body).toBe(201);
    expect(dxa.json<Entry>()).toMatchObject({ kind: 'dxa', recordedBy: 'Fixture physician', data: { sites: [{ site: 'lumbar-spine', tScore: -2.7, zScore: -1.9, bmd: 0.81 }, { site: 'femoral-neck', tScore: -2.2 }] } });

    const vfa = await post(`${p}/vfa`, { date: day(-20), vertebrae: [{ level: 'T12', grade: 2 }, { level: 'L1', grade: 0 }] });
    expect(vfa.statusCode, vfa.body).toBe(201);
    expect(vfa.json<Entry>().data).toEqual({ vertebrae: [{ level: 'T12', grade: 2 }, { level: 'L1', grade: 0 }] });

    const labs = await post(`${p}/labs`, { date: day(-19), results: [{ test: 'calcium', value: 2.3, unit: 'mmol/L', refLow: 2.1, refHigh: 2.6 }, { test: '25-oh-vitamin-d', value: 40, unit: 'nmol/L' }] });
    expect(labs.statusCode, labs.body).toBe(201);
    expect(labs.json<Entry>().data).toEqual({ results: [{ test: 'calcium', value: 2.3, unit: 'mmol/L', refLow: 2.1, refHigh: 2.6 }, { test: '25-oh-vitamin-d', value: 40, unit: 'nmol/L' }] });

    const note = await post(`${p}/notes`, { date: day(-19), text: 'Uitslagen besproken; wil eerst nadenken over medicijnen.' });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json<Entry>()).toMatchObject({ kind: 'note', data: { text: 'Uitslagen besproken; wil eerst nadenken over medicijnen.' } });

    const weight = await post(`${p}/entries`, { kind: 'weight', date: day(-19), data: { kg: 64 } });
    expect(weight.statusCode, weight.body).toBe(201);
    expect(weight.json<Entry>()).toMatchObject({ kind: 'weight', data: { kg: 64 } });
    const risk = await post(`${p}/entries`, { kind: 'risk-factors', date: day(-19), data: { currentSmoker: true, parentHipFracture: false } });
    expect(risk.statusCode, risk.body).toBe(201);

    const list = await get(`${p}/entries`);
    expect(list.statusCode).toBe(200);
    const page = list.json<Page<Entry>>();
    expect(Object.keys(page).sort()).toEqual(['items', 'nextCursor']);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((e) => e.kind).sort()).toEqual(['dxa', 'fracture', 'labs', 'note', 'risk-factors', 'vfa', 'weight']);
    expect(page.items[page.items.length - 1]?.kind).toBe('fracture');
    const only = (await get(`${p}/entries?kind=dxa,labs`)).json<Page<Entry>>();
    expect(only.items.map((e) => e.kind).sort()).toEqual(['dxa', 'labs']);
  });

  it('pages the entries by the one convention: every entry once, newest clinical date first', async () => {
    const p = `/api/v1/patients/${f.patients.adultA}`;
    const all = (await get(`${p}/entries?limit=200`)).json<Page<Entry>>().items;
    const walked = await walkPages<Entry>(t, `${p}/entries`, cookie.nurse ?? '', 2);
    expect(walked.items.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(walked.pages).toBe(Math.ceil(all.length / 2));
    const dates = all.map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
    // An entry marked in error between two pages ends nothing early and repeats nothing.
    const first = (await get(`${p}/entries?limit=2`)).json<Page<Entry>>();
    const gone = first.items[1];
    if (!gone || !first.nextCursor) throw new Error('expected a second page');
    const marked = await post(`${p}/entries/${gone.id}/entered-in-error`, { reason: 'Bij de verkeerde patiënt ingevoerd' });
    expect(marked.statusCode, marked.body).toBe(200);
    const rest = await walkPages<Entry>(t, `${p}/entries`, cookie.nurse ?? '', 2, [], first.nextCursor);
    expect([...first.items, ...rest.items].map((e) => e.id)).toEqual(all.map((e) => e.id));
    const restore = await post(`${p}/entries`, { kind: gone.kind, date: gone.date, data: gone.data });
    expect(restore.statusCode).toBe(201);
  });

  it('projects the Case from the entries on the day asked, and evaluates it in the language asked', async () => {
    const p = `/api/v1/patients/${f.patients.adultA}`;
    const now = await get(`${p}/case`);
    expect(now.statusCode, now.body).toBe(200);
    const c = now.json<{ asOf: string; person: { birthDate: string; sex: string; weightKg?: number }; fractures?: unknown[]; dxa?: unknown[]; riskFactors?: Record<string, unknown> }>();
    expect(c.asOf).toBe(today);
    expect(c.person).toMatchObject({ sex: 'female', weightKg: 64 });
    expect(c.fractures).toEqual([{ date: day(-30), site: 'wrist', highEnergy: false, pathological: false }]);
    expect(c.dxa).toEqual(expect.arrayContaining([{ date: day(-20), site: 'lumbar-spine', tScore: -2.7, zScore: -1.9, bmd: 0.81 }]));
    expect(c.riskFactors).toMatchObject({ currentSmoker: true, parentHipFracture: false });

    const before = (await get(`${p}/case?asOf=${day(-25)}`)).json<{ asOf: string; fractures?: unknown[]; dxa?: unknown[] }>();
    expect(before.asOf).toBe(day(-25));
    expect(before.fractures).toHaveLength(1);
    expect(before.dxa).toBeUndefined();
    const earlier = (await get(`${p}/case?asOf=${day(-31)}`)).json<{ fractures?: unknown[] }>();
    expect(earlier.fractures).toBeUndefined();

    const bad = await get(`${p}/case?asOf=2026-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(Problem.parse(bad.json()).errors?.map((e) => e.pointer)).toEqual(['/query/asOf']);

    const en = await get(`${p}/evaluation?lang=en`, 'physician');
    expect(en.statusCode, en.body).toBe(200);
    const ev = en.json<{ asOf: string; rulesVersion: string; conclusions: Conclusion[] }>();
    expect(ev.asOf).toBe(today);
    const dxaIndicated = ev.conclusions.find((x) => x.code === 'case-finding.dxa-indicated');
    expect(dxaIndicated?.value).toMatchObject({ indicated: true });
    const nl = (await get(`${p}/evaluation?lang=nl`, 'physician')).json<{ conclusions: Conclusion[] }>();
    const nlSame = nl.conclusions.find((x) => x.code === 'case-finding.dxa-indicated');
    expect(nlSame?.value).toEqual(dxaIndicated?.value);
    expect(nlSame?.explanation.patient).not.toBe(dxaIndicated?.explanation.patient);
    const earlierEv = (await get(`${p}/evaluation?asOf=${day(-31)}&lang=en`)).json<{ asOf: string; conclusions: Conclusion[] }>();
    expect(earlierEv.asOf).toBe(day(-31));
    expect(earlierEv.conclusions.find((x) => x.code === 'case-finding.dxa-indicated')?.value).not.toEqual(dxaIndicated?.value);
    const badLang = await get(`${p}/evaluation?lang=de`);
    expect(badLang.statusCode).toBe(400);
    expect(Problem.parse(badLang.json()).errors?.map((e) => e.pointer)).toEqual(['/query/lang']);
  });

  it('corrects an entry as a new version, keeps the history, and hides an entry entered in error', async () => {
    const p = `/api/v1/patients/${f.patients.adultA}`;
    const h = (await post(`${p}/entries`, { kind: 'height', date: day(-10), data: { cm: 152 } })).json<Entry>();
    const fixed = await post(`${p}/entries/${h.id}/correction`, { data: { cm: 162 }, reason: 'Cijfers omgedraaid' }, 'physician');
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<Entry>()).toMatchObject({ id: h.id, version: 2, data: { cm: 162 }, reason: 'Cijfers omgedraaid', recordedBy: 'Fixture physician' });
    const redated = await post(`${p}/entries/${h.id}/correction`, { date: day(-11), reason: 'Andere dag' });
    expect(redated.json<Entry>()).toMatchObject({ version: 3, date: day(-11), data: { cm: 162 } });
    expect((await get(`${p}/case`)).json<{ person: { heightCm?: number } }>().person.heightCm).toBe(162);

    const history = await get(`${p}/entries/${h.id}`);
    expect(history.statusCode).toBe(200);
    expect(history.json<Page<Entry>>().items.map((v) => [v.version, v.date, v.data.cm, v.reason])).toEqual([
      [1, day(-10), 152, null], [2, day(-10), 162, 'Cijfers omgedraaid'], [3, day(-11), 162, 'Andere dag'],
    ]);

    const wrong = await post(`${p}/entries/${h.id}/entered-in-error`, { reason: 'Lengte van iemand anders' });
    expect(wrong.statusCode, wrong.body).toBe(200);
    expect(wrong.json<Entry>()).toMatchObject({ version: 4, status: 'entered-in-error', reason: 'Lengte van iemand anders' });
    expect((await get(`${p}/case`)).json<{ person: { heightCm?: number } }>().person.heightCm).toBeUndefined();
    expect((await get(`${p}/entries?limit=200`)).json<Page<Entry>>().items.some((e) => e.id === h.id)).toBe(false);
    const withErrors = (await get(`${p}/entries?limit=200&withErrors=true`)).json<Page<Entry>>().items;
    expect(withErrors.find((e) => e.id === h.id)?.status).toBe('entered-in-error');
    expect((await get(`${p}/entries/${h.id}`)).json<Page<Entry>>().items).toHaveLength(4);

    const again = await post(`${p}/entries/${h.id}/correction`, { data: { cm: 170 }, reason: 'Nog eens' });
    expect(again.statusCode).toBe(409);
    const badData = await post(`${p}/entries/${(await post(`${p}/entries`, { kind: 'weight', date: day(-2), data: { kg: 70 } })).json<Entry>().id}/correction`, { data: { kg: -3 }, reason: 'Fout' });
    expect(badData.statusCode).toBe(400);
    expect(Problem.parse(badData.json()).errors?.map((e) => e.pointer)).toEqual(['/data/kg']);
    const none = await get(`${p}/entries/${f.patients.adultB}`);
    expect(none.statusCode).toBe(404);
    expect(Problem.parse(none.json()).errors?.map((e) => e.pointer)).toEqual(['/params/entryId']);
  });

  it('signs the assessment off in the language asked, and lists the signed ones', async () => {
    const p = `/api/v1/patients/${f.patients.adultA}`;
    const res = await post(`${p}/assessments?lang=en`, { note: 'Besproken met de patiënt' }, 'physician');
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json<{ id: string; asOf: string; rulesVersion: string; signedBy: string; signedRole: string; signedAt: string; note: string; settings: object; evaluation: { conclusions: Conclusion[] } }>();
    expect(Object.keys(a).sort()).toEqual(['asOf', 'evaluation', 'id', 'note', 'rulesVersion', 'settings', 'signedAt', 'signedBy', 'signedRole']);
    expect(a).toMatchObject({ asOf: today, signedBy: 'Fixture physician', signedRole: 'physician', note: 'Besproken met de patiënt' });
    const live = (await get(`${p}/evaluation?lang=en`)).json<{ conclusions: Conclusion[] }>();
    expect(a.evaluation.conclusions.map((c) => c.explanation.patient)).toEqual(live.conclusions.map((c) => c.explanation.patient));
    const earlier = await post(`${p}/assessments`, { asOf: day(-25) }, 'nurse');
    expect(earlier.statusCode, earlier.body).toBe(201);
    const future = await post(`${p}/assessments`, { asOf: day(1) }, 'nurse');
    expect(future.statusCode).toBe(400);
    expect(Problem.parse(future.json()).errors?.map((e) => e.pointer)).toEqual(['/asOf']);

    const list = await get(`${p}/assessments?lang=nl`);
    expect(list.statusCode).toBe(200);
    const items = list.json<Page<{ id: string; asOf: string; evaluation: { conclusions: Conclusion[] } }>>();
    expect(items.nextCursor).toBeNull();
    expect(items.items.map((x) => x.id)).toEqual([earlier.json<{ id: string }>().id, a.id]);
    const nl = items.items[1]?.evaluation.conclusions.map((c) => c.explanation.patient);
    expect(nl).toHaveLength(a.evaluation.conclusions.length);
    expect(nl).not.toEqual(a.evaluation.conclusions.map((c) => c.explanation.patient));
    const walked = await walkPages<{ id: string }>(t, `${p}/assessments`, cookie.nurse ?? '', 1);
    expect(walked.items.map((x) => x.id)).toEqual(items.items.map((x) => x.id));
  });

  it('takes no new facts once care has ended, until it is resumed (409, nothing stored)', async () => {
    const p = `/api/v1/patients/${f.patients.adultA}`;
    const future = await post(`${p}/end-of-care`, { reason: 'moved', date: day(1) });
    expect(future.statusCode).toBe(400);
    expect(Problem.parse(future.json()).errors?.map((e) => e.pointer)).toEqual(['/date']);
    const ended = await post(`${p}/end-of-care`, { reason: 'moved', date: today, note: 'Verhuisd naar Groningen' });
    expect(ended.statusCode, ended.body).toBe(201);
    expect(Object.keys(ended.json<object>()).sort()).toEqual(['date', 'endedAt', 'endedBy', 'note', 'reason']);
    expect(ended.json()).toMatchObject({ reason: 'moved', date: today, note: 'Verhuisd naar Groningen', endedBy: 'Fixture nurse' });
    expect((await post(`${p}/end-of-care`, { reason: 'deceased', date: today })).statusCode).toBe(409);

    const before = await entryCount();
    for (const [path, body] of [
      ['fractures', { date: today, site: 'hip' }],
      ['dxa', { date: today, sites: [{ site: 'total-hip', tScore: -1 }] }],
      ['vfa', { date: today, vertebrae: [{ level: 'L2', grade: 1 }] }],
      ['labs', { date: today, results: [{ test: 'tsh', value: 2, unit: 'mU/L' }] }],
      ['notes', { date: today, text: 'Telefonisch contact' }],
      ['entries', { kind: 'weight', date: today, data: { kg: 60 } }],
    ] as const) {
      const res = await post(`${p}/${path}`, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(409);
      expect(Problem.parse(res.json()).errors?.map((e) => e.pointer)).toEqual(['/params/id']);
    }
    expect(await entryCount()).toBe(before);
    // The record can still be read.
    expect((await get(`${p}/case`)).statusCode).toBe(200);

    const resumed = await post(`${p}/end-of-care/resume`, undefined);
    expect(resumed.statusCode, resumed.body).toBe(204);
    expect(resumed.body).toBe('');
    expect((await post(`${p}/end-of-care/resume`, undefined)).statusCode).toBe(409);
    expect((await post(`${p}/fractures`, { date: today, site: 'hip' })).statusCode).toBe(201);
    expect(await entryCount()).toBe(before + 1);
  });

  it('refuses facts on a merged record (409, nothing stored)', async () => {
    const dup = await post('/api/v1/patients', { familyName: 'Dubbelop', givenName: 'Test', birthDate: '1956-05-05', sex: 'female' });
    expect(dup.statusCode, dup.body).toBe(201);
    const dupId = dup.json<{ id: string }>().id;
    const w = await post(`/api/v1/patients/${dupId}/entries`, { kind: 'weight', date: day(-3), data: { kg: 71 } });
    expect(w.statusCode).toBe(201);
    const merged = await post(`/api/v1/patients/${f.patients.adultA}/merge`, { duplicateId: dupId, confirm: true });
    expect(merged.statusCode, merged.body).toBe(204);
    const before = await entryCount();
    const res = await post(`/api/v1/patients/${dupId}/fractures`, { date: today, site: 'rib' });
    expect(res.statusCode, res.body).toBe(409);
    expect(Problem.parse(res.json()).errors?.map((e) => e.pointer)).toEqual(['/params/id']);
    expect((await post(`/api/v1/patients/${dupId}/entries`, { kind: 'weight', date: today, data: { kg: 70 } })).statusCode).toBe(409);
    expect(await entryCount()).toBe(before);
    // Its facts moved to the record that lives on.
    const on = (await get(`/api/v1/patients/${f.patients.adultA}/entries?kind=weight&limit=200`)).json<Page<Entry>>().items;
    expect(on.some((e) => e.id === w.json<Entry>().id)).toBe(true);
  });

  it('lets the patient and the referred physiotherapist read, and documents every route', async () => {
    const p = `/api/v1/patients/${f.patients.adultA}`;
    for (const as of ['patient', 'physiotherapist']) {
      expect((await get(`${p}/entries`, as)).statusCode, as).toBe(200);
      expect((await get(`${p}/case`, as)).statusCode, as).toBe(200);
      expect((await post(`${p}/notes`, { date: today, text: 'Mag niet' }, as)).statusCode, as).toBe(403);
    }
    const doc = (await t.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>();
    const routes: [string, string][] = [
      ['/api/v1/patients/{id}/fractures', 'post'], ['/api/v1/patients/{id}/dxa', 'post'], ['/api/v1/patients/{id}/vfa', 'post'], ['/api/v1/patients/{id}/labs', 'post'],
      ['/api/v1/patients/{id}/notes', 'post'], ['/api/v1/patients/{id}/entries', 'post'], ['/api/v1/patients/{id}/entries', 'get'],
      ['/api/v1/patients/{id}/entries/{entryId}', 'get'], ['/api/v1/patients/{id}/entries/{entryId}/correction', 'post'],
      ['/api/v1/patients/{id}/entries/{entryId}/entered-in-error', 'post'], ['/api/v1/patients/{id}/case', 'get'], ['/api/v1/patients/{id}/evaluation', 'get'],
      ['/api/v1/patients/{id}/assessments', 'post'], ['/api/v1/patients/{id}/assessments', 'get'], ['/api/v1/patients/{id}/end-of-care', 'post'],
      ['/api/v1/patients/{id}/end-of-care/resume', 'post'],
    ];
    for (const [path, method] of routes) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining([
      'FractureInput', 'DxaInput', 'VfaInput', 'LabsInput', 'NoteInput', 'NewEntry', 'EntryCorrection', 'EnteredInError', 'Entry', 'EntryPage', 'Case', 'Evaluation',
      'Conclusion', 'AssessmentSignOff', 'Assessment', 'AssessmentPage', 'CareEndRequest', 'CareEnd',
    ]));
    expect((await t.app.inject('/api/docs')).statusCode).toBe(200);
  });
});
