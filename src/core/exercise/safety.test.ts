// The exercise safety rule at its boundaries (clinical-rules.md §4, §10, §11), and a property:
// taking an exercise out of a plan never adds a warning.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AS_OF, fracture, makeCase } from '../testing/builder.js';
import { EXERCISE_CATEGORIES, EXERCISE_TAGS, EXERCISES, EXERCISE_CODES, exerciseOf, exerciseWarnings } from './index.js';

type Over = Parameters<typeof makeCase>[0];
const conditions = (over: Over, chosen: string[]) =>
  exerciseWarnings(makeCase(over), chosen).map((w) => `${w.code}:${w.reasons.map((r) => `${r.condition}/${r.tag}`).join('+')}`);
const vfa = (grade: 0 | 1 | 2 | 3 | 'not-evaluable', date = '2026-10-01') => ({ vfa: { date, vertebrae: [{ level: 'T12' as const, grade }] } });

describe('the catalogue', () => {
  it('has about twenty exercises with unique codes, every category, every tag, steps in both languages', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(EXERCISE_CODES).size).toBe(EXERCISES.length);
    for (const c of EXERCISE_CATEGORIES) expect(EXERCISES.some((e) => e.category === c)).toBe(true);
    for (const t of EXERCISE_TAGS) expect(EXERCISES.some((e) => e.tags.includes(t))).toBe(true);
    for (const e of EXERCISES) {
      expect(e.stepsNl.length).toBe(e.stepsEn.length);
      expect(e.stepsNl.length).toBeGreaterThan(0);
    }
    expect(exerciseOf('weighted-sit-up')?.tags).toContain('loaded-spinal-flexion');
    expect(exerciseOf('no-such')).toBeUndefined();
  });
});

describe('exerciseWarnings: who may not do what, and why', () => {
  const rows: [string, Over, string[], string[]][] = [
    ['nothing recorded: no warning', {}, ['weighted-sit-up', 'jump-landing', 'one-leg-stand'], []],
    ['§4 VFA grade 1 alone changes nothing', vfa(1), ['weighted-sit-up'], []],
    ['§4 VFA not evaluable changes nothing', vfa('not-evaluable'), ['weighted-sit-up'], []],
    ['§4 VFA grade 2 warns on loaded flexion', vfa(2), ['weighted-sit-up'], ['weighted-sit-up:vertebral-fracture/loaded-spinal-flexion']],
    ['§4 VFA grade 3 warns on a twist', vfa(3), ['standing-twist'], ['standing-twist:vertebral-fracture/spinal-twist']],
    ['§4 a VFA dated after asOf is not yet known', vfa(3, '2026-11-24'), ['weighted-sit-up'], []],
    ['§4 a VFA on asOf counts', vfa(3, AS_OF), ['weighted-sit-up'], ['weighted-sit-up:vertebral-fracture/loaded-spinal-flexion']],
    ['a recorded spine fracture long ago counts', { fractures: [fracture('2015-03-01', 'lumbar-spine')] }, ['round-back-lift', 'chair-rise'], ['round-back-lift:vertebral-fracture/loaded-spinal-flexion']],
    ['a wrist fracture long ago warns on nothing', { fractures: [fracture('2015-03-01', 'wrist')] }, ['round-back-lift', 'jump-landing'], []],
    ['both tags of one exercise, one warning with two reasons', vfa(2), ['seated-twist-weight'],
      ['seated-twist-weight:vertebral-fracture/loaded-spinal-flexion+vertebral-fracture/spinal-twist']],
    ['safe exercises stay silent after a vertebral fracture', vfa(3), ['chair-rise', 'wall-stand', 'prone-lift', 'brisk-walk', 'heel-drop'], []],
    ['§11 a fracture exactly 3 months ago is recent', { fractures: [fracture('2026-08-23', 'wrist')] }, ['jump-landing'], ['jump-landing:recent-fracture/high-impact']],
    ['§11 one day more is not', { fractures: [fracture('2026-08-22', 'wrist')] }, ['jump-landing'], []],
    ['§11 a fracture dated after asOf is not yet known', { fractures: [fracture('2026-11-24', 'wrist')] }, ['jump-landing'], []],
    ['§10 high fall risk (two falls) warns on unsupported balance', { falls: { fallsLast12Months: 2 } }, ['one-leg-stand', 'side-step'], ['one-leg-stand:high-fall-risk/needs-support']],
    ['§10 one fall, TUG slow: intermediate, no warning', { falls: { fallsLast12Months: 1, injuredByFall: false, frail: false, unableToGetUp: false, lostConsciousness: false, tugSeconds: 16 } }, ['one-leg-stand'], []],
    ['§10 frailty with a negative screen is low, no warning', { falls: { fallsLast12Months: 0, unsteady: false, worriedAboutFalling: false, frail: true } }, ['one-leg-stand'], []],
    ['every condition at once, in the order chosen', { ...vfa(2), falls: { fallsLast12Months: 3 }, fractures: [fracture('2026-11-01', 'hip')] }, ['rope-skipping', 'toe-touch'],
      ['rope-skipping:vertebral-fracture/high-impact+high-fall-risk/high-impact+recent-fracture/high-impact', 'toe-touch:vertebral-fracture/loaded-spinal-flexion']],
    ['a code chosen twice is warned once; an unknown code not at all', vfa(2), ['toe-touch', 'toe-touch', 'no-such'], ['toe-touch:vertebral-fracture/loaded-spinal-flexion']],
  ];
  it.each(rows)('%s', (_name, over, chosen, expected) => {
    expect(conditions(over, chosen)).toEqual(expected);
  });

  it('says why in both languages, naming the levels, and cites its sources', () => {
    const [w] = exerciseWarnings(makeCase(vfa(2)), ['weighted-sit-up']);
    expect(w?.reasons[0]?.why.nl).toContain('T12');
    expect(w?.reasons[0]?.why.en).toMatch(/Vertebral fracture \(T12\)/);
    expect(w?.reasons[0]?.source).toContain('GENANT');
  });
});

describe('a property', () => {
  const cases = fc.record({
    grade: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
    falls: fc.integer({ min: 0, max: 4 }),
    fracture: fc.option(fc.constantFrom('2026-11-01', '2026-01-01'), { nil: undefined }),
  });
  const codes = fc.array(fc.constantFrom(...EXERCISE_CODES), { maxLength: 12 });
  it('removing an exercise never adds a warning (nor a reason)', () => {
    fc.assert(fc.property(cases, codes, fc.nat(), (k, chosen, at) => {
      const c = makeCase({ ...vfa(k.grade), falls: { fallsLast12Months: k.falls }, ...(k.fracture ? { fractures: [fracture(k.fracture, 'thoracic-spine')] } : {}) });
      const fewer = chosen.filter((_, i) => i !== at % Math.max(1, chosen.length));
      const all = new Set(exerciseWarnings(c, chosen).flatMap((w) => w.reasons.map((r) => `${w.code}/${r.condition}/${r.tag}`)));
      for (const w of exerciseWarnings(c, fewer)) for (const r of w.reasons) expect(all.has(`${w.code}/${r.condition}/${r.tag}`)).toBe(true);
    }));
  });
});
