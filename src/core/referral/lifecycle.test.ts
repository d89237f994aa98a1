import { describe, expect, it } from 'vitest';
import { isOpen, nextStatus, opensRecord, REFERRAL_STATUSES, REFERRAL_STEPS, type ReferralStatus, type ReferralStep } from './lifecycle.js';

describe('referral lifecycle: which step follows which', () => {
  /** Every status × step, written out by hand: undefined means the step does not fit. */
  const TABLE: [ReferralStatus, ReferralStep, ReferralStatus | undefined][] = [
    ['pending', 'accept', 'accepted'],
    ['pending', 'decline', 'declined'],
    ['pending', 'end', undefined],
    ['accepted', 'accept', undefined],
    ['accepted', 'decline', undefined],
    ['accepted', 'end', 'ended'],
    ['declined', 'accept', undefined],
    ['declined', 'decline', undefined],
    ['declined', 'end', undefined],
    ['ended', 'accept', undefined],
    ['ended', 'decline', undefined],
    ['ended', 'end', undefined],
  ];
  it('the table covers every status and step', () => {
    expect(TABLE.length).toBe(REFERRAL_STATUSES.length * REFERRAL_STEPS.length);
  });
  it.each(TABLE)('%s + %s → %s', (status, step, next) => {
    const out = nextStatus(status, step);
    if (next === undefined) {
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.reason).toContain(status);
    } else expect(out).toEqual({ ok: true, status: next });
  });
  it.each([
    ['pending', false, true],
    ['accepted', true, true],
    ['declined', false, false],
    ['ended', false, false],
  ] as const)('%s: opens the record %s, still open %s', (status, opens, open) => {
    expect(opensRecord(status)).toBe(opens);
    expect(isOpen(status)).toBe(open);
  });
});
