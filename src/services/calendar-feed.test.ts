// The calendar's events and their iCalendar text, read back with ical.js: doses at the chosen time
// across summer time, a late denosumab injection moving the whole series, the blood test before it,
// titles without the medicine's name unless chosen, and one VTIMEZONE with UTC stamps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Case } from '../core/case.schema.js';
import { calendarEvents, type CalendarChoices } from '../core/calendar/index.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { addDays, addMonths } from '../core/time/date.js';
import { feedText } from './calendar.js';
import { calendarProps, occurrences } from '../api/testing/ical-read.js';

const person = { birthDate: '1950-04-01', sex: 'female' as const };
const choices = (remindAt = '09:00', nameMedicine = false): CalendarChoices => ({ remindAt, nameMedicine });
const now = new Date('2026-12-07T12:00:00Z');

function feed(c: Case, ch = choices(), lang: 'nl' | 'en' = 'nl') {
  return feedText(calendarEvents(c, DEFAULT_SETTINGS, ch, [], lang), { lang, uidSeed: 'patient-1', now });
}

describe('the calendar feed', () => {
  it('keeps every dose at the chosen local time across the changes to and from summer time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 5, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.integer({ min: 0, max: 200 }),
        (offset, h, m, lastAgo) => {
          const asOf = addDays('2024-01-01', offset);
          const remindAt = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const start = addDays(asOf, -400);
          const c: Case = {
            asOf, person,
            medications: [
              { drug: 'alendronic-acid', start, doses: [addDays(asOf, -(lastAgo % 7))] },
              { drug: 'denosumab', start, doses: [addDays(asOf, -lastAgo)] },
            ],
          };
          const occ = occurrences(feed(c, choices(remindAt)), new Date(Date.parse(addMonths(asOf, 14)) ), 80);
          const doses = occ.filter((o) => o.rrule !== null);
          expect(doses.length).toBeGreaterThan(0);
          for (const o of doses) expect(o.local.slice(11), o.local).toBe(remindAt);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('starts the denosumab series 6 months after the injection actually given, so a late one moves every later one', () => {
    const asOf = '2027-02-01';
    const onTime: Case = { asOf, person, medications: [{ drug: 'denosumab', start: '2026-01-10', doses: ['2026-01-10', '2026-07-10'] }] };
    const late: Case = { asOf, person, medications: [{ drug: 'denosumab', start: '2026-01-10', doses: ['2026-01-10', '2026-08-24'] }] };
    const dosesOf = (c: Case) => occurrences(feed(c), new Date('2028-12-31T00:00:00Z')).filter((o) => o.rrule !== null).map((o) => o.local);
    expect(dosesOf(onTime).slice(0, 3)).toEqual(['2027-01-10 09:00', '2027-07-10 09:00', '2028-01-10 09:00']);
    expect(dosesOf(late).slice(0, 3)).toEqual(['2027-02-24 09:00', '2027-08-24 09:00', '2028-02-24 09:00']);
  });

  it('property: the series always restarts 6 months after the last real injection', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 170 }), (daysLate) => {
        const last = addDays('2026-06-01', daysLate);
        const asOf = addDays(last, 10);
        const c: Case = { asOf, person, medications: [{ drug: 'denosumab', start: '2025-12-01', doses: ['2025-12-01', last] }] };
        const first = occurrences(feed(c), new Date('2030-01-01T00:00:00Z'), 2).filter((o) => o.rrule !== null)[0];
        expect(first?.local).toBe(`${addMonths(last, 6)} 09:00`);
      }),
      { numRuns: 30 },
    );
  });

  it('tells a late injection today and asks for the blood test before the next one', () => {
    const c: Case = { asOf: '2027-03-01', person, medications: [{ drug: 'denosumab', start: '2026-01-10', doses: ['2026-01-10', '2026-07-10'] }] };
    const occ = occurrences(feed(c, choices(), 'en'), new Date('2027-12-31T00:00:00Z'));
    const late = occ.find((o) => o.summary === 'Your injection is late');
    expect(late?.local).toBe('2027-03-01 09:00');
    expect(late?.description).toMatch(/was due on 10 January 2027/);
    const blood = occ.find((o) => o.summary === 'Have a blood test');
    expect(blood?.description).toMatch(/before 10 January 2027/);
  });

  it('asks for the kidney test two weeks before the yearly infusion', () => {
    const c: Case = { asOf: '2027-01-05', person, medications: [{ drug: 'zoledronic-acid', start: '2026-03-01', doses: ['2026-03-01'] }] };
    const occ = occurrences(feed(c), new Date('2027-12-31T00:00:00Z'));
    expect(occ.find((o) => o.summary === 'Bloedtest laten doen')?.local).toBe('2027-02-15 09:00');
    expect(occ.find((o) => o.summary === 'Infuus in het ziekenhuis')?.local).toBe('2027-03-01 09:00');
  });

  it('names no medicine unless the patient chose so', () => {
    const c: Case = { asOf: '2027-01-05', person, medications: [{ drug: 'alendronic-acid', start: '2026-03-01' }, { drug: 'denosumab', start: '2026-12-01' }] };
    const hidden = feed(c);
    expect(hidden).not.toMatch(/alendron|denosumab|osteopor/i);
    expect(feed(c, choices('09:00', true))).toMatch(/SUMMARY:Alendroninezuur \(tablet\)/);
  });

  it('ends a daily injection at the core\'s 24-month limit and says so on the last day', () => {
    const c: Case = { asOf: '2027-01-05', person, medications: [{ drug: 'teriparatide', start: '2026-01-05' }] };
    const occ = occurrences(feed(c, choices('20:00')), new Date('2029-01-01T00:00:00Z'), 1000);
    const daily = occ.filter((o) => o.rrule !== null);
    expect(daily.at(-1)?.local).toBe('2028-01-05 20:00');
    expect(occ.find((o) => o.summary === 'Laatste dag van uw prikken')?.local).toBe('2028-01-05 20:00');
  });

  it('writes one Europe/Amsterdam VTIMEZONE, UTC stamps, stable UIDs and a reminder on every event', () => {
    const c: Case = { asOf: '2027-01-05', person, medications: [{ drug: 'alendronic-acid', start: '2026-03-01' }] };
    const a = feed(c);
    const props = calendarProps(a);
    expect(props.vtimezones).toEqual(['Europe/Amsterdam']);
    for (const s of props.stamps) expect(s).toMatch(/Z$/);
    const occ = occurrences(a, new Date('2027-03-01T00:00:00Z'));
    for (const o of occ) {
      expect(o.tzid).toBe('Europe/Amsterdam');
      expect(o.alarms).toBe(1);
    }
    expect(a).toMatch(/^RRULE:FREQ=WEEKLY/m);
    // Read again a day later: the same UIDs.
    const uids = (t: string) => [...t.matchAll(/^UID:(.*)$/gm)].map((x) => x[1]);
    expect(uids(feed({ ...c, asOf: '2027-01-06' }))).toEqual(uids(a));
  });
});
