// The laboratory picture of a case (clinical-rules.md §6; NIV-2022 laboratory module, NHG-2024,
// GR-2012): most recent value per test in canonical units, corrected calcium, vitamin D status and
// the suspected secondary causes. Rules of other stages read labs only through this picture, so a
// value is interpreted one way everywhere. Unknown stays unknown: every cause that could not be
// judged files the missing lab under `missing`.
import type { Case, LabResult, LabTest } from '../case.schema.js';
import { Reader, D } from '../reader.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { addMonths, compareDates } from '../time/date.js';
import { clean, CANONICAL_UNIT, unitFactor } from './units.js';
import { memoCase } from '../memo.js';
import { F } from '../fields.js';
import { criteria } from '../reader.js';

/** The criteria this file's rules check (`r.check(C[id], met)`). */
const C = criteria(['hyperparathyroidism', 'hyperthyroidism', 'renal-impairment', 'vitamin-d-deficiency', 'hypogonadism', 'monoclonal-gammopathy', 'high-bone-turnover-unexplained']);

export type CalciumStatus = 'low' | 'normal' | 'high';
export type VitaminDStatus = 'severe-deficiency' | 'insufficient' | 'adequate';
export const SECONDARY_CAUSES = [
  'hyperparathyroidism', 'hyperthyroidism', 'renal-impairment', 'vitamin-d-deficiency',
  'hypogonadism', 'monoclonal-gammopathy', 'high-bone-turnover-unexplained',
] as const;
export type SecondaryCause = (typeof SECONDARY_CAUSES)[number];

export interface CorrectedCalcium {
  value: number;
  low: number;
  high: number;
  status: CalciumStatus;
  /** True when computed from calcium and albumin; false when the lab reported it. */
  computed: boolean;
  date: string;
}

export interface LabPicture {
  correctedCalcium?: CorrectedCalcium;
  egfr?: number;
  vitaminD?: { nmolPerL: number; status: VitaminDStatus };
  osteomalaciaSuspected: boolean;
  secondaryCauses: SecondaryCause[];
  /** Most recent result of a test dated on or before asOf, in canonical units. */
  latest(test: LabTest): LabResult | undefined;
  /**
   * What the picture read (e.g. `labs.egfr`: 52); its missing paths are those whose absence left a
   * secondary cause or the osteomalacia question undecided. Each secondary cause is a criterion.
   */
  reads: Reader;
}

/** Reference limits when the laboratory gave none (§6). */
export const DEFAULT_REFERENCE: Readonly<Partial<Record<LabTest, { low?: number; high?: number }>>> = {
  'calcium-corrected': { low: 2.2, high: 2.6 },
  tsh: { low: 0.4, high: 4.0 },
  'alkaline-phosphatase': { high: 120 },
  pth: { high: 7.0 },
  egfr: { low: 60 },
};

export const EGFR_RENAL_IMPAIRMENT = 60;
export const VITAMIN_D_SEVERE = 30;
export const VITAMIN_D_ADEQUATE = 50;

export function vitaminDStatus(nmolPerL: number): VitaminDStatus {
  if (nmolPerL < VITAMIN_D_SEVERE) return 'severe-deficiency';
  if (nmolPerL < VITAMIN_D_ADEQUATE) return 'insufficient';
  return 'adequate';
}

/** calcium + 0.02 × (40 − albumin), mmol/L with albumin in g/L (§6). */
export function correctCalcium(calciumMmolL: number, albuminGL: number): number {
  return clean(calciumMmolL + 0.02 * (40 - albuminGL));
}

export function calciumStatus(value: number, low: number, high: number): CalciumStatus {
  return value < low ? 'low' : value > high ? 'high' : 'normal';
}

