// Table types for Kysely. They mirror the migrations in ./migrations; a column added there is added
// here. Dates (`date`) and timestamps come back as ISO strings on both drivers (see parsers.ts), so
// the types say string.
import type { ColumnType, Generated } from 'kysely';
import type { CareEndReason, DecisionOption, DiaryFeeling, EntryKind, EntrySource, EntryStatus, LetterKind, LoadingActivity, QuestionnaireId, ReportFractureCause, ReportKind, ReportSeverity } from '../core/record/lists.js';
import type { CommunicationKind, InvitationEvent, ItemState, Priority, VisitKind, VisitStatus, WorklistStep } from '../core/worklist/lists.js';
import type { OutcomeCode } from '../core/quality/lists.js';
import type { ReferralSource, ReferralStatus } from '../core/referral/lists.js';
import type { CareRelation, CaregiverRelation, ConsentGiver, ConsentWithdrawer, InvitationEnding, OrganisationKind, Role } from '../core/access/lists.js';

export type { Role } from '../core/access/lists.js';

type Timestamp = ColumnType<string, string | undefined, string>;

export interface MetaTable {
  key: string;
  value: string;
}

export interface OrganisationTable {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  phone: string | null;
  created_at: Timestamp;
}

export interface PatientTable {
  id: Generated<string>;
  family_name: string;
  /** A Dutch surname's prefix ("de", "van der"), kept apart from the surname; null: none. */
  family_name_prefix: string | null;
  given_name: string;
  birth_date: string;
  sex: 'female' | 'male';
  bsn: string | null;
  phone: string | null;
  email: string | null;
  gp_practice: string | null;
  pathway_stage: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language letters are written in (migration 0012). */
  language: ColumnType<'nl' | 'en', 'nl' | 'en' | undefined, 'nl' | 'en'>;
  /** Whether the patient lives alone; null: not asked (migration 0012). */
  lives_alone: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  duplicate_of: ColumnType<string | null, string | null | undefined, string | null>;
  /** The list order (surname, given name, prefix; lower case), kept by the database itself. */
  sort_key: ColumnType<string, never, never>;
}

export interface PatientOrganisationTable {
  patient_id: string;
  organisation_id: string;
  relation: CareRelation;
  since: Timestamp;
}


export interface AppUserTable {
  id: Generated<string>;
  role: Role;
  organisation_id: string | null;
  patient_id: string | null;
  email: string | null;
  display_name: string;
  password_hash: string | null;
  status: 'pending' | 'active' | 'disabled';
  created_at: Timestamp;
  password_changed_at: string | null;
}

export interface OneTimeCodeTable {
  code_hash: string;
  user_id: string;
  purpose: 'activation' | 'password-reset';
  expires_at: string;
  used_at: string | null;
  created_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: string;
  revoked_at: string | null;
  /** A group tablet's shift session: idle longer, by the organisation's `shiftIdleMinutes` (migration 0026). */
  shift: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: Timestamp;
  locked_until: string | null;
}

export interface CaregiverLinkTable {
  caregiver_user_id: string;
  patient_id: string;
  relation: CaregiverRelation;
  created_at: Timestamp;
  created_by: string | null;
  /** Who gave the consent, as written down (the patient's name, or the person on their behalf). */
  consent_given_by: string | null;
  consent_given_as: ConsentGiver | null;
  consent_given_at: string | null;
  consent_recorded_by: string | null;
  /** The proof of a legal representation, as the clinic recorded it (court decision, register). */
  representation_proof: string | null;
  representation_recorded_at: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_as: ConsentWithdrawer | null;
  withdrawn_reason: string | null;
}

export interface PatientRevisionTable {
  id: Generated<number>;
  patient_id: string;
  changed_at: Timestamp;
  changed_by: string | null;
  reason: 'correction' | 'entered-in-error' | 'merge' | 'unmerge';
  note: string | null;
  before: ColumnType<unknown, string, never>;
  after: ColumnType<unknown, string, never>;
}

