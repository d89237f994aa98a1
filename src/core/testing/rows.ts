// The one row runner. Every stage keeps its table of rows in `*.cases.ts`: each row names its
// section of clinical-rules.md and what it pins, gives a case built with `makeCase` (testing/
// builder.ts) and says what the conclusion with `code` must be, or that there is none. Rows run
// through evaluate() with the stage's rules, so they see exactly what the CLI and the API see.
import { expect, it } from 'vitest';
import type { Case } from '../case.schema.js';
import { Settings, type SettingsInput } from '../settings.js';
import type { Conclusion, Rule, Severity } from '../rule.js';
import type { CriterionResult } from '../reader.js';
import { evaluate } from '../evaluate.js';

export interface Row {
  /** Section of clinical-rules.md and, when `name` is absent, what the row pins: "§3 T −1.0 is normal". */
  spec: string;
  name?: string;
  code: string;
  input: Case;
  settings?: SettingsInput;
  /** Picks one conclusion when the code comes once per drug or course, e.g. `{ drug: 'denosumab' }`. */
  where?: Record<string, unknown>;
  /** `'absent'`: no such conclusion. Otherwise the value exactly (toEqual). */
  value?: unknown;
  /** The value in part (toMatchObject); `null` demands null. */
  like?: unknown;
  severity?: Severity;
  /** Paths that must be reported as missing. */
  missing?: string[];
  /** Paths (case paths, `settings.*`, `derived.*`) that must be reported as used. */
  used?: string[];
  /** Criteria that must be reported with these results. */
  criteria?: Record<string, CriterionResult>;
  /** Text that the Dutch clinician or patient explanation must contain. */
  explains?: string;
  /** Substrings that an explanation must contain, per language and audience. */
  mentions?: { lang: 'nl' | 'en'; who: 'patient' | 'clinician'; text: string }[];
}

function matches(c: Conclusion, where: Record<string, unknown> | undefined): boolean {
  if (where === undefined) return true;
  const v = c.value as Record<string, unknown> | null;
  return v !== null && Object.entries(where).every(([k, x]) => v[k] === x);
}

function pick(row: Row, lang: 'nl' | 'en', rules: readonly Rule[]): Conclusion[] {
  const s = Settings.parse(row.settings ?? {});
  return evaluate(row.input, s, lang, rules).conclusions.filter((c) => c.code === row.code && matches(c, row.where));
}

export function runRows(rows: readonly Row[], rules: readonly Rule[]): void {
  for (const row of rows) {
    it(row.name === undefined ? row.spec : `${row.spec} ${row.name}`, () => {
      const found = pick(row, 'nl', rules);
      if (row.value === 'absent') {
        expect(found).toEqual([]);
        return;
      }
      expect(found).toHaveLength(1);
      const c = found[0] as Conclusion;
      if (row.value !== undefined) expect(c.value).toEqual(row.value);
      if (row.like === null) expect(c.value).toBeNull();
      else if (row.like !== undefined) expect(c.value).toMatchObject(row.like as object);
      if (row.severity) expect(c.severity).toBe(row.severity);
      for (const m of row.missing ?? []) expect(c.missing).toContain(m);
      for (const u of row.used ?? []) expect(Object.keys(c.used)).toContain(u);
      for (const [id, result] of Object.entries(row.criteria ?? {})) expect(c.criteria).toContainEqual({ id, result });
      // Every conclusion explains itself to both audiences in both languages.
      const en = pick(row, 'en', rules)[0] as Conclusion;
      for (const t of [c.explanation.patient, c.explanation.clinician, en.explanation.patient, en.explanation.clinician]) expect(t.length).toBeGreaterThan(0);
      if (row.explains !== undefined) expect(`${c.explanation.clinician} ${c.explanation.patient}`).toContain(row.explains);
      for (const m of row.mentions ?? []) expect((m.lang === 'nl' ? c : en).explanation[m.who]).toContain(m.text);
    });
  }
}
