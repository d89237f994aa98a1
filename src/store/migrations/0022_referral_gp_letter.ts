// Why: a practice records a referral from a GP's letter itself. The letter is the referral's proof,
// so the referral keeps whose letter it was (the GP's name and practice) and its date; only a
// GP-letter referral has them. The hospital's referrals keep these empty.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table referral
      add column gp_name text check (gp_name is null or length(gp_name) between 1 and 200),
      add column gp_practice text check (gp_practice is null or length(gp_practice) between 1 and 200),
      add column letter_date date`,
    `alter table referral add constraint referral_gp_letter check ((gp_name is null and gp_practice is null and letter_date is null) or source = 'gp-letter')`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
