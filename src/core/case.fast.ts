// A fast path for checking a Case: a hand-written twin of the zod schema in case.schema.ts that
// answers "certainly valid" (and builds the same parsed object zod would: a copy with the schema's
// key order, only the keys the input has) or "not sure". checkCase() asks it first and falls back to
// zod on "not sure", so every invalid input, and every input this path does not fully understand
// (an object that is not plain, a key present with value undefined, symbol keys), is still judged
// by zod, with zod's issues. It only ever accepts what zod accepts: case.fast.test.ts compares both
// on generated and randomly damaged cases.
//
// Why: zod's own parse was about a fifth of a full evaluation (each field a schema object with its
// own check list and issue array); this is a handful of typeof and range checks per field.
import {
  CALCIUM_ITEMS, CONTACT_KINDS, DRUGS, DXA_SITES, FRACTURE_SITES, LAB_TESTS, MOBILITY, VERTEBRA_LEVELS,
  type Case,
} from './case.schema.js';
import { unitFactor } from './laboratory/units.js';
import { isIsoDate } from './time/date.js';

/** "Not sure": let zod decide. */
export const NOT_SURE: unique symbol = Symbol('not sure');
type Out = unknown;
type Check = (v: unknown) => Out;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** z.number() with zod 4's semantics: finite only; bounds inclusive unless `gt0` (positive()). */
function num(min: number, max: number, opts: { int?: boolean; gt0?: boolean } = {}): Check {
  const { int = false, gt0 = false } = opts;
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return NOT_SURE;
    if (int && !Number.isSafeInteger(v)) return NOT_SURE;
    if (gt0 ? !(v > 0) : !(v >= min)) return NOT_SURE;
    return v <= max ? v : NOT_SURE;
  };
}
const anyFinite: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : NOT_SURE);
const bool: Check = (v) => (typeof v === 'boolean' ? v : NOT_SURE);
const date: Check = (v) => (typeof v === 'string' && isIsoDate(v) ? v : NOT_SURE);
function str(min: number, max: number): Check {
  return (v) => (typeof v === 'string' && v.length >= min && v.length <= max ? v : NOT_SURE);
}
function oneOf(values: readonly unknown[]): Check {
  const set = new Set(values);
  return (v) => (set.has(v) ? v : NOT_SURE);
}
function array(item: Check, max: number, exactly?: number): Check {
  return (v) => {
    if (!Array.isArray(v) || v.length > max || (exactly !== undefined && v.length !== exactly)) return NOT_SURE;
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const r = item(v[i]);
      if (r === NOT_SURE) return NOT_SURE;
      out.push(r);
    }
    return out;
  };
}

type Field = readonly [key: string, check: Check, optional: boolean];
const req = (key: string, check: Check): Field => [key, check, false];
const opt = (key: string, check: Check): Field => [key, check, true];

/** A strict z.object(): no unknown keys; output keys in the schema's order, present keys only. */
function object(fields: readonly Field[]): Check {
  const keys = fields.map(([k]) => k);
  const checks = fields.map(([, c]) => c);
  const optional = fields.map(([, , o]) => o);
  const n = fields.length;
  return compiled(keys, checks, optional) ?? ((v) => {
    if (!isPlain(v)) return NOT_SURE;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const k = keys[i] as string;
      const x = v[k];
      if (x === undefined) {
        if (optional[i] && !(k in v)) continue;
        return NOT_SURE;
      }
      const r = (checks[i] as Check)(x);
      if (r === NOT_SURE) return NOT_SURE;
      out[k] = r;
    }
    // Strict, as zod checks it (for…in): every enumerable key of the input is a schema key that was
    // read above. `out` has exactly those as own keys (never undefined; no prototype names).
    for (const k in v) if (!Object.hasOwn(out, k)) return NOT_SURE;
    return out;
  });
}

/**
 * The same check as object()'s loop, written out per schema with the keys as literals (as zod's
 * own JIT does), so every property read and write has one fixed key: about twice as fast as the
 * loop's keyed accesses. Undefined where code cannot be generated (e.g. a CSP without eval); the
 * loop is used then.
 */
function compiled(keys: readonly string[], checks: readonly Check[], optional: readonly boolean[]): Check | undefined {
  let body = 'return function (v) {\n  if (!isPlain(v)) return NS;\n  const out = {};\n  let x, r;\n';
  keys.forEach((k, i) => {
    const key = JSON.stringify(k);
    body += `  x = v[${key}];\n`
      + `  if (x === undefined) { ${optional[i] ? `if (${key} in v) return NS;` : 'return NS;'} }\n`
      + `  else { r = c${i}(x); if (r === NS) return NS; out[${key}] = r; }\n`;
  });
  body += '  for (const k in v) if (!hasOwn(out, k)) return NS;\n  return out;\n};';
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from the schema's own keys
    const make = new Function('isPlain', 'NS', 'hasOwn', ...checks.map((_, i) => `c${i}`), body) as
      (...args: unknown[]) => Check;
    return make(isPlain, NOT_SURE, Object.hasOwn, ...checks);
  } catch {
    return undefined;
  }
}

/** z.partialRecord(enum, value): keys from the enum, output in the input's key order. */
function partialRecord(keys: readonly string[], value: Check): Check {
  const known = new Set(keys);
  return (v) => {
    if (!isPlain(v) || Object.getOwnPropertySymbols(v).length > 0) return NOT_SURE;
    const out: Record<string, unknown> = {};
    for (const k in v) {
      if (!known.has(k)) return NOT_SURE;
      const r = value(v[k]);
      if (r === NOT_SURE) return NOT_SURE;
      out[k] = r;
    }
    return out;
  };
}

