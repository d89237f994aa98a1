// Grouping the access log into visits: examples at the 30-minute edge and properties that hold
// for any log.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupVisits, VISIT_GAP_MS, type AccessRead } from './access-visits.js';

const T0 = Date.parse('2026-03-10T09:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const MIN = 60_000;
const nurse = { role: 'nurse', who: 'Sanne de Vries', organisation: 'Ziekenhuis Oost', userId: 'u-nurse' };
const read = (p: typeof nurse, ms: number, action = 'patient.read'): AccessRead => ({ ...p, at: at(ms), action });

describe('groupVisits', () => {
  it('makes one line of three reads by one nurse within 20 minutes', () => {
    const v = groupVisits([read(nurse, 0), read(nurse, 10 * MIN), read(nurse, 20 * MIN)]);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ who: 'Sanne de Vries', from: at(0), to: at(20 * MIN), actions: [{ action: 'patient.read', count: 3 }] });
  });

  it('joins a read exactly 30:00 after the one before and splits at 30:01', () => {
    expect(groupVisits([read(nurse, 0), read(nurse, 30 * MIN)])).toHaveLength(1);
    const split = groupVisits([read(nurse, 0), read(nurse, 30 * MIN + 1000)]);
    expect(split.map((v) => [v.from, v.to])).toEqual([[at(30 * MIN + 1000), at(30 * MIN + 1000)], [at(0), at(0)]]);
  });

  it('measures the gap from the read before, not from the first of the visit', () => {
    expect(groupVisits([read(nurse, 0), read(nurse, 25 * MIN), read(nurse, 50 * MIN)])).toHaveLength(1);
  });

  it('keeps two people with the same name apart, and one person in two roles', () => {
    const namesake = { ...nurse, userId: 'u-other' };
    expect(groupVisits([read(nurse, 0), read(namesake, MIN)])).toHaveLength(2);
    expect(groupVisits([read(nurse, 0), read({ ...nurse, role: 'physician' }, MIN)])).toHaveLength(2);
  });

  it('counts list views within the visit as one line together with the reads', () => {
    const v = groupVisits([read(nurse, 0, 'patient.list'), read(nurse, MIN, 'patient.list'), read(nurse, 2 * MIN), read(nurse, 3 * MIN, 'patient.list')]);
    expect(v).toHaveLength(1);
    expect(v[0]?.actions).toEqual([{ action: 'patient.list', count: 3 }, { action: 'patient.read', count: 1 }]);
  });

  it('never merges entries without an account', () => {
    const nobody = { role: null, who: null, organisation: null, userId: null };
    expect(groupVisits([read(nobody as unknown as typeof nurse, 0), read(nobody as unknown as typeof nurse, MIN)])).toHaveLength(2);
  });

  const entry = fc.record({
    at: fc.integer({ min: 0, max: 6 * 3600 }).map((s) => at(s * 1000)),
    action: fc.constantFrom('patient.read', 'patient.list', 'patient.write'),
    role: fc.constantFrom('nurse', 'physician'),
    who: fc.constantFrom('Sanne de Vries', 'Piet Bakker'),
    organisation: fc.constantFrom('Ziekenhuis Oost', null),
    userId: fc.constantFrom('u1', 'u2', 'u3', null),
  });
  const log = fc.array(entry, { maxLength: 40 });

  it('puts every entry in exactly one visit', () => {
    fc.assert(
      fc.property(log, (entries) => {
        const visits = groupVisits(entries);
        expect(visits.reduce((n, v) => n + v.actions.reduce((m, a) => m + a.count, 0), 0)).toBe(entries.length);
        for (const e of entries) {
          const holding = visits.filter(
            (v) => v.personKey !== null && v.personKey === JSON.stringify([e.userId, e.organisation, e.role]) && v.from <= e.at && e.at <= v.to,
          );
          expect(holding.length).toBe(e.userId === null ? 0 : 1);
        }
      }),
    );
  });

  it('separates visits of one person by more than 30 minutes and never lets them overlap', () => {
    fc.assert(
      fc.property(log, (entries) => {
        const byPerson = new Map<string, { from: number; to: number }[]>();
        for (const v of groupVisits(entries)) {
          if (v.personKey === null) continue;
          byPerson.set(v.personKey, [...(byPerson.get(v.personKey) ?? []), { from: Date.parse(v.from), to: Date.parse(v.to) }]);
        }
        for (const spans of byPerson.values()) {
          // Newest first: each older visit ended more than 30 minutes before the next one began.
          for (let i = 1; i < spans.length; i++) expect((spans[i - 1]?.from ?? 0) - (spans[i]?.to ?? 0)).toBeGreaterThan(VISIT_GAP_MS);
        }
      }),
    );
  });

  it('gives the same lines whatever order the entries come in, newest first', () => {
    fc.assert(
      fc.property(log.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }))), ([a, b]) => {
        const visits = groupVisits(a);
        expect(groupVisits(b)).toEqual(visits);
        for (let i = 1; i < visits.length; i++) expect(Date.parse(visits[i - 1]?.to ?? '')).toBeGreaterThanOrEqual(Date.parse(visits[i]?.to ?? ''));
      }),
    );
  });
});
