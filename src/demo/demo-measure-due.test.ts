// The demo's exercise therapy and measurements are records the store would take (each entry's data
// against its kind's schema) and say what the demo promises: Anna's next measurement planned,
// Sanne's due now after her therapy ended (clinical-rules.md §13 measure.due).
import { describe, expect, it } from 'vitest';
import { ENTRY_DATA } from '../core/record/entries.js';
import { projectCase } from '../core/record/projection.js';
import { evaluate } from '../core/evaluate.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { RULES } from '../core/registry.js';
import { DEMO_MEASURED } from './demo-measure-due.js';
import { DEMO_PATIENTS } from './demo-data.js';

const today = '2026-12-07';

describe('the demo measurements', () => {
  it('are valid entries of their kinds', () => {
    for (const d of DEMO_MEASURED) for (const e of d.entries(today)) expect(ENTRY_DATA[e.kind].safeParse(e.data).success, `${d.patient.familyName} ${e.kind} ${e.date}`).toBe(true);
  });

  it.each([['Vries', 'planned', false], ['Meijer', 'due', true]] as const)('give %s a next measurement that is %s', (familyName, status, ended) => {
    const d = DEMO_MEASURED.find((x) => x.patient.familyName === familyName);
    const person = DEMO_PATIENTS.find((p) => p.familyName === familyName);
    if (!d || !person) throw new Error(`no demo ${familyName}`);
    const c = projectCase({ birthDate: person.birthDate, sex: person.sex }, d.entries(today).map((e) => ({ ...e, source: 'clinician' as const })), today);
    const due = evaluate(c, DEFAULT_SETTINGS, 'nl', RULES.filter((r) => r.id === 'measure.due')).conclusions.find((k) => k.code === 'measure.due');
    expect((due?.value as { status?: string } | null)?.status).toBe(status);
    expect(c.exercise?.therapyEnd !== undefined).toBe(ended);
  });
});
