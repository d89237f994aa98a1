// The case reader: the one way a rule reads the case, so the engine, not the rule, records what was
// read. Every read names a typed field of the Case (`r.read(F['falls.tugSeconds'])`, fields.ts: a
// typo or a path the Case does not have is a compile error, and the value's type follows the path);
// the reader files the value under `used`, or the path under `missing` when it is absent.
// A value the core works out from the case (the NHG score, the BMD category) is filed under a
// `derived.` name, apart from case paths. Each criterion a rule checks is filed with its result,
// met / not-met / unknown: unknown is a result of its own, never a default.
//
// Cheap by design, because every rule of every evaluation gets one: a plain object for `used`, a
// lazily made array for the rest, one getter function per field, criteria and derived paths made
// once per file (`criteria([...])`, `D[...]`) so a record is a store or a push, no Proxy, no lookup.
import type { Case, LabResult, LabTest, Medication } from './case.schema.js';
import type { Settings } from './settings.js';
import { sortText } from './sort.js';

// ---- typed paths ------------------------------------------------------------------------------

type Key<T> = keyof T & string;
type Elem<T> = T extends readonly (infer E)[] ? E : never;

/** Dotted paths of a case's fields down to (and including) lists, e.g. `falls.tugSeconds`, `fractures`. */
type FieldPaths<T> = {
  [K in Key<T>]-?: NonNullable<T[K]> extends readonly unknown[]
    ? K
    : NonNullable<T[K]> extends Record<string, unknown>
      ? K | `${K}.${FieldPaths<NonNullable<T[K]>>}`
      : K;
}[Key<T>];

/** The value at a field path. */
export type At<T, P extends string> = P extends `${infer K}.${infer R}`
  ? K extends Key<T> ? At<NonNullable<T[K]>, R> : never
  : P extends Key<T> ? T[P] : never;

/** Paths into list elements: `fractures.highEnergy` (any element), `medications.0.start` (one). */
type ElementPaths<T> = {
  [K in Key<T>]-?: NonNullable<T[K]> extends readonly unknown[]
    ? Elem<NonNullable<T[K]>> extends Record<string, unknown>
      ? `${K}.${Key<Elem<NonNullable<T[K]>>>}` | `${K}.${number}` | `${K}.${number}.${Key<Elem<NonNullable<T[K]>>>}`
      : `${K}.${number}`
    : NonNullable<T[K]> extends Record<string, unknown>
      ? `${K}.${ElementPaths<NonNullable<T[K]>>}`
      : never;
}[Key<T>];

export type FieldPath = FieldPaths<Case>;
/** A field of the Case: its dotted path and the function that reads it (all of them: fields.ts). */
export interface Field<P extends FieldPath> {
  readonly path: P;
  readonly get: (c: Case) => At<Case, P> | undefined;
}
/** Labs are a list, but a rule reads them by test: `labs.egfr`, `labs.egfr.date` (§1). */
export type LabPath = `labs.${LabTest}` | `labs.${LabTest}.${'date' | 'refLow' | 'refHigh'}`;
/** Every dotted case path a rule can report. */
export type CasePath = FieldPath | ElementPaths<Case> | LabPath | `contacts.${NonNullable<Case['contacts']>[number]['kind']}`;
export type SettingPath = `settings.${Key<Settings>}`;

/**
 * Values the core derives from the case and that rules report as such (`derived.<name>`). Each
 * name is listed here once, so the catalogue can say which rule reports which.
 */
export const DERIVED = [
  'age', 'nhg-score', 'bmd-category', 'lowest-t-score', 'score-type', 'qualifying-fracture',
  'vertebral-fracture', 'medication-indicated', 'secondary-causes', 'corrected-calcium',
  'osteomalacia-suspected', 'treatment-start', 'fractures-on-treatment', 'recent-fracture',
  'onset-date', 'onset-age', 'index-fracture', 'last-dose', 'exposure-reached', 'grown-cm', 'bmi',
  'vfa-grades', 'dxa-indicated', 'age-at-measurement', 'last-measurement',
] as const;
export type DerivedName = (typeof DERIVED)[number];
/** A derived value's reported path; rules name it `D['nhg-score']` (a constant key: no lookup per use). */
export type DerivedPath = `derived.${DerivedName}`;
export const D: { readonly [K in DerivedName]: `derived.${K}` } = Object.freeze(
  Object.fromEntries(DERIVED.map((d) => [d, `derived.${d}`])) as { [K in DerivedName]: `derived.${K}` },
);

// ---- the value at a dotted path, by walking it (tests compare the field getters with this) ------

type Getter = (c: Case) => unknown;
const GETTERS = new Map<string, Getter>();

