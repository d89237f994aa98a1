// The one case builder: a valid Case with only what a row needs, so each table row reads as the
// clinical situation it tests. Used by the *.cases.ts tables of every stage and by the tests.
import type { z } from 'zod';
import { Case, type Fracture, type LabResult, type LabTest } from '../case.schema.js';
import { addYears } from '../time/date.js';
import { CANONICAL_UNIT } from '../laboratory/units.js';

export const AS_OF = '2026-11-23';

/** Birth date that makes someone exactly `age` on `on` (their birthday). */
export function bornAged(age: number, on: string = AS_OF): string {
  return addYears(on, -age);
}

/** Case fields as the CLI accepts them (lab units in any accepted spelling), person fields one by one. */
type CaseInput = z.input<typeof Case>;
export type CaseOverrides = Omit<Partial<CaseInput>, 'person'> & { person?: Partial<CaseInput['person']> };

/** A 70-year-old postmenopausal woman on AS_OF with nothing else recorded, plus the overrides. */
export function makeCase(o: CaseOverrides = {}): Case {
  const { person, ...rest } = o;
  // Parsed, so a row can never feed a rule a shape the CLI would reject.
  return Case.parse({
    asOf: AS_OF,
    ...rest,
    person: { birthDate: bornAged(70), sex: 'female', menopause: { status: 'post' }, ...person },
  });
}

export function fracture(date: string, site: Fracture['site'], extra: Partial<Fracture> = {}): Fracture {
  return { date, site, highEnergy: false, pathological: false, ...extra };
}

export function lab(test: LabTest, value: number, extra: Partial<LabResult> = {}): LabResult {
  return { test, value, unit: CANONICAL_UNIT[test], date: '2026-11-01', ...extra };
}

/** DXA on one date with a T- (and optionally Z-) score per site. */
export function dxa(date: string, scores: { site: 'lumbar-spine' | 'femoral-neck' | 'total-hip'; t?: number; z?: number }[]): NonNullable<Case['dxa']> {
  return scores.map((s) => ({
    date, site: s.site,
    ...(s.t !== undefined ? { tScore: s.t } : {}),
    ...(s.z !== undefined ? { zScore: s.z } : {}),
  }));
}

/** The full laboratory panel with unremarkable values, for rows that change one test. */
export function normalPanel(date = '2026-11-01'): LabResult[] {
  return [
    lab('calcium', 2.4, { date }), lab('albumin', 40, { date }), lab('egfr', 80, { date }),
    lab('tsh', 1.5, { date }), lab('25-oh-vitamin-d', 60, { date }), lab('pth', 4, { date }),
    lab('alkaline-phosphatase', 80, { date }), lab('m-protein', 0, { date }),
  ];
}
