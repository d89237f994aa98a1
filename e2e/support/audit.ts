// The accessibility bar every page must clear. axe covers WCAG 2.2 A/AA as far as a machine can;
// our own checks add what our design promises beyond it, by the side of the record the page is on:
// on the patient side (patients, caregivers, visitors) targets of 44 x 44 px and text of at least
// 18 px, on the clinician side (nurses, physicians, physiotherapists, care workers, administrators)
// targets of 24 x 24 px (WCAG 2.2 AA) and text of at least 16 px; on both, reflow at 200 % and
// 400 % zoom and a predictable frame (one h1, one main, a skip link first). The side is the one of
// the reader's role, asked of the server for the session the page was opened with, never taken
// from the page itself. Each check returns readable problem lines so a failure says what to fix,
// and each can be run on its own against a deliberately broken page (see checks.spec.ts).
/// <reference lib="dom" />
import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** Whose side a page is on: that of the role reading it. */
export type Side = 'patient' | 'clinician';

/** What each side promises: the smallest target and the smallest text, in CSS px. */
export const MINIMUMS: Readonly<Record<Side, { targetPx: number; textPx: number }>> = {
  patient: { targetPx: 44, textPx: 18 },
  clinician: { targetPx: 24, textPx: 16 },
};

/** The roles that work on the clinician side; everyone else (and a visitor) reads the patient side. */
const CLINICIAN_ROLES: ReadonlySet<string> = new Set(['nurse', 'physician', 'physiotherapist', 'care-worker', 'admin']);

export function sideOfRole(role: string | null | undefined): Side {
  return role && CLINICIAN_ROLES.has(role) ? 'clinician' : 'patient';
}

/**
 * The side of whoever the page was opened for: the server is asked who the page's session belongs
 * to (the browser context's cookie). No session, or a page not served by Botpad: the patient side,
 * the stricter of the two.
 */
export async function readerSide(page: Page): Promise<Side> {
  const url = page.url();
  if (!/^https?:/.test(url)) return 'patient';
  const res = await page.request.get(new URL('/api/v1/session', url).href);
  if (res.status() !== 200) return 'patient';
  const me = (await res.json()) as { role?: string };
  return sideOfRole(me.role);
}

/** A page set in the other side's density: a patient given the clinic's small type, or the reverse. */
export async function sideProblems(page: Page, side: Side): Promise<string[]> {
  const classes = await page.evaluate(() => Array.from(document.documentElement.classList));
  if (classes.includes(`side-${side}`)) return [];
  const shown = classes.find((c) => c.startsWith('side-'));
  return [`page is set for ${shown ? `the ${shown.slice(5)} side` : 'no side'}, but its reader is on the ${side} side (expected class side-${side} on <html>)`];
}
/** 1280 px at 200 % zoom, and 1280 px at 400 % (WCAG 1.4.10's 320 CSS px). */
export const ZOOM_VIEWPORTS = [
  { label: '200 % zoom', width: 640, height: 400 },
  { label: '400 % zoom', width: 320, height: 640 },
] as const;

export async function axeViolations(page: Page): Promise<string[]> {
  const present = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!present) {
    try {
      await page.addScriptTag({ content: axe.source });
    } catch (e) {
      throw new Error(`axe could not be injected (${(e as Error).message}); open the context with bypassCSP: true`);
    }
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
      throw new Error("axe was blocked (the page's CSP forbids inline scripts): open the context with bypassCSP: true");
    }
  }
  const violations = await page.evaluate(async (tags) => {
    const a = window.axe;
    if (!a) throw new Error('axe vanished from the page');
    const r = await a.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, [...AXE_TAGS]);
  return violations.map(
    (v) =>
      `axe ${v.id} [${v.impact}]: ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) => `      at ${n.target}\n        ${n.summary.replace(/\n\s*/g, '\n        ')}`).join('\n'),
  );
}

/**
 * Interactive elements smaller than min x min CSS px (the patient side's minimum unless given). A radio or checkbox counts by its label,
 * since the label is what a finger or mouse actually hits.
 */
export async function smallTargets(page: Page, min = MINIMUMS.patient.targetPx): Promise<string[]> {
  return page.evaluate((minPx) => {
    const name = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${cls}>${text ? ` "${text}"` : ''}`;
    };
    const found: string[] = [];
    const seen = new Set<Element>();
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]';
    for (const el of Array.from(document.querySelectorAll(selector))) {
      let box: Element = el;
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
        const label = el.labels?.[0];
        if (label) box = label;
      }
      if (seen.has(box)) continue;
      seen.add(box);
      if (!box.checkVisibility({ visibilityProperty: true })) continue;
      const r = box.getBoundingClientRect();
      if (r.width < minPx - 0.01 || r.height < minPx - 0.01) {
        found.push(`target ${name(box)} is ${r.width.toFixed(1)} x ${r.height.toFixed(1)} px (minimum ${String(minPx)} x ${String(minPx)})`);
      }
    }
    return found;
  }, min);
}

/** Visible text set smaller than min px, and the body's own base size. */
export async function smallText(page: Page, min = MINIMUMS.patient.textPx): Promise<string[]> {
  return page.evaluate((minPx) => {
    const found: string[] = [];
    const base = parseFloat(getComputedStyle(document.body).fontSize);
    if (!(base >= minPx)) found.push(`body font-size is ${String(base)} px (minimum ${String(minPx)})`);
    const reported = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || reported.has(el) || !(n.textContent ?? '').trim()) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      // Visually hidden text (for screen readers) has no size to read.
      if (r.width <= 1 || r.height <= 1) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < minPx - 0.01) {
        reported.add(el);
        const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        // An SVG element's className is no string: its class attribute is read instead.
        const cls = el.getAttribute('class');
        found.push(`text "${text}" in <${el.tagName.toLowerCase()}${cls ? '.' + cls.trim().split(/\s+/).join('.') : ''}> is ${size.toFixed(1)} px (minimum ${String(minPx)})`);
      }
    }
    return found;
  }, min);
}

