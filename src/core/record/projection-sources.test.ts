import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RecordEntry } from './entries.js';
import { projectCase, projectCaseWithSources } from './projection.js';

const PERSON = { birthDate: '1950-03-01', sex: 'female' as const };
const AS_OF = '2026-11-23';
const P = 'patient' as const;
const C = 'clinician' as const;
const e = (x: RecordEntry): RecordEntry => x;

describe('the patient\'s own answers in the Case', () => {
  const cases: [string, RecordEntry[], Record<string, unknown>, string[], string[]][] = [
    [
      'the patient\'s answer counts while the clinic has none, and is marked as theirs',
      [e({ kind: 'risk-factors', date: '2026-11-01', data: { currentSmoker: true, parentHipFracture: false }, source: P })],
      { riskFactors: { currentSmoker: true, parentHipFracture: false } },
      ['riskFactors.currentSmoker', 'riskFactors.parentHipFracture'],
      [],
    ],
    [
      'a clinician\'s value for the same field counts, even when recorded before the patient\'s, and both stay visible',
      [
        e({ kind: 'risk-factors', date: '2026-10-01', data: { currentSmoker: false }, source: C }),
        e({ kind: 'risk-factors', date: '2026-11-01', data: { currentSmoker: true, alcoholUnitsPerDay: 2 }, source: P }),
      ],
      { riskFactors: { currentSmoker: false, alcoholUnitsPerDay: 2 } },
      ['riskFactors.alcoholUnitsPerDay'],
      ['riskFactors.currentSmoker'],
    ],
    [
      'a clinician confirming the patient\'s value makes it the clinic\'s, with nothing set aside',
      [
        e({ kind: 'risk-factors', date: '2026-11-01', data: { currentSmoker: true }, source: P }),
        e({ kind: 'risk-factors', date: '2026-11-02', data: { currentSmoker: true }, source: C }),
      ],
      { riskFactors: { currentSmoker: true } },
      [],
      [],
    ],
    [
      'an import counts as the clinic',
      [e({ kind: 'fes-i', date: '2026-11-02', data: { answers: [1, 1, 1, 1, 1, 1, 1] }, source: 'import' }), e({ kind: 'fes-i', date: '2026-11-03', data: { answers: [4, 4, 4, 4, 4, 4, 4] }, source: P })],
      { fesI: [1, 1, 1, 1, 1, 1, 1] },
      [],
      ['fesI'],
    ],
    [
      'the patient\'s Short FES-I and calcium count while the clinic has none',
      [e({ kind: 'fes-i', date: '2026-11-03', data: { answers: [2, 2, 2, 2, 2, 2, 2] }, source: P }), e({ kind: 'calcium', date: '2026-11-03', data: { servings: { 'milk-glass': 2 } }, source: P })],
      { fesI: [2, 2, 2, 2, 2, 2, 2], calcium: { servings: { 'milk-glass': 2 } } },
      ['calcium', 'fesI'],
      [],
    ],
    [
      'falls: the count the patient told, and their reported fall with its injury',
      [
        e({ kind: 'falls-screen', date: '2026-11-03', data: { fallsLast12Months: 2, worriedAboutFalling: true }, source: P }),
        e({ kind: 'fall', date: '2026-09-01', data: { injured: true }, source: P }),
      ],
      { falls: { fallsLast12Months: 2, injuredByFall: true, worriedAboutFalling: true } },
      ['falls.fallsLast12Months', 'falls.injuredByFall', 'falls.worriedAboutFalling'],
      [],
    ],
    [
      'falls: a clinician\'s count counts, the patient\'s other answers stay theirs',
      [
        e({ kind: 'falls-screen', date: '2026-11-03', data: { fallsLast12Months: 3, unsteady: true }, source: P }),
        e({ kind: 'falls-screen', date: '2026-11-04', data: { fallsLast12Months: 1, tugSeconds: 12 }, source: C }),
      ],
      { falls: { fallsLast12Months: 1, unsteady: true, tugSeconds: 12 } },
      ['falls.unsteady'],
      ['falls.fallsLast12Months'],
    ],
    [
      'a course of glucocorticoids the clinic recorded replaces the patient\'s',
      [
        e({ kind: 'glucocorticoid-course', date: '2026-05-01', data: { mgPerDay: 5 }, source: P }),
        e({ kind: 'glucocorticoid-course', date: '2026-06-01', data: { mgPerDay: 7.5 }, source: C }),
      ],
      { riskFactors: { glucocorticoids: { mgPerDay: 7.5, months: 5 } } },
      [],
      [],
    ],
    [
      'the patient\'s course counts while the clinic recorded none',
      [e({ kind: 'glucocorticoid-course', date: '2026-05-01', data: { mgPerDay: 5 }, source: P })],
      { riskFactors: { glucocorticoids: { mgPerDay: 5, months: 6 } } },
      ['riskFactors.glucocorticoids'],
      [],
    ],
    [
      'an answer dated after the day asked about is not yet part of the Case',
      [e({ kind: 'risk-factors', date: '2026-11-24', data: { currentSmoker: true }, source: P })],
      {},
      [],
      [],
    ],
  ];
  it.each(cases)('%s', (_name, entries, expected, patientPaths, setAside) => {
    const r = projectCaseWithSources(PERSON, entries, AS_OF);
    expect(r.case).toEqual({ asOf: AS_OF, person: PERSON, ...expected });
    expect(r.patientPaths).toEqual(patientPaths);
    expect(r.setAside.map((s) => s.path)).toEqual(setAside);
  });

  it('keeps both values of a disagreement', () => {
    const r = projectCaseWithSources(PERSON, [
      e({ kind: 'risk-factors', date: '2026-11-01', data: { currentSmoker: true }, source: P }),
      e({ kind: 'risk-factors', date: '2026-11-02', data: { currentSmoker: false }, source: C }),
    ], AS_OF);
    expect(r.setAside).toEqual([{ path: 'riskFactors.currentSmoker', patient: true, clinician: false }]);
  });

  it('is the plain projection when no entry is the patient\'s', () => {
    const entries = [e({ kind: 'risk-factors', date: '2026-11-01', data: { currentSmoker: true } }), e({ kind: 'fes-i', date: '2026-11-01', data: { answers: [1, 2, 3, 4, 1, 2, 3] }, source: C })];
    expect(projectCaseWithSources(PERSON, entries, AS_OF)).toEqual({ case: projectCase(PERSON, entries, AS_OF), patientPaths: [], setAside: [] });
  });

  const flag = fc.option(fc.boolean(), { nil: undefined });
  const riskData = fc.record({ currentSmoker: flag, parentHipFracture: flag, rheumatoidArthritis: flag }).filter((d) => Object.values(d).some((v) => v !== undefined));
  const date = fc.integer({ min: 1, max: 28 }).map((d) => `2026-10-${String(d).padStart(2, '0')}`);
  const entry = fc.record({ date, data: riskData, source: fc.constantFrom(P, C) }).map((x) => e({ kind: 'risk-factors', ...x }));
  const fes = fc.record({ date, data: fc.record({ answers: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 7, maxLength: 7 }) }), source: fc.constantFrom(P, C) }).map((x) => e({ kind: 'fes-i', ...x }));

  it('adding a clinician\'s entry never lets a patient\'s value win over it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(entry, fes), { maxLength: 8 }), fc.oneof(entry, fes), fc.nat(8), (record, added, at) => {
        const clinic = { ...added, source: C } as RecordEntry;
        const entries = [...record.slice(0, at), clinic, ...record.slice(at)];
        const r = projectCaseWithSources(PERSON, entries, AS_OF);
        const clinicOnly = projectCase(PERSON, entries.filter((x) => x.source !== P), AS_OF);
        // Every field the clinic states has the clinic's value, and is not marked as the patient's.
        if (clinic.kind === 'fes-i') {
          expect(r.case.fesI).toEqual(clinicOnly.fesI);
          expect(r.patientPaths).not.toContain('fesI');
        } else {
          for (const k of Object.keys(clinic.data) as (keyof typeof clinic.data)[]) {
            if (clinic.data[k] === undefined) continue;
            expect(r.case.riskFactors?.[k]).toEqual(clinicOnly.riskFactors?.[k]);
            expect(r.patientPaths).not.toContain(`riskFactors.${String(k)}`);
          }
        }
      }),
    );
  });
});
