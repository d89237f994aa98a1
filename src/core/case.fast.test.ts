// The fast Case check (case.fast.ts) must never accept what the zod schema rejects, and must build
// exactly zod's parsed object (same keys, same order, same values) when it accepts.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Case } from './case.schema.js';
import { fastCase, NOT_SURE } from './case.fast.js';
import { checkCase, checkSettings } from './evaluate.js';
import { Settings } from './settings.js';
import { arbCase } from './testing/arbitraries.js';

const full = JSON.parse(readFileSync(new URL('../../bench/full-case.json', import.meta.url), 'utf8')) as unknown;

/** Agrees with zod: not sure, or zod accepts too and parses to the same JSON. */
function agrees(input: unknown): 'fast' | 'zod' {
  const fast = fastCase(input);
  const z = Case.safeParse(input);
  if (fast === NOT_SURE) return 'zod';
  expect(z.success).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(z.data));
  expect(fast).toStrictEqual(z.data);
  return 'fast';
}

const KEYS = [
  'asOf', 'person', 'birthDate', 'sex', 'weightKg', 'heightCm', 'menopause', 'status', 'ageAtMenopause',
  'fractures', 'date', 'site', 'highEnergy', 'pathological', 'riskFactors', 'alcoholUnitsPerDay',
  'antiEpileptics', 'glucocorticoids', 'mgPerDay', 'months', 'dxa', 'tScore', 'zScore', 'bmd', 'vfa',
  'vertebrae', 'level', 'grade', 'labs', 'test', 'value', 'unit', 'refLow', 'refHigh', 'falls',
  'fallsLast12Months', 'tugSeconds', 'gaitSpeedMps', 'fesI', 'calcium', 'servings', 'milk-glass',
  'cheese-slice', 'medications', 'drug', 'start', 'end', 'route', 'doses', 'plannedMedications', 'from',
  'contacts', 'kind', 'frax', 'majorPercent', 'hipPercent', 'withBmd', 'workupWaived', 'reason', 'by',
  'safety', 'pregnant', 'hipFractureRepairDate', 'child', 'mobility', 'standingMinutesPerDay',
  'heightCmAtLastAidsCheck', 'lastAidsCheck', 'unknownKey', '__proto__', 'constructor', '0',
];
const DELETE = Symbol('delete');
const VALUES: unknown[] = [
  DELETE, null, true, false, 0, -0, 1, -1, 0.5, 2, 3, 4, 5, 7, 10, 10.5, 12, 20, 30, 40, 50, 80, 80.5, 100,
  100.01, 101, 200, 260, 260.1, 400, 400.5, 600, 1000, 1001, 1200, 1440, 1441, 2000, 1e308, -1e-9, 2 ** 53,
  '', 'x', 'a'.repeat(40), 'a'.repeat(41), 'a'.repeat(201), '2024-02-29', '2023-02-29', '2026-13-01',
  '2026-1-01', '2026-11-23', '0000-01-01', '2026-11-23T00:00', 'mmol/L', 'mmol/l', 'nmol/L', 'µg/L', 'g/L',
  'hip', 'wrist', 'female', 'male', 'pre', 'post', 'oral', 'iv', 'not-evaluable', 'T4', 'L5', 'milk-glass',
  'teriparatide', 'calcium', 'egfr', 'yearly', 'declined', 'wheelchair', 'total-hip', [], {}, [1, 2, 3, 4, 1, 2, 3],
  [1, 2, 3], ['2026-01-01'], [{}], { status: 'post' }, { mgPerDay: 5, months: 3 },
];

/** Every object and array in a JSON tree, the root first. */
function nodes(x: unknown, out: unknown[] = []): unknown[] {
  if (typeof x === 'object' && x !== null) {
    out.push(x);
    for (const v of Object.values(x)) nodes(v, out);
  }
  return out;
}

