// The loading log's figures (clinical-rules.md §12): the 7-day means the Case reads, the weeks the
// chart draws, the plan against 30–60 minutes; and the Case's minutes coming from the log, so the
// core's attention appears when the log shows less.
import { describe, expect, it } from 'vitest';
import { Case } from '../case.schema.js';
import { evaluate } from '../evaluate.js';
import type { RecordEntry } from '../record/entries.js';
import { projectCase, projectCaseWithSources } from '../record/projection.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { addDays } from '../time/date.js';
import { loadingMeans, loadingWeeks, planVerdict, type LoadingPoint } from './loading-log.js';

const AS_OF = '2026-11-25'; // a Wednesday
const CHILD = { birthDate: '2018-05-05', sex: 'female' as const };
const days = (n: number, p: Omit<LoadingPoint, 'date'>, from = AS_OF): LoadingPoint[] => Array.from({ length: n }, (_, i) => ({ ...p, date: addDays(from, -i) }));
const childEntry = (data: object, date = '2026-01-10'): RecordEntry => ({ kind: 'child', date, data } as RecordEntry);

describe('the loading log: means of the last 7 days', () => {
  it.each([
    ['nothing logged: no means, the child entry stands', [], undefined],
    ['20 minutes of standing every day: 20 and 20', days(7, { activity: 'standing-frame', minutes: 20 }), { standing: 20, movement: 20, days: 7 }],
    ['walking aid counts as standing too', days(7, { activity: 'walking-aid', minutes: 30 }), { standing: 30, movement: 30, days: 7 }],
    ['other movement counts as movement only', days(7, { activity: 'other-movement', minutes: 60 }), { standing: 0, movement: 60, days: 7 }],
    ['a line 7 days back falls outside the window', [{ date: addDays(AS_OF, -7), activity: 'standing-frame', minutes: 70 }, { date: addDays(AS_OF, -8), activity: 'standing-frame', minutes: 70 }], { standing: 0, movement: 0, days: 7 }],
    ['a line 6 days back is inside it', [{ date: addDays(AS_OF, -6), activity: 'standing-frame', minutes: 70 }], { standing: 10, movement: 10, days: 7 }],
    ['a log begun 2 days ago is averaged over 2 days', [{ date: addDays(AS_OF, -1), activity: 'other-movement', minutes: 60 }], { standing: 0, movement: 30, days: 2 }],
    ['a line after asOf is not yet counted', [{ date: addDays(AS_OF, 1), activity: 'standing-frame', minutes: 60 }], undefined],
  ] as [string, LoadingPoint[], unknown][])('%s', (_, log, want) => {
    expect(loadingMeans(log, AS_OF)).toEqual(want);
  });

  it('rounds whole minutes half up', () => {
    // standing 31 / 7 = 4.4 → 4; movement 35 / 7 = 5
    expect(loadingMeans([{ date: AS_OF, activity: 'standing-frame', minutes: 31 }, { date: addDays(AS_OF, -6), activity: 'other-movement', minutes: 4 }], AS_OF)).toEqual({ standing: 4, movement: 5, days: 7 });
  });
});

describe('the loading log: weeks for the chart', () => {
  it('adds each week per activity, the current week judged on its days so far', () => {
    const log = [
      ...days(3, { activity: 'standing-frame', minutes: 20 }), // Mon–Wed of this week
      { date: AS_OF, activity: 'other-movement' as const, minutes: 15 },
      ...days(7, { activity: 'walking-aid', minutes: 25 }, addDays(AS_OF, -3)), // last week, every day
    ];
    const w = loadingWeeks(log, AS_OF);
    expect(w).toHaveLength(8);
    expect(w.at(-1)).toMatchObject({ from: '2026-11-23', to: '2026-11-29', standingFrame: 60, otherMovement: 15, total: 75, days: 3, lines: 4, metTarget: false });
    expect(w.at(-2)).toMatchObject({ from: '2026-11-16', walkingAid: 175, total: 175, days: 7, metTarget: false });
    expect(w.at(0)).toMatchObject({ total: 0, lines: 0, metTarget: false });
  });

  it('meets the target at exactly 30 minutes a day, not at 29', () => {
    expect(loadingWeeks(days(3, { activity: 'other-movement', minutes: 30 }), AS_OF).at(-1)?.metTarget).toBe(true);
    expect(loadingWeeks(days(3, { activity: 'other-movement', minutes: 29 }), AS_OF).at(-1)?.metTarget).toBe(false);
  });
});

