// What the web pages may call: the same use cases the JSON routes use, with the same authorisation
// and audit (they live in services/ and pass through services/access.ts). Pages import from here,
// never from services or the store, so there is one road to the data.
export { accessDeps, authDeps, clearSessionCookie, requestMeta, requireUser, sessionToken, setSessionCookie } from './auth.js';
export { keepForm, signIn, signOut, takeForm, type SessionUser } from '../services/auth.js';
export {
  correctPatient, createPatient, findPatients, linkPatient, mergeDuplicate, openRecord, patientAccessLog, patientHistory, readPatient, unmergeRecord,
  type CaregiverView, type RecordPermissions, type RecordView,
} from '../services/patients.js';
export {
  activateAccount, changeStaffRole, confirmPasswordReset, createClinician, createPatientAccount, deactivateStaff, requestPasswordReset, resendActivation,
  throttleResetRequest, unlockStaff, usersOfOrganisation,
} from '../services/accounts.js';
export { searchOrganisationAudit } from '../services/audit.js';
export { auditRefusal, type RequestMeta } from '../services/access.js';
export { activationLetterPdf } from '../services/letters.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-data.js';
export { AppError } from '../schema/problem.js';
