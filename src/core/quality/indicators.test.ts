// The indicators against a small cohort counted by hand (quality.cases.ts), and the edges around it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.js';
import { AS_OF, fracture, makeCase } from '../testing/builder.js';
import { cohortFracture, qualityRow, tally, type QualityRow } from './indicators.js';
import { QUALITY_INDICATORS } from './lists.js';
import { COHORT_2025, F, HAND_COUNTS, hipT, noFacts, patient, SEVENTY, type Patient } from './quality.cases.js';
import { parsePeriod, periodOf, trendPeriods } from './periods.js';

const rowOf = (p: Patient): QualityRow => {
  const r = qualityRow(p.c, DEFAULT_SETTINGS, p.facts);
  if (r === undefined) throw new Error(`${p.name}: no row`);
  return r;
};

describe('quality indicators: a hand-counted cohort (FLS-DB, IOF-KPI, clinical-rules.md §8)', () => {
  it.each(COHORT_2025.map((p) => [p.name, p] as const))('%s: every indicator as worked out by hand', (_name, p) => {
    const r = rowOf(p);
    expect(r.indexFracture).toBe(F);
    expect(r.outcomes).toEqual(p.want);
    expect(r.iofTwelveWeeks).toBe(p.iof);
  });

  it.each(QUALITY_INDICATORS.map((i) => [i] as const))('%s: the cohort adds up to the hand count', (indicator) => {
    const t = tally(COHORT_2025.map(rowOf), indicator);
    const [num, den, open, excluded] = HAND_COUNTS[indicator];
    expect([t.met, t.met + t.notMet, t.open, t.excluded]).toEqual([num, den, open, excluded]);
  });

  it('the IOF 12 weeks sit beside the 90 days: a DXA on day 85 meets FLS-DB but not IOF', () => {
    const late = patient('DXA on day 85', { person: SEVENTY, fractures: [fracture(F, 'wrist')], dxa: hipT('2025-05-27', -1.0) }, {}, COHORT_2025[0]!.want);
    const r = rowOf(late);
    expect(r.outcomes['dxa-90-days']).toBe('met');
    expect(r.iofTwelveWeeks).toBe(false);
    expect(rowOf({ ...late, c: makeCase({ person: SEVENTY, fractures: [fracture(F, 'wrist')], dxa: hipT('2025-05-26', -1.0) }) }).iofTwelveWeeks).toBe(true);
  });

  it('a fracture of October 2026 is still open on every timed target', () => {
    const r = qualityRow(makeCase({ person: SEVENTY, fractures: [fracture('2026-10-01', 'wrist')] }), DEFAULT_SETTINGS, { ...noFacts, enteredCare: '2026-10-05' });
    expect(r?.outcomes).toEqual({
      identification: 'met', 'assessment-90-days': 'open', 'dxa-90-days': 'open', 'vertebral-fracture-identified': null, 'falls-assessment': 'open',
      'bone-therapy-recommended': null, 'strength-and-balance': null, 'monitoring-contact-12-16-weeks': 'open', 'started-by-16-weeks': null,
      'on-treatment-52-weeks': null, 'data-completeness': 'open',
    });
    expect(r?.missing).toEqual(['dxa', 'spine-imaging', 'falls-screen', 'assessment']);
  });

  it('a patient whose target date passes turns from open to not met with the day alone', () => {
    const c = (asOf: string) => makeCase({ asOf, person: SEVENTY, fractures: [fracture(F, 'wrist')] });
    expect(qualityRow(c('2025-06-01'), DEFAULT_SETTINGS, noFacts)?.outcomes['dxa-90-days']).toBe('open');
    expect(qualityRow(c('2025-06-02'), DEFAULT_SETTINGS, noFacts)?.outcomes['dxa-90-days']).toBe('not-met');
  });

  it('a death after the target date does not take a missed target away', () => {
    const r = rowOf(patient('died in September', { person: SEVENTY, fractures: [fracture(F, 'wrist')] }, { careEnd: { reason: 'deceased', on: '2025-09-01' } }, COHORT_2025[0]!.want));
    expect(r.outcomes['dxa-90-days']).toBe('not-met');
    expect(r.outcomes['on-treatment-52-weeks']).toBeNull();
  });

  it('the clinician is who signed the first assessment after the index fracture', () => {
    const r = rowOf(patient('two signers', { person: SEVENTY, fractures: [fracture(F, 'wrist')] }, {
      assessmentsSigned: [{ on: '2025-05-01', by: 'c2' }, { on: '2025-04-01', by: 'c1' }, { on: '2025-01-01', by: 'c0' }],
    }, COHORT_2025[0]!.want));
    expect(r.clinician).toBe('c1');
  });
});

describe('quality cohort: the index fracture is the first one that brought the patient in', () => {
  const settings = DEFAULT_SETTINGS;
  it('an old fracture kept as history is not the index; a high-energy one never is', () => {
    const c = makeCase({ person: SEVENTY, fractures: [fracture('2015-05-01', 'wrist'), fracture('2025-03-01', 'hip', { highEnergy: true }), fracture('2025-03-05', 'wrist'), fracture('2025-09-01', 'humerus')] });
    expect(cohortFracture(c, settings, '2025-03-10')?.date).toBe('2025-03-05');
  });
  it('a finger does not qualify; an age under 50 on the day does not either', () => {
    expect(cohortFracture(makeCase({ person: SEVENTY, fractures: [fracture('2025-03-05', 'finger')] }), settings, '2025-03-10')).toBeUndefined();
    expect(cohortFracture(makeCase({ person: { birthDate: '1975-06-01' }, fractures: [fracture('2025-03-05', 'wrist')] }), settings, '2025-03-10')).toBeUndefined();
  });
  it('the organisation\'s site policy decides, as in case finding', () => {
    const c = makeCase({ person: SEVENTY, fractures: [fracture('2025-03-05', 'metatarsal')] });
    expect(cohortFracture(c, settings, '2025-03-10')?.date).toBe('2025-03-05');
    expect(cohortFracture(c, { ...settings, fractureSitePolicy: 'hands-feet-excluded' }, '2025-03-10')).toBeUndefined();
  });
  it('a patient without a qualifying fracture has no row (in no cohort)', () => {
    expect(qualityRow(makeCase({ person: SEVENTY, riskFactors: { glucocorticoids: { mgPerDay: 10, months: 6 } } }), settings, noFacts)).toBeUndefined();
  });
  it('a fracture recorded with a date after the day judged is not known yet', () => {
    expect(cohortFracture(makeCase({ person: SEVENTY, fractures: [fracture('2026-12-01', 'wrist')] }), settings, AS_OF)).toBeUndefined();
  });
});

describe('quality periods', () => {
  it('month, quarter and year have their first and last day', () => {
    expect(parsePeriod('month', '2024-02')).toEqual({ kind: 'month', label: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriod('quarter', '2026-Q4')).toEqual({ kind: 'quarter', label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('year', '2025')).toEqual({ kind: 'year', label: '2025', from: '2025-01-01', to: '2025-12-31' });
    expect(parsePeriod('quarter', '2026-03')).toBeUndefined();
  });
  it('a day falls in one period of each kind; the trend runs back over the turn of the year', () => {
    expect(periodOf('quarter', '2026-05-31').label).toBe('2026-Q2');
    expect(trendPeriods(periodOf('month', '2026-02-10'), 3).map((p) => p.label)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(trendPeriods(periodOf('quarter', '2026-02-10'), 2).map((p) => p.label)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
  });
});
