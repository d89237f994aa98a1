// Why: the measurements of exercise therapy keep being planned every 3 months, also after the
// therapy ends (clinical-rules.md §13 `measure.due`), and the physiotherapy practice that took the
// patient on keeps them on its worklist as the step `measurement`, which the list of steps did not allow.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table worklist_item drop constraint worklist_item_step_check`,
    `alter table worklist_item add constraint worklist_item_step_check check (step in ('invite', 'diagnostic-day', 'assessment', 'decision',
      'contact-3-months', 'visit-1-year', 'yearly-control', 'dose-due', 'pre-dose-check', 'review', 'handover', 'task', 'alert', 'outreach',
      'measurement'))`,
  ]);
}
