// Why: a child at a day centre has aids that must grow with them (a standing frame, a walking aid,
// a wheelchair, orthoses), each checked by the physiotherapist; and parents and staff see signs of
// a broken bone the child cannot tell (clinical-rules.md §12). An aid is a row of its own, kept
// with what it is; its checks are `aids-check` entries of the clinical record naming the aid, so
// the core reads them (the Case's last aids check). A fracture signal is kept as noted down, with
// who noted it, what was seen, where on the body and on which day, and, once the physician has
// looked, what followed (seen, X-ray, fracture or not), which closes it. The lists are the core's
// (core/children/lists.ts).
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table child_aid (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      kind text not null check (kind in ('standing-frame', 'walking-aid', 'wheelchair', 'orthoses')),
      description text check (description is null or length(description) between 1 and 200),
      created_by uuid not null references app_user (id),
      created_at timestamptz not null default now()
    )`,
    `create index child_aid_patient_idx on child_aid (patient_id, created_at)`,
    `create table fracture_signal (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      observed jsonb not null check (jsonb_typeof(observed) = 'array' and jsonb_array_length(observed) between 1 and 5),
      body_part text not null check (length(body_part) between 1 and 40),
      observed_on date not null,
      note text check (note is null or length(note) between 1 and 2000),
      noted_by uuid not null references app_user (id),
      noted_at timestamptz not null default now(),
      seen boolean,
      xray boolean,
      fracture text check (fracture is null or fracture in ('yes', 'no', 'unknown')),
      outcome_note text check (outcome_note is null or length(outcome_note) between 1 and 2000),
      closed_by uuid references app_user (id),
      closed_at timestamptz,
      check ((closed_at is null) = (closed_by is null)),
      check ((closed_at is null) = (fracture is null)),
      check ((closed_at is null) = (seen is null and xray is null))
    )`,
    `create index fracture_signal_patient_idx on fracture_signal (patient_id, noted_at desc, id desc)`,
  ]);
}
