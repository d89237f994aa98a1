// The page for parents of children with EMB against the core: the shares by mobility, loading from
// age 2, the movement target, vitamin D, the calcium targets by age, the serving values and the
// aids check all come from the core's own constants and settings.
import { describe, expect, it } from 'vitest';
import { calciumTargetMg } from '../../../core/calcium-vitamin-d/calcium.js';
import { VITAMIN_D_REASONS } from '../../../core/calcium-vitamin-d/calcium-vitamin-d.rule.js';
import {
  LOADING_FROM_AGE, MOVEMENT_TARGET_MAX, MOVEMENT_TARGET_MIN, OBSERVED_LOW_BONE_QUALITY_PERCENT,
} from '../../../core/children/children.rule.js';
import { SOURCES } from '../../../core/rule.js';
import { DEFAULT_SETTINGS } from '../../../core/settings.js';
import type { LearnPage } from '../learn.types.js';
import { CHILDREN_PAGES } from './children.js';

function nl(page: LearnPage, id: string): string {
  const section = page.sections.find((s) => s.id === id);
  if (section === undefined) throw new Error(`${page.slug} has no section ${id}`);
  return section.blocks.flatMap((b) => (b.kind === 'p' ? [b.text.nl] : b.kind === 'list' ? b.items.map((i) => i.nl) : [])).join('\n');
}

describe('learn page for parents of children with EMB', () => {
  const page = CHILDREN_PAGES.find((p) => p.slug === 'children-emb');

  it('is the one page of the children group, citing the EMB leaflet and the Dutch reference intakes', () => {
    expect(CHILDREN_PAGES).toHaveLength(1);
    expect(page?.group).toBe('children');
    expect(page?.drug).toBeUndefined();
    expect(page?.sources).toEqual(expect.arrayContaining(['LEAFLET-EMB', 'GR-2012', 'GR-CALCIUM']));
    for (const s of page?.sources ?? []) expect(SOURCES).toContain(s);
  });

  it('gives the shares by mobility of the core and says they are adults\' figures', () => {
    const why = nl(page!, 'why');
    const { wheelchair, 'walking-aid': aid, 'independent-walker': walker } = OBSERVED_LOW_BONE_QUALITY_PERCENT;
    expect(why).toContain(`In een rolstoel: ${wheelchair} %`);
    expect(why).toContain(`Lopen met een hulpmiddel: ${aid} %`);
    expect(why).toContain(`Zelf lopen: ${walker} %`);
    expect(why).toMatch(/cijfers van volwassenen, niet van kinderen/);
  });

  it('asks for daily loading from the core\'s age and its movement target', () => {
    const loading = nl(page!, 'loading');
    expect(loading).toContain(`Vanaf ${LOADING_FROM_AGE} jaar`);
    expect(loading).toContain(`${MOVEMENT_TARGET_MIN} tot ${MOVEMENT_TARGET_MAX} minuten`);
  });

  it('advises the core\'s vitamin D dose for young children, anti-epileptics and little daylight', () => {
    const vd = nl(page!, 'vitamin-d');
    expect(VITAMIN_D_REASONS['child-under-4']).toBe(VITAMIN_D_REASONS['child-anti-epileptic']);
    expect(VITAMIN_D_REASONS['child-under-4']).toBe(VITAMIN_D_REASONS['little-daylight']);
    expect(vd).toContain(`${VITAMIN_D_REASONS['child-under-4']} µg vitamine D`);
    expect(vd).toMatch(/jonger dan 4 jaar/);
    expect(vd).toMatch(/medicijn tegen epilepsie/);
    expect(vd).toMatch(/meer dan één medicijn tegen epilepsie\? Vraag de arts/);
  });

  it('gives the calcium targets of the core for every child age band', () => {
    const calcium = nl(page!, 'calcium');
    expect(calcium).toContain(`Van 1 tot en met 3 jaar: ${calciumTargetMg(1, 'female')} mg`);
    expect(calciumTargetMg(3, 'male')).toBe(calciumTargetMg(1, 'female'));
    expect(calcium).toContain(`Van 4 tot en met 8 jaar: ${calciumTargetMg(4, 'female')} mg`);
    expect(calciumTargetMg(8, 'male')).toBe(calciumTargetMg(4, 'female'));
    expect(calcium).toContain(
      `Van 9 tot en met 17 jaar: ${calciumTargetMg(9, 'female')} mg voor meisjes en ${calciumTargetMg(17, 'male')} mg voor jongens`,
    );
    expect(calcium).toContain(`Een glas melk van 150 ml geeft ongeveer ${DEFAULT_SETTINGS.calciumPerServingMg['milk-glass']} mg`);
    expect(calcium).toContain(`Een plak kaas van 20 gram geeft ongeveer ${DEFAULT_SETTINGS.calciumPerServingMg['cheese-slice']} mg`);
  });

  it('has the aids checked on the core\'s interval and growth', () => {
    const aids = nl(page!, 'aids');
    expect(aids).toContain(`elke ${DEFAULT_SETTINGS.aidsCheckIntervalMonths} maanden nakijken`);
    expect(aids).toContain(`${DEFAULT_SETTINGS.aidsCheckGrowthCm} cm of meer gegroeid`);
  });

  it('names the signs of a fracture in a child who cannot say it, and says not to wait', () => {
    const signs = nl(page!, 'fracture-signs');
    for (const s of [/wordt dik/, /anders dan normaal/, /Pijn bij bewegen/, /Huilen als u uw kind aanraakt/, /niet gebruiken/, /onrustig/]) {
      expect(signs).toMatch(s);
    }
    expect(signs).toMatch(/Bel dan dezelfde dag/);
    expect(signs).toMatch(/Wacht niet af/);
  });
});
