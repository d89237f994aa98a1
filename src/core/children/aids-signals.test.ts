// Table cases for one aid's next check and a signal's date (clinical-rules.md §12): 6 months and
// 3 cm at their boundaries, as the rule child.aids-check-due reads them.
import { describe, expect, it } from 'vitest';
import { aidDue, signalDateProblem, signalItemKey } from './aids-signals.js';

const S = { aidsCheckIntervalMonths: 6, aidsCheckGrowthCm: 3 };
const AS_OF = '2026-11-23';

describe('aidDue: every 6 months, or now after 3 cm of growth', () => {
  const rows: [string, { lastCheck: string; heightCmThen?: number }, number | undefined, ReturnType<typeof aidDue>][] = [
    ['exactly 6 months: due', { lastCheck: '2026-05-23' }, undefined, { due: '2026-11-23', reason: 'interval', isDue: true }],
    ['a day short of 6 months: planned', { lastCheck: '2026-05-24' }, undefined, { due: '2026-11-24', reason: 'interval', isDue: false }],
    ['grew 3.0 cm: due now', { lastCheck: '2026-09-01', heightCmThen: 98.2 }, 101.2, { due: AS_OF, reason: 'growth', grownCm: 3, isDue: true }],
    ['grew 2.9 cm: the interval rules', { lastCheck: '2026-09-01', heightCmThen: 98.2 }, 101.1, { due: '2027-03-01', reason: 'interval', grownCm: 2.9, isDue: false }],
    ['no height now: the interval rules', { lastCheck: '2026-09-01', heightCmThen: 98.2 }, undefined, { due: '2027-03-01', reason: 'interval', isDue: false }],
    ['overdue by interval and grown: the interval date stays', { lastCheck: '2026-01-01', heightCmThen: 90 }, 95, { due: '2026-07-01', reason: 'interval', grownCm: 5, isDue: true }],
  ];
  it.each(rows)('%s', (_n, aid, now, want) => {
    expect(aidDue(aid, now, AS_OF, S)).toEqual(want);
  });
  it('takes the configured interval', () => {
    expect(aidDue({ lastCheck: '2026-08-23' }, undefined, AS_OF, { ...S, aidsCheckIntervalMonths: 3 })).toMatchObject({ due: '2026-11-23', isDue: true });
  });
});

describe('signalDateProblem: today or up to 14 days back', () => {
  it.each([
    ['2026-11-23', undefined], ['2026-11-09', undefined], ['2026-11-08', 'too-long-ago'], ['2026-11-24', 'in-future'],
  ] as const)('%s → %s', (on, want) => {
    expect(signalDateProblem(on, AS_OF)).toBe(want);
  });
  it('keys one alert per signal', () => {
    expect(signalItemKey('abc')).toBe('fracture-signal:abc');
  });
});
