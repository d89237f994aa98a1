// The progress model without a store: every point scored by scoring.ts with its cut-off or norm,
// the trend read with each measure's own sense of better, steps judged only against the patient's
// own goal, goals with their latest status, the therapy period and the next measurement due (also
// after the therapy ended). Properties: a better raw result never draws a worse score.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryData } from '../record/entries.js';
import { addMonths } from '../time/date.js';
import { directionOf, goalsOf, MEASURES, progressOf, stepsGoalIn, stepsGoalOf, trendOf, type ProgressInput } from './progress.js';

type Data = EntryData['exercise-measurement'];
const person = { birthDate: '1950-06-15', sex: 'female' as const };
const base = (over: Partial<ProgressInput> = {}): ProgressInput => ({ person, measurements: [], therapies: [], asOf: '2026-12-01', overdueGraceDays: 14, ...over });

describe('progressOf', () => {
  it('scores each measurement with its cut-off or norm, oldest first, and leaves out what is dated after asOf', () => {
    const p = progressOf(base({
      asOf: '2026-06-30',
      therapies: [{ date: '2026-01-10', data: { end: '2026-04-10' } }],
      measurements: [
        { date: '2026-04-12', data: { sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 10, gait4mSeconds: 4.5, chairStand5Seconds: 11 }, tugSeconds: 11.2, gaitSpeedMps: 0.95, chairStand30s: 11, fesI: [1, 1, 2, 1, 1, 2, 1], fourStageBalance: { stageSeconds: [10, 10, 10, 4] } } },
        { date: '2026-01-12', data: { sppb: { sideBySideSeconds: 10, semiTandemSeconds: 5, gait4mSeconds: 7, chairStand5Seconds: null }, tugSeconds: 16.5, gaitSpeedMps: 0.7, chairStand30s: 8, fesI: [2, 2, 2, 2, 2, 2, 2], fourStageBalance: { stageSeconds: [10, 8] } } },
        { date: '2026-07-12', data: { tugSeconds: 30 } },
      ],
    }));
    expect(p.count).toBe(2);
    expect([p.first, p.latest]).toEqual(['2026-01-12', '2026-04-12']);
    // SPPB: 1 + 2 + 0 = 3 (low), then 4 + 4 + 4 = 12 (high).
    expect(p.series.sppb.points.map((x) => [x.value, x.verdict])).toEqual([[3, { kind: 'sppb-band', band: 'low' }], [12, { kind: 'sppb-band', band: 'high' }]]);
    expect(p.series.sppb.points[0]?.parts).toEqual({ balance: 1, gait: 2, chairStand: 0 });
    expect(p.series.sppb.trend).toMatchObject({ change: 9, direction: 'better' });
    // TUG 16.5 s is above 15 s; 11.2 s is not. Lower is better.
    expect(p.series.tug.points.map((x) => x.verdict)).toEqual([{ kind: 'tug', slow: true }, { kind: 'tug', slow: false }]);
    expect(p.series.tug.trend).toMatchObject({ change: -5.3, direction: 'better' });
    expect(p.series['gait-speed'].points.map((x) => x.verdict)).toEqual([{ kind: 'gait', slow: true }, { kind: 'gait', slow: false }]);
    // Age 75 on both days: the women's norm 75–79 is 10 stands (RIKLI-JONES).
    expect(p.series['chair-stand-30s'].points.map((x) => x.verdict)).toEqual([
      { kind: 'chair-norm', threshold: 10, belowAverage: true, age: 75 }, { kind: 'chair-norm', threshold: 10, belowAverage: false, age: 75 },
    ]);
    expect(p.series['four-stage-balance'].points.map((x) => [x.value, x.verdict])).toEqual([[1, { kind: 'tandem', held: false }], [3, { kind: 'tandem', held: true }]]);
    expect(p.series['fes-i'].points.map((x) => [x.value, x.verdict])).toEqual([[14, { kind: 'fes-band', level: 'high' }], [9, { kind: 'fes-band', level: 'moderate' }]]);
    expect(p.series['fes-i'].trend?.direction).toBe('better');
    // The therapy ended; the next measurement is still due 3 months after the latest one (seed 003).
    expect(p.therapy).toEqual({ start: '2026-01-10', end: '2026-04-10', ended: true });
    expect(p.next).toEqual({ due: '2026-07-12', status: 'planned' });
  });

  it('keeps planning measurements after the therapy ends: due, then overdue after the grace', () => {
    const input = base({ therapies: [{ date: '2025-01-01', data: { end: '2025-06-01' } }], measurements: [{ date: '2025-09-01', data: { tugSeconds: 12 } }] });
    expect(progressOf({ ...input, asOf: '2025-11-30' }).next).toEqual({ due: '2025-12-01', status: 'planned' });
    expect(progressOf({ ...input, asOf: '2025-12-15' }).next).toEqual({ due: '2025-12-01', status: 'due' });
    expect(progressOf({ ...input, asOf: '2025-12-16' }).next).toEqual({ due: '2025-12-01', status: 'overdue' });
    // Without any measurement: 3 months after the start of therapy; with neither, nothing.
    expect(progressOf(base({ therapies: [{ date: '2026-10-01', data: {} }] })).next).toEqual({ due: '2027-01-01', status: 'planned' });
    expect(progressOf(base()).next).toBeNull();
    expect(progressOf(base()).therapy).toBeNull();
  });

  it('judges steps only against the patient\'s own goal, never a fixed number', () => {
    const steps = (n: number) => ({ date: '2026-03-01', data: { stepsPerDay: n } satisfies Data });
    const none = progressOf(base({ measurements: [steps(2500)] }));
    expect(none.series.steps.points[0]?.verdict).toEqual({ kind: 'steps', goal: null, reached: null, days: 0 });
    expect(none.series.steps.references).toEqual([]);
    const own = progressOf(base({ intakeGoals: ['Elke dag wandelen: 3.000 stappen per dag'], measurements: [steps(2500), { date: '2026-06-01', data: { steps: [{ date: '2026-05-30', steps: 3100 }, { date: '2026-05-31', steps: 3300 }] } }] }));
    expect(own.stepsGoal).toEqual({ steps: 3000, goal: 'Elke dag wandelen: 3.000 stappen per dag' });
    expect(own.series.steps.points.map((x) => x.verdict)).toEqual([{ kind: 'steps', goal: 3000, reached: false, days: 0 }, { kind: 'steps', goal: 3000, reached: true, days: 2 }]);
    expect(own.series.steps.points[1]?.value).toBe(3200);
    expect(own.series.steps.references).toEqual([{ kind: 'line', value: 3000, code: 'steps-goal' }]);
  });

  it('gives each PSK activity its series with the change since its first score', () => {
    const p = progressOf(base({ measurements: [
      { date: '2026-01-01', data: { psk: [{ activity: 'Trap lopen', score: 8 }] } },
      { date: '2026-04-01', data: { psk: [{ activity: 'trap  lopen', score: 5 }, { activity: 'Tillen', score: 6 }] } },
      { date: '2026-07-01', data: { psk: [{ activity: 'Trap lopen', score: 9 }] } },
    ] }));
    expect(p.psk.map((s) => s.activity)).toEqual(['Trap lopen', 'Tillen']);
    expect(p.psk[0]?.points).toEqual([{ date: '2026-01-01', score: 8 }, { date: '2026-04-01', score: 5, change: -3 }, { date: '2026-07-01', score: 9, change: 1 }]);
    expect(p.psk[0]?.trend?.direction).toBe('worse');
    expect(p.psk[1]?.trend).toBeNull();
  });

  it('shows each goal with its latest status; the intake\'s goals while none was looked at again', () => {
    const measured = [
      { date: '2026-01-01', data: { goals: [{ goal: 'Naar de markt lopen', status: 'kept' as const }, { goal: 'Traplopen zonder leuning', status: 'kept' as const }] } },
      { date: '2026-04-01', data: { goals: [{ goal: 'naar de markt lopen', status: 'changed' as const, changedTo: 'Naar de markt en terug lopen, 4000 stappen' }] } },
    ];
    const goals = goalsOf(measured, ['Intake goal']);
    expect(goals).toEqual([
      { goal: 'naar de markt lopen', status: 'changed', changedTo: 'Naar de markt en terug lopen, 4000 stappen', date: '2026-04-01' },
      { goal: 'Traplopen zonder leuning', status: 'kept', date: '2026-01-01' },
    ]);
    expect(stepsGoalOf(goals, [])).toEqual({ steps: 4000, goal: 'Naar de markt en terug lopen, 4000 stappen' });
    expect(goalsOf([], ['Intake goal'])).toEqual([{ goal: 'Intake goal', status: null, date: null }]);
    // A reached goal is no longer the yardstick.
    expect(stepsGoalOf([{ goal: '5000 steps a day', status: 'reached', date: '2026-01-01' }], [])).toBeNull();
  });

  it('reads a steps goal only where a number of steps is written', () => {
    expect(stepsGoalIn('7000 stappen per dag')).toBe(7000);
    expect(stepsGoalIn('walk 6,500 steps a day')).toBe(6500);
    expect(stepsGoalIn('Dagelijks 20 minuten wandelen')).toBeNull();
    expect(stepsGoalIn('0 steps')).toBeNull();
  });

  it('reads the direction with the measure\'s own sense of better', () => {
    expect(directionOf(2, 'higher')).toBe('better');
    expect(directionOf(2, 'lower')).toBe('worse');
    expect(directionOf(0, 'lower')).toBe('same');
    expect(trendOf([{ date: '2026-01-01', value: 0.1 }], 'higher')).toBeNull();
    expect(trendOf([{ date: '2026-01-01', value: 0.1 }, { date: '2026-02-01', value: 0.3 }], 'higher')?.change).toBe(0.2);
  });
});

