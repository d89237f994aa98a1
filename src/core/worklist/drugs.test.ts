// The worklist steps of every drug (drugs.cases.ts), and the dose and late-alert dates against an
// independent calendar (Temporal.PlainDate) on generated days, month ends and leap days weighted in.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { Settings } from '../settings.js';
import { CATALOGUE, CATALOGUE_DRUGS, type Route } from '../medication/catalogue.js';
import { makeCase } from '../testing/builder.js';
import { addDays } from '../time/date.js';
import { deriveItems } from './derive.js';
import { NO_LOG } from './derive.cases.js';
import { DRUG_ROWS } from './drugs.cases.js';

const SETTINGS = Settings.parse({});

describe('the worklist steps of each drug', () => {
  for (const row of DRUG_ROWS) {
    it(`${row.drug} (${row.route}) ${row.spec}: ${row.name}`, () => {
      const found = deriveItems(row.input, SETTINGS, { ...NO_LOG, ...row.log }).filter((i) => i.step === row.step && (row.key === undefined || i.key === row.key));
      if (row.item === 'absent') {
        expect(found).toEqual([]);
        return;
      }
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject(row.item);
    });
  }

  it('covers every drug and route of the catalogue: its dose, its pre-dose check and its review', () => {
    for (const drug of CATALOGUE_DRUGS) {
      for (const { route } of CATALOGUE[drug].regimens) {
        const rows = DRUG_ROWS.filter((r) => r.drug === drug && r.route === route);
        expect(rows.some((r) => r.step === 'dose-due'), `${drug} ${route} dose-due`).toBe(true);
        expect(rows.some((r) => r.step === 'review' && r.item !== 'absent'), `${drug} ${route} review`).toBe(true);
        if (drug === 'denosumab' || drug === 'zoledronic-acid') expect(rows.some((r) => r.step === 'pre-dose-check' && r.item !== 'absent'), `${drug} pre-dose-check`).toBe(true);
        else expect(rows.some((r) => r.step === 'pre-dose-check'), `${drug} ${route} pre-dose-check`).toBe(true);
      }
    }
  });
});

// --- Properties: the dates against Temporal.PlainDate, constrained to the month's end. ---
const P = (s: string) => Temporal.PlainDate.from(s);
const plusMonths = (d: string, months: number) => P(d).add({ months }, { overflow: 'constrain' }).toString();
const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// The last days of months and leap days, where calendars disagree.
const edge = fc.tuple(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }))
  .map(([y, m, back]) => P(`${String(y)}-${String(m).padStart(2, '0')}-01`).add({ months: 1 }).subtract({ days: 1 + back }).toString());
const doseDay = fc.oneof(day, edge, fc.constantFrom('2028-02-29', '2024-02-29', '2027-08-31', '2026-01-31'));

/** The injections and infusions the clinic gives, with their interval in months. */
const CLINIC: readonly { drug: 'ibandronic-acid' | 'zoledronic-acid' | 'denosumab' | 'romosozumab'; route: Route; months: number }[] = [
  { drug: 'ibandronic-acid', route: 'iv', months: 3 }, { drug: 'zoledronic-acid', route: 'iv', months: 12 },
  { drug: 'denosumab', route: 'sc', months: 6 }, { drug: 'romosozumab', route: 'sc', months: 1 },
];

describe('dose dates on every day', () => {
  it('puts the next clinic dose the regimen\'s months after the last one, clamped to the month end', () => {
    fc.assert(fc.property(fc.constantFrom(...CLINIC), doseDay, fc.integer({ min: 0, max: 20 }), (k, d, wait) => {
      const c = makeCase({ asOf: addDays(d, wait), medications: [{ drug: k.drug, route: k.route, start: d, doses: [d] }] });
      const items = deriveItems(c, SETTINGS, NO_LOG).filter((i) => i.step === 'dose-due');
      expect(items).toEqual([expect.objectContaining({ key: `dose-due:${k.drug}`, due: plusMonths(d, k.months), overdue: false })]);
    }), { numRuns: 400 });
  });

  it('raises the denosumab late alert from 7 calendar months after the last injection, never a day before', () => {
    fc.assert(fc.property(doseDay, fc.integer({ min: -3, max: 3 }), (d, shift) => {
      const seven = plusMonths(d, 7);
      const asOf = P(seven).add({ days: shift }).toString();
      const c = makeCase({ asOf, medications: [{ drug: 'denosumab', route: 'sc', start: d, doses: [d] }] });
      const alerts = deriveItems(c, SETTINGS, NO_LOG).filter((i) => i.step === 'alert' && i.reasons.includes('medication.denosumab-late'));
      if (shift < 0) expect(alerts).toEqual([]);
      else expect(alerts).toEqual([expect.objectContaining({ key: `alert:medication.denosumab-late:${plusMonths(d, 6)}`, due: plusMonths(d, 6), priority: 'high' })]);
    }), { numRuns: 400 });
  });
});
