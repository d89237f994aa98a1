// The checks must be able to fail: each runs here against a small page built to break it, and
// against a page built to pass it, so a check that silently stopped working would show up here.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchBrowser } from './support/browser.js';
import { auditPage, axeViolations, focused, horizontalOverflow, MINIMUMS, sideOfRole, sideProblems, smallTargets, smallText, structureProblems, watchCsp, type Side } from './support/audit.js';
import { measure } from './support/reflow.js';

const STYLE = `
  html { font-size: 18px; } body { margin: 0; font-family: sans-serif; }
  button { font: inherit; }
  a, button { display: inline-flex; min-width: 44px; min-height: 44px; align-items: center; }
  .skip { position: absolute; top: -10rem; } .skip:focus { top: 0; }
  :focus-visible { outline: 3px solid #000; }
  label { display: flex; align-items: center; min-height: 44px; }`;

function doc(body: string, extraStyle = '', side: Side = 'patient'): string {
  return `<!doctype html><html lang="en" class="side-${side}"><head><meta charset="utf-8"><title>Check</title><style>${STYLE}${extraStyle}</style></head>
  <body><a class="skip" href="#main">Skip to main content</a><main id="main" tabindex="-1"><h1>Check</h1>${body}</main></body></html>`;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
});
afterAll(async () => {
  await browser.close();
});

async function load(html: string): Promise<Page> {
  page = await context.newPage();
  await page.setContent(html);
  return page;
}

