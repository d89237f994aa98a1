// The forms of "who may look along": the patient's invitation, and the new account of someone who
// takes an invitation. Each a zod schema built from the API's own, its labels in page order.
import { z } from 'zod';
import { CaregiverInvite, InvitationAccount, InvitationToken } from '../../schema/caregiver-invite.schema.js';
import { input, pageForm } from '../forms.js';

/** A patient chooses between the two relations an invitation can make; the page offers no more. */
export const INVITE_CHOICES = ['parent', 'family'] as const;

export const InviteForm = pageForm({
  schema: z.looseObject({ email: input(CaregiverInvite.shape.email, { trim: true }), relation: input(z.enum(INVITE_CHOICES)) }),
  labels: (t) => ({ email: t.caregiverInvites.email, relation: t.caregiverInvites.relationLegend }),
});

/** The page's own check of both passwords, so every error shows at once. */
const samePasswords = (v: { password?: unknown; password2?: unknown }) => v.password === undefined || v.password2 === undefined || v.password === v.password2;

export const InvitationAccountForm = pageForm({
  schema: z
    .looseObject({
      token: input(InvitationToken),
      displayName: input(InvitationAccount.shape.displayName),
      password: input(InvitationAccount.shape.password),
      password2: input(z.string()),
    })
    .refine(samePasswords, { path: ['password2'], when: () => true }),
  labels: (t) => ({ displayName: t.caregiverInvites.name, password: t.activate.password, password2: t.activate.password2 }),
  messages: (t) => ({ password: { too_small: t.form.passwordShort }, password2: { custom: t.form.passwordsDiffer } }),
});

export const InvitationAcceptForm = pageForm({
  schema: z.looseObject({ token: input(InvitationToken) }),
  labels: () => ({}),
});
