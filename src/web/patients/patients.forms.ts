// The patient pages' forms: each a zod schema (given to the route, which validates the body or the
// query with it), its labels in the order of the page, and the few messages the general ones would
// not say (a date, a BSN and a phone number get theirs by what is wrong, from the general ones).
import { z } from 'zod';
import type { Messages } from '../i18n/index.js';
import { BirthDate, PatientCorrection, PatientInput, PatientQuery } from '../../schema/patient.schema.js';
import { NewPatientAccount } from '../../schema/account.schema.js';
import { text } from '../../schema/text.js';
import { input, optionalTypedDate, pageForm, rawInput, typedDate } from '../forms.js';

const patientLabels = (t: Messages) => {
  const f = t.patients.fields;
  return {
    familyName: f.familyName, familyNamePrefix: f.familyNamePrefix, givenName: f.givenName, birthDate: f.birthDate, sex: f.sex, bsn: f.bsn, phone: f.phone, email: f.email, gpPractice: f.gpPractice,
    language: f.language, livesAlone: f.livesAlone,
  };
};

const patientMessages = (t: Messages) => {
  const f = t.patients.fields;
  return { sex: { required: t.form.choose(f.sex) } };
};

const shape = PatientInput.shape;

/** Living alone as the form asks it: yes, no, or not asked (empty). */
export const livesAloneChoice = z.enum(['yes', 'no']).transform((v) => v === 'yes');

export const NewPatientForm = pageForm({
  schema: z.looseObject({
    familyNamePrefix: input(shape.familyNamePrefix),
    familyName: input(shape.familyName),
    givenName: input(shape.givenName),
    birthDate: typedDate(BirthDate),
    sex: input(shape.sex),
    bsn: input(shape.bsn),
    phone: input(shape.phone),
    email: input(shape.email),
    gpPractice: input(shape.gpPractice),
    language: input(shape.language),
    livesAlone: input(livesAloneChoice.optional()),
    // Ticked on the second step, once the likely duplicates were shown.
    differentPerson: input(z.literal('yes').optional()),
  }),
  labels: (t) => ({ ...patientLabels(t), differentPerson: t.patients.duplicates.confirm }),
  messages: (t) => ({ ...patientMessages(t), differentPerson: { '*': t.patients.duplicates.confirmFirst } }),
});

/**
 * The correction form as posted: every field as typed (an emptied field means "clear it"). Which
 * fields differ from the record is known only once it is read, so the correction itself is checked
 * with `CorrectionForm` on what changed.
 */
export const CorrectionBody = pageForm({
  schema: z.looseObject(
    Object.fromEntries(['familyNamePrefix', 'familyName', 'givenName', 'birthDate', 'sex', 'bsn', 'phone', 'email', 'gpPractice', 'language', 'livesAlone', 'reason', 'note'].map((k) => [k, rawInput(z.string()).optional()])),
  ),
  labels: (t) => ({ ...patientLabels(t), reason: t.record.reason, note: t.record.note }),
});

export const CorrectionForm = pageForm({
  schema: PatientCorrection,
  labels: (t) => ({ ...patientLabels(t), reason: t.record.reason, note: t.record.note }),
  messages: (t) => ({ ...patientMessages(t), reason: { required: t.form.choose(t.record.reason), '*': t.form.choose(t.record.reason) } }),
});

export const SearchForm = pageForm({
  schema: z.looseObject({
    q: input(PatientQuery.shape.q.transform((v) => (v === '' ? undefined : v))),
    birthDate: optionalTypedDate(),
  }),
  labels: (t) => ({ q: t.patients.q, birthDate: t.patients.birthDate }),
});

const caregiverNeeds = (v: { kind?: unknown; displayName?: unknown; relation?: unknown }, ctx: z.RefinementCtx) => {
  if (v.kind !== 'caregiver') return;
  if (v.displayName === undefined) ctx.addIssue({ code: 'custom', path: ['displayName'], message: 'is required for a caregiver' });
  if (v.relation === undefined) ctx.addIssue({ code: 'custom', path: ['relation'], message: 'is required for a caregiver' });
};

/** The account form: "accountEmail" because the correction form on the same page has an "email". */
export const AccountForm = pageForm({
  schema: z
    .looseObject({
      kind: input(z.enum(['patient', 'caregiver'])),
      displayName: input(text().trim().min(1).max(200).optional(), { trim: true }),
      accountEmail: input(z.email().max(254).optional(), { trim: true }),
      relation: input(z.enum(['parent', 'legal-representative', 'family']).optional()),
      patientConsent: input(z.literal('yes').optional()),
      consentGivenBy: input(text().trim().min(1).max(200).optional(), { trim: true }),
      representationProof: input(text().trim().min(1).max(500).optional(), { trim: true }),
    })
    .superRefine(caregiverNeeds, { when: () => true }),
  labels: (t) => ({
    kind: t.record.kind, displayName: t.record.displayName, accountEmail: t.record.email, relation: t.record.relation, patientConsent: t.record.consentLabel,
    consentGivenBy: t.record.consentGivenBy, representationProof: t.record.representationProof,
  }),
  // A link the access rules would refuse is refused by the use case, naming the field that would
  // help: the nurse reads what is missing beside it.
  messages: (t) => ({
    kind: { required: t.form.choose(t.record.kind), refused: t.record.accountRefused.kind },
    displayName: { custom: t.form.required(t.record.displayName) },
    relation: { required: t.form.choose(t.record.relation), custom: t.form.choose(t.record.relation), refused: t.record.accountRefused.relation },
    patientConsent: { refused: t.record.accountRefused.patientConsent },
    representationProof: { refused: t.record.accountRefused.representationProof },
  }),
});

export const ConsentRecordForm = pageForm({
  schema: z.looseObject({ givenBy: input(text().trim().min(1).max(200).optional(), { trim: true }) }),
  labels: (t) => ({ givenBy: t.record.consentGivenBy }),
});

export const ConsentWithdrawForm = pageForm({
  schema: z.looseObject({ reason: input(text().trim().min(1).max(500).optional(), { trim: true }) }),
  labels: (t) => ({ reason: t.record.consentWithdrawReason }),
  messages: (t) => ({ reason: { refused: t.form.required(t.record.consentWithdrawReason) } }),
});

/** What the use case is given: a patient's own account needs only an address. */
export function accountRequest(v: z.output<typeof AccountForm.schema>): z.input<typeof NewPatientAccount> {
  return v.kind === 'caregiver'
    ? {
        kind: v.kind,
        ...(v.displayName ? { displayName: v.displayName } : {}),
        ...(v.accountEmail ? { email: v.accountEmail } : {}),
        ...(v.relation ? { relation: v.relation } : {}),
        patientConsent: v.patientConsent === 'yes',
        ...(v.consentGivenBy ? { consentGivenBy: v.consentGivenBy } : {}),
        ...(v.representationProof ? { representationProof: v.representationProof } : {}),
      }
    : { kind: v.kind, ...(v.accountEmail ? { email: v.accountEmail } : {}) };
}

export const MergeForm = pageForm({
  schema: z.looseObject({ duplicateId: input(z.string().optional()), confirm: input(z.string().optional()) }),
  labels: () => ({}),
});
