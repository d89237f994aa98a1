import { describe, expect, it } from 'vitest';
import { VITAMIN_D_REMINDER_DAYS, vitaminDReminder } from './vitamin-d-reminder.js';

// BOTPAD-POLICY: remind when no vitamin D dose was noted for 3 days.
describe('the vitamin D reminder at its boundary', () => {
  const asOf = '2026-12-07';
  it.each([
    { spec: 'last dose 2 days ago: no reminder', lastDose: '2026-12-05', remind: false, why: 'recent-dose', daysSince: 2 },
    { spec: 'last dose 3 days ago: reminder', lastDose: '2026-12-04', remind: true, why: 'days-without-dose', daysSince: 3 },
    { spec: 'last dose 4 days ago: reminder', lastDose: '2026-12-03', remind: true, why: 'days-without-dose', daysSince: 4 },
    { spec: 'dose today: no reminder', lastDose: '2026-12-07', remind: false, why: 'recent-dose', daysSince: 0 },
    { spec: 'no dose ever noted: reminder', lastDose: null, remind: true, why: 'no-dose-recorded', daysSince: null },
  ])('$spec', ({ lastDose, remind, why, daysSince }) => {
    const r = vitaminDReminder({ advised: true, lastDose, asOf });
    expect(r).toMatchObject({ remind, why, daysSince });
  });
  it('a child without vitamin D advice gets no reminder, however long ago the last dose', () => {
    expect(vitaminDReminder({ advised: false, lastDose: null, asOf })).toMatchObject({ remind: false, why: 'no-advice' });
    expect(vitaminDReminder({ advised: false, lastDose: '2026-01-01', asOf }).remind).toBe(false);
  });
  it('the number of days is the policy constant, 3, and can be given', () => {
    expect(VITAMIN_D_REMINDER_DAYS).toBe(3);
    expect(vitaminDReminder({ advised: true, lastDose: '2026-12-04', asOf, days: 4 }).remind).toBe(false);
  });
  it('cites its source when it fires', () => {
    expect(vitaminDReminder({ advised: true, lastDose: '2026-12-01', asOf })).toMatchObject({ source: 'BOTPAD-POLICY' });
  });
});
