// The gates in front of a prescription and a stop (gate.ts): the day the checks run for, how the
// reasons split into blocking, cautions and absolute ones, the route of the new course, and the
// sequencing guardrails to the day. Dates in the tables are worked out by hand.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Case, Drug, Medication } from '../case.schema.js';
import { DRUGS } from '../case.schema.js';
import { arbCase, arbDateNear } from '../testing/arbitraries.js';
import { lab, makeCase, normalPanel, type CaseOverrides } from '../testing/builder.js';
import { compareDates } from '../time/date.js';
import { CATALOGUE } from './catalogue.js';
import { NOT_OVERRIDABLE, prescriptionGate, stopGate, type PrescriptionGate } from './gate.js';
import type { SafetyReason } from './reasons.js';

const TODAY = '2026-11-23';
/** A 70-year-old postmenopausal woman with every test normal and the dentist seen: nothing stands in the way. */
const clean = (o: CaseOverrides = {}): Case => makeCase({ asOf: TODAY, labs: normalPanel('2026-11-01'), ...o, safety: { dentalCheckDone: true, canStayUpright30Min: true, canStayUpright60Min: true, ...o.safety } });
const monthly = (first: string, n: number): string[] => {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => `${String(y + Math.floor((m - 1 + i) / 12))}-${String(((m - 1 + i) % 12) + 1).padStart(2, '0')}-01`);
};

interface GateRow {
  name: string;
  input: Case;
  drug: Drug;
  start: string;
  route?: Medication['route'];
  expect: Partial<PrescriptionGate>;
}