export interface KeptFormTable {
  ref_hash: string;
  user_id: string;
  action: string;
  pairs: ColumnType<[string, string][], string, never>;
  created_at: Timestamp;
  expires_at: string;
}

export interface PatientMergeTable {
  id: ColumnType<string, never, never>;
  keep_id: string;
  duplicate_id: string;
  merged_at: Timestamp;
  merged_by: string | null;
  /** The links copied to the record that lives on: { organisations: [...], caregivers: [...] }. */
  moved: ColumnType<unknown, string, never>;
  undone_at: string | null;
  undone_by: string | null;
}

/** One version of a clinical fact; `entry_id` is the fact across its versions (migration 0009). */
export interface ClinicalEntryTable {
  id: Generated<string>;
  entry_id: string;
  version: number;
  patient_id: string;
  kind: EntryKind;
  clinical_date: string;
  /** The kind's data as the core's schema for that kind parsed it. */
  data: ColumnType<unknown, string, never>;
  status: EntryStatus;
  current: boolean;
  source: EntrySource;
  recorded_by: string | null;
  organisation_id: string | null;
  recorded_at: Timestamp;
  /** Why this version was made (a correction, an entry marked in error); null for the first. */
  reason: string | null;
}

/** A signed-off assessment: the core's conclusions as they were, with the rules version. */
export interface AssessmentTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string | null;
  as_of: string;
  rules_version: string;
  settings: ColumnType<unknown, string, never>;
  case_data: ColumnType<unknown, string, never>;
  /** The Evaluation in each language: { nl, en }. */
  evaluation: ColumnType<unknown, string, never>;
  signed_by: string;
  signed_role: string;
  signed_at: Timestamp;
  note: string | null;
}

export interface CareEndTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string | null;
  reason: CareEndReason;
  end_date: string;
  note: string | null;
  ended_by: string;
  ended_at: Timestamp;
  resumed_at: string | null;
  resumed_by: string | null;
}

export interface OrganisationSettingsTable {
  id: ColumnType<string, never, never>;
  organisation_id: string;
  /** Only the settings the organisation changed (a partial Settings object of the core). */
  overrides: ColumnType<unknown, string, never>;
  changed_at: Timestamp;
  changed_by: string | null;
}

/** A visit of the pathway with its parts (migration 0012). */
export interface VisitTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string;
  kind: VisitKind;
  visit_date: string;
  status: VisitStatus;
  /** [{ part, time: 'HH:MM', place, done }] */
  parts: ColumnType<unknown, string, string>;
  report_to: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface InvitationEventTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string;
  event: InvitationEvent;
  event_date: string;
  visit_id: string | null;
  language: 'nl' | 'en' | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface CommunicationTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string;
  kind: CommunicationKind;
  body: string;
  contact_with: string | null;
  due: string | null;
  assignee: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** One open (or acknowledged, or done) step of a patient on an organisation's worklist. */
