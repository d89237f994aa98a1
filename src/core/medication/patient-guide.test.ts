// The patient guide and the dose schedule: the schedule's first dose is the core's next dose
// whatever doses were recorded, a late dose is listed on the day asked about and moves the ones after
// it, the blood test comes before the dose it is for, and an anabolic stops at its limit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case, Drug } from '../case.schema.js';
import { DRUGS } from '../case.schema.js';
import { evaluate } from '../evaluate.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { addDays, addMonths, compareDates } from '../time/date.js';
import { CATALOGUE } from './catalogue.js';
import { doseSchedule, patientGuide } from './patient-guide.js';

const ASOF = '2026-12-07';
const base = (meds: Case['medications'], planned?: Case['plannedMedications']): Case => ({
  asOf: ASOF, person: { birthDate: '1950-01-01', sex: 'female' }, medications: meds, ...(planned ? { plannedMedications: planned } : {}),
});

const NON_DAILY: Drug[] = ['alendronic-acid', 'risedronic-acid', 'zoledronic-acid', 'denosumab'];

describe('doseSchedule', () => {
  it('starts at the core\'s next dose, or on the day asked about when that dose is late', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NON_DAILY), fc.integer({ min: 1, max: 900 }), fc.array(fc.integer({ min: 0, max: 900 }), { maxLength: 6 }), (drug, startAgo, doseAgo) => {
        const start = addDays(ASOF, -startAgo);
        const doses = [...new Set(doseAgo.filter((d) => d <= startAgo).map((d) => addDays(ASOF, -d)))].sort(compareDates);
        const c = base([{ drug, start, ...(doses.length > 0 ? { doses } : {}) }]);
        const next = evaluate(c, DEFAULT_SETTINGS, 'nl').conclusions.find((x) => x.code === 'medication.next-dose')?.value as { date: string };
        const first = doseSchedule(c, addMonths(ASOF, 24)).find((x) => x.kind === 'dose');
        if (compareDates(next.date, ASOF) < 0) expect(first).toMatchObject({ date: ASOF, late: true });
        else expect(first).toMatchObject({ date: next.date, late: false });
      }),
    );
  });

  it('counts a late denosumab injection from its real date, with the calcium test 4 weeks before the next', () => {
    const late = addDays(ASOF, -10);
    const s = doseSchedule(base([{ drug: 'denosumab', start: '2025-01-01', doses: ['2025-01-01', late] }]), addMonths(ASOF, 12));
    const doses = s.filter((x) => x.kind === 'dose').map((x) => x.date);
    expect(doses).toEqual([addMonths(late, 6), addMonths(addMonths(late, 6), 6)]);
    expect(s[0]).toEqual({ kind: 'blood-test', date: addDays(addMonths(late, 6), -28), by: addMonths(late, 6), drug: 'denosumab' });
  });

  it('lists a daily medicine as one line, up to its end or the horizon', () => {
    const s = doseSchedule(base([{ drug: 'raloxifene', start: '2026-01-01' }]), addMonths(ASOF, 6));
    expect(s).toEqual([{ kind: 'daily', date: ASOF, until: addMonths(ASOF, 6), drug: 'raloxifene', route: 'oral' }]);
  });

  it('stops teriparatide at 24 months in total', () => {
    const start = addMonths(ASOF, -22);
    const s = doseSchedule(base([{ drug: 'teriparatide', start }]), addMonths(ASOF, 6));
    expect(s).toEqual([{ kind: 'daily', date: ASOF, until: addMonths(start, 24), drug: 'teriparatide', route: 'sc' }]);
  });

  it('gives a planned follow-on its first dose on its first day', () => {
    const s = doseSchedule(base([], [{ drug: 'zoledronic-acid', from: addDays(ASOF, 30) }]), addMonths(ASOF, 6));
    expect(s).toEqual([
      { kind: 'blood-test', date: addDays(ASOF, 16), by: addDays(ASOF, 30), drug: 'zoledronic-acid' },
      { kind: 'dose', date: addDays(ASOF, 30), drug: 'zoledronic-acid', interval: 'yearly', route: 'iv', late: false },
    ]);
  });
});

describe('the patient guide', () => {
  it('has something to expect and something to report for every drug and route, from the drug\'s own source', () => {
    for (const drug of DRUGS) {
      for (const reg of CATALOGUE[drug].regimens) {
        const g = patientGuide(drug, reg.route);
        expect(g.expect.length, drug).toBeGreaterThan(0);
        expect(g.report.length, drug).toBeGreaterThan(0);
        expect(g.source, drug).toContain(CATALOGUE[drug].smpc);
      }
    }
    expect(patientGuide('ibandronic-acid', 'iv').missed).toBe('call-to-reschedule');
    expect(patientGuide('ibandronic-acid', 'oral').missed).toBe('monthly-seven-days');
  });
});
