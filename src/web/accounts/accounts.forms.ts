// The account pages' forms: each a zod schema (given to the route, which validates the body with
// it), its labels in the order of the page, and the few messages the general ones would not say.
import { z } from 'zod';
import { Activation, ResetConfirm, ResetRequest, SignIn } from '../../schema/account.schema.js';
import { input, pageForm } from '../forms.js';

/** Both password fields hold the same text; checked even when another field is wrong, so every error shows at once. */
const samePasswords = (v: { password?: unknown; password2?: unknown }) => v.password === undefined || v.password2 === undefined || v.password === v.password2;
const differ = () => ({ path: ['password2'], when: () => true });

export const SignInForm = pageForm({
  schema: z.looseObject({ email: input(SignIn.shape.email), password: input(SignIn.shape.password), shift: input(z.literal('yes').optional()) }),
  labels: (t) => ({ email: t.signIn.email, password: t.signIn.password, shift: t.dayCentreGroups.shift.label }),
});

export const ActivationForm = pageForm({
  schema: z
    .looseObject({
      code: input(Activation.shape.code),
      email: input(Activation.shape.email),
      password: input(Activation.shape.password),
      password2: input(z.string()),
    })
    .refine(samePasswords, differ()),
  labels: (t) => ({ code: t.activate.code, email: t.activate.email, password: t.activate.password, password2: t.activate.password2 }),
  messages: (t) => ({
    code: { '*': t.activate.badCode },
    password: { too_small: t.form.passwordShort },
    password2: { custom: t.form.passwordsDiffer },
  }),
});

export const ResetRequestForm = pageForm({
  schema: z.looseObject({ email: input(ResetRequest.shape.email, { trim: true }) }),
  labels: (t) => ({ email: t.reset.email }),
});

export const ResetConfirmForm = pageForm({
  schema: z
    .looseObject({ token: input(ResetConfirm.shape.token), password: input(ResetConfirm.shape.password), password2: input(z.string()) })
    .refine(samePasswords, differ()),
  labels: (t) => ({ password: t.activate.password, password2: t.activate.password2 }),
  messages: (t) => ({ password: { too_small: t.form.passwordShort }, password2: { custom: t.form.passwordsDiffer } }),
});
