// The demo practice's exercise therapy with its measurements (clinical-rules.md §13), made up in
// our own words, so the practice's list of coming measurements, the record's follow-up and the
// patient's plan open with something to show. Anna de Vries started a week ago (measured at her
// intake: the next one is planned 3 months on). Sanne Meijer's supervised therapy ended a month
// ago; measured at its start and 3 months later, her next measurement is due now: it goes on
// after the therapy (seed 003). Dates are relative to the day the demo is loaded.
import { addDays, addMonths, type IsoDate } from '../core/time/date.js';

export interface DemoMeasured {
  patient: { familyName: string; givenName: string };
  entries: (today: IsoDate) => { kind: 'exercise-therapy' | 'exercise-measurement'; date: IsoDate; data: object }[];
}

export const DEMO_MEASURED: readonly DemoMeasured[] = [
  {
    patient: { familyName: 'Vries', givenName: 'Anna' },
    entries: (today) => [
      { kind: 'exercise-therapy', date: addDays(today, -7), data: {} },
      { kind: 'exercise-measurement', date: addDays(today, -7), data: { chairStand30s: 9, psk: [{ activity: 'Boodschappen dragen', score: 6 }] } },
    ],
  },
  {
    patient: { familyName: 'Meijer', givenName: 'Sanne' },
    entries: (today) => {
      // The second measurement 3 months before 5 days ago: the next one came due 5 days ago.
      const second = addMonths(addDays(today, -5), -3);
      const first = addMonths(second, -3);
      return [
        { kind: 'exercise-therapy', date: first, data: { end: addDays(today, -30) } },
        { kind: 'exercise-measurement', date: first, data: { chairStand30s: 8, psk: [{ activity: 'Fietsen naar het werk', score: 7 }] } },
        { kind: 'exercise-measurement', date: second, data: { chairStand30s: 11, psk: [{ activity: 'Fietsen naar het werk', score: 4 }] } },
      ];
    },
  },
];
