// Why: the spine every later capability hangs on — organisations, patients and the link between
// them (which organisation cares for whom decides who may see a record) — plus a small key/value
// table for facts about the installation itself, such as "demo data is loaded".
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `    create table meta (
      key text primary key,
      value text not null
    );
    `,
    `create table organisation (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('hospital', 'physiotherapy', 'day-centre', 'gp-practice')),
      name text not null check (length(name) between 1 and 200),
      phone text,
      created_at timestamptz not null default now()
    );
    `,
    `create table patient (
      id uuid primary key default gen_random_uuid(),
      family_name text not null check (length(family_name) between 1 and 200),
      given_name text not null check (length(given_name) between 1 and 200),
      birth_date date not null,
      sex text not null check (sex in ('female', 'male')),
      bsn text check (bsn ~ '^[0-9]{9}$'),
      phone text,
      email text,
      gp_practice text,
      pathway_stage text not null default 'case-finding',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    `,
    `create unique index patient_bsn_unique on patient (bsn) where bsn is not null;
    `,
    `create index patient_name_idx on patient (lower(family_name), birth_date);
    `,
    `create table patient_organisation (
      patient_id uuid not null references patient (id),
      organisation_id uuid not null references organisation (id),
      relation text not null check (relation in ('care', 'referral')),
      since timestamptz not null default now(),
      primary key (patient_id, organisation_id, relation)
    );
    `,
    `create index patient_organisation_org_idx on patient_organisation (organisation_id);
    `,
  ]);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
