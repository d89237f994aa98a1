// The worklist's table (derive.cases.ts) and the properties every derivation keeps: one item per
// key, real dates, the same answer for the same input, a closed step staying closed as the days
// pass, nothing at all once care has ended.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Case } from '../case.schema.js';
import { Settings } from '../settings.js';
import { arbCase, arbDateNear } from '../testing/arbitraries.js';
import { addDays, compareDates, isIsoDate, maxDate } from '../time/date.js';
import { deriveItems, type DerivedItem, type PathwayLog } from './derive.js';
import { ITEM_ROWS, NO_LOG, type ItemCase } from './derive.cases.js';
import { INVITATION_EVENTS, VISIT_KINDS, VISIT_STATUSES, WORKLIST_STEPS } from './lists.js';

function derived(row: ItemCase): DerivedItem[] {
  return deriveItems(row.input, Settings.parse(row.settings ?? {}), { ...NO_LOG, ...row.log });
}

for (const { step, rows } of ITEM_ROWS) {
  describe(`worklist step ${step}`, () => {
    for (const row of rows) {
      it(`${row.spec}: ${row.name}`, () => {
        const found = derived(row).filter((i) => i.step === row.step && (row.key === undefined || i.key === row.key));
        if (row.item === 'absent') {
          expect(found).toEqual([]);
          return;
        }
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject(row.item);
      });
    }
  });
}

describe('the table', () => {
  it('opens every derived step at least once', () => {
    const opened = new Set(ITEM_ROWS.flatMap((g) => g.rows).filter((r) => r.item !== 'absent').map((r) => r.step));
    expect([...opened].sort()).toEqual(WORKLIST_STEPS.filter((s) => s !== 'task').sort());
  });
  it('closes every derived step at least once', () => {
    const closed = new Set(ITEM_ROWS.flatMap((g) => g.rows).filter((r) => r.item === 'absent').map((r) => r.step));
    expect([...closed].sort()).toEqual(WORKLIST_STEPS.filter((s) => s !== 'task').sort());
  });
});

// --- Properties over generated cases and logistics. ---
const arbLog: fc.Arbitrary<PathwayLog> = fc.record({
  invitations: fc.array(fc.record({ event: fc.constantFrom(...INVITATION_EVENTS), date: arbDateNear(-500, 30) }), { maxLength: 4 }),
  visits: fc.array(fc.record({ kind: fc.constantFrom(...VISIT_KINDS), date: arbDateNear(-500, 60), status: fc.constantFrom(...VISIT_STATUSES) }), { maxLength: 3 }),
  assessmentsSigned: fc.array(arbDateNear(-500, 0), { maxLength: 2 }),
  decisionsMade: fc.array(arbDateNear(-500, 0), { maxLength: 2 }),
  hasGp: fc.boolean(),
  livesAlone: fc.constantFrom(true, false, null),
  careEnded: fc.constant(false),
});
const arbSettings = fc.record({ overdueGraceDays: fc.constantFrom(0, 7, 14, 30), fractureSitePolicy: fc.constantFrom('guideline' as const, 'hands-feet-excluded' as const) }).map((s) => Settings.parse(s));
const later = (c: Case, days: number): Case => Case.parse({ ...c, asOf: addDays(c.asOf, days) });
const stepsOf = (items: readonly DerivedItem[]) => new Set(items.map((i) => i.step));
const RUNS = { numRuns: 150 };

