import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { Case } from '../case.schema.js';
import { arbCase } from '../testing/arbitraries.js';
import { addDays, compareDates } from '../time/date.js';
import { ENTRY_DATA, entrySchema, type RecordEntry } from './entries.js';
import { entriesFromCase } from './from-case.js';
import { ENTRY_KINDS } from './lists.js';
import { CASE_SOURCES, projectCase } from './projection.js';

const PERSON = { birthDate: '1950-03-01', sex: 'female' as const };
const AS_OF = '2026-11-23';

/** Every leaf (and object) path of the Case's JSON Schema, dotted as the rules name them. */
function casePaths(): string[] {
  const out: string[] = [];
  const walk = (s: Record<string, unknown>, prefix: string) => {
    const props = (s.properties ?? (s.items as Record<string, unknown> | undefined)?.properties) as Record<string, Record<string, unknown>> | undefined;
    if (!props) return;
    for (const [k, v] of Object.entries(props)) {
      const path = prefix ? `${prefix}.${k}` : k;
      out.push(path);
      walk(v, path);
    }
  };
  const schema = z.toJSONSchema(Case, { io: 'input' }) as unknown as { $defs: { Case: Record<string, unknown> } };
  walk(schema.$defs.Case, '');
  return out;
}

/** The source of a path: its own line in CASE_SOURCES, or the nearest object above it that has one. */
function sourceOf(path: string): (typeof CASE_SOURCES)[keyof typeof CASE_SOURCES] | undefined {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const s = (CASE_SOURCES as Record<string, (typeof CASE_SOURCES)[keyof typeof CASE_SOURCES]>)[p];
    if (s) return s;
  }
  return undefined;
}

