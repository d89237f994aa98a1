// "Who looked at my record", the patient's side: the audited reads and writes of the record by
// other people (the patient's own are left out), each with the part of the record it touched, in
// words the page can give. Reading it is itself authorised by the core (`patient.read-access-log`:
// the patient from 12, and a caregiver whose link works) and audited as a read of the access log.
import type { Actor } from '../core/access/index.js';
import type { MyAccessEntry, RecordPart } from '../schema/caregiver-invite.schema.js';
import { encodeCursor, type Cursor } from '../schema/paging.js';
import { pageOthersAccessForPatient } from '../store/audit.repo.js';
import { AppError } from '../schema/problem.js';
import { auditRefusal, withPatient, type AccessDeps, type RequestMeta } from './access.js';
import { nameOf } from './caregivers.js';

/** The part of the record an audit entry's resource names; a resource not known here is "other". */
const PARTS: readonly [RegExp, RecordPart][] = [
  [/^patient\/access-log/, 'access-log'],
  [/^(patient\/caregiver|caregiver)/, 'caregivers'],
  [/^patient\/results/, 'results'],
  [/^patient\/medication/, 'medication'],
  [/^patient\/questionnaire/, 'questionnaires'],
  [/^patient\/decision/, 'decision'],
  [/^patient\/(visits|visit-reminder|invitations|communications)/, 'appointments'],
  [/^patient\/letter/, 'letters'],
  [/^patient\/diary/, 'diary'],
  [/^patient\/report/, 'reports'],
  [/^patient\/calendar/, 'calendar'],
  [/^patient\/(record|case|evaluation|assessment|care-end|care-resume|follow-up)/, 'medical'],
  [/^patient(\/(history|duplicates|merge|links))?$/, 'details'],
  [/^account/, 'details'],
  [/^(patient-list|patients|worklist|dayboard)/, 'lists'],
];

export function recordPartOf(resource: string): RecordPart {
  return PARTS.find(([re]) => re.test(resource))?.[1] ?? 'other';
}

/** The actions that record or change something; the rest read (or, `patient.list`, show the name in a list). */
const WRITES = new Set([
  'patient.write', 'patient.create', 'patient.create-account', 'patient.link', 'patient.withdraw-consent', 'patient.merge', 'patient.unmerge', 'record.write',
  'assessment.sign', 'pathway.end', 'medication.prescribe', 'questionnaire.answer', 'diary.write', 'report.write', 'dose.confirm', 'patient.invite-caregiver',
  'caregiver.invitation-accept',
]);

export function didOf(action: string): MyAccessEntry['did'] {
  if (action === 'patient.list') return 'listed';
  return WRITES.has(action) ? 'wrote' : 'read';
}

/** Entries per page: a year of ordinary care fits on one. */
export const MY_ACCESS_LOG_PAGE = 100;

export interface MyAccessLog {
  entries: MyAccessEntry[];
  olderCursor: string | null;
  newerCursor: string | null;
}

/** One page of who else read or wrote the record `patientId`, newest first. */
export async function othersAccessLog(deps: AccessDeps, actor: Actor, meta: RequestMeta, patientId: string, ask: { limit: number; cursor?: Cursor | undefined }): Promise<MyAccessLog & { patientName: string }> {
  return withPatient(deps, { actor, meta, action: 'patient.read-access-log', resource: 'patient/access-log/others', patientId }, async ({ db, row }) => {
    const found = await pageOthersAccessForPatient(db, row.id, ask);
    return {
      patientName: nameOf(row),
      entries: found.rows.map((r) => ({
        at: new Date(r.at).toISOString(), who: r.user_name, role: r.role, organisation: r.organisation_name, did: didOf(r.action), part: recordPartOf(r.resource),
      })),
      olderCursor: found.next && encodeCursor({ dir: 'after', key: found.next }),
      newerCursor: found.prev && encodeCursor({ dir: 'before', key: found.prev }),
    };
  });
}

/** The patient's own record's page; anyone without a record of their own is refused (and audited). */
export async function myAccessLog(deps: AccessDeps, actor: Actor, meta: RequestMeta, ask: { limit: number; cursor?: Cursor | undefined }): Promise<MyAccessLog & { patientName: string }> {
  if (actor.role !== 'patient' || !actor.patientId) {
    await auditRefusal(deps, { actor, meta, action: 'patient.read-access-log', resource: 'patient/access-log/others', reason: 'only a patient has a record of their own' });
    throw new AppError('forbidden', 'Only a patient has a record of their own; a caregiver opens the log of the person they look after.');
  }
  return othersAccessLog(deps, actor, meta, actor.patientId, ask);
}
