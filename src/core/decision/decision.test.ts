// Which options the shared decision offers (table), and the icon array's arithmetic (properties).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../settings.js';
import { AS_OF, bornAged, dxa, fracture, lab, makeCase, normalPanel } from '../testing/builder.js';
import type { Case } from '../case.schema.js';
import type { DecisionOption } from '../record/lists.js';
import { decisionOptions, drugFits, OPTION_DRUGS } from './options.js';
import { iconArray, ICON_ARRAY_SIZE, patientPicture } from './picture.js';

const t = (score: number) => dxa('2026-10-01', [{ site: 'femoral-neck', t: score }]);
const ALL_MEDICINE: DecisionOption[] = ['lifestyle-only', 'weekly-tablet', 'yearly-infusion', 'injection-6-months'];

interface OptionRow {
  name: string;
  input: Case;
  options: DecisionOption[];
  /** Drugs the core's first choice names. */
  first?: string[];
  /** Drugs whose gate blocks them for a reason no override lifts. */
  absolute?: string[];
  /** Drugs whose gate blocks them. */
  blocked?: string[];
}

const rows: OptionRow[] = [
  { name: 'no DXA and no fracture: only lifestyle', input: makeCase(), options: ['lifestyle-only'] },
  { name: 'osteopenia: only lifestyle', input: makeCase({ dxa: t(-2) }), options: ['lifestyle-only'] },
  { name: 'osteopenia with a wrist fracture: only lifestyle (no medication indicated)', input: makeCase({ dxa: t(-1.5), fractures: [fracture('2026-05-01', 'wrist')] }), options: ['lifestyle-only'] },
  { name: 'osteoporosis: lifestyle and the three antiresorptive options, the tablets first', input: makeCase({ dxa: t(-3), labs: normalPanel() }),
    options: ALL_MEDICINE, first: ['alendronic-acid', 'risedronic-acid'] },
  { name: 'hip fracture at 80: zoledronic acid first, no daily injection', input: makeCase({ person: { birthDate: bornAged(80) }, fractures: [fracture('2026-11-01', 'hip')] }),
    options: ALL_MEDICINE, first: ['zoledronic-acid'] },
  { name: 'third fracture on treatment: the daily injection too, first choice', input: makeCase({ dxa: t(-3), medications: [{ drug: 'alendronic-acid', start: '2022-01-01' }],
    fractures: [fracture('2021-01-01', 'wrist'), fracture('2021-06-01', 'rib'), fracture('2024-02-01', 'humerus')] }),
    options: [...ALL_MEDICINE, 'daily-injection'], first: ['teriparatide'] },
  { name: 'eGFR 32: the tablets and infusion remain options, alendronic and zoledronic acid blocked', input: makeCase({ dxa: t(-3), labs: [lab('egfr', 32)] }),
    options: ALL_MEDICINE, first: ['risedronic-acid'], blocked: ['alendronic-acid', 'zoledronic-acid'] },
  { name: 'pregnant with a collapsed vertebra: the options stand, each drug blocked for good', input: makeCase({ person: { birthDate: bornAged(40), menopause: { status: 'pre' } },
    vfa: { date: '2026-10-01', vertebrae: [{ level: 'L1', grade: 2 }] }, safety: { pregnant: true } }),
    options: ALL_MEDICINE, absolute: ['alendronic-acid', 'risedronic-acid', 'zoledronic-acid', 'denosumab'] },
];

describe('the options of the shared decision', () => {
  it.each(rows)('$name', (row) => {
    const got = decisionOptions(row.input, DEFAULT_SETTINGS, AS_OF);
    expect(got.options.map((o) => o.option)).toEqual(row.options);
    expect(got.medicationIndicated).toBe(row.options.length > 1);
    const drugs = got.options.flatMap((o) => o.drugs);
    expect(drugs.filter((d) => d.firstChoice).map((d) => d.drug).sort()).toEqual([...(row.first ?? [])].sort());
    for (const d of row.blocked ?? []) expect(drugs.find((x) => x.drug === d)?.gate.status, d).toBe('blocked');
    for (const d of row.absolute ?? []) expect(drugs.find((x) => x.drug === d)?.gate.absolute.length, d).toBeGreaterThan(0);
    // Every drug shown realises its own option, and lifestyle carries no drug.
    for (const o of got.options) for (const d of o.drugs) expect(drugFits(o.option, d.drug)).toBe(true);
    expect(got.options[0]?.drugs).toEqual([]);
  });

  it('names each drug for one option only', () => {
    const all = Object.values(OPTION_DRUGS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('the patient picture', () => {
  it('shows FRAX only when entered, as entered', () => {
    const without = patientPicture(makeCase({ dxa: t(-3) }), DEFAULT_SETTINGS);
    expect(without.frax).toBeNull();
    expect(without.bmd).toMatchObject({ category: 'osteoporosis', scoreType: 'T', score: -3 });
    const withFrax = patientPicture(makeCase({ dxa: t(-3), frax: { date: '2026-10-01', majorPercent: 23.4, hipPercent: 0.3, withBmd: true } }), DEFAULT_SETTINGS);
    expect(withFrax.frax?.major.affected).toBe(23);
    expect(withFrax.frax?.hip).toMatchObject({ affected: 0, belowOne: true });
    expect(withFrax.indicationReasons).toEqual(['osteoporosis']);
  });

  it('lists the fractures newest first with how the core reads them', () => {
    const p = patientPicture(makeCase({ fractures: [fracture('2020-01-01', 'wrist'), fracture('2026-01-01', 'ankle', { highEnergy: true })] }), DEFAULT_SETTINGS);
    expect(p.fractures).toEqual([{ site: 'ankle', date: '2026-01-01', lowEnergy: false }, { site: 'wrist', date: '2020-01-01', lowEnergy: true }]);
  });
});

describe('the icon array', () => {
  const percent = fc.double({ min: 0, max: 100, noNaN: true });

  it('always shows 100 people, the affected counted in the cells from the start', () => {
    fc.assert(fc.property(percent, (p) => {
      const a = iconArray(p);
      expect(a.affected + a.unaffected).toBe(ICON_ARRAY_SIZE);
      expect(a.cells).toHaveLength(ICON_ARRAY_SIZE);
      expect(a.cells.filter(Boolean)).toHaveLength(a.affected);
      expect(a.cells.indexOf(false) === -1 ? ICON_ARRAY_SIZE : a.cells.indexOf(false)).toBe(a.affected);
    }));
  });

  it('is the percent to within half a person, and never says nobody for a risk above nothing', () => {
    fc.assert(fc.property(percent, (p) => {
      const a = iconArray(p);
      expect(Math.abs(a.affected - p)).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(a.belowOne).toBe(p > 0 && a.affected === 0);
    }));
  });

  it('grows with the risk', () => {
    fc.assert(fc.property(percent, percent, (p, q) => {
      const [lo, hi] = p <= q ? [p, q] : [q, p];
      expect(iconArray(lo).affected).toBeLessThanOrEqual(iconArray(hi).affected);
    }));
  });

  it.each([[0, 0], [0.49, 0], [0.5, 1], [12.5, 13], [99.5, 100], [100, 100], [7, 7]])('%d %% is %d people', (p, n) => {
    expect(iconArray(p).affected).toBe(n);
  });

  it('refuses a risk outside 0 to 100', () => {
    for (const p of [-0.1, 100.1, Number.NaN]) expect(() => iconArray(p)).toThrow(RangeError);
  });
});
