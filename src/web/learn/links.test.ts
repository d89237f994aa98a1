// Every address the link map can give leads to a published page and an existing section.
import { describe, expect, it } from 'vitest';
import { DRUGS } from '../../core/case.schema.js';
import { allLearnLinks, learnLinkFor, learnLinkForDrug } from './links.js';
import { patientInfoFor } from './patient-info.js';
import { LEARN_PAGES } from './pages/index.js';

function target(href: string): { slug: string; anchor: string | undefined } {
  const m = /^\/learn\/([a-z0-9-]+)(?:#([a-z0-9-]+))?$/.exec(href);
  if (!m?.[1]) throw new Error(`not a learn address: ${href}`);
  return { slug: m[1], anchor: m[2] };
}

describe('the learn link map', () => {
  it.each([
    ['bmd.category', '/learn/osteoporosis#t-score'],
    ['calcium.intake', '/learn/food#calculator'],
    ['calcium.something-new', '/learn/food#calcium'],
    ['vitamin-d.advice', '/learn/food#vitamin-d'],
    ['lab.vitamin-d', '/learn/food#vitamin-d'],
    ['fall-risk.level', '/learn/falls#at-home'],
    ['fear-of-falling.level', '/learn/pain-and-fear#fear-of-falling'],
    ['lifestyle.advice', '/learn/moving#how-much'],
    ['case-finding.dxa-indicated', '/learn/pathway#fracture-after-50'],
    ['case-finding.nhg-risk-score', '/learn/pathway#fracture-after-50'],
    ['child.loading', '/learn/children-emb'],
  ])('%s → %s', (code, href) => {
    expect(learnLinkFor(code)).toBe(href);
  });

  it('has no page for a code it does not know', () => {
    expect(learnLinkFor('lab.panel-missing')).toBeUndefined();
    expect(learnLinkFor('')).toBeUndefined();
  });

  it('gives each drug its medicine page', () => {
    expect(learnLinkForDrug('denosumab')).toBe('/learn/medicine-denosumab');
  });

  it.each(allLearnLinks(DRUGS))('%s leads to a published page and section', (href) => {
    const { slug, anchor } = target(href);
    const page = LEARN_PAGES.find((p) => p.slug === slug);
    expect(page, `no learn page "${slug}"`).toBeDefined();
    if (anchor !== undefined) expect(page?.sections.map((s) => s.id), `no section "${anchor}" on ${slug}`).toContain(anchor);
  });
});

describe('the patient information of a conclusion', () => {
  it('names the page and the section', () => {
    expect(patientInfoFor({ code: 'bmd.category', value: null }, 'nl')).toEqual({
      href: '/learn/osteoporosis#t-score',
      label: 'Wat is osteoporose?: De T-score: hoe stevig uw botten zijn',
    });
    expect(patientInfoFor({ code: 'bmd.category', value: null }, 'en')?.label).toBe('What is osteoporosis?: The T-score: how strong your bones are');
  });

  it('links a conclusion about a drug to its medicine page', () => {
    const info = patientInfoFor({ code: 'medication.regimen', value: { drug: 'denosumab' } }, 'nl');
    expect(info?.href).toBe('/learn/medicine-denosumab');
  });

  it('gives nothing for a code without a page', () => {
    expect(patientInfoFor({ code: 'lab.panel-missing', value: { tests: [] } }, 'nl')).toBeUndefined();
  });
});