/** One result in canonical units; results with an unknown unit cannot reach here after parsing. */
export function canonicalResult(r: LabResult): LabResult {
  // Already in the canonical unit (every canonical unit has factor 1): as it is, without folding
  // the unit. The rules see labs evaluate() converted, so this is the usual answer.
  if (r.unit === CANONICAL_UNIT[r.test]) return r;
  const f = unitFactor(r.test, r.unit);
  if (f === undefined) return r;
  const out: LabResult = { ...r, value: clean(r.value * f), unit: CANONICAL_UNIT[r.test] };
  if (r.refLow !== undefined) out.refLow = clean(r.refLow * f);
  if (r.refHigh !== undefined) out.refHigh = clean(r.refHigh * f);
  return out;
}

/** The case with every lab result in its canonical unit; applied once by evaluate(). */
export function normalizeLabs(c: Case): Case {
  if (!c.labs || c.labs.length === 0) return c;
  return { ...c, labs: c.labs.map(canonicalResult) };
}

/** The laboratory picture as of `c.asOf`; memoised per case object because many rules ask for it. */
export const labPicture: (c: Case) => LabPicture = memoCase((c) => buildPicture(c));

function latestByTest(c: Case): Map<LabTest, LabResult> {
  const out = new Map<LabTest, LabResult>();
  for (const r of c.labs ?? []) {
    if (compareDates(r.date, c.asOf) > 0) continue; // not yet known on asOf
    const prev = out.get(r.test);
    // Same day: the later entry wins, as a re-run on the same day replaces the first.
    if (!prev || compareDates(r.date, prev.date) >= 0) out.set(r.test, r);
  }
  for (const [k, v] of out) out.set(k, canonicalResult(v));
  return out;
}

export { labPath } from '../reader.js';

