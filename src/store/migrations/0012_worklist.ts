// Why: the fracture liaison service works from a list of who needs what next, and the pathway's
// logistics (invitations, the diagnostic day and its parts, notes, calls and tasks) had nowhere to
// live. The worklist is kept as rows so that a list of 100,000 patients pages from an index:
// `worklist_item` holds each open step of a patient in an organisation's care, re-derived by the
// core whenever the record or the logistics change and once a day at the change of date
// (`worklist_run`: one row per Amsterdam date, so several processes run it once). Name, birth date
// and index fracture are copied onto the item for sorting and filtering by index; the copies are
// refreshed with the item. A patient's language (for letters) and whether they live alone (for
// outreach) are personal details of the patient.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table patient add column language text not null default 'nl' check (language in ('nl', 'en'))`,
    `alter table patient add column lives_alone boolean`,
    `create table visit (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid not null references organisation (id),
      kind text not null check (kind in ('diagnostic-day', 'evening-clinic')),
      visit_date date not null,
      status text not null check (status in ('planned', 'attended', 'did-not-attend', 'cancelled')),
      parts jsonb not null check (jsonb_typeof(parts) = 'array'),
      report_to text check (report_to is null or length(report_to) between 1 and 200),
      note text check (note is null or length(note) between 1 and 2000),
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_by uuid references app_user (id),
      updated_at timestamptz not null default now()
    )`,
    `create index visit_org_date_idx on visit (organisation_id, visit_date)`,
    `create index visit_patient_idx on visit (patient_id, visit_date)`,
    `create table invitation_event (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid not null references organisation (id),
      event text not null check (event in ('invited', 'attended', 'did-not-attend', 're-invited', 'declined')),
      event_date date not null,
      visit_id uuid references visit (id),
      language text check (language is null or language in ('nl', 'en')),
      note text check (note is null or length(note) between 1 and 2000),
      recorded_by uuid references app_user (id),
      recorded_at timestamptz not null default now()
    )`,
    `create index invitation_event_patient_idx on invitation_event (patient_id, event_date)`,
    `create table communication (
      id uuid primary key default gen_random_uuid(),
      patient_id uuid not null references patient (id),
      organisation_id uuid not null references organisation (id),
      kind text not null check (kind in ('note', 'phone-call', 'task')),
      body text not null check (length(body) between 1 and 4000),
      contact_with text check (contact_with is null or length(contact_with) between 1 and 200),
      due date,
      assignee uuid references app_user (id),
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      check ((kind = 'task') = (due is not null))
    )`,
    `create index communication_patient_idx on communication (patient_id, created_at)`,
    `create table worklist_item (
      item_id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisation (id),
      patient_id uuid not null references patient (id),
      item_key text not null check (length(item_key) between 1 and 200),
      step text not null check (step in ('invite', 'diagnostic-day', 'assessment', 'decision', 'contact-3-months', 'visit-1-year',
        'yearly-control', 'dose-due', 'pre-dose-check', 'review', 'handover', 'task', 'alert', 'outreach')),
      due date not null,
      overdue boolean not null,
      priority text not null check (priority in ('high', 'normal')),
      reasons jsonb not null check (jsonb_typeof(reasons) = 'array'),
      source text not null check (length(source) between 1 and 100),
      derived boolean not null,
      title text check (title is null or length(title) between 1 and 4000),
      assignee uuid references app_user (id),
      state text not null default 'open' check (state in ('open', 'acknowledged', 'done')),
      acknowledged_by uuid references app_user (id),
      acknowledged_at timestamptz,
      done_by uuid references app_user (id),
      done_at timestamptz,
      sort_key text not null,
      birth_date date not null,
      fracture_date date,
      fracture_site text,
      -- The fracture order puts items without an index fracture last, with a key that is never null.
      fracture_order date not null generated always as (coalesce(fracture_date, date '9999-12-31')) stored,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, patient_id, item_key),
      check ((acknowledged_at is null) = (acknowledged_by is null)),
      check (state <> 'done' or done_at is not null)
    )`,
    // The list's orders, each with the item id last so a page's cursor is exact; open items only.
    `create index worklist_due_idx on worklist_item (organisation_id, due, item_id) where state <> 'done'`,
    `create index worklist_step_due_idx on worklist_item (organisation_id, step, due, item_id) where state <> 'done'`,
    // A step's tab in name order: without it, the name index is walked through every step's items.
    `create index worklist_step_name_idx on worklist_item (organisation_id, step, sort_key, item_id) where state <> 'done'`,
    `create index worklist_name_idx on worklist_item (organisation_id, sort_key, item_id) where state <> 'done'`,
    `create index worklist_fracture_idx on worklist_item (organisation_id, fracture_order, item_id) where state <> 'done'`,
    `create index worklist_assignee_idx on worklist_item (organisation_id, assignee, due, item_id) where state <> 'done' and assignee is not null`,
    `create index worklist_patient_idx on worklist_item (patient_id)`,
    `create table worklist_run (
      run_date date primary key,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      runner text not null,
      patients integer,
      changed integer
    )`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
