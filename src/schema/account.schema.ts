import { z } from 'zod';
import { CAREGIVER_RELATIONS, ROLES, STAFF_ROLES } from '../core/access/lists.js';
import { text } from './text.js';
import { pageQuery } from './paging.js';
import { LinkBasis } from './caregiver.schema.js';

export const RoleEnum = z.enum(ROLES);

export const Password = text()
  .min(10, 'must be at least 10 characters')
  .max(200, 'is too long (at most 200 characters)');

export const SignIn = z
  .object({
    email: text().trim().min(1, 'is required').max(254),
    password: text().min(1, 'is required').max(200),
    shift: z.boolean().optional().describe('This is a day-centre group\'s shared tablet: the session stays signed in for the organisation\'s `shiftIdleMinutes` while idle. Only for the staff of a day centre; ignored for anyone else.'),
  })
  .strict()
  .meta({ id: 'SignIn' });

export const Me = z
  .object({
    userId: z.uuid(),
    role: RoleEnum,
    displayName: z.string(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    patientId: z.string().nullable(),
    idleExpiresAt: z.string().describe('When the session ends without activity'),
    shift: z.boolean().describe('A group tablet\'s shift session (longer idle time); every entry still names the person signed in'),
  })
  .meta({ id: 'Me' });

export const StaffRole = z.enum(STAFF_ROLES);

export const NewClinician = z
  .object({
    role: StaffRole,
    email: z.email('is not a valid e-mail address').max(254),
    displayName: text().trim().min(1, 'is required').max(200),
  })
  .strict()
  .meta({ id: 'NewClinician', description: 'No password: the new member of staff gets an activation link by e-mail and chooses their own.' });

export const RoleChange = z.object({ role: StaffRole }).strict().meta({ id: 'RoleChange' });

export const UserSummary = z
  .object({ id: z.uuid(), role: RoleEnum, email: z.string().nullable(), displayName: z.string(), status: z.string() })
  .meta({ id: 'UserSummary' });

export const NewPatientAccount = z
  .object({
    kind: z.enum(['patient', 'caregiver']),
    displayName: text().trim().min(1).max(200).optional().describe('Caregiver name (required for a caregiver)'),
    email: z.email('is not a valid e-mail address').max(254).optional(),
    relation: z.enum(CAREGIVER_RELATIONS).optional().describe('For a caregiver'),
    ...LinkBasis,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'caregiver' && !v.displayName) ctx.addIssue({ code: 'custom', path: ['displayName'], message: 'is required for a caregiver' });
    if (v.kind === 'caregiver' && !v.relation) ctx.addIssue({ code: 'custom', path: ['relation'], message: 'is required for a caregiver' });
  })
  .meta({ id: 'NewPatientAccount' });

export const Activation = z
  .object({
    code: text().trim().min(6, 'is too short').max(40),
    email: z.email('is not a valid e-mail address').max(254).optional(),
    password: Password,
  })
  .strict()
  .meta({ id: 'Activation' });

export const ResetRequest = z.object({ email: z.email('is not a valid e-mail address').max(254) }).strict().meta({ id: 'ResetRequest' });
export const ResetConfirm = z.object({ token: text().min(10).max(100), password: Password }).strict().meta({ id: 'ResetConfirm' });

/** Where a page of the audit log continues: an entry's time to the microsecond (UTC) and its id. */
// Checked to the calendar and within bigint here: the database would otherwise refuse the key as an error.
export const AuditListKey = z.tuple([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
    .refine((t) => {
      const d = new Date(t);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 23) === t.slice(0, 23);
    }),
  z.string().regex(/^\d{1,18}$/),
]);

export const AuditQuery = z
  .object({
    patientId: z.uuid().optional(),
    userId: z.uuid().optional(),
    action: text().max(60).optional(),
    allowed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    ...pageQuery(AuditListKey),
  })
  .strict();

export const AuditRow = z
  .object({
    id: z.string(), at: z.string(), userId: z.string().nullable(), userName: z.string().nullable(), role: z.string().nullable(),
    action: z.string(), resource: z.string(), patientId: z.string().nullable(), allowed: z.boolean(), reason: z.string().nullable(),
    requestId: z.string().nullable(), clientIp: z.string().nullable(),
    actorKind: z.enum(['staff', 'patient', 'caregiver', 'nobody']).describe('Who acted: staff are named (userName); patients and caregivers get a code (actorCode)'),
    actorCode: z.string().nullable().describe('The code of the patient or caregiver who acted'),
    patientCode: z.string().nullable().describe('The code of the patient concerned: the same on every page and download'),
  })
  .meta({ id: 'AuditRow' });
