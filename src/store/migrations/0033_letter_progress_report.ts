// Why: the practice keeps the progress report of exercise therapy it sends to the referrer and the
// GP with the record's other letters (services/therapy-progress.ts), printed again from what it said
// on the day it was kept; so `letter.kind` gains `progress-report`. The same SQL on PGlite and
// PostgreSQL 15.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table letter drop constraint letter_kind_check`,
    `alter table letter add constraint letter_kind_check check (kind in ('gp-handover', 'dentist-card', 'agreements', 'dietitian-referral', 'progress-report'))`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