/** Damages a JSON copy of a case: at a chosen node, sets (or deletes) a key or an element. */
function damage(c: unknown, edits: ReadonlyArray<[number, number, number]>): unknown {
  const copy = JSON.parse(JSON.stringify(c)) as unknown;
  for (const [n, k, v] of edits) {
    const all = nodes(copy);
    const node = all[n % all.length] as Record<string, unknown> | unknown[];
    let value = VALUES[v % VALUES.length];
    if (typeof value === 'object' && value !== null) value = structuredClone(value); // no shared nodes
    if (Array.isArray(node)) {
      const i = node.length === 0 ? 0 : k % (node.length + 1);
      if (value === DELETE) node.splice(i, 1);
      else node[i] = value;
    } else {
      // Half the edits change a key the node has (often still valid), half any key of the schema.
      const own = Object.keys(node);
      const key = (k % 2 === 0 && own.length > 0 ? own[(k >> 1) % own.length] : KEYS[(k >> 1) % KEYS.length]) as string;
      // Every other edit keeps the value's type (a boundary number, another date or code).
      const now = node[key];
      if (v % 2 === 0 && now !== undefined) {
        const same = VALUES.filter((x) => typeof x === typeof now && Array.isArray(x) === Array.isArray(now));
        if (same.length > 0) value = structuredClone(same[(v >> 1) % same.length]);
      }
      if (value === DELETE) delete node[key];
      else Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy;
}

describe('fast Case check', () => {
  it('accepts the bench case and every generated case, parsing them exactly as zod does', () => {
    expect(agrees(full)).toBe('fast');
    fc.assert(fc.property(arbCase, (c) => {
      expect(agrees(JSON.parse(JSON.stringify(c)))).toBe('fast');
    }), { numRuns: 1000 });
  });

  it('never accepts a damaged case zod rejects, and parses an accepted one as zod does', () => {
    let fast = 0;
    let zod = 0;
    fc.assert(fc.property(
      arbCase,
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 2 }),
      (c, edits) => {
        if (agrees(damage(c, edits)) === 'fast') fast++;
        else zod++;
      },
    ), { numRuns: 8000 });
    // Both outcomes are exercised.
    expect(fast).toBeGreaterThan(200);
    expect(zod).toBeGreaterThan(100);
  });

  it('leaves objects it does not fully understand to zod, with the same verdict', () => {
    const base = JSON.parse(JSON.stringify(full)) as Record<string, unknown>;
    const cases: unknown[] = [
      Object.assign(Object.create(null) as object, base),
      { ...base, riskFactors: undefined },
      { ...base, fractures: [undefined] },
      null, [], 'case', 1,
    ];
    for (const input of cases) {
      expect(fastCase(input)).toBe(NOT_SURE);
      const z = Case.safeParse(input);
      const r = checkCase(input);
      expect(r.ok).toBe(z.success);
      if (!r.ok && !z.success) expect(r.issues).toEqual(z.error.issues);
    }
  });
});

describe('checkSettings without settings', () => {
  it('gives zod\'s defaults, a fresh object every time', () => {
    const z = Settings.parse({});
    const seen = new Set<unknown>();
    for (const input of [undefined, null, {}, {}]) {
      const r = checkSettings(input);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(JSON.stringify(r.value)).toBe(JSON.stringify(z));
      expect(r.value).toStrictEqual(z);
      expect(seen.has(r.value) || seen.has(r.value.calciumPerServingMg)).toBe(false);
      seen.add(r.value).add(r.value.calciumPerServingMg);
    }
    expect(checkSettings(Object.create(null)).ok).toBe(Settings.safeParse(Object.create(null)).success);
    expect(checkSettings([]).ok).toBe(Settings.safeParse([]).success);
  });
});

describe('fast Case check without generated code', () => {
  it('falls back to the plain loop with the same answers when code cannot be generated', async () => {
    vi.resetModules();
    vi.stubGlobal('Function', function noEval() { throw new EvalError('code generation disallowed'); });
    try {
      const loop = await import('./case.fast.js');
      expect(loop.fastCase).not.toBe(fastCase);
      fc.assert(fc.property(arbCase, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 2 }), (c, edits) => {
        const input = damage(c, edits);
        const a = loop.fastCase(input);
        const b = fastCase(input);
        expect(a === loop.NOT_SURE).toBe(b === NOT_SURE);
        if (a !== loop.NOT_SURE) expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }), { numRuns: 1000 });
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
