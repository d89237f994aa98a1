import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRows } from '../testing/rows.js';
import { rules as fallRules } from '../falls/index.js';
import { rules } from './index.js';
import { measureRows } from './measures.cases.js';
import {
  chairStandThreshold, dueStatus, nextMeasurementDue, scoreChairStand30s, scoreFourStageBalance, scorePsk, scoreSppb,
} from './scoring.js';
import { addDays } from '../time/date.js';

describe('exercise-therapy measurements (§13)', () => {
  runRows(measureRows, [...rules, ...fallRules]);
});

// Properties: a better raw result never gives a worse score.
const secs = fc.double({ min: 0, max: 120, noNaN: true, noDefaultInfinity: true });
const orNull = fc.option(fc.double({ min: 0.5, max: 120, noNaN: true, noDefaultInfinity: true }), { nil: null });

describe('scoring properties (§13)', () => {
  it('SPPB: holding a stance longer, walking or rising faster never lowers a part or the total', () => {
    fc.assert(fc.property(secs, fc.option(secs, { nil: undefined }), fc.option(secs, { nil: undefined }), orNull, orNull,
      fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }),
      (side, semi, tandem, gait, chair, more, less) => {
        const base = { sideBySideSeconds: side, ...(semi === undefined ? {} : { semiTandemSeconds: semi }), ...(tandem === undefined ? {} : { tandemSeconds: tandem }), gait4mSeconds: gait, chairStand5Seconds: chair };
        const a = scoreSppb(base);
        const better = scoreSppb({
          sideBySideSeconds: side + more,
          semiTandemSeconds: (semi ?? 0) + more,
          tandemSeconds: (tandem ?? 0) + more,
          gait4mSeconds: gait === null ? Math.max(0.5, 30 - less) : Math.max(0.01, gait - less),
          chairStand5Seconds: chair === null ? Math.max(0.5, 90 - less) : Math.max(0.01, chair - less),
        });
        expect(better.balance).toBeGreaterThanOrEqual(a.balance);
        expect(better.gait).toBeGreaterThanOrEqual(a.gait);
        expect(better.chairStand).toBeGreaterThanOrEqual(a.chairStand);
        expect(better.score).toBeGreaterThanOrEqual(a.score);
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(12);
        expect(a.score).toBe(a.balance + a.gait + a.chairStand);
      }));
  });
  it('4-stage: holding any stage longer never lowers the stage held nor raises the fall risk', () => {
    fc.assert(fc.property(fc.array(secs, { minLength: 1, maxLength: 4 }), fc.nat({ max: 3 }), fc.double({ min: 0, max: 20, noNaN: true }), (stages, i, more) => {
      const a = scoreFourStageBalance(stages);
      const longer = stages.map((s, j) => (j === i ? s + more : s));
      const b = scoreFourStageBalance(longer);
      expect(b.highestStageHeld).toBeGreaterThanOrEqual(a.highestStageHeld);
      if (!a.fallRiskIncreased) expect(b.fallRiskIncreased).toBe(false);
      expect(a.fallRiskIncreased).toBe(a.highestStageHeld < 3);
    }));
  });
  it('30-s chair stand: more stands are never below average when fewer were not; an older person never has a higher norm', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 50, max: 100 }), fc.constantFrom('female' as const, 'male' as const), (reps, age, sex) => {
      const a = scoreChairStand30s(reps, age, sex);
      const b = scoreChairStand30s(reps + 1, age, sex);
      if (a.belowAverage === false) expect(b.belowAverage).toBe(false);
      const t = chairStandThreshold(age, sex);
      const older = chairStandThreshold(age + 1, sex);
      if (t !== null && older !== null) expect(older).toBeLessThanOrEqual(t);
      expect(t === null).toBe(age < 60 || age > 94);
    }));
  });
  it('PSK: a lower score now is a lower change', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 9 }), (first, now) => {
      const history = [{ date: '2026-01-01', psk: [{ activity: 'traplopen', score: first }] }];
      const a = scorePsk([{ activity: 'traplopen', score: now + 1 }], history, '2026-04-01');
      const b = scorePsk([{ activity: 'traplopen', score: now }], history, '2026-04-01');
      expect((b[0]?.change ?? 0)).toBeLessThan(a[0]?.change ?? 0);
    }));
  });
  it('due: a later measurement never makes the next one due earlier; status only moves forward with time', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), (d, later, step, grace) => {
      const m = addDays('2020-01-01', d);
      const a = nextMeasurementDue(m, undefined) as string;
      const b = nextMeasurementDue(addDays(m, later), undefined) as string;
      expect(b >= a).toBe(true);
      const order = { planned: 0, due: 1, overdue: 2 } as const;
      const asOf = addDays(m, 80);
      expect(order[dueStatus(a, addDays(asOf, step), grace)]).toBeGreaterThanOrEqual(order[dueStatus(a, asOf, grace)]);
    }));
  });
});
