// The medicine pages against the core: one page per catalogue drug, the seven fixed sections, and
// every fact a machine can compare (doses, intervals, minutes upright, review years, the limits of
// the anabolics, the dental caution, vitamin D and calcium) read from the core itself, so a change
// there that the page does not follow fails here.
import { describe, expect, it } from 'vitest';
import { OSTEOPOROSIS_MIN_TARGET_MG } from '../../../../core/calcium-vitamin-d/calcium.js';
import { VITAMIN_D_REASONS } from '../../../../core/calcium-vitamin-d/calcium-vitamin-d.rule.js';
import type { Drug } from '../../../../core/case.schema.js';
import { CATALOGUE, CATALOGUE_DRUGS, type Interval } from '../../../../core/medication/catalogue.js';
import { reviewMonths } from '../../../../core/medication/course.rule.js';
import { drugSafety } from '../../../../core/medication/safety.rule.js';
import { SOURCES } from '../../../../core/rule.js';
import { makeCase } from '../../../../core/testing/builder.js';
import type { LearnPage } from '../../learn.types.js';
import { MEDICINE_PAGES } from './index.js';

const SECTION_IDS = ['what', 'how', 'how-long', 'side-effects', 'teeth', 'never-stop', 'calcium-vitamin-d'];

/** How each interval code reads in the Dutch text of the `how` section. */
const INTERVAL_NL: Record<Interval, RegExp> = {
  daily: /\belke dag\b/,
  weekly: /\bper week\b/,
  monthly: /\bper maand\b/,
  'every-3-months': /\bom de 3 maanden\b/,
  'every-6-months': /\belke 6 maanden\b/,
  yearly: /\bper jaar\b/,
};

function pageOf(drug: Drug): LearnPage {
  const pages = MEDICINE_PAGES.filter((p) => p.drug === drug);
  expect(pages, `pages for ${drug}`).toHaveLength(1);
  return pages[0]!;
}

/** The Dutch words of one section: its paragraphs and list items, one per line. */
function nl(page: LearnPage, id: string): string {
  const section = page.sections.find((s) => s.id === id);
  if (section === undefined) throw new Error(`${page.slug} has no section ${id}`);
  const out: string[] = [];
  for (const b of section.blocks) {
    if (b.kind === 'p') out.push(b.text.nl);
    if (b.kind === 'list') for (const i of b.items) out.push(i.nl);
  }
  return out.join('\n');
}

/** Every "<number> mg" or "<number> µg" a text names, as the catalogue writes a dose. */
const doses = (text: string): Set<string> => new Set([...text.matchAll(/(?<![\d.,])(\d+) (mg|µg)\b/gu)].map((m) => `${m[1]} ${m[2]}`));

