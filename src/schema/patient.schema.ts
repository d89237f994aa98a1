// Patient shapes for the API, the pages and the CLI: one schema validates, types and documents.
import { CARE_RELATIONS, ORGANISATION_KINDS } from '../core/access/lists.js';
import { z } from 'zod';
import { isoDate } from '../core/time/date.js';
import { isValidBsn } from './bsn.js';
import { text } from './text.js';
import { pageOf, pageQuery } from './paging.js';

const name = text().trim().min(1, 'is required').max(200, 'is too long (at most 200 characters)');
const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, `is too long (at most ${String(max)} characters)`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const Bsn = text()
  .trim()
  .refine(isValidBsn, 'is not a valid BSN (9 digits that pass the eleven-test)');

export const PatientInput = z
  .object({
    familyName: name,
    givenName: name,
    birthDate: isoDate.describe('Date of birth, YYYY-MM-DD'),
    sex: z.enum(['female', 'male']),
    bsn: z.union([Bsn, z.literal('').transform(() => null), z.null()]).optional(),
    phone: optionalText(40),
    email: z.union([z.email('is not a valid e-mail address').max(254), z.literal('').transform(() => null), z.null()]).optional(),
    gpPractice: optionalText(200),
  })
  .strict()
  // No component id: the transforms ('' → null) make its input and output shapes differ.
  .describe('A new patient');
export type PatientInput = z.infer<typeof PatientInput>;

export const PatientCorrection = PatientInput.partial()
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
    givenName: z.string(),
    birthDate: z.string(),
    sex: z.enum(['female', 'male']),
    bsn: z.string().nullable().optional().describe('Shown only to roles that need it'),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    gpPractice: z.string().nullable(),
    pathwayStage: z.string(),
    mergedInto: z.string().nullable(),
    organisations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(ORGANISATION_KINDS), relation: z.enum(CARE_RELATIONS) })),
  })
  .meta({ id: 'Patient' });
export type Patient = z.infer<typeof Patient>;

export const PatientSummary = z
  .object({ id: z.uuid(), familyName: z.string(), givenName: z.string(), birthDate: z.string(), sex: z.enum(['female', 'male']), pathwayStage: z.string() })
  .meta({ id: 'PatientSummary' });
export type PatientSummary = z.infer<typeof PatientSummary>;

/** What a page of the patient list continues from: the sort order's columns, then the id. */
export const PatientListKey = z.tuple([z.string().max(400), z.string().max(400), z.uuid()]);

export const PatientQuery = z
  .object({
    q: text().trim().max(100).optional().describe('Name or BSN'),
    birthDate: isoDate.optional(),
    ...pageQuery(PatientListKey),
  })
  .strict();

export const PatientPage = pageOf(PatientSummary).meta({ id: 'PatientPage', description: 'One page of patients, in name order' });

export const AccessLogEntry = z
  .object({
    at: z.string(), action: z.string(), role: z.string().nullable(), who: z.string().nullable(), organisation: z.string().nullable(),
    userId: z.string().nullable().describe('The account that did it; tells apart two people with the same name'),
  })
  .meta({ id: 'AccessLogEntry' });
