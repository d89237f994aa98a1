// Patient shapes for the API, the pages and the CLI: one schema validates, types and documents.
import { CARE_RELATIONS, ORGANISATION_KINDS } from '../core/access/lists.js';
import { z } from 'zod';
import { isoDate, isRecordDate } from '../core/time/date.js';
import { bsnDigits, bsnProblem } from './bsn.js';
import { phoneE164 } from './phone.js';
import { text } from './text.js';
import { todayNl } from './clock.js';
import { MAX_PREFIX_LENGTH } from '../core/names.js';
import { pageOf, pageQuery } from './paging.js';
import { Problem } from './problem.js';

const name = text().trim().min(1, 'is required').max(200, 'is too long (at most 200 characters)');
const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, `is too long (at most ${String(max)} characters)`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

// Each check of our own names its kind in `params.code`: the problem document carries it, and the
// pages choose their message by it.

/** A BSN as typed (1234.56.782 too), kept as its 9 digits. */
export const Bsn = text()
  .superRefine((s, ctx) => {
    const p = bsnProblem(s);
    if (p === 'bsn-format') ctx.addIssue({ code: 'custom', message: 'must be 9 digits (spaces or dots between them are allowed)', params: { code: p } });
    if (p === 'bsn-eleven-test') {
      ctx.addIssue({ code: 'custom', message: 'is not a valid BSN: these 9 digits fail the eleven-test, so one of them is probably mistyped', params: { code: p } });
    }
  })
  .transform(bsnDigits);

/** A phone number in any usual way of writing it, kept in E.164 form (+31612345678). */
export const Phone = text()
  .trim()
  .max(40, 'is too long (at most 40 characters)')
  .transform((s, ctx) => {
    const e164 = phoneE164(s);
    if (e164 !== undefined) return e164;
    ctx.addIssue({
      code: 'custom',
      message: 'is not a phone number in use: give a Dutch number such as 06-12345678 or 020-1234567, or a number abroad starting with + and its country code',
      params: { code: 'phone-format' },
    });
    return z.NEVER;
  })
  .meta({ example: '+31612345678' });

/** A date of birth: a record date, and not after today (in the Netherlands). */
export const BirthDate = isoDate.superRefine((d, ctx) => {
  if (isRecordDate(d) && d > todayNl()) ctx.addIssue({ code: 'custom', message: 'lies in the future: a date of birth cannot be after today', params: { code: 'date-in-future' } });
});

export const PatientInput = z
  .object({
    familyName: name.describe('The surname. Typed with its prefix ("de Vries") it is split: familyNamePrefix "de", familyName "Vries"'),
    familyNamePrefix: optionalText(MAX_PREFIX_LENGTH).describe('A Dutch surname prefix ("de", "van der", "in \'t"), kept apart from the surname'),
    givenName: name,
    birthDate: BirthDate.describe('Date of birth, YYYY-MM-DD, not after today'),
    sex: z.enum(['female', 'male']),
    bsn: z.union([Bsn, z.literal('').transform(() => null), z.null()]).optional().describe('9 digits that pass the eleven-test; stored as the digits'),
    phone: z.union([Phone, z.literal('').transform(() => null), z.null()]).optional().describe('Dutch or international (+country code); stored in E.164 form'),
    email: z.union([z.email('is not a valid e-mail address').max(254), z.literal('').transform(() => null), z.null()]).optional(),
    gpPractice: optionalText(200),
    language: z.enum(['nl', 'en']).optional().describe('The language the patient reads letters in: nl (Dutch at B1 level, the default) or en'),
    livesAlone: z.boolean().nullable().optional().describe('Whether the patient lives alone (null: not asked); living alone flags the patient for outreach'),
    differentPerson: z
      .boolean()
      .optional()
      .describe('true: save although records with the same birth date and a similar name exist (the 409 lists them): this is someone else'),
  })
  .strict()
  // No component id: the transforms ('' → null) make its input and output shapes differ.
  .describe('A new patient');
export type PatientInput = z.infer<typeof PatientInput>;

export const PatientCorrection = PatientInput.omit({ differentPerson: true })
  .partial()
  .extend({
    reason: z.enum(['correction', 'entered-in-error']),
    note: text().trim().max(500).optional(),
  })
  .strict()
  .describe('Corrections to a patient record; the previous values are kept');
export type PatientCorrection = z.infer<typeof PatientCorrection>;

export const Patient = z
  .object({
    id: z.uuid(),
    familyName: z.string(),
    familyNamePrefix: z.string().nullable().describe('A Dutch surname prefix ("de", "van der"); null: none. In text: given name, prefix, surname'),
    givenName: z.string(),
    birthDate: z.string(),
    sex: z.enum(['female', 'male']),
    bsn: z.string().nullable().optional().describe('Shown only to roles that need it'),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    gpPractice: z.string().nullable(),
    language: z.enum(['nl', 'en']).describe('The language of letters to the patient'),
    livesAlone: z.boolean().nullable().describe('null: not asked'),
    pathwayStage: z.string(),
    mergedInto: z.string().nullable(),
    organisations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(ORGANISATION_KINDS), relation: z.enum(CARE_RELATIONS) })),
  })
  .meta({ id: 'Patient' });
export type Patient = z.infer<typeof Patient>;

export const PatientSummary = z
  .object({
    id: z.uuid(), familyName: z.string(), familyNamePrefix: z.string().nullable(), givenName: z.string(), birthDate: z.string(), sex: z.enum(['female', 'male']),
    pathwayStage: z.string(),
  })
  .meta({ id: 'PatientSummary' });
export type PatientSummary = z.infer<typeof PatientSummary>;

/** What a page of the patient list continues from: the stored sort key (surname first), then the id. */
export const PatientListKey = z.tuple([z.string().max(1000), z.uuid()]);

/** The 409 of a create that may be a duplicate: the usual problem, and the records it may be. */
export const DuplicateProblem = Problem.extend({
  duplicates: z.array(PatientSummary).optional().describe('Records with the same date of birth and a similar name, when that is why the create was refused'),
}).meta({ id: 'DuplicateProblem', description: 'RFC 9457 problem document; `duplicates` lists the records the new one may be' });

export const PatientQuery = z
  .object({
    q: text().trim().max(100).optional().describe('Name or BSN'),
    birthDate: isoDate.optional(),
    ...pageQuery(PatientListKey),
  })
  .strict();

export const PatientPage = pageOf(PatientSummary).meta({ id: 'PatientPage', description: 'One page of patients, in name order: surname without its prefix, given name, prefix (de Vries under V)' });

export const AccessLogEntry = z
  .object({
    at: z.string(), action: z.string(), role: z.string().nullable(), who: z.string().nullable(), organisation: z.string().nullable(),
    userId: z.string().nullable().describe('The account that did it; tells apart two people with the same name'),
  })
  .meta({ id: 'AccessLogEntry' });

/** The key of an access-log page's cursor: the entry's id (entries are listed newest first). */
export const AccessLogListKey = z.tuple([z.string().regex(/^\d{1,18}$/)]);
