// The administrator's forms: a new member of staff, a role change, and the audit search (a GET form).
import { z } from 'zod';
import { NewClinician, RoleChange } from '../../schema/account.schema.js';
import { text } from '../../schema/text.js';
import { input, optionalTypedDate, pageForm } from '../forms.js';
import { AUDIT_ACTIONS } from '../../core/access/lists.js';
import { normalPatientCode } from '../../api/facade.js';

export const NewStaffForm = pageForm({
  schema: z.looseObject({ role: input(NewClinician.shape.role), displayName: input(NewClinician.shape.displayName), email: input(NewClinician.shape.email, { trim: true }) }),
  labels: (t) => ({ role: t.users.role, displayName: t.users.displayName, email: t.users.email }),
  messages: (t) => ({ role: { required: t.form.choose(t.users.role) } }),
});

export const RoleForm = pageForm({
  schema: z.looseObject({ role: input(RoleChange.shape.role) }),
  labels: (t) => ({ role: t.users.role }),
  messages: (t) => ({ role: { required: t.form.choose(t.users.role) } }),
});

/**
 * The audit search: who acted (part of a staff name), which patient (their code: an administrator
 * sees no patient names), what was done, the outcome, and a period of whole days. `before`/`after`
 * are the paging links' place in the log (see parseAuditKey), not fields a person fills in.
 */
export const AuditSearchForm = pageForm({
  schema: z.looseObject({
    person: input(text().max(100).optional(), { trim: true }),
    patient: input(text().max(40).refine((v) => normalPatientCode(v) !== undefined).transform((v) => normalPatientCode(v) ?? v).optional(), { trim: true }),
    action: input(z.enum(AUDIT_ACTIONS).optional()),
    allowed: input(z.enum(['true', 'false']).optional()),
    from: optionalTypedDate(),
    to: optionalTypedDate(),
    // A place that is not one (an old or edited link) starts at the newest: never a form error,
    // since there is no field to put it next to.
    before: input(z.string().max(60).optional()).catch(undefined),
    after: input(z.string().max(60).optional()).catch(undefined),
  }),
  labels: (t) => ({ person: t.audit.person, patient: t.audit.patientCode, action: t.audit.action, allowed: t.audit.allowed, from: t.audit.from, to: t.audit.to }),
  messages: (t) => ({
    patient: { '*': t.audit.badCode },
    from: { '*': t.form.date(t.audit.from) },
    to: { '*': t.form.date(t.audit.to) },
  }),
});
