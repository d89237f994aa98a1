// The forms of a child's bone-health pages: the profile, a growth measurement, an earlier fracture
// (the day centre's physician and physiotherapist), and a vitamin D dose (parents and staff: a
// typed day on the staff's page, today or yesterday as two big buttons on the parents'). The
// bounds are the API's (schema/child-profile.schema.ts), each problem at its field.
import { z } from 'zod';
import { FRACTURE_SITES, MOBILITY } from '../../core/case.schema.js';
import { isRecordDate } from '../../core/time/date.js';
import { DOSE_MAX_MICROGRAMS, FEEDING } from '../../schema/child-profile.schema.js';
import { todayNl } from '../../schema/clock.js';
import { text } from '../../schema/text.js';
import { input, pageForm, typedDate } from '../forms.js';

const yesNo = input(z.enum(['yes', 'no']).optional());
/** A number as typed the Dutch way too ("24,5"). */
const decimal = (max: number) => input(z.preprocess((v) => (typeof v === 'string' ? Number(v.replace(',', '.')) : v), z.number().gt(0).max(max)).optional());
const notAhead = (v: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
  const d = v.date;
  if (typeof d === 'string' && isRecordDate(d) && d > todayNl()) ctx.addIssue({ code: 'custom', path: ['date'], message: 'lies in the future', params: { code: 'date-in-future' } });
};
const objectOnly = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

export const profileForm = pageForm({
  schema: z.looseObject({
    mobility: input(z.enum(MOBILITY)),
    indoorsMostly: yesNo,
    antiEpileptics: input(z.coerce.number().int().min(0).max(20).optional()),
    corticosteroids: yesNo,
    feeding: input(z.enum(FEEDING).optional()),
    fibreRich: yesNo,
    note: input(text().trim().max(2000).optional(), { trim: true }),
  }),
  labels: (t) => {
    const c = t.childProfile;
    return { mobility: c.mobility, indoorsMostly: c.indoorsMostly, antiEpileptics: c.antiEpileptics, corticosteroids: c.corticosteroids, feeding: c.feeding, fibreRich: c.fibreRich, note: c.note };
  },
  messages: (t) => ({ antiEpileptics: { too_big: t.childProfile.antiEpilepticsRange, '*': t.childProfile.antiEpilepticsRange } }),
});

export const growthForm = pageForm({
  schema: z
    .looseObject({ date: typedDate(), weightKg: decimal(200), heightCm: decimal(260) })
    .superRefine((v, ctx) => {
      notAhead(v, ctx);
      if (v.weightKg === undefined && v.heightCm === undefined) ctx.addIssue({ code: 'custom', path: ['weightKg'], message: 'give a weight, a height or both' });
    }, objectOnly),
  labels: (t) => ({ date: t.childProfile.date, weightKg: t.childProfile.weight, heightCm: t.childProfile.height }),
  messages: (t) => ({
    date: { 'date-in-future': t.childProfile.dateFuture },
    weightKg: { custom: t.childProfile.weightOrHeight, too_big: t.childProfile.weightRange, '*': t.childProfile.weightRange },
    heightCm: { too_big: t.childProfile.heightRange, '*': t.childProfile.heightRange },
  }),
});

export const fractureForm = pageForm({
  schema: z
    .looseObject({ date: typedDate(), site: input(z.enum(FRACTURE_SITES)), how: input(text().trim().min(1).max(500), { trim: true }) })
    .superRefine(notAhead, objectOnly),
  labels: (t) => ({ date: t.childProfile.date, site: t.childProfile.site, how: t.childProfile.how }),
  messages: (t) => ({ date: { 'date-in-future': t.childProfile.dateFuture } }),
});

const dose = input(z.coerce.number().int().min(1).max(DOSE_MAX_MICROGRAMS));

export const doseForm = pageForm({
  schema: z.looseObject({ date: typedDate(), dose }).superRefine(notAhead, objectOnly),
  labels: (t) => ({ date: t.childVitaminD.date, dose: t.childVitaminD.dose }),
  messages: (t) => ({ date: { 'date-in-future': t.childVitaminD.dateFuture }, dose: { too_big: t.childVitaminD.doseRange, '*': t.childVitaminD.doseRange } }),
});

/** The parents' form: the dose, and which big button was pressed (today or yesterday). */
export const parentDoseForm = pageForm({
  schema: z.looseObject({ dose, day: input(z.enum(['today', 'yesterday'])) }),
  labels: (t) => ({ dose: t.childVitaminD.dose, day: t.childVitaminD.date }),
  messages: (t) => ({ dose: { too_big: t.childVitaminD.doseRange, '*': t.childVitaminD.doseRange } }),
});
