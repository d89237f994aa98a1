// A compact way to write test cases: a valid default person on the reference date, with the
// fields each test cares about laid over it. Parsed through the Case schema so a test can never
// feed a rule a shape the CLI would reject.
import { Case } from '../case.schema.js';
import type { z } from 'zod';
import { DEFAULT_SETTINGS, Settings } from '../settings.js';
import type { Finding, Rule } from '../rule.js';
import { Reader } from '../reader.js';
import { normalizeLabs } from '../laboratory/picture.js';

export type CaseInput = z.input<typeof Case>;
type PersonInput = CaseInput['person'];

export const REFERENCE_DATE = '2026-11-23';

export interface CaseOverrides extends Omit<Partial<CaseInput>, 'person'> {
  person?: Partial<PersonInput>;
}

/** A 70-year-old postmenopausal woman on 2026-11-23, unless overridden. */
export function makeCase(o: CaseOverrides = {}): Case {
  const { person, ...rest } = o;
  return Case.parse({
    asOf: REFERENCE_DATE,
    ...rest,
    person: { birthDate: '1956-06-15', sex: 'female', menopause: { status: 'post' }, ...person },
  });
}

/** A birth date that makes the person exactly `years` old on `asOf` (birthday on that day). */
export function bornYearsBefore(years: number, asOf: string = REFERENCE_DATE): string {
  const y = Number(asOf.slice(0, 4)) - years;
  return `${String(y).padStart(4, '0')}${asOf.slice(4)}`;
}

export function run(rule: Rule, c: Case, settings: Partial<Settings> = {}): readonly Finding[] {
  return rule.evaluate(new Reader(normalizeLabs(c), Settings.parse({ ...DEFAULT_SETTINGS, ...settings })));
}

/** The single finding with `code`, failing loudly when there is none or more than one. */
export function only(findings: readonly Finding[], code: string): Finding {
  const hits = findings.filter((f) => f.code === code);
  if (hits.length !== 1) throw new Error(`expected exactly one ${code}, got ${hits.length}`);
  return hits[0]!;
}