const gateRows: GateRow[] = [
  { name: 'nothing in the way: allowed, checked today', input: clean(), drug: 'alendronic-acid', start: TODAY,
    expect: { checkedOn: TODAY, status: 'allowed', reasons: [], blocking: [], cautions: [], absolute: [] } },
  { name: 'a start in the past is checked as of today', input: clean(), drug: 'alendronic-acid', start: '2026-10-01', expect: { checkedOn: TODAY } },
  { name: 'a start ahead is checked as of the start', input: clean(), drug: 'alendronic-acid', start: '2027-03-31', expect: { checkedOn: '2027-03-31' } },
  { name: 'the dentist not seen is a caution, not a block', input: clean({ safety: { dentalCheckDone: false } }), drug: 'denosumab', start: TODAY,
    expect: { status: 'caution', reasons: ['dental-check-missing'], blocking: [], cautions: ['dental-check-missing'], absolute: [] } },
  { name: 'vitamin D 25 and the dentist not seen: two cautions in the core\'s order', input: clean({ labs: [...normalPanel('2026-11-01').filter((l) => l.test !== '25-oh-vitamin-d'), lab('25-oh-vitamin-d', 25)], safety: { dentalCheckDone: false } }),
    drug: 'zoledronic-acid', start: TODAY, expect: { status: 'caution', reasons: ['vitamin-d-below-30', 'dental-check-missing'], cautions: ['vitamin-d-below-30', 'dental-check-missing'], blocking: [] } },
  { name: 'eGFR 25 blocks zoledronic acid, overridably', input: clean({ labs: [...normalPanel('2026-11-01').filter((l) => l.test !== 'egfr'), lab('egfr', 25)] }), drug: 'zoledronic-acid', start: TODAY,
    expect: { status: 'blocked', reasons: ['egfr-below-35'], blocking: ['egfr-below-35'], cautions: [], absolute: [] } },
  { name: 'eGFR 25 is a caution for denosumab', input: clean({ labs: [...normalPanel('2026-11-01').filter((l) => l.test !== 'egfr'), lab('egfr', 25)] }), drug: 'denosumab', start: TODAY,
    expect: { status: 'caution', blocking: [], cautions: ['egfr-below-30'] } },
  { name: 'a block and a caution: each in its own list', input: clean({ labs: [...normalPanel('2026-11-01').filter((l) => l.test !== 'egfr'), lab('egfr', 25)], safety: { dentalCheckDone: false } }), drug: 'zoledronic-acid', start: TODAY,
    expect: { status: 'blocked', reasons: ['egfr-below-35', 'dental-check-missing'], blocking: ['egfr-below-35'], cautions: ['dental-check-missing'], absolute: [] } },
  { name: 'pregnancy blocks every drug and no override lifts it', input: clean({ person: { birthDate: '1991-01-01', menopause: { status: 'pre' } }, safety: { pregnant: true } }), drug: 'alendronic-acid', start: TODAY,
    expect: { status: 'blocked', blocking: ['pregnancy'], absolute: ['pregnancy'] } },
  { name: 'pregnancy and not postmenopausal for raloxifene: only pregnancy is absolute', input: clean({ person: { birthDate: '1991-01-01', menopause: { status: 'pre' } }, safety: { pregnant: true } }), drug: 'raloxifene', start: TODAY,
    expect: { status: 'blocked', reasons: ['pregnancy', 'not-postmenopausal-woman'], blocking: ['pregnancy', 'not-postmenopausal-woman'], absolute: ['pregnancy'] } },
  { name: 'twelve romosozumab doses: the lifetime limit, absolute', input: clean({ medications: [{ drug: 'romosozumab', route: 'sc', start: '2025-11-01', end: '2026-10-15', doses: monthly('2025-11', 12) }] }),
    drug: 'romosozumab', start: TODAY, expect: { status: 'blocked', blocking: ['lifetime-limit-reached'], absolute: ['lifetime-limit-reached'] } },
  { name: 'eleven romosozumab doses: not yet', input: clean({ medications: [{ drug: 'romosozumab', route: 'sc', start: '2025-12-01', end: '2026-10-15', doses: monthly('2025-12', 11) }] }),
    drug: 'romosozumab', start: TODAY, expect: { blocking: [], absolute: [] } },
  { name: 'teriparatide taken 24 months (1 January 2024 to 1 January 2026): the lifetime limit, absolute', input: clean({ medications: [{ drug: 'teriparatide', route: 'sc', start: '2024-01-01', end: '2026-01-01' }] }),
    drug: 'teriparatide', start: TODAY, expect: { blocking: ['lifetime-limit-reached'], absolute: ['lifetime-limit-reached'] } },
  { name: 'teriparatide taken a day short of 24 months: not yet', input: clean({ medications: [{ drug: 'teriparatide', route: 'sc', start: '2024-01-02', end: '2026-01-01' }] }),
    drug: 'teriparatide', start: TODAY, expect: { blocking: [], absolute: [] } },
  { name: 'ibandronic acid as a tablet for someone who cannot stay upright: blocked', input: clean({ safety: { canStayUpright60Min: false } }), drug: 'ibandronic-acid', start: TODAY, route: 'oral',
    expect: { blocking: ['cannot-stay-upright'], absolute: [] } },
  { name: 'ibandronic acid as an infusion for the same person: allowed', input: clean({ safety: { canStayUpright60Min: false } }), drug: 'ibandronic-acid', start: TODAY, route: 'iv',
    expect: { status: 'allowed', blocking: [] } },
  { name: 'a switch from the tablet to the infusion: the new course\'s route decides', input: clean({ safety: { canStayUpright60Min: false }, medications: [{ drug: 'ibandronic-acid', route: 'oral', start: '2025-01-31', end: '2026-11-01' }] }),
    drug: 'ibandronic-acid', start: TODAY, route: 'iv', expect: { blocking: [] } },
  { name: 'a switch from the infusion to the tablet: the new course\'s route decides', input: clean({ safety: { canStayUpright60Min: false }, medications: [{ drug: 'ibandronic-acid', route: 'iv', start: '2025-01-31', end: '2026-11-01' }] }),
    drug: 'ibandronic-acid', start: TODAY, route: 'oral', expect: { blocking: ['cannot-stay-upright'] } },
  { name: 'hip repair on 20 November: zoledronic acid from today (3 days) is blocked', input: clean({ safety: { hipFractureRepairDate: '2026-11-20' } }), drug: 'zoledronic-acid', start: TODAY,
    expect: { checkedOn: TODAY, blocking: ['hip-fracture-repair-under-2-weeks'] } },
  { name: 'from 3 December (13 days after the repair) still blocked', input: clean({ safety: { hipFractureRepairDate: '2026-11-20' } }), drug: 'zoledronic-acid', start: '2026-12-03',
    expect: { checkedOn: '2026-12-03', blocking: ['hip-fracture-repair-under-2-weeks'] } },
  { name: 'from 4 December (14 days after) the start is checked, not today: allowed', input: clean({ safety: { hipFractureRepairDate: '2026-11-20' } }), drug: 'zoledronic-acid', start: '2026-12-04',
    expect: { checkedOn: '2026-12-04', status: 'allowed', blocking: [] } },
];

