// The intake's falls levels are the core's falls rules on the intake's answers (clinical-rules.md
// §10), on the intake's day; a goal lies after the intake.
import { describe, expect, it } from 'vitest';
import { goalDateProblem, intakeFallConclusions } from './intake.js';

const anna = { birthDate: '1948-04-12', sex: 'female' as const };
const level = (cs: ReturnType<typeof intakeFallConclusions>, code: string) => cs.find((c) => c.code === code)?.value;

describe('the intake read by the core\'s falls rules', () => {
  it('gives the WFG-2022 level and the Short FES-I band of the answers, with the values used', () => {
    const cs = intakeFallConclusions(anna, { fallsLast12Months: 1, unsteady: true, tugSeconds: 15.1 }, [2, 2, 2, 2, 2, 2, 2], '2026-12-01', 'nl');
    expect(level(cs, 'fall-risk.level')).toEqual({ level: 'intermediate' });
    expect(level(cs, 'fear-of-falling.level')).toEqual({ level: 'high', score: 14 });
    expect(cs.find((c) => c.code === 'fall-risk.level')?.used).toMatchObject({ 'falls.tugSeconds': 15.1 });
    expect(cs.some((c) => c.code === 'fall-risk.inventory-needed')).toBe(false);
  });

  it('keeps to the boundaries: TUG 15 s is not slow; two falls are high and ask for the inventory', () => {
    expect(level(intakeFallConclusions(anna, { fallsLast12Months: 1, tugSeconds: 15 }, null, '2026-12-01', 'en'), 'fall-risk.level')).toEqual({ level: 'low' });
    const two = intakeFallConclusions(anna, { fallsLast12Months: 2 }, null, '2026-12-01', 'en');
    expect(level(two, 'fall-risk.level')).toEqual({ level: 'high' });
    expect(two.some((c) => c.code === 'fall-risk.inventory-needed')).toBe(true);
  });

  it('says what to measure when the screen is positive without a walking test, and asks for the FES-I when worried', () => {
    const cs = intakeFallConclusions(anna, { worriedAboutFalling: true }, null, '2026-12-01', 'nl');
    expect(level(cs, 'fall-risk.level')).toBeNull();
    expect(level(cs, 'fear-of-falling.level')).toBeNull();
    expect(cs.find((c) => c.code === 'fall-risk.level')?.missing).toEqual(expect.arrayContaining(['falls.tugSeconds', 'falls.gaitSpeedMps']));
  });

  it('runs only the falls rules', () => {
    const codes = new Set(intakeFallConclusions(anna, {}, null, '2026-12-01', 'nl').map((c) => c.code.split('.')[0]));
    expect([...codes].every((c) => c === 'fall-risk' || c === 'fear-of-falling')).toBe(true);
  });

  it('wants a goal after the day of the intake', () => {
    expect(goalDateProblem('2026-12-01', '2026-12-01')).toBe('not-after-intake');
    expect(goalDateProblem('2026-12-01', '2026-11-30')).toBe('not-after-intake');
    expect(goalDateProblem('2026-12-01', '2026-12-02')).toBeUndefined();
  });
});
