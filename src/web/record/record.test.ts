// The clinical record's pages as a clinician meets them: the banner (who, how old, born when, the
// BSN only for roles that may see it), the section links with the current one marked, and a section
// that holds nothing yet saying so. A patient opening her own record gets no clinic frame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/testing/test-app.js';
import { nl } from '../i18n/nl.js';
import { Browser, account, demoApp } from '../../api/testing/page-browser.js';
import { SECTIONS } from '../components/Record.js';

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
        expect(res.body).toMatch(new RegExp(`<a href="${href}"( aria-current="page")? accesskey="${String(i + 1)}">${nl.clinical.sections[s]}</a>`));
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
    expect(letters.body).toContain(nl.clinical.empty.letters);
  });

  it('gives a patient her own record without the clinic frame, and none of its sections', async () => {
    const patient = await as('patient');
    const own = await patient.get(`/patients/${anna}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('side-patient');
    expect(own.body).not.toContain('class="section-nav"');
    expect((await patient.get(`/patients/${anna}/fractures`)).statusCode).toBe(403);
  });
});
