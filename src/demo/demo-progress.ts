// The demo practice's first measurement with Anna de Vries, on the day of her intake (a week before
// the demo is loaded), and the start of her supervised exercise therapy that day: made up, in our
// own words, so the progress pages open with a chart, its table and a next measurement due. Only
// the instruments that do not feed the falls rules (no TUG, gait speed or FES-I), so her fall-risk
// picture stays the intake's. Checked against the record's entry schema in src/demo/demo-progress.test.ts.
import type { EntryData } from '../core/record/entries.js';
import { addDays, type IsoDate } from '../core/time/date.js';

export function demoProgress(today: IsoDate): { therapy: { date: IsoDate; data: EntryData['exercise-therapy'] }; measurement: { date: IsoDate; data: EntryData['exercise-measurement'] } } {
  const day = addDays(today, -7);
  return {
    therapy: { date: day, data: {} },
    measurement: {
      date: day,
      data: {
        sppb: { sideBySideSeconds: 10, semiTandemSeconds: 10, tandemSeconds: 5, gait4mSeconds: 6.1, chairStand5Seconds: 14.2 },
        fourStageBalance: { stageSeconds: [10, 10, 5] },
        chairStand30s: 9,
        stepsPerDay: 3400,
        psk: [{ activity: 'Boodschappen dragen', score: 6 }, { activity: 'Lang staan bij het aanrecht', score: 5 }],
        goals: [{ goal: 'Weer met de fiets naar de markt', status: 'kept' }, { goal: 'De trap nemen in plaats van de lift', status: 'kept' }],
      },
    },
  };
}