describe('prescriptionGate', () => {
  for (const row of gateRows) {
    it(`${row.drug}: ${row.name}`, () => {
      const g = prescriptionGate(row.input, { drug: row.drug, start: row.start, ...(row.route ? { route: row.route } : {}) }, TODAY);
      expect(g).toMatchObject({ drug: row.drug, ...row.expect });
    });
  }
});

// --- Properties over generated cases. ---
const arbDrug = fc.constantFrom(...DRUGS);
const arbStart = arbDateNear(-400, 400);
const arbToday = arbDateNear(-400, 400);
const routeFor = (drug: Drug, pick: number): Medication['route'] => {
  const routes = CATALOGUE[drug].regimens.map((r) => r.route);
  return routes[pick % routes.length];
};
const isSubsequence = (xs: readonly SafetyReason[], of: readonly SafetyReason[]) => {
  let i = 0;
  for (const r of of) if (r === xs[i]) i += 1;
  return i === xs.length;
};

describe('prescriptionGate properties', () => {
  it('checks as of the later of today and the start, and splits the reasons into blocking and cautions without loss or overlap', () => {
    fc.assert(fc.property(arbCase, arbDrug, arbStart, arbToday, fc.nat(), (c, drug, start, today, pick) => {
      const g = prescriptionGate(c, { drug, start, route: routeFor(drug, pick) }, today);
      expect(g.checkedOn).toBe(compareDates(start, today) > 0 ? start : today);
      expect([...g.blocking, ...g.cautions].sort()).toEqual([...g.reasons].sort());
      expect(g.blocking.filter((r) => g.cautions.includes(r))).toEqual([]);
      expect(isSubsequence(g.blocking, g.reasons) && isSubsequence(g.cautions, g.reasons)).toBe(true);
      expect(g.absolute).toEqual(g.blocking.filter((r) => NOT_OVERRIDABLE.includes(r)));
      expect(g.status).toBe(g.blocking.length > 0 ? 'blocked' : g.cautions.length > 0 ? 'caution' : 'allowed');
      // Pregnancy and a reached lifetime limit never come as a caution.
      for (const r of NOT_OVERRIDABLE) expect(g.cautions).not.toContain(r);
    }), { numRuns: 300 });
  });

  it('gives the same verdict on every day up to a start ahead: the start is the day checked', () => {
    fc.assert(fc.property(arbCase, arbDrug, arbStart, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.nat(), (c, drug, start, a, b, pick) => {
      const route = routeFor(drug, pick);
      const days = (n: number) => new Date(Date.parse(`${start}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
      expect(prescriptionGate(c, { drug, start, route }, days(a))).toEqual(prescriptionGate(c, { drug, start, route }, days(b)));
    }), { numRuns: 200 });
  });

  it('blocks every drug for a pregnant woman before the menopause, absolutely', () => {
    fc.assert(fc.property(arbCase, arbDrug, arbStart, fc.nat(), (c0, drug, start, pick) => {
      const c = { ...c0, person: { ...c0.person, sex: 'female' as const, menopause: { status: 'pre' as const } }, safety: { ...c0.safety, pregnant: true } };
      const g = prescriptionGate(c, { drug, start, route: routeFor(drug, pick) }, TODAY);
      expect(g.absolute).toContain('pregnancy');
      expect(g.status).toBe('blocked');
    }), { numRuns: 200 });
  });
});

// --- stopGate: the follow-on, to the day. ---
const deno = (start: string, doses: string[] | undefined): Medication => ({ drug: 'denosumab', route: 'sc', start, ...(doses ? { doses } : {}) });
type Planned = NonNullable<Case['plannedMedications']>;
const withPlans = (m: Medication, planned: Planned = [], more: Medication[] = []): Case => makeCase({ asOf: TODAY, medications: [m, ...more], plannedMedications: planned });

interface StopRow { name: string; input: Case; stopping: Medication; end: string; expect: string[] }
const DENO = deno('2026-02-28', ['2026-02-28', '2026-08-31']);
const TERI: Medication = { drug: 'teriparatide', route: 'sc', start: '2025-01-01' };
const ROMO: Medication = { drug: 'romosozumab', route: 'sc', start: '2025-12-01', doses: monthly('2025-12', 12) };

const stopRows: StopRow[] = [
  { name: 'denosumab (last injection 31 August 2026) stopped with nothing planned', input: withPlans(DENO), stopping: DENO, end: TODAY, expect: ['denosumab-stop-without-follow-on'] },
  { name: 'alendronic acid planned from 28 February 2027, 6 months after the last injection: allowed', input: withPlans(DENO, [{ drug: 'alendronic-acid', from: '2027-02-28' }]), stopping: DENO, end: TODAY, expect: [] },
  { name: 'planned from 1 March 2027, a day later: refused', input: withPlans(DENO, [{ drug: 'alendronic-acid', from: '2027-03-01' }]), stopping: DENO, end: TODAY, expect: ['denosumab-stop-without-follow-on'] },
  { name: 'zoledronic acid planned from today: allowed', input: withPlans(DENO, [{ drug: 'zoledronic-acid', from: TODAY }]), stopping: DENO, end: TODAY, expect: [] },
  { name: 'a planned denosumab is no follow-on of denosumab', input: withPlans(DENO, [{ drug: 'denosumab', from: '2026-12-01' }]), stopping: DENO, end: TODAY, expect: ['denosumab-stop-without-follow-on'] },
  { name: 'an anabolic is no follow-on of denosumab', input: withPlans(DENO, [{ drug: 'teriparatide', from: '2026-12-01' }]), stopping: DENO, end: TODAY, expect: ['denosumab-stop-without-follow-on'] },
  { name: 'a plan dated before denosumab began does not count', input: withPlans(DENO, [{ drug: 'alendronic-acid', from: '2026-02-01' }]), stopping: DENO, end: TODAY, expect: ['denosumab-stop-without-follow-on'] },
  { name: 'a course of risedronic acid started after denosumab counts', input: withPlans(DENO, [], [{ drug: 'risedronic-acid', route: 'oral', start: '2026-11-01' }]), stopping: DENO, end: TODAY, expect: [] },
  { name: 'without doses the start counts as the last injection (31 May 2026: by 30 November 2026)', input: withPlans(deno('2026-05-31', undefined), [{ drug: 'alendronic-acid', from: '2026-11-30' }]), stopping: deno('2026-05-31', undefined), end: TODAY, expect: [] },
  { name: 'and 1 December 2026 is a day too late', input: withPlans(deno('2026-05-31', undefined), [{ drug: 'alendronic-acid', from: '2026-12-01' }]), stopping: deno('2026-05-31', undefined), end: TODAY, expect: ['denosumab-stop-without-follow-on'] },
  { name: 'last injection 31 August 2027: the follow-on by 29 February 2028 (a leap year)', input: withPlans(deno('2027-08-31', ['2027-08-31']), [{ drug: 'alendronic-acid', from: '2028-02-29' }]), stopping: deno('2027-08-31', ['2027-08-31']), end: '2027-10-01', expect: [] },
  { name: 'and 1 March 2028 is a day too late', input: withPlans(deno('2027-08-31', ['2027-08-31']), [{ drug: 'alendronic-acid', from: '2028-03-01' }]), stopping: deno('2027-08-31', ['2027-08-31']), end: '2027-10-01', expect: ['denosumab-stop-without-follow-on'] },
  { name: 'a dose after the end does not count: ended 1 August 2026, the follow-on is due by 28 August 2026', input: withPlans(DENO, [{ drug: 'alendronic-acid', from: '2026-08-28' }]), stopping: DENO, end: '2026-08-01', expect: [] },
  { name: 'and 29 August 2026 is then a day too late', input: withPlans(DENO, [{ drug: 'alendronic-acid', from: '2026-08-29' }]), stopping: DENO, end: '2026-08-01', expect: ['denosumab-stop-without-follow-on'] },
  { name: 'teriparatide stopped with nothing after it', input: withPlans(TERI), stopping: TERI, end: TODAY, expect: ['anabolic-stop-without-follow-on'] },
  { name: 'teriparatide with alendronic acid planned within a year of the stop (23 November 2027)', input: withPlans(TERI, [{ drug: 'alendronic-acid', from: '2027-11-23' }]), stopping: TERI, end: TODAY, expect: [] },
  { name: 'teriparatide with alendronic acid planned a day later: refused', input: withPlans(TERI, [{ drug: 'alendronic-acid', from: '2027-11-24' }]), stopping: TERI, end: TODAY, expect: ['anabolic-stop-without-follow-on'] },
  { name: 'teriparatide followed by raloxifene', input: withPlans(TERI, [{ drug: 'raloxifene', from: '2026-12-01' }]), stopping: TERI, end: TODAY, expect: [] },
  { name: 'teriparatide followed by denosumab, an antiresorptive', input: withPlans(TERI, [{ drug: 'denosumab', from: '2026-12-01' }]), stopping: TERI, end: TODAY, expect: [] },
  { name: 'teriparatide followed by romosozumab, another anabolic: refused', input: withPlans(TERI, [{ drug: 'romosozumab', from: '2026-12-01' }]), stopping: TERI, end: TODAY, expect: ['anabolic-stop-without-follow-on'] },
  { name: 'romosozumab after its twelve doses with nothing after it', input: withPlans(ROMO), stopping: ROMO, end: TODAY, expect: ['anabolic-stop-without-follow-on'] },
  { name: 'romosozumab followed by zoledronic acid', input: withPlans(ROMO, [{ drug: 'zoledronic-acid', from: '2026-12-01' }]), stopping: ROMO, end: TODAY, expect: [] },
  { name: 'romosozumab followed by denosumab', input: withPlans(ROMO, [{ drug: 'denosumab', from: '2026-12-01' }]), stopping: ROMO, end: TODAY, expect: [] },
  { name: 'an antiresorptive needs no follow-on', input: withPlans({ drug: 'alendronic-acid', route: 'oral', start: '2021-01-01' }), stopping: { drug: 'alendronic-acid', route: 'oral', start: '2021-01-01' }, end: TODAY, expect: [] },
];

describe('stopGate', () => {
  for (const row of stopRows) {
    it(`${row.stopping.drug}: ${row.name}`, () => {
      expect(stopGate(row.input, row.stopping, row.end)).toEqual(row.expect);
    });
  }

  it('never stands in the way of stopping a drug that is neither denosumab nor an anabolic', () => {
    fc.assert(fc.property(arbCase, fc.constantFrom(...DRUGS.filter((d) => d !== 'denosumab' && CATALOGUE[d].action === 'antiresorptive')), arbStart, arbStart, (c, drug, start, end) => {
      expect(stopGate(c, { drug, start }, end)).toEqual([]);
    }), { numRuns: 200 });
  });

  it('lets denosumab stop exactly when an antiresorptive other than denosumab is planned after its start and by 6 months after the last injection', () => {
    fc.assert(fc.property(arbDateNear(-900, 0), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...DRUGS), fc.integer({ min: -200, max: 400 }), (start, n, drug, offset) => {
      const doses = [0, 1, 2, 3].slice(0, n + 1).map((i) => new Date(Date.parse(`${start}T00:00:00Z`) + i * 182 * 86_400_000).toISOString().slice(0, 10));
      const last = doses.at(-1)!;
      const from = new Date(Date.parse(`${last}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
      const med = deno(start, doses);
      const sixMonths = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) - 1 + 6, 1));
      const lastDay = new Date(Date.UTC(sixMonths.getUTCFullYear(), sixMonths.getUTCMonth() + 1, 0)).getUTCDate();
      const by = `${sixMonths.toISOString().slice(0, 8)}${String(Math.min(Number(last.slice(8, 10)), lastDay)).padStart(2, '0')}`;
      const counts = drug !== 'denosumab' && CATALOGUE[drug].action === 'antiresorptive' && compareDates(from, start) > 0 && compareDates(from, by) <= 0;
      const c = makeCase({ asOf: last, medications: [med], plannedMedications: [{ drug, from }] });
      expect(stopGate(c, med, last)).toEqual(counts ? [] : ['denosumab-stop-without-follow-on']);
    }), { numRuns: 400 });
  });
});