describe('the audit checks', () => {
  it('pass a page that meets the bar', async () => {
    const p = await load(doc('<p>Plain text.</p><label><input type="checkbox"> Agree</label><button>Save</button>'));
    await auditPage(p);
    await p.close();
  });

  it('report a 20 px button, and a checkbox by its small label', async () => {
    const p = await load(
      doc('<button style="min-width:0;min-height:0;width:20px;height:20px;padding:0">x</button><label style="min-height:0;display:inline"><input type="checkbox" style="margin:0">A</label>'),
    );
    const found = await smallTargets(p);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/<button> "x" is 20\.0 x 20\.0 px/);
    expect(found[1]).toMatch(/<label> "A"/);
    await expect(auditPage(p)).rejects.toThrow(/target <button> "x" is 20\.0 x 20\.0 px/);
    await p.close();
  });

  it('report text below 18 px', async () => {
    const p = await load(doc('<p style="font-size:14px">Fine print</p>', 'body { font-size: 16px; }'));
    const found = await smallText(p);
    expect(found.join('\n')).toMatch(/body font-size is 16 px/);
    expect(found.join('\n')).toMatch(/"Fine print" in <p> is 14\.0 px/);
    await p.close();
  });

  // Each side's minimums, on a page just below them and one just at them. The clinician's page is
  // also too small for the patient side: the same page passes or fails by whose side it is on.
  const sized = (textPx: number, targetPx: number, side: Side) =>
    doc(
      `<p>Uitslag</p><a href="#x" style="min-width:0;min-height:0;width:${String(targetPx)}px;height:${String(targetPx)}px">x</a><label style="min-height:${String(targetPx)}px"><input type="checkbox"> Gezien</label>`,
      `html { font-size: ${String(textPx)}px; }`,
      side,
    );

  it('hold the patient side to 18 px text and 44 x 44 px targets', async () => {
    expect(MINIMUMS.patient).toEqual({ textPx: 18, targetPx: 44 });
    const small = await load(sized(16, 40, 'patient'));
    await expect(auditPage(small, { side: 'patient' })).rejects.toThrow(/body font-size is 16 px \(minimum 18\)[\s\S]*target <a> "x" is 40\.0 x 40\.0 px \(minimum 44 x 44\)/);
    await small.close();
    const right = await load(sized(18, 44, 'patient'));
    await auditPage(right, { side: 'patient' });
    await right.close();
  });

  it('hold the clinician side to 16 px text and 24 x 24 px targets, and no lower', async () => {
    expect(MINIMUMS.clinician).toEqual({ textPx: 16, targetPx: 24 });
    const small = await load(sized(15, 22, 'clinician'));
    await expect(auditPage(small, { side: 'clinician' })).rejects.toThrow(/body font-size is 15 px \(minimum 16\)[\s\S]*target <a> "x" is 22\.0 x 22\.0 px \(minimum 24 x 24\)/);
    await small.close();
    const right = await load(sized(16, 24, 'clinician'));
    await auditPage(right, { side: 'clinician' });
    // The same dense page, read by a patient: too small.
    expect((await smallText(right, MINIMUMS.patient.textPx)).join('\n')).toMatch(/body font-size is 16 px/);
    expect((await smallTargets(right, MINIMUMS.patient.targetPx)).join('\n')).toMatch(/target <a> "x" is 24\.0 x 24\.0 px/);
    await right.close();
  });

  it('report a page set for the other side than its reader, and tell the sides by role', async () => {
    const p = await load(sized(18, 44, 'clinician'));
    expect((await sideProblems(p, 'patient')).join('')).toMatch(/set for the clinician side, but its reader is on the patient side/);
    expect(await sideProblems(p, 'clinician')).toEqual([]);
    await expect(auditPage(p, { side: 'patient' })).rejects.toThrow(/set for the clinician side/);
    await p.close();
    const roles = ['nurse', 'physician', 'physiotherapist', 'care-worker', 'admin', 'patient', 'caregiver', null] as const;
    expect(roles.map((r) => sideOfRole(r))).toEqual(['clinician', 'clinician', 'clinician', 'clinician', 'clinician', 'patient', 'patient', 'patient']);
  });

  it('report sideways scrolling at 200 % and 400 % zoom, naming the culprit', async () => {
    const p = await load(doc('<div class="wide" style="width:900px">Too wide</div><div class="table-scroll" style="overflow-x:auto"><div style="width:2000px">ok</div></div>'));
    expect(await horizontalOverflow(p)).toEqual([]);
    await expect(auditPage(p)).rejects.toThrow(/200 % zoom: page scrolls sideways at 640 px wide .*<div\.wide> reaches 900 px/);
    await p.setViewportSize({ width: 320, height: 640 });
    expect((await horizontalOverflow(p)).join('')).toMatch(/at 320 px wide/);
    await p.close();
  });

  it('report two h1s, no main and a missing skip link', async () => {
    const p = await load(`<!doctype html><html lang="en"><head><title>x</title></head><body><a href="/">Home</a><h1>One</h1><h1>Two</h1><button tabindex="2">B</button></body></html>`);
    const found = (await structureProblems(p)).join('\n');
    expect(found).toMatch(/2 h1 headings/);
    expect(found).toMatch(/0 main landmarks/);
    expect(found).toMatch(/tabindex=2/);
    expect(found).toMatch(/first focusable element is <a> "Home", not a skip link/);
    await p.close();
  });

  it('print axe violations readably', async () => {
    const p = await load(doc('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="50" height="50"><button style="color:#aaa;background:#fff"></button>'));
    const found = (await axeViolations(p)).join('\n');
    expect(found).toMatch(/axe image-alt \[critical\]/);
    expect(found).toMatch(/axe button-name/);
    expect(found).toMatch(/at img/);
    await p.close();
  });

  it('tell a missing focus indicator from a present one', async () => {
    const p = await load(doc('<button id="a">With ring</button><button id="b" style="outline:none">Without</button>'));
    await p.focus('#a');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Shift+Tab');
    expect((await focused(p))?.indicator).toBe(true);
    await p.keyboard.press('Tab');
    const info = await focused(p);
    expect(info?.text).toBe('Without');
    expect(info?.indicator).toBe(false);
    await p.close();
  });

  // The word check of small-screen.spec.ts, on a phone-wide column of 10 characters of 18 px text.
  const column = (body: string) => doc(`<div id="col" style="width: 10ch; line-height: 27px">${body}</div>`);

  it('report a word split between two lines, naming it', async () => {
    const p = await load(column('<p style="overflow-wrap: anywhere">Botontkalkingsonderzoek</p><p style="word-break: break-all">Fractuurpolikliniek</p>'));
    const found = (await measure(p)).brokenWords;
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^Botontkalkingsonderzoek \(p\)$/);
    expect(found[1]).toMatch(/^Fractuurpolikliniek \(p\)$/);
    await p.close();
  });

  it('pass words that stay whole, a line ending after a hyphen, and strings marked to break anywhere', async () => {
    const p = await load(
      column(
        '<p>Uw botten worden sterker als u elke dag beweegt.</p>' +
          '<p style="hyphens: manual">zorg-verleners-overleg</p>' +
          '<p class="break-any" style="overflow-wrap: anywhere">0f8fad5b-d9cb-469f-a165-70867728950e</p>' +
          '<p><code style="overflow-wrap: anywhere">/api/v1/patients/access-log</code></p>',
      ),
    );
    const f = await measure(p);
    // The sentence really did wrap: the check looked at words across lines.
    const lines = await p.locator('#col p').first().evaluate((el) => Math.round(el.getBoundingClientRect().height / 27));
    expect(lines).toBeGreaterThan(2);
    expect(f.brokenWords).toEqual([]);
    await p.close();
  });

  it('catch a Content-Security-Policy violation on the console', async () => {
    const strict = await browser.newContext();
    const p = await strict.newPage();
    await p.route('http://csp.invalid/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'" },
        body: '<!doctype html><html lang="en"><title>x</title><p style="color:red">x</p><script>1</script>',
      }),
    );
    const csp = watchCsp(p);
    await p.goto('http://csp.invalid/');
    expect(csp.violations.join('\n')).toMatch(/script/i);
    await expect(axeViolations(p)).rejects.toThrow(/bypassCSP/);
    await strict.close();
  });
});
