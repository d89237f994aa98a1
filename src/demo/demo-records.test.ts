// The demo records hold only facts the core accepts, on whatever day the demo set is loaded, and
// each tells the story it is there for.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Case } from '../core/case.schema.js';
import { entrySchema } from '../core/record/entries.js';
import { projectCase } from '../core/record/projection.js';
import { evaluate } from '../core/evaluate.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { addDays } from '../core/time/date.js';
import { DEMO_PATIENTS } from './demo-data.js';
import { DEMO_RECORDS } from './demo-records.js';

const person = (i: number) => {
  const p = DEMO_PATIENTS[i];
  if (!p) throw new Error(`no demo patient ${String(i)}`);
  return p;
};

describe('the demo records', () => {
  it('pass the core\'s schema for their kind and project to a valid Case on any day they are loaded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (days) => {
        const today = addDays('2026-01-01', days);
        for (const r of DEMO_RECORDS) {
          const entries = r.entries(today);
          for (const e of entries) {
            const checked = entrySchema(today).safeParse(e);
            if (!checked.success) throw new Error(`${person(r.patient).familyName} ${e.kind}: ${JSON.stringify(checked.error.issues)}`);
          }
          expect(Case.safeParse(projectCase(person(r.patient), entries, today)).success).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('give the clinician something to see: osteoporosis on treatment, a recent glucocorticoid course, doses every six months, a late injection', () => {
    const today = '2026-12-07';
    const of = (name: string) => {
      const i = DEMO_PATIENTS.findIndex((p) => p.familyName === name);
      const r = DEMO_RECORDS.find((x) => x.patient === i);
      if (!r) throw new Error(`no demo record for ${name}`);
      return projectCase(person(i), r.entries(today), today);
    };
    const visser = evaluate(of('Visser'), DEFAULT_SETTINGS, 'en');
    expect(visser.conclusions.find((c) => c.code === 'bmd.category')?.value).toMatchObject({ category: expect.stringContaining('osteoporosis') as unknown });
    expect(of('El Amrani').riskFactors?.glucocorticoids).toEqual({ mgPerDay: 10, months: 4 });
    expect(of('Berg').medications?.[0]?.doses).toHaveLength(7);
    // Every demo injection has its place and batch, as the medication page shows them.
    const doses = DEMO_RECORDS.flatMap((r) => r.entries(today)).filter((e) => e.kind === 'medication-dose');
    expect(doses.length).toBeGreaterThan(0);
    for (const d of doses) expect(d.data).toMatchObject({ location: expect.any(String) as string, batch: expect.stringMatching(/^DEMO-DEN-\d+$/) as string });
    expect(of('Meijer').fractures?.[0]?.site).toBe('wrist');
    // The worklist's demo alert: the last denosumab injection eight months back.
    const veld = evaluate(of('Veld'), DEFAULT_SETTINGS, 'en');
    expect(veld.conclusions.some((c) => c.code === 'medication.denosumab-late')).toBe(true);
  });
});
