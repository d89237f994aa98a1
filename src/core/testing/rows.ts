// Runs table-driven rows (`*.cases.ts`): each row is a case, the code it concerns and what the
// conclusion must be (or that it must be absent), citing its section of clinical-rules.md.
import { expect, it } from 'vitest';
import type { Case } from '../case.schema.js';
import { Settings, type SettingsInput } from '../settings.js';
import type { Rule, Severity } from '../rule.js';
import { evaluate } from '../evaluate.js';

export interface Row {
  /** Section of clinical-rules.md, e.g. "§3". */
  spec: string;
  name: string;
  input: Case;
  settings?: SettingsInput;
  code: string;
  /** `'absent'`: the rule must not conclude this code. Otherwise compared with toEqual. */
  value: unknown;
  severity?: Severity;
  /** Paths that must be reported as missing. */
  missing?: string[];
  /** Substrings that the clinician or patient explanation must contain (per language). */
  mentions?: { lang: 'nl' | 'en'; who: 'patient' | 'clinician'; text: string }[];
}

export function runRows(rows: readonly Row[], rules: readonly Rule[]): void {
  for (const row of rows) {
    it(`${row.spec} ${row.name}`, () => {
      const s = Settings.parse(row.settings ?? {});
      const found = evaluate(row.input, s, 'nl', rules).conclusions.filter((c) => c.code === row.code);
      if (row.value === 'absent') {
        expect(found).toEqual([]);
        return;
      }
      expect(found).toHaveLength(1);
      const c = found[0]!;
      expect(c.value).toEqual(row.value);
      if (row.severity) expect(c.severity).toBe(row.severity);
      for (const m of row.missing ?? []) expect(c.missing).toContain(m);
      for (const m of row.mentions ?? []) {
        const text = evaluate(row.input, s, m.lang, rules).conclusions.find((x) => x.code === row.code)!.explanation[m.who];
        expect(text).toContain(m.text);
      }
    });
  }
}