describe('the Case as a projection of the record', () => {
  it('has a record source for every field of the Case', () => {
    const paths = casePaths();
    expect(paths).toContain('riskFactors.glucocorticoids.months');
    expect(paths.filter((p) => sourceOf(p) === undefined)).toEqual([]);
    // …and every source line names a real field.
    expect(Object.keys(CASE_SOURCES).filter((k) => !paths.includes(k))).toEqual([]);
  });

  it('reads every kind of entry except the consultation note and a missed dose, which the rules do not use', () => {
    const read = new Set<string>(Object.values(CASE_SOURCES).flatMap((s) => (typeof s.from === 'string' ? [] : [...s.from])));
    expect(ENTRY_KINDS.filter((k) => !read.has(k))).toEqual(['note', 'missed-dose']);
  });

  it('projects any record, on any day, to a valid Case', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: -800, max: 800 }), (c, shift) => {
        const entries = entriesFromCase(c).filter((e) => ENTRY_DATA[e.kind].safeParse(e.data).success);
        const projected = projectCase(c.person, entries, addDays(c.asOf, shift));
        const parsed = Case.safeParse(projected);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
      }),
      { numRuns: 400 },
    );
  });

  it('gives a Case back from its own entries (both ways), apart from what a Case cannot carry over', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const back = projectCase(c.person, entriesFromCase(c), c.asOf);
        expect(byDate(back)).toEqual(byDate(expected(c)));
      }),
      { numRuns: 400 },
    );
  });

  it('counts only falls of the 12 months before asOf, and a higher count the person gave', () => {
    const fall = (date: string, injured?: boolean): RecordEntry => ({ kind: 'fall', date, data: injured === undefined ? {} : { injured } });
    const entries = [fall('2025-11-23', true), fall('2025-11-24', false), fall('2026-06-01', false)];
    expect(projectCase(PERSON, entries, AS_OF).falls).toEqual({ fallsLast12Months: 2, injuredByFall: false });
    const told: RecordEntry = { kind: 'falls-screen', date: '2026-10-01', data: { fallsLast12Months: 4, unsteady: true } };
    expect(projectCase(PERSON, [...entries, told], AS_OF).falls).toEqual({ fallsLast12Months: 4, injuredByFall: false, unsteady: true });
    // A year on, the falls no longer count and the count given then is stale; the answer stands.
    expect(projectCase(PERSON, [...entries, told], '2027-11-23').falls).toEqual({ unsteady: true });
    expect(projectCase(PERSON, [fall('2026-06-01', true), fall('2026-07-01')], AS_OF).falls).toEqual({ fallsLast12Months: 2, injuredByFall: true });
    expect(projectCase(PERSON, [fall('2026-06-01', false), fall('2026-07-01')], AS_OF).falls).toEqual({ fallsLast12Months: 2 });
  });

  it('counts a dental check for 12 months', () => {
    const check: RecordEntry = { kind: 'dental-check', date: '2025-12-01', data: {} };
    expect(projectCase(PERSON, [check], AS_OF).safety).toEqual({ dentalCheckDone: true });
    expect(projectCase(PERSON, [check], '2026-12-01').safety).toBeUndefined();
    expect(projectCase(PERSON, [check], '2026-11-30').safety).toEqual({ dentalCheckDone: true });
  });

  it('counts a glucocorticoid course in months from its dates', () => {
    const course = (date: string, mgPerDay: number, end?: string): RecordEntry => ({ kind: 'glucocorticoid-course', date, data: end ? { mgPerDay, end } : { mgPerDay } });
    expect(projectCase(PERSON, [course('2026-07-23', 10)], AS_OF).riskFactors).toEqual({ glucocorticoids: { mgPerDay: 10, months: 4 } });
    expect(projectCase(PERSON, [course('2026-07-24', 10)], AS_OF).riskFactors?.glucocorticoids?.months).toBe(3);
    // Two going on: the higher dose counts.
    expect(projectCase(PERSON, [course('2026-01-01', 20, '2027-01-01'), course('2025-01-01', 5)], AS_OF).riskFactors?.glucocorticoids).toEqual({ mgPerDay: 20, months: 10 });
    // Ended: counts for 12 months after its end, with the months it lasted.
    const ended = course('2025-01-10', 15, '2025-06-10');
    expect(projectCase(PERSON, [ended], '2026-06-09').riskFactors?.glucocorticoids).toEqual({ mgPerDay: 15, months: 5 });
    expect(projectCase(PERSON, [ended], '2026-06-10').riskFactors).toBeUndefined();
  });

  it('takes each fact from the most recent entry that states it, a later recording winning on the same day', () => {
    const e: RecordEntry[] = [
      { kind: 'risk-factors', date: '2026-01-01', data: { currentSmoker: true, rheumatoidArthritis: true } },
      { kind: 'risk-factors', date: '2026-05-01', data: { currentSmoker: false } },
      { kind: 'weight', date: '2026-05-01', data: { kg: 70 } },
      { kind: 'weight', date: '2026-05-01', data: { kg: 71 } },
      { kind: 'weight', date: '2026-03-01', data: { kg: 90 } },
    ];
    const c = projectCase(PERSON, e, AS_OF);
    expect(c.riskFactors).toEqual({ currentSmoker: false, rheumatoidArthritis: true });
    expect(c.person.weightKg).toBe(71);
    // Before the later entries were true, the earlier ones stand.
    expect(projectCase(PERSON, e, '2026-04-30').riskFactors).toEqual({ currentSmoker: true, rheumatoidArthritis: true });
  });

  it('gives each dose to the medication of that drug that was going on at the dose', () => {
    const e: RecordEntry[] = [
      { kind: 'medication', date: '2020-01-01', data: { drug: 'denosumab', end: '2022-01-01' } },
      { kind: 'medication', date: '2024-01-01', data: { drug: 'denosumab' } },
      { kind: 'medication-dose', date: '2021-06-01', data: { drug: 'denosumab' } },
      { kind: 'medication-dose', date: '2023-01-01', data: { drug: 'denosumab' } }, // between the two: nobody's
      { kind: 'medication-dose', date: '2024-07-01', data: { drug: 'denosumab' } },
      { kind: 'medication-dose', date: '2024-01-01', data: { drug: 'denosumab' } },
    ];
    expect(projectCase(PERSON, e, AS_OF).medications).toEqual([
      { drug: 'denosumab', start: '2020-01-01', end: '2022-01-01', doses: ['2021-06-01'] },
      { drug: 'denosumab', start: '2024-01-01', doses: ['2024-01-01', '2024-07-01'] },
    ]);
  });

  it('refuses an entry dated in the future, or with an end before its start, at the field', () => {
    const s = entrySchema(AS_OF);
    const bad = s.safeParse({ kind: 'fall', date: '2026-11-24', data: {} });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('/'))).toEqual(['date']);
    // A medication may be prescribed to start up to 12 months ahead, not further; its end never before its start.
    const ahead = s.safeParse({ kind: 'medication', date: '2027-11-24', data: { drug: 'denosumab', end: '2026-11-01' } });
    expect(ahead.error?.issues.map((i) => i.path.join('/'))).toEqual(['date', 'data/end']);
    expect(s.safeParse({ kind: 'medication', date: '2027-11-23', data: { drug: 'denosumab' } }).success).toBe(true);
    const labs = s.safeParse({ kind: 'labs', date: AS_OF, data: { results: [{ test: 'calcium', value: 2.3, unit: 'furlong' }, { test: 'calcium', value: 2.4, unit: 'mmol/L' }] } });
    expect(labs.error?.issues.map((i) => i.path.join('/'))).toEqual(['data/results/0/unit', 'data/results/1']);
    expect(s.safeParse({ kind: 'risk-factors', date: AS_OF, data: {} }).success).toBe(false);
    expect(s.parse({ kind: 'fracture', date: AS_OF, data: { site: 'wrist', side: 'left' } })).toEqual({ kind: 'fracture', date: AS_OF, data: { site: 'wrist', side: 'left' } });
  });
});

/** Scans and draws in date order (stable: the order within a day is what the rules read). */
function byDate(c: Case): Case {
  const sort = <T extends { date: string }>(l: T[] | undefined) => l && [...l].sort((a, b) => compareDates(a.date, b.date));
  const out = { ...c };
  if (c.dxa) out.dxa = sort(c.dxa);
  if (c.labs) out.labs = sort(c.labs);
  // A group of facts that states nothing is not recorded at all.
  for (const k of ['falls', 'riskFactors', 'safety'] as const) {
    const v = out[k];
    if (v && Object.values(v).every((x) => x === undefined)) delete out[k];
  }
  return out;
}

