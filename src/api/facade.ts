// What the web pages may call: the same use cases the JSON routes use, with the same authorisation
// and audit (they live in services/ and pass through services/access.ts). Pages import from here,
// never from services or the store, so there is one road to the data.
export { accessDeps, authDeps, clearSessionCookie, requestMeta, requireUser, sessionToken, setSessionCookie } from './auth.js';
export { keepForm, signIn, signOut, takeForm, type SessionUser } from '../services/auth.js';
export {
  correctPatient, createPatient, findPatients, linkPatient, mergeDuplicate, openRecord, readPatient, readPatientFor, recordAccessLog, ACCESS_LOG_PAGE, recordHistory, unmergeRecord,
  type AccessLogView, type CaregiverView, type RecordPermissions, type RecordView, type RevisionView,
} from '../services/patients.js';
export {
  activateAccount, changeStaffRole, confirmPasswordReset, createClinician, createPatientAccount, deactivateStaff, requestPasswordReset, resendActivation,
  throttleResetRequest, unlockStaff, usersOfOrganisation, type UserView,
} from '../services/accounts.js';
export { exportOrganisationAudit, parseAuditKey, searchOrganisationAudit, TooManyToExport, type AuditEntryView, type AuditFilter } from '../services/audit.js';
export { normalPatientCode } from '../services/pseudonym.js';
export { organisationSettings, updateOrganisationSettings } from '../services/settings.js';
export type { OrganisationSettingsView } from '../schema/settings.schema.js';
export { caregiverLinks, idleLinks, recordConsent, withdrawConsent, type CaregiverLinkView } from '../services/caregivers.js';
export { auditRefusal, type RequestMeta } from '../services/access.js';
export {
  correctEntry, endCare, entryHistory, listAssessments, listEntries, markEnteredInError, openClinicalRecord, patientCase, patientEvaluation, recordFacts, resumeCare, signAssessment,
  type AssessmentView, type ClinicalPermissions, type ClinicalView, type FactIn,
} from '../services/record.js';
export { activationLetterPdf } from '../services/letters.js';
export { followUp, recordContact } from '../services/follow-up.js';
export { jawRisk, letterPdf, listLetters, writeLetter } from '../services/letters-kept.js';
export type { ContactInput, FollowUpView, LetterView } from '../schema/follow-up.schema.js';
export { openMedicationPage, planMedication, prescribe, recordDose, stopMedication, type MedicationPage } from '../services/medication.js';
export { decisionScreen, listDecisions, recordDecision, type DecisionScreen } from '../services/decisions.js';
export type { DecisionView } from '../schema/decision.schema.js';
export {
  acknowledgeItem, closeItem, colleagueNames, listWorklist, ITEM_REFUSALS, WORKLIST_ROLES, type ItemRefusal, type WorklistItemView, type WorklistPage, type WorklistSort,
} from '../services/worklist.js';
export {
  addCommunication, changeVisit, dayBoard, issueInvitationLetter, listCommunications, listInvitations, listVisits, planVisit, recordInvitation, taskAssignees,
  type BoardRow, type CommunicationView, type InvitationView, type PartIn, type VisitView,
} from '../services/logistics.js';
export {
  openQuestionnaire, questionnairesOf, saveStep, sendQuestionnaire, type QuestionnairePatient, type QuestionnaireState, type QuestionnaireView,
} from '../services/questionnaires.js';
export { myResults, type MyResults } from '../services/my-results.js';
export { confirmDose, myMedicines, type DoseMark, type MyMedicine, type MyMedicines } from '../services/my-medicines.js';
export { myAgreementsPdf, myPlan, PLAN_RULES, type MyPlan, type PlanCheckUp, type PlanCourse } from '../services/my-plan.js';
export { visitReminder, type VisitReminder } from '../services/visit-reminder.js';
export { calendarSettings, chooseReminders, endFeedLink, makeFeedLink, type CalendarSettingsView } from '../services/calendar.js';
export { addDiaryEntry, diaryOf, type DiaryPatient, type DiaryView } from '../services/diary.js';
export { addChildFracture, addChildGrowth, addVitaminDDose, childProfileOf, saveChildProfile } from '../services/child-profile.js';
export type { ChildProfileView, VitaminDDoseView } from '../schema/child-profile.schema.js';
export { addLoadingLog, loadingLogOf, loadingPlanOf, setLoadingPlan, takeBackLoadingLog, type LoadingLogWeek, type LoadingPlanOf } from '../services/loading.js';
export type { LoadingLogEntryView, LoadingPlanView } from '../schema/loading.schema.js';
export { openReport, reportOfItem, reportsOf, sendReport, type FractureStatus, type OpenedReport, type ReportsView } from '../services/reports.js';
export type { DiaryEntryView, ReportView } from '../schema/diary.schema.js';
export { educationSessionsOf, intakesOfPatient, recordEducation, recordIntake, type EducationSessionsView, type IntakesView } from '../services/therapy-intake.js';
export type { EducationInput, EducationView, IntakeInput, IntakeView } from '../schema/therapy-intake.schema.js';
export { addAid, aidsOfChild, checkAid, type AidsOf } from '../services/child-aids.js';
export { closeSignalWith, noteSignal, signalsOfChild, type SignalsOf } from '../services/fracture-signals.js';
export type { AidView, SignalView } from '../schema/child-aids.schema.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-data.js';
export {
  figuresTable, patientsTable, qualityDashboard, qualityPatients, qualityPatientsExport,
  type QualityAsk, type QualityDashboard, type QualityExportAsk, type QualityPatientRow, type QualityPatientsAsk, type QualityPatientsPage,
} from '../services/quality.js';
export { AppError } from '../schema/problem.js';
export type { Action, LinkGap } from '../core/access/index.js';
export { QUALITY_NAME_ROLES } from '../core/access/index.js';
import { authorize, type Action, type Actor } from '../core/access/index.js';
import { todayNl } from '../schema/clock.js';