export interface WorklistItemTable {
  item_id: Generated<string>;
  organisation_id: string;
  patient_id: string;
  item_key: string;
  step: WorklistStep;
  due: string;
  overdue: boolean;
  priority: Priority;
  reasons: ColumnType<string[], string, string>;
  source: string;
  derived: boolean;
  title: string | null;
  assignee: string | null;
  state: ColumnType<ItemState, ItemState | undefined, ItemState>;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  done_by: string | null;
  done_at: string | null;
  sort_key: string;
  birth_date: string;
  fracture_date: string | null;
  fracture_site: string | null;
  fracture_order: ColumnType<string, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorklistRunTable {
  run_date: string;
  started_at: Timestamp;
  finished_at: string | null;
  runner: string;
  patients: number | null;
  changed: number | null;
}

export interface AuditEventTable {
  id: ColumnType<string, never, never>;
  at: Timestamp;
  user_id: string | null;
  role: string | null;
  organisation_id: string | null;
  action: string;
  resource: string;
  patient_id: string | null;
  allowed: boolean;
  reason: string | null;
  request_id: string | null;
  client_ip: string | null;
}

export interface AuditSealTable {
  seq: string;
  event_id: string;
  prev_hash: string;
  hash: string;
  sealed_at: Timestamp;
}

/** A questionnaire's answers as typed, kept after every step until sent (and after, to change them). */
export interface QuestionnaireDraftTable {
  patient_id: string;
  questionnaire: QuestionnaireId;
  answers: ColumnType<unknown, string, string>;
  updated_by: string | null;
  updated_at: Timestamp;
  sent_at: string | null;
  sent_by: string | null;
}

/** A treatment decision made with the patient, kept as it was made (migration 0015). */
export interface SharedDecisionTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string | null;
  decided_on: string;
  option: DecisionOption;
  /** A drug code of the core's catalogue (checked at the service). */
  drug: string | null;
  what_matters: string | null;
  agreements: ColumnType<unknown, string, string>;
  picture: ColumnType<unknown, string, string>;
  made_by: string;
  made_at: Timestamp;
}

/** A letter as sent: what it said, so it prints again as it was. */
export interface LetterTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string | null;
  kind: LetterKind;
  lang: 'nl' | 'en';
  content: ColumnType<unknown, string, string>;
  written_by: string;
  written_at: Timestamp;
}

/** A patient's invitation of a caregiver by e-mail (migration 0018); only the token's hash is kept. */
export interface CaregiverInvitationTable {
  id: Generated<string>;
  patient_id: string;
  email: string;
  relation: CaregiverRelation;
  token_hash: string;
  invited_by: string;
  created_at: Timestamp;
  expires_at: string;
  ended_at: string | null;
  ended_as: InvitationEnding | null;
  accepted_by: string | null;
}

/** The patient's reminder choices for their calendar feed (migration 0016). */
export interface CalendarChoiceTable {
  patient_id: string;
  remind_at: string;
  name_medicine: boolean;
  changed_by: string;
  changed_at: Timestamp;
}

/** A private calendar link: only the token's SHA-256 is kept (migration 0016). */
export interface CalendarFeedTable {
  id: Generated<string>;
  patient_id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: string | null;
}

/** One patient's standing on each quality indicator in one organisation (migration 0019). */
export interface QualityRowTable {
  organisation_id: string;
  patient_id: string;
  index_fracture: string;
  fracture_site: string;
  clinician_id: string | null;
  o_identification: OutcomeCode | null;
  o_assessment_90_days: OutcomeCode | null;
  o_dxa_90_days: OutcomeCode | null;
  o_vertebral_fracture_identified: OutcomeCode | null;
  o_falls_assessment: OutcomeCode | null;
  o_bone_therapy_recommended: OutcomeCode | null;
  o_strength_and_balance: OutcomeCode | null;
  o_monitoring_contact_12_16_weeks: OutcomeCode | null;
  o_started_by_16_weeks: OutcomeCode | null;
  o_on_treatment_52_weeks: OutcomeCode | null;
  o_data_completeness: OutcomeCode | null;
  dxa_iof: boolean;
  missing: ColumnType<string[], string, string>;
  changed_on: string;
}

/** A referral to a physiotherapy practice with what it said when sent and each step's who and when (migration 0021). */
export interface ReferralTable {
  id: Generated<string>;
  patient_id: string;
  /** Null when the practice recorded a GP's letter itself. */
  from_organisation_id: string | null;
  to_organisation_id: string;
  source: ReferralSource;
  reason: string;
  vfa: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  agreements: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  status: ColumnType<ReferralStatus, ReferralStatus | undefined, ReferralStatus>;
  referred_by: string;
  referred_at: Timestamp;
  decided_by: string | null;
  decided_at: string | null;
  decline_reason: string | null;
  ended_by: string | null;
  ended_at: string | null;
  end_reason: string | null;
  /** A GP's letter recorded by the practice: whose letter and when (migration 0022); null otherwise. */
  gp_name: string | null;
  gp_practice: string | null;
  letter_date: string | null;
}

