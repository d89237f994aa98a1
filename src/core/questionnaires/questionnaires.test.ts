import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.js';
import { entrySchema } from '../record/entries.js';
import { calciumResult, factsOf, riskFactorFacts, shortFesIScore } from './facts.js';
import { INSTRUMENTS, offerable } from './instruments.js';
import { CALCIUM, checkAnswer, checkStep, firstOpenStep, RISK_FACTORS, type Question } from './questions.js';

const TODAY = '2026-12-07';

describe('Short FES-I scoring at its boundaries', () => {
  const rows: [number[], number, string][] = [
    [[1, 1, 1, 1, 1, 1, 1], 7, 'low'],
    [[2, 1, 1, 1, 1, 1, 1], 8, 'low'],
    [[2, 2, 1, 1, 1, 1, 1], 9, 'moderate'],
    [[2, 2, 2, 2, 2, 2, 1], 13, 'moderate'],
    [[2, 2, 2, 2, 2, 2, 2], 14, 'high'],
    [[4, 4, 4, 4, 4, 4, 4], 28, 'high'],
  ];
  it.each(rows)('%j → %i, %s', (items, score, level) => {
    expect(shortFesIScore(items)).toEqual({ score, level });
  });
  it.each([[[1, 1, 1, 1, 1, 1]], [[0, 1, 1, 1, 1, 1, 1]], [[5, 1, 1, 1, 1, 1, 1]], [[1.5, 1, 1, 1, 1, 1, 1]]])('refuses %j', (items) => {
    expect(() => shortFesIScore(items)).toThrow(RangeError);
  });
});

describe('answers checked at their bounds', () => {
  const whole: Question = { id: 'n', answer: { type: 'whole', min: 0, max: 20 } };
  const dec: Question = { id: 'd', answer: { type: 'decimal', min: 0, max: 50 } };
  const rows: [Question, string | undefined, unknown][] = [
    [whole, '0', { ok: true, value: '0' }],
    [whole, '20', { ok: true, value: '20' }],
    [whole, '21', { ok: false, problem: 'range' }],
    [whole, '1,5', { ok: false, problem: 'whole' }],
    [whole, '-1', { ok: false, problem: 'number' }],
    [whole, '', { ok: false, problem: 'number' }],
    [dec, '2,5', { ok: true, value: '2.5' }],
    [dec, ' 50 ', { ok: true, value: '50' }],
    [dec, '50.5', { ok: false, problem: 'range' }],
    [{ id: 'y', answer: { type: 'yes-no' } }, 'unknown', { ok: false, problem: 'choose' }],
    [{ id: 'y', answer: { type: 'yes-no-unknown' } }, 'unknown', { ok: true, value: 'unknown' }],
    [{ id: 'y', answer: { type: 'yes-no' } }, undefined, { ok: false, problem: 'choose' }],
  ];
  it.each(rows)('%o with %s', (q, raw, expected) => {
    expect(checkAnswer(q, raw)).toEqual(expected);
  });

  it('asks the dose only after "yes", and drops it when the answer becomes "no"', () => {
    const step = RISK_FACTORS.steps.find((s) => s.id === 'glucocorticoids');
    if (!step) throw new Error('no step');
    expect(checkStep(step, { glucocorticoids: 'yes' }, {}).problems).toEqual({ glucocorticoidMgPerDay: 'number', glucocorticoidMonths: 'number' });
    const yes = checkStep(step, { glucocorticoids: 'yes', glucocorticoidMgPerDay: '7,5', glucocorticoidMonths: '4' }, {});
    expect(yes).toEqual({ answers: { glucocorticoids: 'yes', glucocorticoidMgPerDay: '7.5', glucocorticoidMonths: '4' }, problems: {} });
    expect(checkStep(step, { glucocorticoids: 'no', glucocorticoidMgPerDay: '7.5', glucocorticoidMonths: '4' }, yes.answers)).toEqual({ answers: { glucocorticoids: 'no' }, problems: {} });
  });
});