function compile(path: string): Getter {
  const parts = path.split('.');
  const [a, b, d] = parts as [string, string | undefined, string | undefined];
  const o = (x: unknown) => x as Record<string, unknown> | undefined;
  // Up to three steps (most paths) unrolled; deeper ones (`exercise.measurements.0.sppb`) walked.
  const g: Getter = parts.length > 3 ? (c) => parts.reduce<unknown>((x, k) => o(x)?.[k], c)
    : b === undefined ? (c) => o(c)?.[a]
      : d === undefined ? (c) => o(o(c)?.[a])?.[b]
        : (c) => o(o(o(c)?.[a])?.[b])?.[d];
  GETTERS.set(path, g);
  return g;
}

/** The value at a dotted field path (also used by tests to check what a reader reported). */
export function valueAt(c: Case, path: string): unknown {
  return (GETTERS.get(path) ?? compile(path))(c);
}

// ---- criteria ---------------------------------------------------------------------------------

export type CriterionResult = 'met' | 'not-met' | 'unknown';
export interface Criterion {
  readonly id: string;
  readonly result: CriterionResult;
}
/** A criterion's three results as shared frozen objects: met, not-met, unknown. */
export type Crit = readonly [Criterion, Criterion, Criterion];

/**
 * The criteria of a rule file, made once: `const C = criteria(['screen-positive', ...])`, then
 * `r.check(C['screen-positive'], met)` files a shared object, with no lookup and no allocation.
 */
export function criteria<const T extends readonly string[]>(ids: T): { readonly [K in T[number]]: Crit } {
  const out: Record<string, Crit> = {};
  for (const id of ids) {
    out[id] = Object.freeze([
      Object.freeze({ id, result: 'met' as const }),
      Object.freeze({ id, result: 'not-met' as const }),
      Object.freeze({ id, result: 'unknown' as const }),
    ] as const);
  }
  return out as { readonly [K in T[number]]: Crit };
}

/** Met over unknown over not-met, when one criterion is checked twice (e.g. once per fracture). */
function stronger(x: Criterion, than: Criterion): boolean {
  return x.result === 'met' ? than.result !== 'met' : x.result === 'unknown' && than.result === 'not-met';
}

/** The one shared, frozen empty list (most conclusions have nothing missing). */
export const NO_PATHS: readonly string[] = Object.freeze([]);
export const NO_CRITERIA: readonly Criterion[] = Object.freeze([]);

// ---- the reader -------------------------------------------------------------------------------

export class Reader {
  /** Paths read and their values: case paths, `settings.*` and `derived.*`. */
  declare readonly used: Record<string, unknown>;
  /** Absent paths, in reading order; made on the first one. */
  private declare absent: string[] | undefined;
  /** The criteria checked, in order. */
  private declare checked: Criterion[] | undefined;

  declare readonly case: Case;
  declare readonly settings: Settings;

  // Plain assignments in one order (fields are `declare`d, not defined one by one): every reader
  // gets the same hidden class, and a rule's reader costs one small allocation.
  constructor(c: Case, settings: Settings) {
    this.case = c;
    this.settings = settings;
    this.used = {};
    this.absent = undefined;
    this.checked = undefined;
  }

  /** A fresh reader of the same case, for one of several findings with their own provenance. */
  fork(): Reader {
    return new Reader(this.case, this.settings);
  }

  /** Reads a case field (`F['falls.tugSeconds']`); absent: filed as missing. */
  read<P extends FieldPath>(f: Field<P>): At<Case, P> | undefined {
    const v = f.get(this.case);
    if (v === undefined) (this.absent ??= []).push(f.path);
    else this.used[f.path] = v;
    return v;
  }

  /**
   * Files a value the rule took from a list element or a lab under its path (`medications.0.start`,
   * `labs.egfr`); undefined: filed as missing. The value must be the case's own, read there.
   */
  note<T>(path: CasePath, value: T | undefined): T | undefined {
    if (value === undefined) (this.absent ??= []).push(path);
    else this.used[path] = value;
    return value;
  }

  /** One field of a medication record, filed as `medications.<index>.<field>`. */
  med<F extends Key<Medication>>(index: number, m: Medication, field: F): Medication[F] {
    const v = m[field];
    const p = medicationPath(index, field);
    if (v === undefined) (this.absent ??= []).push(p);
    else this.used[p] = v;
    return v;
  }

  /** The most recent result of a lab test as the laboratory picture has it, filed as `labs.<test>`. */
  lab(test: LabTest, r: LabResult | undefined): LabResult | undefined {
    const p = labPath(test);
    if (r === undefined) (this.absent ??= []).push(p);
    else this.used[p] = r.value;
    return r;
  }

  /** A path that is absent and could change the answer, without a value to read. */
  miss(path: CasePath): void {
    (this.absent ??= []).push(path);
  }