export interface Database {
  app_user: AppUserTable;
  one_time_code: OneTimeCodeTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  caregiver_link: CaregiverLinkTable;
  patient_revision: PatientRevisionTable;
  patient_merge: PatientMergeTable;
  audit_event: AuditEventTable;
  audit_seal: AuditSealTable;
  kept_form: KeptFormTable;
  meta: MetaTable;
  organisation: OrganisationTable;
  organisation_settings: OrganisationSettingsTable;
  patient: PatientTable;
  patient_organisation: PatientOrganisationTable;
  clinical_entry: ClinicalEntryTable;
  assessment: AssessmentTable;
  care_end: CareEndTable;
  visit: VisitTable;
  invitation_event: InvitationEventTable;
  communication: CommunicationTable;
  worklist_item: WorklistItemTable;
  worklist_run: WorklistRunTable;
  questionnaire_draft: QuestionnaireDraftTable;
  shared_decision: SharedDecisionTable;
  letter: LetterTable;
  caregiver_invitation: CaregiverInvitationTable;
  calendar_choice: CalendarChoiceTable;
  calendar_feed: CalendarFeedTable;
  quality_row: QualityRowTable;
  diary_entry: DiaryEntryTable;
  patient_report: PatientReportTable;
  referral: ReferralTable;
  home_check: HomeCheckTable;
  coaching_session: CoachingSessionTable;
  exercise_plan: ExercisePlanTable;
  therapy_intake: TherapyIntakeTable;
  education_session: EducationSessionTable;
  day_centre_group: DayCentreGroupTable;
  day_centre_group_child: DayCentreGroupChildTable;
  day_centre_group_staff: DayCentreGroupStaffTable;
  child_profile: ChildProfileTable;
  child_fracture_how: ChildFractureHowTable;
  vitamin_d_dose: VitaminDDoseTable;
  loading_plan: LoadingPlanTable;
  loading_log: LoadingLogTable;
  child_aid: ChildAidTable;
  fracture_signal: FractureSignalTable;
}

/** A day centre's group (migration 0026). */
export interface DayCentreGroupTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  created_at: Timestamp;
  created_by: string | null;
}

/** A child in a group. */
export interface DayCentreGroupChildTable {
  group_id: string;
  patient_id: string;
  added_at: Timestamp;
  added_by: string | null;
}

/** A staff member (care worker) of a group. */
export interface DayCentreGroupStaffTable {
  group_id: string;
  user_id: string;
  added_at: Timestamp;
  added_by: string | null;
}