describe('the risk-factor answers as record entries', () => {
  const all = {
    parentHipFracture: 'yes', parentOrSiblingOsteoporosis: 'unknown', currentSmoker: 'no', alcoholUnitsPerDay: '2', rheumatoidArthritis: 'no',
    secondaryOsteoporosisCondition: 'unknown', glucocorticoids: 'yes', glucocorticoidMgPerDay: '7.5', glucocorticoidMonths: '4', antiEpileptics: '0',
    sexHormoneLoweringTherapy: 'no', fallsLast12Months: '2', lastFallMonthsAgo: '3', injuredByFall: 'yes', worriedAboutFalling: 'yes', unsteady: 'no',
  };
  it('maps each answer onto its Case field, and "I don\'t know" onto nothing', () => {
    expect(firstOpenStep(RISK_FACTORS, all)).toBeUndefined();
    expect(factsOf(RISK_FACTORS, all, TODAY)).toEqual([
      { kind: 'risk-factors', date: TODAY, data: { parentHipFracture: true, rheumatoidArthritis: false, sexHormoneLoweringTherapy: false, currentSmoker: false, alcoholUnitsPerDay: 2, antiEpileptics: 0 } },
      { kind: 'glucocorticoid-course', date: '2026-08-07', data: { mgPerDay: 7.5 } },
      { kind: 'falls-screen', date: TODAY, data: { fallsLast12Months: 2, worriedAboutFalling: true, unsteady: false } },
      { kind: 'fall', date: '2026-09-07', data: { injured: true } },
    ]);
  });
  it('writes no fall and no course when there was none', () => {
    const none = { ...all, glucocorticoids: 'no', fallsLast12Months: '0' };
    expect(riskFactorFacts(none, TODAY).map((f) => f.kind)).toEqual(['risk-factors', 'falls-screen']);
  });
  it('is not complete while a step is open', () => {
    const { unsteady: _u, ...open } = all;
    expect(firstOpenStep(RISK_FACTORS, open)).toBe(RISK_FACTORS.steps.length - 1);
    expect(factsOf(RISK_FACTORS, open, TODAY)).toBeUndefined();
  });
  it('gives entries the record accepts', () => {
    for (const f of factsOf(RISK_FACTORS, all, TODAY) ?? []) expect(entrySchema(TODAY).safeParse(f).success, f.kind).toBe(true);
    for (const f of factsOf(CALCIUM, { 'milk-glass': '2' }, TODAY) ?? []) expect(entrySchema(TODAY).safeParse(f).success, f.kind).toBe(true);
  });
});

describe('the calcium calculator', () => {
  const woman = (birthDate: string) => ({ birthDate, sex: 'female' as const });
  const rows: [Record<string, string>, string, number, number][] = [
    [{}, '1950-01-01', 400, 1200],
    [{ 'milk-glass': '2', 'cheese-slice': '1' }, '1950-01-01', 400 + 360 + 160, 1200],
    [{ 'yoghurt-bowl': '0.5' }, '1960-01-01', 490, 1100],
    // The day before the 70th birthday the target is still that of 51–69.
    [{ 'milk-glass': '4' }, '1956-12-08', 1120, 1100],
    [{ 'milk-glass': '4' }, '1956-12-07', 1120, 1200],
  ];
  it.each(rows)('%o, born %s → %i mg of %i', (answers, born, mg, target) => {
    const r = calciumResult(answers, woman(born), TODAY, DEFAULT_SETTINGS);
    expect(r).toEqual({ mgPerDay: mg, target, shortfall: Math.max(0, target - mg) });
  });
  it('is one screen, complete with nothing typed (no dairy at all is an answer)', () => {
    expect(CALCIUM.steps).toHaveLength(1);
  });
});

describe('validated instruments', () => {
  it('offers none whose official items, source, version and licence are not all recorded', () => {
    for (const i of INSTRUMENTS) expect(offerable(i), i.id).toBe(false);
    expect(offerable({ ...INSTRUMENTS[0]!, missing: null, items: [{ id: '1', text: 'x' }], source: 's', version: 'v', licence: 'l' })).toBe(true);
  });
});