function buildPicture(c: Case): LabPicture {
  const latestMap = latestByTest(c);
  const latest = (t: LabTest) => latestMap.get(t);
  const rd = new Reader(c, DEFAULT_SETTINGS);
  const read = (t: LabTest): LabResult | undefined => {
    const r = latestMap.get(t);
    if (r) rd.lab(t, r);
    return r;
  };

  // Corrected calcium: the lab's own value unless a later calcium lets us compute a newer one.
  let correctedCalcium: CorrectedCalcium | undefined;
  const given = read('calcium-corrected');
  const ca = latest('calcium');
  const alb = latest('albumin');
  const calcRef = DEFAULT_REFERENCE['calcium-corrected'] as { low: number; high: number };
  if (ca && alb && (!given || compareDates(ca.date, given.date) > 0)) {
    read('calcium');
    read('albumin');
    const value = correctCalcium(ca.value, alb.value);
    const low = ca.refLow ?? calcRef.low;
    const high = ca.refHigh ?? calcRef.high;
    correctedCalcium = { value, low, high, status: calciumStatus(value, low, high), computed: true, date: ca.date };
  } else if (given) {
    const low = given.refLow ?? calcRef.low;
    const high = given.refHigh ?? calcRef.high;
    correctedCalcium = { value: given.value, low, high, status: calciumStatus(given.value, low, high), computed: false, date: given.date };
  }
  if (correctedCalcium) rd.note('labs.calcium-corrected', correctedCalcium.value);

  const egfr = read('egfr')?.value;
  const vd = read('25-oh-vitamin-d');
  const vitaminD = vd ? { nmolPerL: vd.value, status: vitaminDStatus(vd.value) } : undefined;

  const causes: SecondaryCause[] = [];
  const missCalcium = () => {
    if (!ca) rd.miss('labs.calcium');
    if (!alb) rd.miss('labs.albumin');
  };

  // hyperparathyroidism: corrected calcium high, or PTH high with normal or high calcium.
  const pth = read('pth');
  const pthHigh = pth ? pth.value > (pth.refHigh ?? (DEFAULT_REFERENCE.pth?.high as number)) : undefined;
  if (correctedCalcium?.status === 'high') causes.push('hyperparathyroidism');
  else if (pthHigh === true && correctedCalcium && correctedCalcium.status !== 'low') causes.push('hyperparathyroidism');
  else {
    if (!correctedCalcium) missCalcium();
    if (!pth && correctedCalcium?.status !== 'low') rd.miss('labs.pth');
  }
  rd.check(C['hyperparathyroidism'], causes.includes('hyperparathyroidism') ? true
    : correctedCalcium === undefined || (pth === undefined && correctedCalcium.status !== 'low') ? undefined : false);

  const tsh = read('tsh');
  if (tsh) {
    if (rd.check(C['hyperthyroidism'], tsh.value < (tsh.refLow ?? (DEFAULT_REFERENCE.tsh?.low as number)))) causes.push('hyperthyroidism');
  } else {
    rd.miss('labs.tsh');
    rd.check(C['hyperthyroidism'], undefined);
  }

  if (egfr !== undefined) {
    if (rd.check(C['renal-impairment'], egfr < EGFR_RENAL_IMPAIRMENT)) causes.push('renal-impairment');
  } else {
    rd.miss('labs.egfr');
    rd.check(C['renal-impairment'], undefined);
  }

  if (vitaminD) {
    if (rd.check(C['vitamin-d-deficiency'], vitaminD.status === 'severe-deficiency')) causes.push('vitamin-d-deficiency');
  } else {
    rd.miss('labs.25-oh-vitamin-d');
    rd.check(C['vitamin-d-deficiency'], undefined);
  }

  if (c.person.sex === 'male') {
    const t = read('testosterone');
    // Testosterone has no default range (§6): without the lab's lower limit it is not assessed.
    if (!t) rd.miss('labs.testosterone');
    else if (t.refLow === undefined) rd.miss('labs.testosterone.refLow');
    if (rd.check(C['hypogonadism'], t === undefined || t.refLow === undefined ? undefined : t.value < t.refLow)) causes.push('hypogonadism');
  }

  const mp = read('m-protein');
  if (mp) {
    if (rd.check(C['monoclonal-gammopathy'], mp.value > 0)) causes.push('monoclonal-gammopathy');
  } else {
    rd.miss('labs.m-protein');
    rd.check(C['monoclonal-gammopathy'], undefined);
  }

  const alp = read('alkaline-phosphatase');
  if (alp) {
    const high = alp.refHigh ?? (DEFAULT_REFERENCE['alkaline-phosphatase']?.high as number);
    if (alp.value > high) {
      // A healing fracture raises alkaline phosphatase; only unexplained turnover is suspicious.
      const since = addMonths(c.asOf, -3);
      // "In the last 3 months": dated on or after asOf − 3 months (§6).
      const recent = (c.fractures ?? []).some((f) => compareDates(f.date, since) >= 0 && compareDates(f.date, c.asOf) <= 0);
      rd.derived(D['recent-fracture'], recent);
      if (!recent) causes.push('high-bone-turnover-unexplained');
    }
    rd.check(C['high-bone-turnover-unexplained'], causes.includes('high-bone-turnover-unexplained'));
  } else {
    rd.miss('labs.alkaline-phosphatase');
    rd.check(C['high-bone-turnover-unexplained'], undefined);
  }

  const symptoms = c.safety?.osteomalaciaSymptoms;
  let osteomalaciaSuspected = false;
  if (vitaminD?.status === 'severe-deficiency') {
    osteomalaciaSuspected = correctedCalcium?.status === 'low' || symptoms === true;
    if (symptoms !== undefined || !osteomalaciaSuspected) rd.read(F['safety.osteomalaciaSymptoms']);
  }

  const picture: LabPicture = {
    osteomalaciaSuspected,
    secondaryCauses: causes,
    latest,
    reads: rd,
  };
  if (correctedCalcium) picture.correctedCalcium = correctedCalcium;
  if (egfr !== undefined) picture.egfr = egfr;
  if (vitaminD) picture.vitaminD = vitaminD;
  return picture;
}
