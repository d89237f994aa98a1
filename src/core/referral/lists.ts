// The closed lists of a referral to a physiotherapy practice, each defined once: the API's zod
// enums, the store's table types and the database's CHECK constraints derive from these (a store
// test compares them on PGlite and PostgreSQL 15).

/** Where a referral stands: waiting for the practice, taken on, turned down, or finished. */
export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'ended'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Where it came from: the hospital from the record, or a GP's letter the practice records itself. */
export const REFERRAL_SOURCES = ['hospital', 'gp-letter'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** What can be done with a referral once it exists. */
export const REFERRAL_STEPS = ['accept', 'decline', 'end'] as const;
export type ReferralStep = (typeof REFERRAL_STEPS)[number];