describe('deriveItems properties', () => {
  it('gives each item a unique key, a valid due date, a known step and the overdue flag its kind of step asks', () => {
    fc.assert(fc.property(arbCase, arbSettings, arbLog, (c, s, log) => {
      const items = deriveItems(c, s, log);
      expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
      for (const i of items) {
        expect(isIsoDate(i.due)).toBe(true);
        expect(WORKLIST_STEPS).toContain(i.step);
        // Follow-up is overdue after the organisation's grace; an alert always; the rest from the day after.
        if (i.reasons.some((r) => r.startsWith('follow-up-'))) expect(i.overdue).toBe(compareDates(c.asOf, addDays(i.due, s.overdueGraceDays)) > 0);
        else if (i.step === 'alert') expect(i.overdue).toBe(true);
        else expect(i.overdue).toBe(compareDates(i.due, c.asOf) < 0);
      }
    }), RUNS);
  });

  it('is deterministic', () => {
    fc.assert(fc.property(arbCase, arbSettings, arbLog, (c, s, log) => {
      expect(deriveItems(c, s, log)).toEqual(deriveItems(structuredClone(c), s, structuredClone(log)));
    }), RUNS);
  });

  it('gives nothing once care has ended', () => {
    fc.assert(fc.property(arbCase, arbSettings, arbLog, (c, s, log) => {
      expect(deriveItems(c, s, { ...log, careEnded: true })).toEqual([]);
    }), RUNS);
  });

  it('keeps the diagnostic steps closed on every later day once the work-up is waived', () => {
    fc.assert(fc.property(arbCase, arbSettings, arbLog, fc.integer({ min: 0, max: 900 }), (c0, s, log, days) => {
      const c = Case.parse({ ...c0, workupWaived: { reason: 'nursing-home', by: 'Dr. A. Jansen', date: c0.asOf } });
      for (const k of [c, later(c, days)]) {
        const steps = stepsOf(deriveItems(k, s, log));
        for (const step of ['invite', 'diagnostic-day', 'assessment', 'outreach'] as const) expect(steps.has(step)).toBe(false);
      }
    }), RUNS);
  });

  it('keeps the assessment closed on every later day once one is signed after the last results', () => {
    fc.assert(fc.property(arbCase, arbSettings, arbLog, fc.integer({ min: 0, max: 900 }), (c, s, log0, days) => {
      // Signed on the day, after every DXA and visit known then; later days add no new results.
      const known = (d: string) => compareDates(d, c.asOf) <= 0;
      const c1 = Case.parse({ ...c, dxa: (c.dxa ?? []).filter((d) => known(d.date)) });
      const log = { ...log0, visits: log0.visits.filter((v) => known(v.date)), invitations: log0.invitations.filter((e) => known(e.date)), assessmentsSigned: [...log0.assessmentsSigned, c.asOf] };
      for (const k of [c1, later(c1, days)]) expect(stepsOf(deriveItems(k, s, log)).has('assessment')).toBe(false);
    }), RUNS);
  });

  it('keeps the decision closed on every later day once one is recorded after the latest signed assessment', () => {
    fc.assert(fc.property(arbCase, arbSettings, arbLog, fc.integer({ min: 0, max: 900 }), (c, s, log0, days) => {
      const signed = maxDate(log0.assessmentsSigned) ?? c.asOf;
      const log = { ...log0, assessmentsSigned: [...log0.assessmentsSigned, signed], decisionsMade: [...log0.decisionsMade, signed] };
      for (const k of [c, later(c, days)]) expect(stepsOf(deriveItems(k, s, log)).has('decision')).toBe(false);
    }), RUNS);
  });

  it('keeps a follow-up contact closed on every later day once it is recorded', () => {
    fc.assert(fc.property(arbCase, arbSettings, arbLog, fc.constantFrom('3-months' as const, '1-year' as const), fc.integer({ min: 0, max: 900 }), (c0, s, log, kind, days) => {
      const starts = (c0.medications ?? []).map((m) => m.start);
      const on = maxDate([c0.asOf, ...starts]) ?? c0.asOf;
      const c = Case.parse({ ...c0, asOf: on, contacts: [...(c0.contacts ?? []), { kind, date: on }] });
      const step = kind === '3-months' ? 'contact-3-months' : 'visit-1-year';
      for (const k of [c, later(c, days)]) expect(stepsOf(deriveItems(k, s, log)).has(step)).toBe(false);
    }), RUNS);
  });

  it('moves an item\'s due date with the facts, not with the day (alerts without a date of their own aside)', () => {
    fc.assert(fc.property(arbCase, arbSettings, arbLog, fc.integer({ min: 1, max: 30 }), (c, s, log, days) => {
      // Nothing new is learnt between the two days: only facts dated on or before the first.
      const known = (d: string) => compareDates(d, c.asOf) <= 0;
      const c1 = Case.parse({
        ...c,
        fractures: (c.fractures ?? []).filter((f) => known(f.date)), dxa: (c.dxa ?? []).filter((d) => known(d.date)),
        medications: (c.medications ?? []).filter((m) => known(m.start)).map((m) => ({ ...m, doses: (m.doses ?? []).filter(known), ...(m.end !== undefined && !known(m.end) ? { end: undefined } : {}) })),
        plannedMedications: [], contacts: (c.contacts ?? []).filter((k) => known(k.date)),
      });
      const l1 = { ...log, invitations: log.invitations.filter((e) => known(e.date)), visits: log.visits.filter((v) => known(v.date) || v.status === 'planned'), assessmentsSigned: log.assessmentsSigned.filter(known), decisionsMade: log.decisionsMade.filter(known) };
      const today = new Map(deriveItems(c1, s, l1).map((i) => [i.key, i]));
      const next = deriveItems(later(c1, days), s, l1);
      // Without a fracture the invitation has no date of its own to count from (and outreach follows it).
      const unanchored = next.some((i) => i.reasons.includes('dxa-indicated'));
      for (const i of next) {
        const before = today.get(i.key);
        // A yearly control not done gives way to the next year's on that one's date (by design).
        if (before === undefined || i.step === 'alert' || i.step === 'yearly-control' || (unanchored && (i.step === 'invite' || i.step === 'outreach'))) continue;
        expect({ key: i.key, due: i.due }).toEqual({ key: i.key, due: before.due });
      }
    }), RUNS);
  });
});
