// Laboratory units (clinical-rules.md §1, LabTest): each test has one canonical unit. A value in
// another unit is accepted only when the conversion is exact and published; anything else is an
// invalid case, because a guessed conversion of a calcium or vitamin D value changes treatment.
// Sources: NIV-2022 (laboratory module); the factors are the ones the spec lists verbatim.
// No import from case.schema.ts: the schema imports this file to check units, and a cycle (even a
// type-only one) would break the layer rules. case.schema.ts asserts that both lists of tests agree.
type LabTest =
  | 'calcium' | 'albumin' | 'calcium-corrected' | 'creatinine' | 'egfr' | 'tsh' | '25-oh-vitamin-d'
  | 'alkaline-phosphatase' | 'pth' | 'esr' | 'm-protein' | 'phosphate' | 'testosterone' | 'urine-calcium-24h';
export type UnitTest = LabTest;

export const CANONICAL_UNIT: Readonly<Record<LabTest, string>> = {
  calcium: 'mmol/L',
  albumin: 'g/L',
  'calcium-corrected': 'mmol/L',
  creatinine: 'µmol/L',
  egfr: 'mL/min/1.73m²',
  tsh: 'mU/L',
  '25-oh-vitamin-d': 'nmol/L',
  'alkaline-phosphatase': 'U/L',
  pth: 'pmol/L',
  esr: 'mm/h',
  'm-protein': 'g/L',
  phosphate: 'mmol/L',
  testosterone: 'nmol/L',
  'urine-calcium-24h': 'mmol/24h',
};

/**
 * Spellings are compared after folding case, the micro sign and the superscript two, so that
 * `umol/l`, `µmol/L` and `μmol/L` are one unit. No two accepted units of one test collide when folded.
 */
export function foldUnit(unit: string): string {
  return unit.trim().replace(/[µμ]/g, 'u').replace(/²/g, '2').toLowerCase();
}

/** Per test: folded unit → factor to the canonical unit. */
const FACTORS: Readonly<Record<LabTest, Readonly<Record<string, number>>>> = {
  calcium: { 'mmol/l': 1, 'mg/dl': 0.2495 },
  albumin: { 'g/l': 1, 'g/dl': 10 },
  'calcium-corrected': { 'mmol/l': 1, 'mg/dl': 0.2495 },
  creatinine: { 'umol/l': 1, 'mg/dl': 88.4 },
  egfr: { 'ml/min/1.73m2': 1 },
  tsh: { 'mu/l': 1, 'miu/l': 1 },
  '25-oh-vitamin-d': { 'nmol/l': 1, 'ng/ml': 2.496 },
  'alkaline-phosphatase': { 'u/l': 1 },
  pth: { 'pmol/l': 1 },
  esr: { 'mm/h': 1 },
  'm-protein': { 'g/l': 1 },
  phosphate: { 'mmol/l': 1 },
  testosterone: { 'nmol/l': 1 },
  'urine-calcium-24h': { 'mmol/24h': 1 },
};

/** Factor from `unit` to the test's canonical unit, or undefined when the unit is not accepted. */
export function unitFactor(test: LabTest, unit: string): number | undefined {
  let folded = FOLDED.get(unit);
  if (folded === undefined) {
    folded = foldUnit(unit);
    // Bounded: unit strings come from input, and a long-running server must not grow without limit.
    if (FOLDED.size > 1000) FOLDED.clear();
    FOLDED.set(unit, folded);
  }
  // Own keys only: a unit spelled like an Object.prototype member ("constructor") is unknown.
  const table = FACTORS[test];
  return Object.hasOwn(table, folded) ? table[folded] : undefined;
}
const FOLDED = new Map<string, string>();

/** The units accepted for a test, as shown in error messages. */
export function acceptedUnits(test: LabTest): string[] {
  return Object.keys(FACTORS[test]);
}

/**
 * Rounds away the binary noise of a multiplication (12 ng/mL × 2.496 must be 29.952, not
 * 29.951999…) while keeping far more precision than any laboratory reports.
 */
export function clean(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function toCanonical(test: LabTest, value: number, unit: string): number | undefined {
  const f = unitFactor(test, unit);
  return f === undefined ? undefined : clean(value * f);
}

export function fromCanonical(test: LabTest, value: number, unit: string): number | undefined {
  const f = unitFactor(test, unit);
  return f === undefined ? undefined : clean(value / f);
}
