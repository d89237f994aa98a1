// Table types for Kysely. They mirror the migrations in ./migrations; a column added there is added
// here. Dates (`date`) and timestamps come back as ISO strings on both drivers (see parsers.ts), so
// the types say string.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;

export interface MetaTable {
  key: string;
  value: string;
}

export interface OrganisationTable {
  id: Generated<string>;
  kind: 'hospital' | 'physiotherapy' | 'day-centre' | 'gp-practice';
  name: string;
  phone: string | null;
  created_at: Generated<Timestamp>;
}

export interface PatientTable {
  id: Generated<string>;
  family_name: string;
  given_name: string;
  birth_date: string;
  sex: 'female' | 'male';
  bsn: string | null;
  phone: string | null;
  email: string | null;
  gp_practice: string | null;
  pathway_stage: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface PatientOrganisationTable {
  patient_id: string;
  organisation_id: string;
  relation: 'care' | 'referral';
  since: Generated<Timestamp>;
}

export interface Database {
  meta: MetaTable;
  organisation: OrganisationTable;
  patient: PatientTable;
  patient_organisation: PatientOrganisationTable;
}
