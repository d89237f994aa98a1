// Why: who may see what. Accounts for every role, sessions in the database (any process serves any
// request), a sign-in throttle shared by all processes, caregiver links (minors follow Dutch law),
// a patient's history of corrections, and the audit log of every access: append-only (the database
// refuses update and delete) and sealed into a hash chain by a separate, equally append-only table.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table app_user (
      id uuid primary key default gen_random_uuid(),
      role text not null check (role in ('patient', 'caregiver', 'nurse', 'physician', 'physiotherapist', 'care-worker', 'admin')),
      organisation_id uuid references organisation (id),
      patient_id uuid references patient (id),
      email text,
      display_name text not null check (length(display_name) between 1 and 200),
      password_hash text,
      status text not null default 'active' check (status in ('pending', 'active', 'disabled')),
      created_at timestamptz not null default now(),
      password_changed_at timestamptz,
      check ((role in ('patient', 'caregiver')) = (organisation_id is null)),
      check ((role = 'patient') = (patient_id is not null))
    )`,
    `create unique index app_user_email_unique on app_user (lower(email)) where email is not null`,
    `create unique index app_user_patient_unique on app_user (patient_id) where patient_id is not null`,
    `create table one_time_code (
      code_hash text primary key,
      user_id uuid not null references app_user (id),
      purpose text not null check (purpose in ('activation', 'password-reset')),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create index one_time_code_user_idx on one_time_code (user_id)`,
    `create table session (
      token_hash text primary key,
      user_id uuid not null references app_user (id),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`,
    `create index session_user_idx on session (user_id)`,
    `create table login_throttle (
      key text primary key,
      failures integer not null default 0,
      window_start timestamptz not null default now(),
      locked_until timestamptz
    )`,
    `create table caregiver_link (
      caregiver_user_id uuid not null references app_user (id),
      patient_id uuid not null references patient (id),
      relation text not null check (relation in ('parent', 'legal-representative', 'family')),
      patient_consent boolean not null default false,
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id),
      primary key (caregiver_user_id, patient_id)
    )`,
    `create index caregiver_link_patient_idx on caregiver_link (patient_id)`,
    `alter table patient add column merged_into uuid references patient (id)`,
    `alter table patient add column duplicate_of uuid references patient (id)`,
    `create table patient_revision (
      id integer generated always as identity primary key,
      patient_id uuid not null references patient (id),
      changed_at timestamptz not null default now(),
      changed_by uuid references app_user (id),
      reason text not null check (reason in ('correction', 'entered-in-error', 'merge')),
      note text,
      before jsonb not null,
      after jsonb not null
    )`,
    `create index patient_revision_patient_idx on patient_revision (patient_id)`,
    `create table audit_event (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      user_id uuid,
      role text,
      organisation_id uuid,
      action text not null,
      resource text not null,
      patient_id uuid,
      allowed boolean not null,
      reason text,
      request_id text,
      client_ip text
    )`,
    `create index audit_event_patient_idx on audit_event (patient_id, at)`,
    `create index audit_event_org_idx on audit_event (organisation_id, at)`,
    `create table audit_seal (
      seq bigint primary key,
      event_id bigint not null unique references audit_event (id),
      prev_hash text not null,
      hash text not null,
      sealed_at timestamptz not null default now()
    )`,
    `create function refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only', tg_table_name using errcode = '42501';
      end
    $$`,
    `create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function refuse_change()`,
    `create trigger audit_seal_append_only before update or delete on audit_seal
      for each row execute function refuse_change()`,
    `create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function refuse_change()`,
    `create trigger audit_seal_no_truncate before truncate on audit_seal
      for each statement execute function refuse_change()`,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
