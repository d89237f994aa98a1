// Runs table-driven rule cases: each row names its spec section, gives a case (over the default
// person) and what the rule must conclude. Shared by the stage tests so every table reads the same.
import { expect } from 'vitest';
import type { Finding, Rule, Severity } from '../rule.js';
import type { Settings } from '../settings.js';
import { bilingual } from '../explain.js';
import type { CaseOverrides } from './case-builder.js';
import { makeCase, run } from './case-builder.js';

export interface Expectation {
  /** Partial match on the value (toMatchObject); `null` demands value null. */
  value?: unknown;
  severity?: Severity;
  /** Paths that must be listed as missing. */
  missing?: string[];
  /** Text that must appear in the clinician explanation (both languages checked for nl). */
  explains?: string;
}

export interface RuleRow {
  /** The spec section and the boundary it pins, e.g. "§7 eGFR 34 blocks alendronic acid". */
  spec: string;
  rule: Rule;
  code: string;
  given: CaseOverrides;
  settings?: Partial<Settings>;
  /** Picks one finding when the rule emits several with this code (e.g. one per drug). */
  where?: Record<string, unknown>;
  /** `'none'`: no finding with this code (and `where`) may be emitted. */
  expect: Expectation | 'none';
}

function matches(f: Finding, where: Record<string, unknown> | undefined): boolean {
  if (where === undefined) return true;
  const v = f.value as Record<string, unknown> | null;
  return v !== null && Object.entries(where).every(([k, x]) => v[k] === x);
}

export function checkRow(row: RuleRow): void {
  const findings = run(row.rule, makeCase(row.given), row.settings);
  const hits = findings.filter((f) => f.code === row.code && matches(f, row.where));
  if (row.expect === 'none') {
    expect(hits).toEqual([]);
    return;
  }
  expect(hits).toHaveLength(1);
  const f = hits[0]!;
  const e = row.expect;
  if (e.value === null) expect(f.value).toBeNull();
  else if (e.value !== undefined) expect(f.value).toMatchObject(e.value as object);
  if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
  for (const m of e.missing ?? []) expect(f.reads.missing).toContain(m);
  const x = bilingual(f.explanation);
  if (e.explains !== undefined) expect(`${x.clinician.nl} ${x.patient.nl}`).toContain(e.explains);
  // Every finding carries both languages for both audiences.
  for (const t of [x.patient.nl, x.patient.en, x.clinician.nl, x.clinician.en]) {
    expect(t.length).toBeGreaterThan(0);
  }
}