// ---- properties: a better raw result never draws a worse score -------------------------------

const seconds = fc.double({ min: 0, max: 120, noNaN: true });
const sppb = fc.record({
  sideBySideSeconds: seconds, semiTandemSeconds: seconds, tandemSeconds: seconds,
  gait4mSeconds: fc.option(fc.double({ min: 0.5, max: 120, noNaN: true }), { nil: null }),
  chairStand5Seconds: fc.option(fc.double({ min: 0.5, max: 120, noNaN: true }), { nil: null }),
});
const one = (data: Data, date = '2026-03-01') => progressOf(base({ measurements: [{ date, data }] }));
const value = (data: Data, key: (typeof MEASURES)[number]) => one(data).series[key].points[0]?.value ?? Number.NaN;

describe('progress properties', () => {
  it('SPPB: longer stances, a faster walk and faster chair stands never draw a lower score', () => {
    fc.assert(fc.property(sppb, fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), (s, more, less) => {
      const better = {
        sideBySideSeconds: s.sideBySideSeconds + more, semiTandemSeconds: s.semiTandemSeconds + more, tandemSeconds: s.tandemSeconds + more,
        gait4mSeconds: s.gait4mSeconds === null ? Math.max(0.5, 60 - less) : Math.max(0.5, s.gait4mSeconds - less),
        chairStand5Seconds: s.chairStand5Seconds === null ? Math.max(0.5, 60 - less) : Math.max(0.5, s.chairStand5Seconds - less),
      };
      expect(value({ sppb: better }, 'sppb')).toBeGreaterThanOrEqual(value({ sppb: s }, 'sppb'));
    }));
  });

  it('4-stage balance, chair stands, gait speed and steps: more never draws less; TUG and FES-I: less never draws more', () => {
    fc.assert(fc.property(fc.array(seconds, { minLength: 1, maxLength: 4 }), fc.double({ min: 0, max: 30, noNaN: true }), (stages, more) => {
      expect(value({ fourStageBalance: { stageSeconds: stages.map((x) => x + more) } }, 'four-stage-balance')).toBeGreaterThanOrEqual(value({ fourStageBalance: { stageSeconds: stages } }, 'four-stage-balance'));
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 40 }), (n, more) => {
      const a = one({ chairStand30s: n }).series['chair-stand-30s'].points[0];
      const b = one({ chairStand30s: n + more }).series['chair-stand-30s'].points[0];
      expect(b?.value).toBeGreaterThanOrEqual(a?.value ?? Infinity);
      // Below the norm for the better result only when the worse one was below it too.
      if (b?.verdict.kind === 'chair-norm' && b.verdict.belowAverage === true) expect(a?.verdict).toMatchObject({ belowAverage: true });
    }));
    fc.assert(fc.property(fc.double({ min: 1, max: 60, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }), (tug, faster) => {
      const slow = one({ tugSeconds: tug }).series.tug.points[0];
      const quick = one({ tugSeconds: tug * (1 - faster) }).series.tug.points[0];
      expect(quick?.value).toBeLessThanOrEqual(slow?.value ?? -Infinity);
      if (quick?.verdict.kind === 'tug' && quick.verdict.slow) expect(slow?.verdict).toEqual({ kind: 'tug', slow: true });
    }));
    fc.assert(fc.property(fc.double({ min: 0.1, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (mps, more) => {
      const a = one({ gaitSpeedMps: mps }).series['gait-speed'].points[0];
      const b = one({ gaitSpeedMps: Math.min(5, mps + more) }).series['gait-speed'].points[0];
      if (b?.verdict.kind === 'gait' && b.verdict.slow) expect(a?.verdict).toEqual({ kind: 'gait', slow: true });
    }));
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 7, maxLength: 7 }), fc.nat(6), (answers, i) => {
      const lower = answers.map((a, j) => (j === i ? Math.max(1, a - 1) : a));
      expect(value({ fesI: lower }, 'fes-i')).toBeLessThanOrEqual(value({ fesI: answers }, 'fes-i'));
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 50000 }), fc.integer({ min: 0, max: 50000 }), fc.integer({ min: 1000, max: 20000 }), (n, more, goal) => {
      const at = (s: number) => progressOf(base({ intakeGoals: [`${String(goal)} steps`], measurements: [{ date: '2026-03-01', data: { stepsPerDay: s } }] })).series.steps.points[0]?.verdict;
      if (at(n)?.kind === 'steps' && (at(n) as { reached: boolean }).reached) expect(at(Math.min(100000, n + more))).toMatchObject({ reached: true });
    }));
  });

  it('the next measurement is always 3 months after the latest one, whatever the therapy\'s end', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.boolean(), (quarters, ended) => {
      const dates = Array.from({ length: quarters + 1 }, (_, i) => addMonths('2020-01-15', i * 3));
      const p = progressOf(base({ asOf: '2030-12-31', therapies: [{ date: '2020-01-01', data: ended ? { end: '2020-06-01' } : {} }], measurements: dates.map((date) => ({ date, data: { tugSeconds: 10 } })) }));
      expect(p.next?.due).toBe(addMonths(dates.at(-1) ?? '', 3));
    }));
  });
});
