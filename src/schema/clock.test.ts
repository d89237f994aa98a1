import { describe, expect, it } from 'vitest';
import { todayNl } from './clock.js';

describe('today in the Netherlands', () => {
  it('follows Amsterdam, not UTC, around midnight and across daylight-saving changes', () => {
    expect(todayNl(Date.parse('2026-11-23T22:59:59Z'))).toBe('2026-11-23');
    expect(todayNl(Date.parse('2026-11-23T23:00:01Z'))).toBe('2026-11-24');
    expect(todayNl(Date.parse('2027-06-30T21:59:59Z'))).toBe('2027-06-30');
    expect(todayNl(Date.parse('2027-06-30T22:00:01Z'))).toBe('2027-07-01');
    expect(todayNl(Date.parse('2027-03-28T00:30:00Z'))).toBe('2027-03-28');
  });
});