describe('medicine learn pages', () => {
  it('has exactly one page per drug of the catalogue, in the catalogue order', () => {
    expect(MEDICINE_PAGES.map((p) => p.drug)).toEqual([...CATALOGUE_DRUGS]);
    for (const drug of CATALOGUE_DRUGS) pageOf(drug);
  });

  it.each(CATALOGUE_DRUGS)('%s: addressed medicine-<drug>, in the medicines group, citing its SmPC', (drug) => {
    const page = pageOf(drug);
    expect(page.slug).toBe(`medicine-${drug}`);
    expect(page.group).toBe('medicines');
    expect(page.sources).toContain(CATALOGUE[drug].smpc);
    for (const s of page.sources) expect(SOURCES).toContain(s);
    expect(page.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.title.nl.toLowerCase()).toBe(CATALOGUE[drug].nameNl);
  });

  it.each(CATALOGUE_DRUGS)('%s: has the seven sections other pages link to, in order', (drug) => {
    expect(pageOf(drug).sections.map((s) => s.id)).toEqual(SECTION_IDS);
  });

  it.each(CATALOGUE_DRUGS)('%s: "how" names exactly the catalogue doses and each interval', (drug) => {
    const how = nl(pageOf(drug), 'how');
    const regimens = CATALOGUE[drug].regimens;
    expect(doses(how)).toEqual(new Set(regimens.map((r) => r.dose)));
    for (const r of regimens) expect(how).toMatch(INTERVAL_NL[r.interval]);
  });

  it.each(CATALOGUE_DRUGS)('%s: "how" names the minutes upright the tablet asks, and no other', (drug) => {
    const how = nl(pageOf(drug), 'how');
    const upright = CATALOGUE[drug].regimens.flatMap((r) => r.instructions)
      .map((i) => /^upright-(\d+)-minutes$/.exec(i)?.[1]).filter((m) => m !== undefined);
    const said = [...how.matchAll(/(\d+) minuten rechtop/g)].map((m) => m[1]);
    expect(new Set(said)).toEqual(new Set(upright));
  });

  it.each(CATALOGUE_DRUGS)('%s: "how-long" names the review year of the core, and no other', (drug) => {
    const text = nl(pageOf(drug), 'how-long');
    const years = reviewMonths(drug).months / 12;
    const said = [...text.matchAll(/\bNa (\d+) jaar\b/g)].map((m) => Number(m[1]));
    expect(said.length).toBeGreaterThan(0);
    expect(new Set(said)).toEqual(new Set([years]));
  });

  it.each(CATALOGUE_DRUGS)('%s: a medicine for a limited time says its limit and that another follows', (drug) => {
    const instructions = CATALOGUE[drug].regimens.flatMap((r) => r.instructions);
    const text = nl(pageOf(drug), 'how-long');
    if (instructions.includes('at-most-24-months')) expect(text).toMatch(/hooguit 24 maanden/);
    if (instructions.includes('12-doses')) expect(text).toMatch(/12 keer/);
    if (instructions.includes('antiresorptive-after')) expect(text).toMatch(/een ander medicijn dat het nieuwe bot beschermt/);
    else expect(text).not.toMatch(/hooguit|12 keer/);
  });

  it.each(CATALOGUE_DRUGS)('%s: "teeth" asks for the dentist first exactly when the core cautions on it', (drug) => {
    const noDentalCheck = makeCase({ safety: { dentalCheckDone: false } });
    const cautioned = drugSafety(noDentalCheck, drug).value.reasons.includes('dental-check-missing');
    const teeth = nl(pageOf(drug), 'teeth');
    if (cautioned) expect(teeth).toMatch(/Ga naar de tandarts voor u begint/);
    else expect(teeth).toMatch(/geen extra regels voor de tandarts/);
  });

  it.each(CATALOGUE_DRUGS)('%s: "side-effects" lists the thigh and jaw signs where the core cautions on the jaw', (drug) => {
    const noDentalCheck = makeCase({ safety: { dentalCheckDone: false } });
    const jawRisk = drugSafety(noDentalCheck, drug).value.reasons.includes('dental-check-missing');
    const text = nl(pageOf(drug), 'side-effects');
    expect(/Pijn in uw kaak/.test(text)).toBe(jawRisk);
    expect(/pijn in uw dij, heup of lies/.test(text)).toBe(jawRisk);
  });

  it.each(CATALOGUE_DRUGS)('%s: vitamin D and calcium as the core advises on bone medicine', (drug) => {
    const text = nl(pageOf(drug), 'calcium-vitamin-d');
    expect(text).toContain(`${VITAMIN_D_REASONS['on-osteoporosis-medication']} µg vitamine D`);
    expect(text).toContain(`${OSTEOPOROSIS_MIN_TARGET_MG} mg calcium`);
  });

  it.each(CATALOGUE_DRUGS)('%s: a tablet on an empty stomach keeps calcium to another time', (drug) => {
    const fasting = CATALOGUE[drug].regimens.some((r) => r.instructions.includes('fasting'));
    const text = nl(pageOf(drug), 'calcium-vitamin-d');
    expect(/niet tegelijk/.test(text)).toBe(fasting);
  });

  it('denosumab: never stop without a follow-on medicine within 6 months of the last injection', () => {
    const instructions = CATALOGUE.denosumab.regimens.flatMap((r) => r.instructions);
    expect(instructions).toContain('do-not-stop-without-follow-on');
    const text = nl(pageOf('denosumab'), 'never-stop');
    expect(text).toMatch(/Stop nooit zelf met denosumab/);
    expect(text).toMatch(/binnen 6 maanden na uw laatste prik/);
    expect(text).toMatch(/wervels in uw rug breken/);
  });

  it('every page has both languages filled in every text', () => {
    for (const page of MEDICINE_PAGES) {
      const texts = [page.title, page.summary, ...page.sections.flatMap((s) => [
        s.heading,
        ...s.blocks.flatMap((b) => (b.kind === 'p' ? [b.text] : b.kind === 'list' ? b.items : [b.alt])),
      ])];
      for (const t of texts) {
        expect(t.nl.trim(), page.slug).not.toBe('');
        expect(t.en.trim(), page.slug).not.toBe('');
      }
    }
  });
});