const finite = anyFinite;
const flag = bool;

const person = object([
  req('birthDate', date),
  req('sex', oneOf(['female', 'male'])),
  opt('weightKg', num(0, 400, { gt0: true })),
  opt('heightCm', num(0, 260, { gt0: true })),
  opt('menopause', object([req('status', oneOf(['pre', 'peri', 'post'])), opt('ageAtMenopause', num(0, 80))])),
]);

const fracture = object([
  req('date', date), req('site', oneOf(FRACTURE_SITES)), opt('highEnergy', flag), opt('pathological', flag),
]);

const riskFactors = object([
  opt('parentHipFracture', flag),
  opt('parentOrSiblingOsteoporosis', flag),
  opt('rheumatoidArthritis', flag),
  opt('secondaryOsteoporosisCondition', flag),
  opt('reducedMobility', flag),
  opt('sexHormoneLoweringTherapy', flag),
  opt('currentSmoker', flag),
  opt('alcoholUnitsPerDay', num(0, 100)),
  opt('antiEpileptics', num(0, 20, { int: true })),
  opt('glucocorticoids', object([req('mgPerDay', num(0, 1000)), req('months', num(0, 1200))])),
  opt('insufficientDaylight', flag),
  opt('lifeExpectancyUnderOneYear', flag),
]);

const dxa = object([
  req('date', date),
  req('site', oneOf(DXA_SITES)),
  opt('tScore', num(-10, 10)),
  opt('zScore', num(-10, 10)),
  opt('bmd', num(0, 5, { gt0: true })),
]);

const vfa = object([
  req('date', date),
  req('vertebrae', array(object([
    req('level', oneOf(VERTEBRA_LEVELS)),
    req('grade', oneOf([0, 1, 2, 3, 'not-evaluable'])),
  ]), VERTEBRA_LEVELS.length)),
]);

const labFields = object([
  req('test', oneOf(LAB_TESTS)),
  req('value', finite),
  req('unit', str(1, 40)),
  req('date', date),
  opt('refLow', finite),
  opt('refHigh', finite),
]);
/** The schema's unit refinement: a unit that cannot be converted exactly is invalid. */
const lab: Check = (v) => {
  const r = labFields(v);
  if (r === NOT_SURE) return NOT_SURE;
  const { test, unit } = r as { test: (typeof LAB_TESTS)[number]; unit: string };
  return unitFactor(test, unit) === undefined ? NOT_SURE : r;
};

const falls = object([
  opt('fallsLast12Months', num(0, 1000, { int: true })),
  opt('injuredByFall', flag),
  opt('unableToGetUp', flag),
  opt('lostConsciousness', flag),
  opt('worriedAboutFalling', flag),
  opt('unsteady', flag),
  opt('frail', flag),
  opt('tugSeconds', num(0, 600, { gt0: true })),
  opt('gaitSpeedMps', num(0, 5, { gt0: true })),
]);

const drug = oneOf(DRUGS);
const medication = object([
  req('drug', drug),
  req('start', date),
  opt('end', date),
  opt('route', oneOf(['oral', 'iv', 'sc'])),
  opt('doses', array(date, 2000)),
]);

const safety = object([
  opt('canStayUpright30Min', flag),
  opt('canStayUpright60Min', flag),
  opt('oesophagealDisorder', flag),
  opt('pregnant', flag),
  opt('invasiveDentalTreatmentPlanned', flag),
  opt('dentalCheckDone', flag),
  opt('hipFractureRepairDate', date),
  opt('historyMyocardialInfarctionOrStroke', flag),
  opt('venousThromboembolismHistory', flag),
  opt('skeletalRadiotherapy', flag),
  opt('skeletalMalignancy', flag),
  opt('osteomalaciaSymptoms', flag),
]);

const child = object([
  req('mobility', oneOf(MOBILITY)),
  opt('standingMinutesPerDay', num(0, 1440)),
  opt('movementMinutesPerDay', num(0, 1440)),
  opt('lastAidsCheck', date),
  opt('heightCmAtLastAidsCheck', num(0, 260, { gt0: true })),
  opt('indoorsMostly', flag),
]);

const caseCheck = object([
  req('asOf', date),
  req('person', person),
  opt('fractures', array(fracture, 200)),
  opt('riskFactors', riskFactors),
  opt('dxa', array(dxa, 500)),
  opt('vfa', vfa),
  opt('labs', array(lab, 2000)),
  opt('falls', falls),
  opt('fesI', array(num(1, 4, { int: true }), 7, 7)),
  opt('calcium', object([req('servings', partialRecord(CALCIUM_ITEMS, num(0, 50)))])),
  opt('medications', array(medication, 100)),
  opt('plannedMedications', array(object([req('drug', drug), req('from', date)]), 100)),
  opt('contacts', array(object([req('kind', oneOf(CONTACT_KINDS)), req('date', date)]), 500)),
  opt('frax', object([
    req('date', date),
    req('majorPercent', num(0, 100)),
    req('hipPercent', num(0, 100)),
    req('withBmd', bool),
  ])),
  opt('workupWaived', object([
    req('reason', oneOf(['life-expectancy', 'nursing-home', 'declined'])),
    req('by', str(1, 200)),
    req('date', date),
  ])),
  opt('safety', safety),
  opt('child', child),
]);

/** The parsed Case when `json` is certainly valid, else NOT_SURE (then zod decides). */
export function fastCase(json: unknown): Case | typeof NOT_SURE {
  return caseCheck(json) as Case | typeof NOT_SURE;
}