/** The parts of a child's bone-health profile the core does not read (migration 0027). */
export interface ChildProfileTable {
  patient_id: string;
  feeding: 'mouth' | 'tube' | 'both' | null;
  fibre_rich: boolean | null;
  corticosteroids: boolean | null;
  note: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

/** How an earlier fracture of a child happened, beside its fracture entry (migration 0027). */
export interface ChildFractureHowTable {
  entry_id: string;
  patient_id: string;
  how: string;
}

/** A dose of vitamin D given to a child on a day, as a parent or the staff noted it (migration 0027). */
export interface VitaminDDoseTable {
  id: Generated<string>;
  patient_id: string;
  dose_date: string;
  micrograms: number;
  given_by: string;
  given_at: Timestamp;
}

/** One day's or one activity's line of the patient's diary (migration 0017). */
export interface DiaryEntryTable {
  id: Generated<string>;
  patient_id: string;
  entry_date: string;
  activity: string;
  minutes: number;
  feeling: DiaryFeeling;
  pain: number;
  note: string | null;
  /** An exercise of a home programme this entry is about; filled once home programmes exist. */
  home_exercise_id: string | null;
  written_by: string;
  written_at: Timestamp;
}

/** A fracture, fall or side effect the patient reported to the clinic (migration 0017). */
export interface PatientReportTable {
  id: Generated<string>;
  patient_id: string;
  kind: ReportKind;
  what: string | null;
  site: string | null;
  cause: ReportFractureCause | null;
  since: string;
  severity: ReportSeverity;
  note: string | null;
  /** The fracture entry the report put in the record (entry_id of clinical_entry). */
  entry_id: string | null;
  sent_by: string;
  sent_at: Timestamp;
  read_by: string | null;
  read_at: string | null;
}

/** A home safety check the practice did with the patient (migration 0025): each item's finding and note, what was agreed. */
export interface HomeCheckTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string | null;
  checked_on: string;
  /** `[{ item, finding, note }]`, one per item of core/coaching HOME_CHECK_ITEMS, in that order. */
  items: ColumnType<unknown, string, string>;
  agreed: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** One of a child's aids: a standing frame, walking aid, wheelchair or orthoses (migration 0029). */
export interface ChildAidTable {
  id: Generated<string>;
  patient_id: string;
  kind: string;
  description: string | null;
  created_by: string;
  created_at: Timestamp;
}

/** A child's daily loading plan as the physiotherapist set it, minutes a day; the newest counts (migration 0028). */
export interface LoadingPlanTable {
  id: Generated<string>;
  patient_id: string;
  standing_frame: number;
  walking_aid: number;
  other_movement: number;
  note: string | null;
  set_by: string;
  set_at: Timestamp;
}

/** A lifestyle coaching session of the practice (migration 0025): per topic what was discussed and agreed. */
export interface CoachingSessionTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string | null;
  held_on: string;
  /** `[{ topic, discussed, agreed }]`, topics of core/coaching COACHING_TOPICS, in that order. */
  topics: ColumnType<unknown, string, string>;
  note: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** One version of a patient's exercise plan, written by a practice (migration 0024); never changed. */
export interface ExercisePlanTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string;
  version: number;
  places: ColumnType<unknown, string, string>;
  exercises: ColumnType<unknown, string, string>;
  /** The core's warnings the therapist went ahead on, as shown; [] when there were none. */
  warnings: ColumnType<unknown, string | undefined, string>;
  note: string | null;
  written_by: string;
  written_at: Timestamp;
}

/** One version of a practice's intake of a referred patient (migration 0023); a new version is a new row. */
export interface TherapyIntakeTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string;
  version: number;
  intake_date: string;
  /** History, pain, the falls screen, the Short FES-I, posture (schema/therapy-intake.schema.ts). */
  data: ColumnType<Record<string, unknown>, string, string>;
  goals: ColumnType<unknown[], string, string>;
  /** `[{ activity, score }]`, the shape of clinical-rules.md §13. */
  psk: ColumnType<unknown[], string, string>;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** One education session of a practice with a referred patient (migration 0023). */
export interface EducationSessionTable {
  id: Generated<string>;
  patient_id: string;
  organisation_id: string;
  session_date: string;
  /** `[{ topic, discussed, moreWanted }]`, one per topic gone through. */
  topics: ColumnType<unknown[], string, string>;
  note: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** One line of a child's loading log: what, how long, on which day, noted by whom (migration 0028). */
export interface LoadingLogTable {
  id: Generated<string>;
  patient_id: string;
  log_date: string;
  activity: LoadingActivity;
  minutes: number;
  logged_by: string;
  logged_at: Timestamp;
  /** Set when the person who noted the line took it back (the same day): it then counts nowhere. */
  withdrawn_at: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** What a parent or staff member saw that may mean a broken bone, and what followed (migration 0029). */
export interface FractureSignalTable {
  id: Generated<string>;
  patient_id: string;
  observed: ColumnType<string[], string, string>;
  body_part: string;
  observed_on: string;
  note: string | null;
  noted_by: string;
  noted_at: Timestamp;
  seen: boolean | null;
  xray: boolean | null;
  fracture: 'yes' | 'no' | 'unknown' | null;
  outcome_note: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
}
