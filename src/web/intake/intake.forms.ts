// The fracture intake's forms: one page that finds or creates the patient and records the fracture,
// and the waiver of the work-up. Each is a zod schema (the route validates the body with it), its
// labels in page order, and the few messages the general ones would not say.
import { z } from 'zod';
import type { Messages } from '../i18n/index.js';
import { BirthDate, PatientInput } from '../../schema/patient.schema.js';
import { text } from '../../schema/text.js';
import { todayNl } from '../../schema/clock.js';
import { FractureSite } from '../../core/case.schema.js';
import { FRACTURE_SIDES, WORKUP_WAIVED_REASONS } from '../../core/record/lists.js';
import { isoDate, isRecordDate } from '../../core/time/date.js';
import { input, pageForm, typedDate } from '../forms.js';

/** A fracture has happened: its date is today or earlier (the record refuses a later one too). */
const FractureDate = isoDate.superRefine((d, ctx) => {
  if (isRecordDate(d) && d > todayNl()) ctx.addIssue({ code: 'custom', message: 'lies in the future', params: { code: 'date-in-future' } });
});

export const ENERGIES = ['low', 'high'] as const;

const shape = PatientInput.shape;

export const IntakeForm = pageForm({
  schema: z.looseObject({
    familyName: input(shape.familyName),
    givenName: input(shape.givenName),
    birthDate: typedDate(BirthDate),
    sex: input(shape.sex),
    bsn: input(shape.bsn),
    fractureDate: typedDate(FractureDate),
    site: input(FractureSite),
    side: input(z.enum(FRACTURE_SIDES)),
    energy: input(z.enum(ENERGIES)),
    pathological: input(z.literal('yes').optional()),
    department: input(text().trim().min(1).max(100).optional(), { trim: true }),
    // The second step, when Botpad knows someone like this patient: that record's id, or "new".
    patientId: input(z.union([z.uuid(), z.literal('new')]).optional()),
  }),
  labels: (t) => {
    const f = t.patients.fields;
    const i = t.intake;
    return {
      patientId: i.choiceLabel, familyName: f.familyName, givenName: f.givenName, birthDate: f.birthDate, sex: f.sex, bsn: f.bsn,
      site: i.site, side: i.side, fractureDate: i.fractureDate, energy: i.energy, pathological: i.pathological, department: i.department,
    };
  },
  messages: (t) => {
    const i = t.intake;
    return {
      sex: { required: t.form.choose(t.patients.fields.sex) },
      fractureDate: { 'date-in-future': i.future(i.fractureDate) },
      site: { required: t.form.choose(i.site), '*': t.form.choose(i.site) },
      side: { required: t.form.choose(i.side), '*': t.form.choose(i.side) },
      energy: { required: t.form.choose(i.energy), '*': t.form.choose(i.energy) },
      patientId: { '*': t.form.choose(i.match.legend) },
    };
  },
});

export type IntakeData = z.output<typeof IntakeForm.schema>;

/** The fracture as the record stores it: the core's schema for the kind checks it once more. */
export function fractureFact(d: IntakeData) {
  return {
    kind: 'fracture' as const,
    date: d.fractureDate,
    data: {
      site: d.site,
      side: d.side,
      highEnergy: d.energy === 'high',
      pathological: d.pathological === 'yes',
      ...(d.department ? { department: d.department } : {}),
    },
  };
}

/** The values the intake form opens with: today as the fracture's date, a low-energy fracture, side not known. */
export function intakeDefaults(typedToday: string): Record<string, string> {
  return { fractureDate: typedToday, side: 'unknown', energy: 'low' };
}

export const WaiverForm = pageForm({
  schema: z.looseObject({ reason: input(z.enum(WORKUP_WAIVED_REASONS)) }),
  labels: (t: Messages) => ({ reason: t.intake.waiveReason }),
  messages: (t: Messages) => ({ reason: { required: t.form.choose(t.intake.waiveReason), '*': t.form.choose(t.intake.waiveReason) } }),
});
