// Table of exercise-therapy measurement cases (clinical-rules.md §13): every scoring boundary of
// SPPB, the 4-stage balance test, the 30-second chair stand norms by age and sex, PSK change, and
// the due date of the next measurement before, on and after the grace days, also after the therapy.
import type { Measurement } from '../case.schema.js';
import { bornAged, makeCase } from '../testing/builder.js';
import type { Row } from '../testing/rows.js';

const ON = '2026-11-01';
const one = (m: Omit<Measurement, 'date'>, extra: { therapyStart?: string; therapyEnd?: string } = {}) =>
  ({ exercise: { ...extra, measurements: [{ date: ON, ...m }] } });
/** An SPPB whose balance and chair parts are full marks, so only the gait time varies. */
const gait = (s: number | null) => one({ sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 10, gait4mSeconds: s, chairStand5Seconds: 10 } });
const chair = (s: number | null) => one({ sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 10, gait4mSeconds: 4, chairStand5Seconds: s } });
const bal = (side: number, semi?: number, tandem?: number) =>
  one({ sppb: { sideBySideSeconds: side, ...(semi === undefined ? {} : { semiTandemSeconds: semi }), ...(tandem === undefined ? {} : { tandemSeconds: tandem }), gait4mSeconds: 4, chairStand5Seconds: 10 } });
/** A person of `age` on the measurement's day. */
const aged = (age: number, sex: 'female' | 'male') => ({ person: { birthDate: bornAged(age, ON), sex } });

const gaitRows: [number | null, number][] = [[4.81, 4], [4.82, 3], [6.2, 3], [6.21, 2], [8.7, 2], [8.71, 1], [20, 1], [null, 0]];
const chairRows: [number | null, number][] = [[11.19, 4], [11.2, 3], [13.69, 3], [13.7, 2], [16.69, 2], [16.7, 1], [60, 1], [60.01, 0], [null, 0]];
const balanceRows: [number, number | undefined, number | undefined, number][] = [
  [9.99, 10, 10, 0], // a failed stance ends the balance part
  [10, 9.99, 10, 1], [10, undefined, undefined, 1], [10, 10, 2.99, 2], [10, 10, 3, 3], [10, 10, 9.99, 3], [10, 10, 10, 4], [10, 10, undefined, 2],
];
/** Men and women, each band's lower and upper age with the threshold; one fewer is below average. */
const NORMS: ['male' | 'female', number, number][] = [
  ['male', 60, 14], ['male', 64, 14], ['male', 65, 12], ['male', 69, 12], ['male', 70, 12], ['male', 74, 12], ['male', 75, 11], ['male', 79, 11],
  ['male', 80, 10], ['male', 84, 10], ['male', 85, 8], ['male', 89, 8], ['male', 90, 7], ['male', 94, 7],
  ['female', 60, 12], ['female', 64, 12], ['female', 65, 11], ['female', 69, 11], ['female', 70, 10], ['female', 74, 10], ['female', 75, 10], ['female', 79, 10],
  ['female', 80, 9], ['female', 84, 9], ['female', 85, 8], ['female', 89, 8], ['female', 90, 4], ['female', 94, 4],
];

