// The next measurement at the physiotherapist in the patient's calendar feed (clinical-rules.md §13
// measure.due), read back with ical.js: one event with a reminder on the due date while planned,
// on the day itself once due or late, and still there after the exercise therapy ended.
import { describe, expect, it } from 'vitest';
import type { Case } from '../core/case.schema.js';
import { calendarEvents } from '../core/calendar/index.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { feedText } from './calendar.js';
import { occurrences } from '../api/testing/ical-read.js';

const person = { birthDate: '1950-04-01', sex: 'female' as const };
const now = new Date('2026-12-07T12:00:00Z');
const exercising = (asOf: string, therapyEnd?: string): Case => ({
  asOf, person,
  exercise: { therapyStart: '2026-09-01', ...(therapyEnd ? { therapyEnd } : {}), measurements: [{ date: '2026-09-01', chairStand30s: 10 }] },
});

function measurementEvents(c: Case, lang: 'nl' | 'en' = 'nl') {
  const text = feedText(calendarEvents(c, DEFAULT_SETTINGS, { remindAt: '10:30', nameMedicine: false }, [], lang), { lang, uidSeed: 'patient-1', now });
  const title = lang === 'nl' ? 'Meting bij de fysiotherapeut' : 'Measurement at the physiotherapist';
  return occurrences(text, new Date('2028-01-01T00:00:00Z')).filter((o) => o.summary === title);
}

describe('the measurement in the calendar feed', () => {
  it('is one event on the due date at the chosen time, with a reminder, while planned', () => {
    const [m, ...rest] = measurementEvents(exercising('2026-10-01'));
    expect(rest).toEqual([]);
    expect(m?.local).toBe('2026-12-01 10:30');
    expect(m?.alarms).toBe(1);
    expect(m?.rrule).toBeNull();
    expect(m?.description).toMatch(/Rond 1 december 2026 meet uw fysiotherapeut/);
  });

  it('moves to the day itself once due, and asks to call when late', () => {
    expect(measurementEvents(exercising('2026-12-05'))[0]?.local).toBe('2026-12-05 10:30');
    const late = measurementEvents(exercising('2027-01-10'), 'en')[0];
    expect(late?.local).toBe('2027-01-10 10:30');
    expect(late?.description).toMatch(/was around 1 December 2026\. Call your physiotherapist/);
  });

  it('stays after the exercise therapy ended', () => {
    const before = measurementEvents(exercising('2026-11-20'));
    const after = measurementEvents(exercising('2026-11-20', '2026-11-15'));
    expect(after).toHaveLength(1);
    expect(after[0]?.local).toBe(before[0]?.local);
    expect(after[0]?.uid).toBe(before[0]?.uid);
  });

  it('has no measurement without exercise therapy', () => {
    expect(measurementEvents({ asOf: '2026-10-01', person })).toEqual([]);
  });
});