/** What the projection of a Case's own entries gives back: the Case, as far as it can be carried over. */
function expected(c: Case): Case {
  const at = c.asOf;
  const on = <T extends { date: string }>(l: readonly T[] | undefined) => l?.filter((x) => compareDates(x.date, at) <= 0);
  const out: Case = structuredClone(c);
  const set = <K extends keyof Case>(k: K, v: Case[K] | undefined) => {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete out[k];
    else out[k] = v;
  };
  for (const k of Object.keys(out) as (keyof Case)[]) if (Array.isArray(out[k]) && (out[k] as unknown[]).length === 0) delete out[k];
  set('fractures', on(c.fractures));
  set('dxa', on(c.dxa));
  set('labs', on(c.labs));
  set('contacts', on(c.contacts));
  // A medication that starts after asOf comes back as a plan from its start.
  const ahead = (c.medications ?? []).filter((m) => compareDates(m.start, at) > 0).map((m) => ({ drug: m.drug, from: m.start }));
  set('plannedMedications', [...(c.plannedMedications ?? []), ...ahead]);
  if (c.vfa && (c.vfa.vertebrae.length === 0 || compareDates(c.vfa.date, at) > 0)) delete out.vfa;
  if (c.frax && compareDates(c.frax.date, at) > 0) delete out.frax;
  if (c.workupWaived && compareDates(c.workupWaived.date, at) > 0) delete out.workupWaived;
  // Medications from their start; doses only while one of that drug was going on.
  const meds = projectCase(c.person, entriesFromCase({ asOf: at, person: c.person, medications: c.medications ?? [] }), at).medications;
  set('medications', meds);
  if (c.riskFactors?.glucocorticoids) {
    const g = c.riskFactors.glucocorticoids;
    out.riskFactors = { ...out.riskFactors, glucocorticoids: { mgPerDay: g.mgPerDay, months: Math.floor(g.months) } };
  }
  if (c.falls) {
    const f = { ...c.falls };
    const flagged = f.injuredByFall !== undefined || f.unableToGetUp !== undefined || f.lostConsciousness !== undefined;
    // The flags ride on one fall on asOf; the count is the higher of the given count and that fall.
    if (flagged) f.fallsLast12Months = Math.max(f.fallsLast12Months ?? 0, 1);
    out.falls = f;
  }
  // A measured TUG or gait speed is the falls' most recent test unless the screening (on asOf) gave one.
  const measured = (c.exercise?.measurements ?? []).filter((m) => compareDates(m.date, at) <= 0);
  for (const key of ['tugSeconds', 'gaitSpeedMps'] as const) {
    if (c.falls?.[key] !== undefined) continue;
    let last: { date: string; v: number } | undefined;
    for (const m of measured) {
      const v = m[key];
      if (v !== undefined && (last === undefined || compareDates(m.date, last.date) >= 0)) last = { date: m.date, v };
    }
    if (last) out.falls = { ...out.falls, [key]: last.v };
  }
  if (c.exercise) {
    const { therapyStart, therapyEnd } = c.exercise;
    const started = therapyStart !== undefined && compareDates(therapyStart, at) <= 0;
    const ex: NonNullable<Case['exercise']> = { measurements: measured };
    if (started) {
      ex.therapyStart = therapyStart;
      if (therapyEnd !== undefined && compareDates(therapyEnd, at) <= 0) ex.therapyEnd = therapyEnd;
    }
    if (started || measured.length > 0) out.exercise = ex;
    else delete out.exercise;
  }
  if (c.safety) {
    const { dentalCheckDone, ...rest } = c.safety;
    const s = dentalCheckDone === true ? { ...rest, dentalCheckDone } : rest;
    if (Object.values(s).some((v) => v !== undefined)) out.safety = s;
    else delete out.safety;
  }
  // A height belongs to a check of the aids: without the check's date (or after asOf) it has no entry.
  if (c.child && (c.child.lastAidsCheck === undefined || compareDates(c.child.lastAidsCheck, at) > 0)) {
    const { lastAidsCheck: _l, heightCmAtLastAidsCheck: _h, ...rest } = c.child;
    out.child = rest;
  }
  // A group of facts that states nothing is not recorded at all.
  for (const k of ['falls', 'riskFactors', 'safety'] as const) {
    const v = out[k];
    if (v && Object.values(v).every((x) => x === undefined)) delete out[k];
  }
  // A group of facts that states nothing is not recorded at all.
  for (const k of ['falls', 'riskFactors', 'safety'] as const) {
    const v = out[k];
    if (v && Object.values(v).every((x) => x === undefined)) delete out[k];
  }
  return out;
}

describe('docs/record.md', () => {
  it('names every Case field the projection has a rule for', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../../docs/record.md', import.meta.url), 'utf8');
    expect(Object.keys(CASE_SOURCES).filter((p) => !doc.includes(`\`${p}\``))).toEqual([]);
  });
});