export const measureRows: Row[] = [
  ...gaitRows.map(([s, points]): Row => ({
    spec: `§13 SPPB gait over 4 m ${s === null ? 'unable' : `${s} s`} → ${points}`, code: 'measure.sppb', input: makeCase(gait(s)),
    like: { gait: points, balance: 4, chairStand: 4, score: 8 + points },
  })),
  ...chairRows.map(([s, points]): Row => ({
    spec: `§13 SPPB five chair stands ${s === null ? 'unable' : `${s} s`} → ${points}`, code: 'measure.sppb', input: makeCase(chair(s)),
    like: { chairStand: points, balance: 4, gait: 4, score: 8 + points },
  })),
  ...balanceRows.map(([side, semi, tandem, points]): Row => ({
    spec: `§13 SPPB balance side by side ${side} s, semi-tandem ${semi ?? '–'} s, tandem ${tandem ?? '–'} s → ${points}`, code: 'measure.sppb',
    input: makeCase(bal(side, semi, tandem)), like: { balance: points },
  })),
  { spec: '§13 SPPB 6 is low (attention)', code: 'measure.sppb', severity: 'attention', criteria: { 'sppb-low': 'met' },
    input: makeCase(one({ sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 2, gait4mSeconds: 7, chairStand5Seconds: 15 } })),
    value: { score: 6, balance: 2, gait: 2, chairStand: 2, band: 'low' } },
  { spec: '§13 SPPB 7 is intermediate', code: 'measure.sppb', severity: 'info',
    input: makeCase(one({ sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 5, gait4mSeconds: 7, chairStand5Seconds: 15 } })),
    value: { score: 7, balance: 3, gait: 2, chairStand: 2, band: 'intermediate' } },
  { spec: '§13 SPPB 9 is intermediate', code: 'measure.sppb',
    input: makeCase(one({ sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 10, gait4mSeconds: 6, chairStand5Seconds: 15 } })),
    value: { score: 9, balance: 4, gait: 3, chairStand: 2, band: 'intermediate' } },
  { spec: '§13 SPPB 10 is high', code: 'measure.sppb',
    input: makeCase(one({ sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 10, gait4mSeconds: 6, chairStand5Seconds: 13 } })),
    value: { score: 10, balance: 4, gait: 3, chairStand: 3, band: 'high' } },
  { spec: '§13 SPPB 0: could do nothing', code: 'measure.sppb',
    input: makeCase(one({ sppb: { sideBySideSeconds: 0, gait4mSeconds: null, chairStand5Seconds: null } })),
    value: { score: 0, balance: 0, gait: 0, chairStand: 0, band: 'low' }, explains: 'niet gelukt' },
  { spec: '§13 SPPB 12', code: 'measure.sppb', input: makeCase(gait(3)), value: { score: 12, balance: 4, gait: 4, chairStand: 4, band: 'high' } },
  { spec: '§13 the most recent measurement with an SPPB counts', code: 'measure.sppb',
    input: makeCase({ exercise: { measurements: [
      { date: '2026-08-01', sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 10, gait4mSeconds: 3, chairStand5Seconds: 10 } },
      { date: '2026-11-01', sppb: { sideBySideSeconds: 5, gait4mSeconds: 9, chairStand5Seconds: 20 } },
      { date: '2026-05-01', sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 10, gait4mSeconds: 3, chairStand5Seconds: 10 } },
    ] } }),
    like: { score: 2 }, used: ['exercise.measurements.1.sppb', 'exercise.measurements.1.date'] },
  { spec: '§13 a measurement after asOf does not count yet', code: 'measure.sppb',
    input: makeCase({ exercise: { measurements: [
      { date: '2026-11-01', sppb: { sideBySideSeconds: 5, gait4mSeconds: 9, chairStand5Seconds: 20 } },
      { date: '2026-12-01', sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 10, gait4mSeconds: 3, chairStand5Seconds: 10 } },
    ] } }),
    like: { score: 2 } },
  { spec: '§13 no SPPB measured: no SPPB conclusion', code: 'measure.sppb', input: makeCase(one({ chairStand30s: 10 })), value: 'absent' },
  { spec: '§13 no exercise therapy: no SPPB conclusion', code: 'measure.sppb', input: makeCase({}), value: 'absent' },

  { spec: '§13 4-stage: tandem held 10 s, one leg 9.99 s → stage 3, not increased', code: 'measure.four-stage-balance',
    input: makeCase(one({ fourStageBalance: { stageSeconds: [10, 10, 10, 9.99] } })), value: { highestStageHeld: 3, fallRiskIncreased: false }, severity: 'info' },
  { spec: '§13 4-stage: all four held → stage 4', code: 'measure.four-stage-balance',
    input: makeCase(one({ fourStageBalance: { stageSeconds: [10, 10, 10, 10] } })), value: { highestStageHeld: 4, fallRiskIncreased: false } },
  { spec: '§13 4-stage: tandem 9.99 s → stage 2, fall risk increased', code: 'measure.four-stage-balance',
    input: makeCase(one({ fourStageBalance: { stageSeconds: [10, 10, 9.99] } })), value: { highestStageHeld: 2, fallRiskIncreased: true }, severity: 'attention',
    criteria: { 'tandem-not-held': 'met' } },
  { spec: '§13 4-stage: stopped after semi-tandem → stage 2, increased', code: 'measure.four-stage-balance',
    input: makeCase(one({ fourStageBalance: { stageSeconds: [12, 10] } })), value: { highestStageHeld: 2, fallRiskIncreased: true } },
  { spec: '§13 4-stage: feet together 9.99 s → stage 0 (a failed stage stops the count)', code: 'measure.four-stage-balance',
    input: makeCase(one({ fourStageBalance: { stageSeconds: [9.99, 10, 10, 10] } })), value: { highestStageHeld: 0, fallRiskIncreased: true } },

  ...NORMS.flatMap(([sex, age, threshold]): Row[] => [
    { spec: `§13 30-s chair stand ${sex} ${age}: ${threshold - 1} is below average (< ${threshold})`, code: 'measure.chair-stand-30s',
      input: makeCase({ ...aged(age, sex), ...one({ chairStand30s: threshold - 1 }) }),
      value: { repetitions: threshold - 1, belowAverage: true, threshold }, severity: 'attention' },
    { spec: `§13 30-s chair stand ${sex} ${age}: ${threshold} is not below average`, code: 'measure.chair-stand-30s',
      input: makeCase({ ...aged(age, sex), ...one({ chairStand30s: threshold }) }),
      value: { repetitions: threshold, belowAverage: false, threshold }, severity: 'info' },
  ]),
  { spec: '§13 30-s chair stand at 59: no norm, attention', code: 'measure.chair-stand-30s',
    input: makeCase({ ...aged(59, 'female'), ...one({ chairStand30s: 3 }) }), value: { repetitions: 3, belowAverage: null, threshold: null }, severity: 'attention',
    criteria: { 'has-norm': 'not-met' } },
  { spec: '§13 30-s chair stand at 95: no norm, attention', code: 'measure.chair-stand-30s',
    input: makeCase({ ...aged(95, 'male'), ...one({ chairStand30s: 20 }) }), value: { repetitions: 20, belowAverage: null, threshold: null }, severity: 'attention' },
  { spec: '§13 30-s chair stand: the norm is for the age on the day measured (74 then, 75 on asOf)', code: 'measure.chair-stand-30s',
    input: makeCase({ asOf: '2026-11-23', person: { birthDate: '1952-11-10', sex: 'male' }, exercise: { measurements: [{ date: '2026-11-01', chairStand30s: 11 }] } }),
    value: { repetitions: 11, belowAverage: true, threshold: 12 }, used: ['derived.age-at-measurement'] },

  { spec: '§13 PSK: change against the first measurement of the same activity', code: 'measure.psk',
    input: makeCase({ exercise: { measurements: [
      { date: '2026-02-01', psk: [{ activity: 'Traplopen', score: 8 }] },
      { date: '2026-05-01', psk: [{ activity: 'traplopen', score: 6 }, { activity: 'fietsen', score: 7 }] },
      { date: '2026-08-01', psk: [{ activity: 'Traplopen', score: 4 }, { activity: 'Fietsen', score: 7 }, { activity: 'tuinieren', score: 5 }] },
    ] } }),
    value: { activities: [{ activity: 'Traplopen', score: 4, change: -4 }, { activity: 'Fietsen', score: 7, change: 0 }, { activity: 'tuinieren', score: 5 }] },
    criteria: { 'measured-before': 'met' } },
  { spec: '§13 PSK: the first measurement has no change', code: 'measure.psk',
    input: makeCase(one({ psk: [{ activity: 'boodschappen doen', score: 9 }] })), value: { activities: [{ activity: 'boodschappen doen', score: 9 }] }, severity: 'info' },
  { spec: '§13 PSK: a worse score is a positive change', code: 'measure.psk',
    input: makeCase({ exercise: { measurements: [
      { date: '2026-08-01', psk: [{ activity: 'wandelen', score: 5 }] },
      { date: '2026-11-01', psk: [{ activity: 'wandelen', score: 7 }] },
    ] } }),
    value: { activities: [{ activity: 'wandelen', score: 7, change: 2 }] }, explains: '2 slechter' },

  { spec: '§13 due: 3 months after the last measurement, planned before', code: 'measure.due',
    input: makeCase({ asOf: '2026-11-23', exercise: { measurements: [{ date: '2026-09-01', tugSeconds: 12 }] } }), value: { due: '2026-12-01', status: 'planned' }, severity: 'info' },
  { spec: '§13 due: on the due date it is due', code: 'measure.due',
    input: makeCase({ asOf: '2026-12-01', exercise: { measurements: [{ date: '2026-09-01', tugSeconds: 12 }] } }), value: { due: '2026-12-01', status: 'due' }, severity: 'attention' },
  { spec: '§13 due: 14 days after it is still due', code: 'measure.due',
    input: makeCase({ asOf: '2026-12-15', exercise: { measurements: [{ date: '2026-09-01', tugSeconds: 12 }] } }), value: { due: '2026-12-01', status: 'due' } },
  { spec: '§13 due: 15 days after it is overdue', code: 'measure.due',
    input: makeCase({ asOf: '2026-12-16', exercise: { measurements: [{ date: '2026-09-01', tugSeconds: 12 }] } }), value: { due: '2026-12-01', status: 'overdue' },
    criteria: { 'past-grace': 'met' } },
  { spec: '§13 due: the grace days are the overdueGraceDays setting', code: 'measure.due', settings: { overdueGraceDays: 30 },
    input: makeCase({ asOf: '2026-12-16', exercise: { measurements: [{ date: '2026-09-01', tugSeconds: 12 }] } }), value: { due: '2026-12-01', status: 'due' },
    used: ['settings.overdueGraceDays'] },
  { spec: '§13 due: no measurement yet, 3 months after the start of therapy', code: 'measure.due',
    input: makeCase({ asOf: '2026-11-23', exercise: { therapyStart: '2026-10-15', measurements: [] } }), value: { due: '2027-01-15', status: 'planned' },
    used: ['exercise.therapyStart'] },
  { spec: '§13 due: the day of the month is clamped (30 November → 28 February)', code: 'measure.due',
    input: makeCase({ asOf: '2026-12-01', exercise: { measurements: [{ date: '2026-11-30', stepsPerDay: 4000 }] } }), value: { due: '2027-02-28', status: 'planned' } },
  { spec: '§13 due: keeps running after the end of therapy', code: 'measure.due',
    input: makeCase({ asOf: '2027-06-10', exercise: { therapyStart: '2026-01-10', therapyEnd: '2026-07-10', measurements: [
      { date: '2026-01-10', tugSeconds: 14 }, { date: '2026-04-10', tugSeconds: 13 }, { date: '2026-07-10', tugSeconds: 12 }, { date: '2027-03-01', tugSeconds: 12 },
    ] } }),
    value: { due: '2027-06-01', status: 'due' }, used: ['exercise.therapyEnd'], explains: 'meten gaat door' },
  { spec: '§13 due: long after the end without a new measurement, overdue', code: 'measure.due',
    input: makeCase({ asOf: '2027-06-10', exercise: { therapyStart: '2026-01-10', therapyEnd: '2026-07-10', measurements: [{ date: '2026-07-10', tugSeconds: 12 }] } }),
    value: { due: '2026-10-10', status: 'overdue' } },
  { spec: '§1 due: neither a measurement nor a start of therapy: null, attention', code: 'measure.due',
    input: makeCase({ exercise: { measurements: [] } }), like: null, severity: 'attention', missing: ['exercise.measurements', 'exercise.therapyStart'] },
  { spec: '§13 due: no exercise therapy recorded: nothing to plan', code: 'measure.due', input: makeCase({}), value: 'absent' },

  { spec: '§13 → §10 a measured TUG over 15 s makes a positive screen intermediate', code: 'fall-risk.level',
    input: makeCase({ falls: { fallsLast12Months: 1 }, ...one({ tugSeconds: 15.1 }) }), value: { level: 'intermediate' }, used: ['exercise.measurements.0.tugSeconds'] },
  { spec: '§13 → §10 a measured TUG of 15 s is low', code: 'fall-risk.level',
    input: makeCase({ falls: { unsteady: true }, ...one({ tugSeconds: 15 }) }), value: { level: 'low' } },
  { spec: '§13 → §10 a measured gait speed below 0.8 m/s: intermediate', code: 'fall-risk.level',
    input: makeCase({ falls: { worriedAboutFalling: true }, ...one({ gaitSpeedMps: 0.79 }) }), value: { level: 'intermediate' } },
  { spec: '§13 → §10 the most recent measured TUG counts', code: 'fall-risk.level',
    input: makeCase({ falls: { fallsLast12Months: 1 }, exercise: { measurements: [{ date: '2026-05-01', tugSeconds: 20 }, { date: '2026-10-01', tugSeconds: 11 }] } }),
    value: { level: 'low' }, used: ['exercise.measurements.1.tugSeconds'] },
];
