// A visit's time span as the access log writes it: Dutch time whatever the process's zone.
import { describe, expect, it } from 'vitest';
import { nl } from './i18n/nl.js';
import { en } from './i18n/en.js';
import { numericDate, numericDateTime, timeSpan } from './time-format.js';

describe('timeSpan', () => {
  it('writes the date once for a visit within one Dutch day', () => {
    expect(timeSpan('nl', '2026-03-10T09:00:00Z', '2026-03-10T09:20:00Z', nl.accessLog.until)).toBe('10 maart 2026 om 10:00 tot 10:20');
    expect(timeSpan('en', '2026-03-10T09:00:00Z', '2026-03-10T09:20:00Z', en.accessLog.until)).toBe('10 March 2026 at 10:00 to 10:20');
  });

  it('writes a single moment once, and both dates when the visit runs past midnight in the Netherlands', () => {
    expect(timeSpan('nl', '2026-03-10T09:00:00Z', '2026-03-10T09:00:00Z', nl.accessLog.until)).toBe('10 maart 2026 om 10:00');
    // 22:50 UTC is 23:50 in Amsterdam in winter; 23:10 UTC is already the next day there.
    expect(timeSpan('nl', '2026-03-10T22:50:00Z', '2026-03-10T23:10:00Z', nl.accessLog.until)).toBe('10 maart 2026 om 23:50 tot 11 maart 2026 om 00:10');
  });
});

describe('the clinic\'s numeric dates', () => {
  it('writes a calendar date dd-mm-jjjj and leaves anything else as it came', () => {
    expect(numericDate('1948-04-02')).toBe('02-04-1948');
    expect(numericDate('onbekend')).toBe('onbekend');
  });

  it('writes a moment in Dutch time, the day changing at Dutch midnight', () => {
    expect(numericDateTime('2026-07-01T21:59:00Z')).toBe('01-07-2026 23:59');
    expect(numericDateTime('2026-07-01T22:01:00Z')).toBe('02-07-2026 00:01');
  });
});
