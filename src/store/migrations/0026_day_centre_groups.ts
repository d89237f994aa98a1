// Why: a day centre works in groups. Each group has its children and its staff (care workers), and a
// care worker sees and notes down the day of their own group's children only; the centre's
// physician and physiotherapist keep seeing every child of the centre. A group belongs to one
// organisation; a child or a staff member may be in more than one group (a child moves on, a care
// worker fills in). The membership rows are the door the access rules read (services/access.ts),
// so taking a row away closes it at once. Also: a session may be a group tablet's shift session,
// which the organisation's `shiftIdleMinutes` keeps open longer while idle (services/auth.ts).
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table day_centre_group (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisation (id),
      name text not null check (length(name) between 1 and 80),
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id)
    )`,
    `create unique index day_centre_group_name_unique on day_centre_group (organisation_id, lower(name))`,
    `create table day_centre_group_child (
      group_id uuid not null references day_centre_group (id),
      patient_id uuid not null references patient (id),
      added_at timestamptz not null default now(),
      added_by uuid references app_user (id),
      primary key (group_id, patient_id)
    )`,
    `create index day_centre_group_child_patient_idx on day_centre_group_child (patient_id)`,
    `create table day_centre_group_staff (
      group_id uuid not null references day_centre_group (id),
      user_id uuid not null references app_user (id),
      added_at timestamptz not null default now(),
      added_by uuid references app_user (id),
      primary key (group_id, user_id)
    )`,
    `create index day_centre_group_staff_user_idx on day_centre_group_staff (user_id)`,
    `alter table session add column shift boolean not null default false`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