  /** An organisation setting, filed as `settings.<key>`. */
  setting<K extends Key<Settings>>(key: K): Settings[K] {
    const v = this.settings[key];
    this.used[settingPath(key)] = v;
    return v;
  }

  /** A value the core derived from the case, filed as `derived.<name>`. */
  derived<T>(path: DerivedPath, value: T): T {
    this.used[path] = value;
    return value;
  }

  /** Takes over everything another reader recorded (a memoised computation that is this rule's whole answer). */
  adopt(other: Reader, criteria = true): void {
    Object.assign(this.used, other.used);
    if (other.absent !== undefined) for (const p of other.absent) (this.absent ??= []).push(p);
    if (criteria && other.checked !== undefined) {
      const list = (this.checked ??= []);
      for (const x of other.checked) {
        const i = list.findIndex((y) => y.id === x.id);
        if (i < 0) list.push(x);
        else if (stronger(x, list[i] as Criterion)) list[i] = x;
      }
    }
  }

  /** Hands on what a derived value's computation (its own reader) found missing. */
  take(other: Reader): void {
    const m = other.absent;
    if (m === undefined) return;
    const a = (this.absent ??= []);
    for (const p of m) if (!(p in other.used)) a.push(p);
  }

  /**
   * Files the result of one criterion: true met, false not met, undefined unknown (the facts that
   * decide it are absent). Returns whether it was met. Checked twice (e.g. once per fracture), the
   * strongest result counts: met over unknown over not-met.
   */
  check(k: Crit, result: boolean | undefined): boolean {
    const x = result === true ? k[0] : result === false ? k[1] : k[2];
    const list = this.checked;
    if (list === undefined) {
      this.checked = [x];
      return result === true;
    }
    for (let i = 0; i < list.length; i++) {
      const y = list[i] as Criterion;
      if (y.id === x.id) {
        if (stronger(x, y)) list[i] = x;
        return result === true;
      }
    }
    list.push(x);
    return result === true;
  }

  /**
   * Files a criterion's result for a rule whose checks have distinct ids by construction (one list
   * per drug), as one of its shared objects: no search.
   */
  checkDistinct(x: Criterion): void {
    (this.checked ??= []).push(x);
  }

  /** How many absent paths have been found so far (a check compares before and after). */
  get absentCount(): number {
    return this.absent?.length ?? 0;
  }

  /** The criteria checked, in the order first checked. */
  get criteria(): readonly Criterion[] {
    return this.checked ?? NO_CRITERIA;
  }

  /** Absent paths that were not also read with a value, sorted and once each. */
  get missing(): readonly string[] {
    const a = this.absent;
    if (a === undefined) return NO_PATHS;
    let out: string[] | undefined;
    for (const p of a) {
      if (p in this.used) continue;
      if (out === undefined) out = [p];
      else if (!out.includes(p)) out.push(p);
    }
    return out === undefined ? NO_PATHS : sortText(out);
  }

  /** The missing paths in the order they were first found absent (to name them in a sentence). */
  get missingInOrder(): readonly string[] {
    const out: string[] = [];
    for (const p of this.absent ?? NO_PATHS) if (!(p in this.used) && !out.includes(p)) out.push(p);
    return out;
  }

}

// ---- path tables (one string per path, made once) ---------------------------------------------
// A path put together on each read is a new string the engine must hash before it can be a
// property name; a table entry is not.

const SETTING_PATH: Record<string, string> = {};
function settingPath(key: string): string {
  return SETTING_PATH[key] ??= `settings.${key}`;
}

const LAB_PATH = new Map<string, `labs.${LabTest}`>();
/** `labs.<test>`. */
export function labPath(t: LabTest): `labs.${LabTest}` {
  let p = LAB_PATH.get(t);
  if (p === undefined) LAB_PATH.set(t, (p = `labs.${t}`));
  return p;
}

const RECORDS = 100;
const MEDICATION_PATHS: readonly Readonly<Record<string, string>>[] = Array.from({ length: RECORDS }, (_, i) => ({
  drug: `medications.${i}.drug`, route: `medications.${i}.route`, start: `medications.${i}.start`,
  end: `medications.${i}.end`, doses: `medications.${i}.doses`,
}));
/** `medications.<index>.<field>`. */
export function medicationPath(index: number, field: Key<Medication>): CasePath {
  return (MEDICATION_PATHS[index]?.[field] ?? `medications.${index}.${field}`) as CasePath;
}
const PLANNED_PATHS: readonly string[] = Array.from({ length: RECORDS }, (_, i) => `plannedMedications.${i}`);
/** `plannedMedications.<index>`. */
export function plannedPath(index: number): CasePath {
  return (PLANNED_PATHS[index] ?? `plannedMedications.${index}`) as CasePath;
}
