// The aids and fracture-signal pages, driven as a browser without JavaScript would, on both stores:
// the parent's short form (a bad one refused in words at each field, the body picture showing the
// chosen part), the alert on the day centre physician's worklist that opens the signals, what
// followed closing it; the aids page adding an aid and recording a check; a stranger refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../api/testing/test-app.js';
import { Browser, account, csrfOf } from '../../api/testing/page-browser.js';
import { seedDemo } from '../../services/seed.js';
import { STORE_KINDS } from '../../store/testing/stores.js';
import { todayNl } from '../../schema/clock.js';
import { addDays, addMonths } from '../../core/time/date.js';
import { typedFromIso } from '../forms.js';
import { nl } from '../i18n/nl.js';
import { insertUser } from '../../store/accounts.repo.js';
import { hashPassword } from '../../services/auth.js';
import { DEMO_PASSWORD } from '../../demo/demo-data.js';

const s = nl.fractureSignals;
const a = nl.childAids;
const html = (x: string) => x.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe.each(STORE_KINDS)('aids and fracture-signal pages on %s', (kind) => {
  let t: TestApp;
  let lotte = '';
  const today = todayNl();

  beforeAll(async () => {
    t = await testApp(kind);
    await seedDemo(t.store.db);
    lotte = (await t.store.db.selectFrom('patient').select(['id', 'given_name']).execute()).find((r) => r.given_name === 'Lotte')?.id ?? '';
    const centre = await t.store.db.selectFrom('organisation').select('id').where('kind', '=', 'day-centre').executeTakeFirstOrThrow();
    for (const [role, email] of [['physician', 'kinderarts@centre.test'], ['physiotherapist', 'fysio@centre.test']] as const) {
      await insertUser(t.store.db, { role, organisationId: centre.id, patientId: null, email, displayName: `${role} of the centre`, passwordHash: await hashPassword(DEMO_PASSWORD), status: 'active' });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const signedIn = async (email: string) => {
    const b = new Browser(t);
    await b.signIn(email);
    return b;
  };

  it('lets a parent send a signal, refusing bad input at each field; the centre\'s physician closes its alert', async () => {
    const parent = await signedIn(account('caregiver').email);
    const page = await parent.get(`/signal/${lotte}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(html(s.urgent));
    expect(page.body).toContain('<svg');
    expect(page.body).not.toContain('<script');
    const bad = await parent.post(`/signal/${lotte}`, [['_csrf', csrfOf(page.body)], ['observedOn', typedFromIso(addDays(today, -20))], ['bodyPart', 'right-knee']]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(html(s.observedNone));
    expect(bad.body).toContain(html(s.dateOld));
    // The chosen part is kept and drawn dark.
    expect(bad.body).toMatch(/id="bodyPart-right-knee"[^>]*checked/);
    expect(bad.body).toContain('fill="#1d4f91"');
    const good = await parent.post(`/signal/${lotte}`, [
      ['_csrf', csrfOf(page.body)], ['observed', 'swelling'], ['observed', 'crying-at-care'], ['bodyPart', 'left-lower-leg'], ['observedOn', typedFromIso(today)], ['note', ''],
    ]);
    expect(good.statusCode, good.body.slice(0, 400)).toBe(303);
    expect((await parent.get(good.headers.location as string)).body).toContain(html(s.sent));

    const doc = await signedIn('kinderarts@centre.test');
    const list = await doc.get('/worklist');
    expect(list.body).toContain(`href="/patients/${lotte}/child/signals"`);
    const signals = await doc.get(`/patients/${lotte}/child/signals`);
    expect(signals.statusCode).toBe(200);
    expect(signals.body).toContain(html(s.observations.swelling));
    expect(signals.body).toContain(html(s.bodyParts['left-lower-leg']));
    const action = /action="(\/patients\/[^"]+\/outcome)"/.exec(signals.body)?.[1] ?? '';
    const missing = await doc.post(action, { _csrf: csrfOf(signals.body), seen: 'yes', xray: 'no' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain(html(s.fractureRequired));
    const closed = await doc.post(action, { _csrf: csrfOf(signals.body), seen: 'yes', xray: 'yes', fracture: 'no', note: 'Kneuzing' });
    expect(closed.statusCode, closed.body.slice(0, 400)).toBe(303);
    const after = await doc.get(closed.headers.location as string);
    expect(after.body).toContain(html(s.closedNotice));
    expect(after.body).toContain(html(s.fractureValues.no));
    expect((await doc.get('/worklist')).body).not.toContain(`href="/patients/${lotte}/child/signals"`);
  });

  it('lets the centre\'s physiotherapist add an aid and record a check', async () => {
    const physio = await signedIn('fysio@centre.test');
    const page = await physio.get(`/patients/${lotte}/child/aids`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(html(a.none));
    const bad = await physio.post(`/patients/${lotte}/child/aids`, { _csrf: csrfOf(page.body), lastCheck: typedFromIso(addDays(today, 3)), heightCm: '400' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(html(a.dateFuture));
    expect(bad.body).toContain(html(a.heightRange));
    const added = await physio.post(`/patients/${lotte}/child/aids`, { _csrf: csrfOf(page.body), kind: 'standing-frame', description: 'Maat 3', lastCheck: typedFromIso(addMonths(today, -7)), heightCm: '' });
    expect(added.statusCode, added.body.slice(0, 400)).toBe(303);
    const shown = await physio.get(added.headers.location as string);
    expect(shown.body).toContain(html(a.added));
    expect(shown.body).toContain(html(a.dueNow));
    const action = /action="(\/patients\/[^"]+\/checks)"/.exec(shown.body)?.[1] ?? '';
    const checked = await physio.post(action, { _csrf: csrfOf(shown.body), date: typedFromIso(today), adjusted: 'Voetsteunen hoger gezet', heightCm: '128,5' });
    expect(checked.statusCode, checked.body.slice(0, 600)).toBe(303);
    const after = await physio.get(checked.headers.location as string);
    expect(after.body).toContain('Voetsteunen hoger gezet');
    expect(after.body).toContain(typedFromIso(addMonths(today, 6)));
  });

  it('refuses the pages to someone outside the child\'s care', async () => {
    const nurse = await signedIn(account('nurse').email);
    expect((await nurse.get(`/patients/${lotte}/child/signals`)).statusCode).toBe(403);
    expect((await nurse.get(`/signal/${lotte}`)).statusCode).toBe(403);
  });
});
