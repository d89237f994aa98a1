// Numbered, forward-only migrations, listed in order. Each opens with a comment on why it exists.
// They are TypeScript modules (compiled with the rest) holding plain SQL that runs unchanged on
// PGlite and PostgreSQL 15: nothing newer than 15 (no MERGE … RETURNING, JSON_TABLE, uuidv7()).
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_accounts_audit.js';
import * as m0003 from './0003_audit_seal_without_fk.js';
import * as m0004 from './0004_kept_form.js';
import * as m0005 from './0005_patient_merge.js';
import * as m0006 from './0006_caregiver_consent.js';
import * as m0007 from './0007_family_name_prefix.js';
import * as m0008 from './0008_audit_time_order.js';
import * as m0009 from './0009_clinical_record.js';
import * as m0010 from './0010_organisation_settings.js';
import * as m0011 from './0011_record_indexes.js';
import * as m0012 from './0012_worklist.js';
import * as m0014 from './0014_questionnaire.js';
import * as m0015 from './0015_decision_letters.js';
import * as m0016 from './0016_calendar_feed.js';
import * as m0017 from './0017_diary_reports.js';
import * as m0018 from './0018_caregiver_invitation.js';
import * as m0019 from './0019_quality.js';
import * as m0020 from './0020_missed_dose.js';
import * as m0021 from './0021_referral.js';
import * as m0022 from './0022_referral_gp_letter.js';
import * as m0023 from './0023_therapy_intake.js';
import * as m0024 from './0024_exercise_plan.js';
import * as m0025 from './0025_home_check_coaching.js';
import * as m0026 from './0026_day_centre_groups.js';
import * as m0027 from './0027_child_profile.js';
import * as m0028 from './0028_child_loading.js';
import * as m0029 from './0029_child_aids_signals.js';
import * as m0030 from './0030_loading_log_take_back.js';
import * as m0031 from './0031_exercise_measurement.js';
import * as m0032 from './0032_measurement_step.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_accounts_audit': m0002,
  '0003_audit_seal_without_fk': m0003,
  '0004_kept_form': m0004,
  '0005_patient_merge': m0005,
  '0006_caregiver_consent': m0006,
  '0007_family_name_prefix': m0007,
  '0008_audit_time_order': m0008,
  '0009_clinical_record': m0009,
  '0010_organisation_settings': m0010,
  '0011_record_indexes': m0011,
  '0012_worklist': m0012,
  '0014_questionnaire': m0014,
  '0015_decision_letters': m0015,
  '0016_calendar_feed': m0016,
  '0017_diary_reports': m0017,
  '0018_caregiver_invitation': m0018,
  '0019_quality': m0019,
  '0020_missed_dose': m0020,
  '0021_referral': m0021,
  '0022_referral_gp_letter': m0022,
  '0023_therapy_intake': m0023,
  '0024_exercise_plan': m0024,
  '0025_home_check_coaching': m0025,
  '0026_day_centre_groups': m0026,
  '0027_child_profile': m0027,
  '0028_child_loading': m0028,
  '0029_child_aids_signals': m0029,
  '0030_loading_log_take_back': m0030,
  '0031_exercise_measurement': m0031,
  '0032_measurement_step': m0032,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? '';