/** Sideways scrolling of the page itself (a data table may scroll inside its own box). */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    if (doc.scrollWidth <= width) return [];
    const scrolls = (el: Element) => {
      const o = getComputedStyle(el).overflowX;
      return o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip';
    };
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 0.5 || r.width === 0) continue;
      let inScroller = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) inScroller = true;
      // Only the innermost culprits: a child sticking out explains why its parent sticks out.
      const child = Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 0.5);
      if (!inScroller && !child) {
        const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(/\s+/).join('.') : '';
        culprits.push(`<${el.tagName.toLowerCase()}${cls}> reaches ${r.right.toFixed(0)} px`);
      }
    }
    return [
      `page scrolls sideways at ${String(width)} px wide (content is ${String(doc.scrollWidth)} px)` +
        (culprits.length ? `: ${culprits.slice(0, 5).join('; ')}` : ''),
    ];
  });
}

/** One h1, one main, and a skip link to #main as the very first stop of the Tab key. */
export async function structureProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const h1s = document.querySelectorAll('h1, [role="heading"][aria-level="1"]').length;
    if (h1s !== 1) found.push(`page has ${String(h1s)} h1 headings (expected exactly 1)`);
    const mains = Array.from(document.querySelectorAll('main, [role="main"]'));
    if (mains.length !== 1) found.push(`page has ${String(mains.length)} main landmarks (expected exactly 1)`);
    const candidates = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
    const tabbable = Array.from(document.querySelectorAll<HTMLElement>(candidates)).filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLInputElement).disabled &&
        !(el instanceof HTMLInputElement && el.type === 'hidden') &&
        el.checkVisibility({ visibilityProperty: true }),
    );
    for (const el of tabbable) {
      if (el.tabIndex > 0) found.push(`<${el.tagName.toLowerCase()}> has tabindex=${String(el.tabIndex)}, which breaks the reading order`);
    }
    const first = tabbable[0];
    if (!first) {
      found.push('page has nothing to Tab to (expected a skip link first)');
    } else if (!(first instanceof HTMLAnchorElement) || first.getAttribute('href') !== '#main') {
      found.push(`first focusable element is <${first.tagName.toLowerCase()}> "${(first.textContent ?? '').trim().slice(0, 40)}", not a skip link to #main`);
    } else {
      const target = document.getElementById('main');
      if (!target || !mains.includes(target)) found.push('the skip link points at #main, but #main is not the main landmark');
    }
    return found;
  });
}

export interface FocusInfo {
  /** Position in document order, to compare Tab order with source order. */
  docIndex: number;
  tag: string;
  text: string;
  href: string | null;
  /** banner, main, contentinfo or other: where on the page the element sits. */
  region: string;
  top: number;
  bottom: number;
  indicator: boolean;
  indicatorDetail: string;
}

/** What has keyboard focus now, and whether it shows a focus indicator (outline or box-shadow). */
export async function focused(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
    const r = el.getBoundingClientRect();
    const region = el.closest('header') ? 'banner' : el.closest('main') ? 'main' : el.closest('footer') ? 'contentinfo' : 'other';
    return {
      docIndex: Array.from(document.querySelectorAll('*')).indexOf(el),
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
      href: el.getAttribute('href'),
      region,
      top: r.top + window.scrollY,
      bottom: r.bottom + window.scrollY,
      indicator: outline || shadow,
      indicatorDetail: `outline: ${s.outlineStyle} ${s.outlineWidth}; box-shadow: ${s.boxShadow}`,
    };
  });
}

/** Document-order position of the element a locator finds (it must find exactly one). */
export async function docIndexOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => Array.from(document.querySelectorAll('*')).indexOf(el));
}

/**
 * Runs every check on the page as it is now (at its current viewport, then at 200 % and 400 %
 * zoom), with the minimums of the reader's side (`side` names it for a page Botpad did not serve),
 * and throws one error listing every problem found. `axe: false` leaves out axe, the slowest part,
 * where a caller has already run it on the same page in another setting. The page must come from a context opened
 * with bypassCSP: true, or axe cannot be injected under our script-src 'self'.
 */
export async function auditPage(page: Page, opts: { side?: Side; axe?: boolean } = {}): Promise<void> {
  const side = opts.side ?? (await readerSide(page));
  const min = MINIMUMS[side];
  const problems: string[] = [];
  problems.push(...(await structureProblems(page)));
  problems.push(...(await sideProblems(page, side)));
  problems.push(...(await smallText(page, min.textPx)));
  problems.push(...(await smallTargets(page, min.targetPx)));
  problems.push(...(await horizontalOverflow(page)));
  if (opts.axe !== false) problems.push(...(await axeViolations(page)));
  const original = page.viewportSize();
  try {
    for (const vp of ZOOM_VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      problems.push(...(await horizontalOverflow(page)).map((p) => `${vp.label}: ${p}`));
      problems.push(...(await smallTargets(page, min.targetPx)).map((p) => `${vp.label}: ${p}`));
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  if (problems.length > 0) {
    throw new Error(`${String(problems.length)} accessibility problem(s) on ${page.url()}:\n` + problems.map((p) => `  - ${p}`).join('\n'));
  }
}

/** Collects Content-Security-Policy violations the browser reports on the console. */
export function watchCsp(page: Page): { violations: string[] } {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/content security policy/i.test(msg.text())) violations.push(`${msg.type()}: ${msg.text()}`);
  });
  return { violations };
}
