// The administrator's forms: a new member of staff, a role change, and the audit search (a GET form).
import { z } from 'zod';
import { NewClinician, RoleChange } from '../../schema/account.schema.js';
import { text } from '../../schema/text.js';
import { input, optionalTypedDate, pageForm } from '../forms.js';

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

export const AuditSearchForm = pageForm({
  schema: z.looseObject({
    action: input(text().trim().max(60).transform((v) => (v === '' ? undefined : v)).optional()),
    allowed: input(z.enum(['true', 'false']).optional()),
    from: optionalTypedDate(),
    to: optionalTypedDate(),
  }),
  labels: (t) => ({ action: t.audit.action, allowed: t.audit.allowed, from: t.audit.from, to: t.audit.to }),
});
