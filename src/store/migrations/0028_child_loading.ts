// Why: a child of a day centre stands and moves every day from age 2 (clinical-rules.md §12), by a
// plan the physiotherapist sets (minutes a day in a standing frame, with a walking aid, of other
// movement) and a log that parents and the centre's staff fill in on a tablet in seconds. Both are
// their own tables, not entries of the clinical record: the log grows by several lines a day for
// years, and the Case reads only its last 7 days (core/children/loading-log.ts). A plan is kept as
// set, a row per save, the newest counting, so what was asked at any time stays readable. Each line
// of the log names who noted it, whoever the tablet's session belongs to.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table loading_plan (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      standing_frame integer not null check (standing_frame between 0 and 240),
      walking_aid integer not null check (walking_aid between 0 and 240),
      other_movement integer not null check (other_movement between 0 and 240),
      note text check (note is null or length(note) between 1 and 2000),
      set_by uuid not null references app_user (id),
      set_at timestamptz not null default now()
    )`,
    `create index loading_plan_patient_idx on loading_plan (patient_id, set_at desc)`,
    `create table loading_log (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      log_date date not null,
      activity text not null check (activity in ('standing-frame', 'walking-aid', 'other-movement')),
      minutes integer not null check (minutes between 1 and 240),
      logged_by uuid not null references app_user (id),
      logged_at timestamptz not null default now()
    )`,
    `create index loading_log_patient_idx on loading_log (patient_id, log_date desc, logged_at desc)`,
  ]);
}
