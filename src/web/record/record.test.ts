// The clinical record's pages as a clinician meets them: the banner (who, how old, born when, the
// BSN only for roles that may see it), the section links with the current one marked, and a section
// that holds nothing yet saying so. A patient opening her own record gets no clinic frame. Then the
// work itself, driven like a browser without JavaScript: a DXA scan and a lab draw added (a bad
// value refused at its field, nothing stored), a fracture corrected and marked entered in error,
// its history, who may write, and the end of care closing the record to new facts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { Browser, account, csrfOf, demoApp } from '../../api/testing/page-browser.js';
import { accessDeps, signAssessment } from '../../api/facade.js';
import { accessKeyOf, SECTIONS } from '../components/Record.js';

describe('the clinical record pages', () => {
  let t: TestApp;
  let anna = '';
  const browsers = new Map<string, Browser>();
  const as = async (role: 'nurse' | 'physiotherapist' | 'patient') => {
    const known = browsers.get(role);
    if (known) return known;
    const b = new Browser(t);
    await b.signIn(account(role).email);
    browsers.set(role, b);
    return b;
  };

  beforeAll(async () => {
    ({ t, anna } = await demoApp());
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the banner and the section links on every section, the current one marked', async () => {
    const nurse = await as('nurse');
    const born = (await t.store.db.selectFrom('patient').select('birth_date').where('id', '=', anna).executeTakeFirstOrThrow()).birth_date;
    const [y, m, d] = String(born).slice(0, 10).split('-');
    for (const section of SECTIONS) {
      const path = section === 'overview' ? `/patients/${anna}` : `/patients/${anna}/${section}`;
      const res = await nurse.get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body).toContain('class="patient-banner"');
      expect(res.body).toContain('Anna de Vries');
      expect(res.body).toContain(`${d ?? ''}-${m ?? ''}-${y ?? ''}`);
      expect(res.body).toContain('111222333');
      expect(res.body).toMatch(/class="size-normal side-clinician"/);
      const current = [...res.body.matchAll(/<a href="([^"]+)" aria-current="page"/g)].map((x) => x[1]);
      expect(current, path).toEqual([path]);
      // Every section is one link away, with its own access key.
      for (const [i, s] of SECTIONS.entries()) {
        const href = s === 'overview' ? `/patients/${anna}` : `/patients/${anna}/${s}`;
        expect(res.body).toMatch(new RegExp(`<a href="${href}"( aria-current="page")? accesskey="${accessKeyOf(i)}">${nl.clinical.sections[s]}</a>`));
      }
      expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
    }
  });

  it('says plainly what is not recorded yet, and shows no BSN to a physiotherapist', async () => {
    const physio = await as('physiotherapist');
    const fractures = await physio.get(`/patients/${anna}/fractures`);
    expect(fractures.statusCode).toBe(200);
    expect(fractures.body).toContain(nl.clinical.empty.fractures);
    expect(fractures.body).not.toContain('111222333');
    const letters = await physio.get(`/patients/${anna}/letters`);
    expect(letters.body).toContain(nl.letters.none);
  });

  it('gives a patient her own record without the clinic frame, and none of its sections', async () => {
    const patient = await as('patient');
    const own = await patient.get(`/patients/${anna}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('side-patient');
    expect(own.body).not.toContain('class="section-nav"');
    expect((await patient.get(`/patients/${anna}/fractures`)).statusCode).toBe(403);
  });

  const count = async () => Number((await t.store.db.selectFrom('clinical_entry').select((eb) => eb.fn.countAll().as('n')).where('patient_id', '=', anna).executeTakeFirstOrThrow()).n);

  async function post(b: Browser, page: string, action: string, fields: Record<string, string>) {
    const form = await b.get(page);
    return b.post(action, { _csrf: csrfOf(form.body), ...fields });
  }

  it('adds a DXA scan and shows it per site, T-scores as typed', async () => {
    const nurse = await as('nurse');
    const before = await count();
    const res = await post(nurse, `/patients/${anna}/results`, `/patients/${anna}/add/dxa`, {
      'dxa-date': '03-11-2026', 'lumbar-spine-t': '-2,7', 'lumbar-spine-z': '-1,1', 'femoral-neck-t': '-2,1', 'femoral-neck-bmd': '0,701',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/patients/${anna}/results?notice=added`);
    expect(await count()).toBe(before + 1);
    const page = await nurse.get(`/patients/${anna}/results`);
    expect(page.body).toContain(nl.clinical.results.dxaCaption('03-11-2026'));
    expect(page.body).toContain('>-2.7<');
    expect(page.body).toContain(nl.clinical.dxaSites['femoral-neck']);
    expect(page.body).toContain(account('nurse').displayName);
  });

  it('refuses a lab draw with a value that is no number at its field, and stores nothing of it', async () => {
    const nurse = await as('nurse');
    const before = await count();
    const res = await post(nurse, `/patients/${anna}/results`, `/patients/${anna}/add/labs`, {
      'labs-date': '01-12-2026', 'lab1-test': 'calcium', 'lab1-value': '2,41', 'lab2-test': '25-oh-vitamin-d', 'lab2-value': 'veertig',
    });
    expect(res.statusCode).toBe(400);
    const f = nl.clinical.forms.labs;
    expect(res.body).toContain(`id="lab2-value-error"`);
    expect(res.body).toContain(f.number(f.part.value(2)));
    // What was typed stays, and the form is open where it was.
    expect(res.body).toContain('value="veertig"');
    expect(res.body).toMatch(/<details class="action" open(="")?><summary>Labuitslagen toevoegen/);
    expect(await count()).toBe(before);
    // Put right, the whole draw is stored, flagged where it lies outside its range.
    const ok = await post(nurse, `/patients/${anna}/results`, `/patients/${anna}/add/labs`, {
      'labs-date': '01-12-2026', 'lab1-test': 'calcium', 'lab1-value': '2,71', 'lab1-low': '2,2', 'lab1-high': '2,6', 'lab2-test': '25-oh-vitamin-d', 'lab2-value': '40',
    });
    expect(ok.statusCode).toBe(303);
    expect(await count()).toBe(before + 1);
    const page = await nurse.get(`/patients/${anna}/results`);
    expect(page.body).toContain(nl.clinical.results.high);
    expect(page.body).toContain('2.2–2.6');
  });

  it('corrects a fracture and marks it entered in error; both stay in its history', async () => {
    const nurse = await as('nurse');
    const added = await post(nurse, `/patients/${anna}/fractures`, `/patients/${anna}/add/fracture`, { 'fracture-date': '20-10-2026', site: 'wrist', side: 'left', energy: 'low', department: 'SEH' });
    expect(added.statusCode).toBe(303);
    const row = await t.store.db.selectFrom('clinical_entry').select('entry_id').where('patient_id', '=', anna).where('kind', '=', 'fracture').where('current', '=', true).executeTakeFirstOrThrow();
    const entry = `/patients/${anna}/entries/${row.entry_id}`;
    // Without a reason, the correction is refused at the reason; nothing changes.
    const noReason = await post(nurse, entry, `${entry}/correct`, { 'fracture-date': '21-10-2026', site: 'wrist', side: 'left', energy: 'low', department: 'SEH' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain(nl.form.required(nl.clinical.entries.correctReason));
    const fixed = await post(nurse, entry, `${entry}/correct`, { 'fracture-date': '21-10-2026', site: 'wrist', side: 'right', energy: 'low', department: 'SEH', correctionReason: 'Zijde verkeerd overgenomen' });
    expect(fixed.statusCode).toBe(303);
    expect(fixed.headers.location).toBe(`/patients/${anna}/fractures?notice=corrected`);
    const list = await nurse.get(`/patients/${anna}/fractures`);
    expect(list.body).toContain('21-10-2026');
    expect(list.body).toContain(nl.clinical.sides.right);
    const voided = await post(nurse, entry, `${entry}/void`, { reason: 'Hoort bij een andere patiënt' });
    expect(voided.statusCode).toBe(303);
    const after = await nurse.get(`/patients/${anna}/fractures`);
    expect(after.body).toContain(nl.clinical.entries.enteredInError);
    expect(after.body).toContain('class="void"');
    const versions = await nurse.get(entry);
    expect(versions.body).toContain('Zijde verkeerd overgenomen');
    expect(versions.body).toContain('Hoort bij een andere patiënt');
    expect(versions.body).toContain(nl.clinical.entries.isVoid);
    // The personal details' history leads to the clinical record's corrections.
    expect((await nurse.get(`/patients/${anna}/history`)).body).toContain(`href="/patients/${anna}/history/record"`);
    const history = await nurse.get(`/patients/${anna}/history/record`);
    expect(history.body).toContain(nl.clinical.history.title);
    expect(history.body).toContain(nl.clinical.history.voided);
    expect(history.body).toContain(`href="${entry}"`);
  });

  it('gives a physiotherapist the record to read, without the forms, and refuses a fact she sends', async () => {
    const physio = await as('physiotherapist');
    const page = await physio.get(`/patients/${anna}/fractures`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/add/fracture');
    expect(page.body).not.toContain(`/patients/${anna}/facts`);
    const before = await count();
    const res = await physio.post(`/patients/${anna}/add/fracture`, { _csrf: csrfOf(page.body), 'fracture-date': '20-10-2026', site: 'hip', energy: 'low' });
    expect(res.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('lists the assessments signed so far in the assessment section, and says so when there are none', async () => {
    const physio = await as('physiotherapist');
    expect((await physio.get(`/patients/${anna}/assessment`)).body).toContain(nl.assessment.signedNone);
    const row = await t.store.db
      .selectFrom('app_user')
      .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select(['app_user.id', 'app_user.organisation_id', 'organisation.kind'])
      .where('app_user.email', '=', account('physician').email)
      .executeTakeFirstOrThrow();
    const actor = { userId: row.id, role: 'physician' as const, organisationId: row.organisation_id, organisationKind: row.kind, patientId: null };
    await signAssessment(accessDeps(t.app), { actor, meta: { requestId: 'test', clientIp: '127.0.0.1' }, patientId: anna, lang: 'nl', note: 'Besproken met patiënte' });
    const page = await physio.get(`/patients/${anna}/assessment`);
    expect(page.body).not.toContain(nl.assessment.signedNone);
    expect(page.body).toContain(account('physician').displayName);
    expect(page.body).toContain('Besproken met patiënte');
  });

  it('ends care with a reason: the record then takes no new facts', async () => {
    const nurse = await as('nurse');
    const bad = await post(nurse, `/patients/${anna}/contacts`, `/patients/${anna}/end-care`, { 'end-date': '01-01-2099' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(nl.clinical.forms.dateInFuture(nl.clinical.endCare.date));
    expect(bad.body).toContain(nl.form.choose(nl.clinical.endCare.reason));
    const ended = await post(nurse, `/patients/${anna}/contacts`, `/patients/${anna}/end-care`, { 'end-date': '05-12-2026', reason: 'transferred-to-gp' });
    expect(ended.statusCode).toBe(303);
    const page = await nurse.get(`/patients/${anna}/contacts`);
    expect(page.body).toContain(nl.clinical.endCare.ended('05-12-2026', nl.clinical.careEndReasons['transferred-to-gp']));
    expect(page.body).toContain(nl.clinical.forms.closed);
    expect(page.body).not.toContain('/add/note');
    const before = await count();
    const refused = await nurse.post(`/patients/${anna}/add/note`, { _csrf: csrfOf(page.body), 'note-date': '06-12-2026', text: 'Gebeld' });
    expect(refused.statusCode).toBe(409);
    expect(await count()).toBe(before);
  });
});