/** Whether the core allows `actor` an action that concerns no single record (creating a patient, say). */
export function mayDo(actor: Actor, action: Action): boolean {
  return authorize(actor, action, null, todayNl()).allowed;
}
export { acceptInvitation, acceptWithNewAccount, inviteCaregiver, myCaregivers, openInvitation, removeMyCaregiver } from '../services/caregiver-invites.js';
export { MY_ACCESS_LOG_PAGE, myAccessLog, othersAccessLog } from '../services/my-access-log.js';
export {
  coachingScreen, homeCheckScreen, recordCoachingSession, recordHomeCheck, writeDietitianLetter, type CoachingScreen, type HomeCheckScreen,
} from '../services/coaching.js';
export type { CoachingSessionView, HomeCheckView } from '../schema/coaching.schema.js';
export {
  acceptReferral, declineReferral, endReferral, patientReferrals, recordGpLetter, refer, referralsOfPatient, takenOnReferrals, waitingReferrals, type PatientReferrals,
} from '../services/referrals.js';
export type { GpLetterInput, ReferralView, WaitingReferral } from '../schema/referral.schema.js';
export {
  exercisePlanScreen, homeProgrammeOf, myHomeProgramme, writeExercisePlan, type ExercisePlanScreen, type HomeProgrammeView,
} from '../services/exercise-plans.js';
export { homeProgrammeText, placesText } from '../services/home-programme-letter.js';
export type { ExercisePlanInput, ExercisePlanView, ExerciseWarningView } from '../schema/exercise-plan.schema.js';
export { changeGroup, createGroup, dayCentreGroups, myGroups } from '../services/groups.js';
export type { Group, GroupsView, MyGroups } from '../schema/group.schema.js';
export {
  correctMeasurement, markMeasurementInError, measurementsOfPatient, recordMeasurement, scoresOf, setTherapyPeriod, type MeasurementsView,
} from '../services/therapy-measurements.js';
export type { MeasurementCorrection, MeasurementInput, MeasurementScores, MeasurementView, PeriodInput, PeriodView, TherapyState } from '../schema/therapy-measurement.schema.js';
export { practiceMeasurements, type MeasurementDueView, type NextMeasurement, type PracticeMeasurements } from '../services/measure-due.js';
export { keepProgressReport, progressReport, therapyProgress, type TherapyProgressView } from '../services/therapy-progress.js';
export { changeSince, meaningOf, measureValue, reportWords } from '../services/progress-report.js';