describe('a plan against 30–60 minutes a day', () => {
  it.each([
    [{ standingFrame: 20, walkingAid: 0, otherMovement: 9 }, 29, 'below'],
    [{ standingFrame: 20, walkingAid: 0, otherMovement: 10 }, 30, 'within'],
    [{ standingFrame: 30, walkingAid: 15, otherMovement: 15 }, 60, 'within'],
    [{ standingFrame: 30, walkingAid: 15, otherMovement: 16 }, 61, 'above'],
  ] as const)('%o: %i minutes, %s', (p, total, verdict) => {
    expect(planVerdict(p)).toEqual({ total, verdict });
  });
});

describe('the Case reads the log (projection)', () => {
  const entries = [childEntry({ mobility: 'wheelchair', standingMinutesPerDay: 40, movementMinutesPerDay: 50 })];

  it('keeps the child entry\'s figures while nothing is logged', () => {
    expect(projectCase(CHILD, entries, AS_OF).child).toEqual({ mobility: 'wheelchair', standingMinutesPerDay: 40, movementMinutesPerDay: 50 });
  });

  it('takes the means of the last 7 days of the log over the child entry', () => {
    const log = [...days(7, { activity: 'standing-frame', minutes: 10 }), ...days(7, { activity: 'other-movement', minutes: 10 })];
    const c = projectCase(CHILD, entries, AS_OF, log);
    expect(c.child).toMatchObject({ standingMinutesPerDay: 10, movementMinutesPerDay: 20 });
    expect(Case.safeParse(c).success).toBe(true);
    expect(projectCaseWithSources(CHILD, entries, AS_OF, log).case.child).toEqual(c.child);
  });

  it('gives no child facts without a child entry, log or not (mobility is the physician\'s)', () => {
    expect(projectCase(CHILD, [], AS_OF, days(7, { activity: 'standing-frame', minutes: 10 })).child).toBeUndefined();
  });

  it('brings the core\'s attention when the log shows less, and takes it away at 30 minutes', () => {
    const loading = (c: Case) => evaluate(c, DEFAULT_SETTINGS, 'en').conclusions.find((x) => x.code === 'child.loading');
    const short = loading(projectCase(CHILD, entries, AS_OF, days(7, { activity: 'standing-frame', minutes: 29 })));
    expect(short?.severity).toBe('attention');
    expect(short?.value).toEqual({ reasons: ['daily-weight-bearing', 'movement-30-60-minutes', 'movement-below-target'] });
    const enough = loading(projectCase(CHILD, entries, AS_OF, days(7, { activity: 'standing-frame', minutes: 30 })));
    expect(enough?.severity).toBe('info');
    // A week without any standing, only other movement: no daily weight-bearing.
    const noStanding = loading(projectCase(CHILD, entries, AS_OF, days(7, { activity: 'other-movement', minutes: 45 })));
    expect(noStanding?.value).toEqual({ reasons: ['daily-weight-bearing', 'movement-30-60-minutes', 'no-daily-standing'] });
    // The log stopped 8 days ago: the means fall to 0, the attention comes.
    const stopped = loading(projectCase(CHILD, entries, AS_OF, days(7, { activity: 'standing-frame', minutes: 60 }, addDays(AS_OF, -8))));
    expect(stopped?.severity).toBe('attention');
  });
});
