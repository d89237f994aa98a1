// The administrator's forms: a new member of staff, a role change, the audit search (a GET form), and
// the organisation's clinical settings.
import { z } from 'zod';
import { NewClinician, RoleChange } from '../../schema/account.schema.js';
import { text } from '../../schema/text.js';
import { input, optionalTypedDate, pageForm } from '../forms.js';
import { AUDIT_ACTIONS } from '../../core/access/lists.js';
import { normalPatientCode } from '../../api/facade.js';
import { Settings, type SettingsInput } from '../../core/settings.js';
import type { Messages } from '../i18n/index.js';

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

const S = Settings.shape;
const SERVING = S.calciumPerServingMg.unwrap().shape;

/** The number fields of the settings page and the core's schema of each, whose bounds are the page's too. */
export const SETTING_NUMBERS = {
  glucocorticoidTScoreThreshold: S.glucocorticoidTScoreThreshold.unwrap(),
  vertebralFractureMinT: S.vertebralFractureMinT.unwrap().unwrap(),
  overdueGraceDays: S.overdueGraceDays.unwrap(),
  calciumOtherFoodMg: S.calciumOtherFoodMg.unwrap(),
  aidsCheckIntervalMonths: S.aidsCheckIntervalMonths.unwrap(),
  aidsCheckGrowthCm: S.aidsCheckGrowthCm.unwrap(),
  resultsReleaseDays: S.resultsReleaseDays.unwrap(),
  expectedFracturesPerYear: S.expectedFracturesPerYear.unwrap().unwrap(),
  shiftIdleMinutes: S.shiftIdleMinutes.unwrap(),
} as const;
export type SettingNumber = keyof typeof SETTING_NUMBERS;

/** A serving of the calcium calculator as a field of the page: `serving-milk-glass`. */
export const SERVING_ITEMS = Object.keys(SERVING) as (keyof typeof SERVING)[];
export type ServingItem = (typeof SERVING_ITEMS)[number];
export const servingField = (item: ServingItem) => `serving-${item}`;

/** A number as typed: a Dutch decimal comma is a point; anything else is left for the schema to refuse. */
const typedNumber = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim().replace(',', '.');
    return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : v;
  }, schema);

/** Bounds in words, for a number field's message and hint. */
export interface NumberBounds {
  min: number;
  max: number;
  whole: boolean;
}
export const boundsOf = (schema: z.ZodNumber): NumberBounds => ({ min: schema.minValue ?? 0, max: schema.maxValue ?? 0, whole: schema.isInt });

const servingNumber = (item: ServingItem) => input(typedNumber(SERVING[item].unwrap()));

const numberMessage = (t: Messages, label: string, b: NumberBounds) => (b.whole ? t.orgSettings.whole(label, b.min, b.max) : t.orgSettings.range(label, b.min, b.max));

/**
 * The organisation's settings, every one on the page at once: the page shows the values in force,
 * so what is sent is the whole set (a value equal to its default is kept as no change at all).
 * An empty "T-score at a vertebral fracture" is no limit.
 */
export const SettingsForm = pageForm({
  schema: z.looseObject({
    fractureSitePolicy: input(S.fractureSitePolicy.unwrap()),
    glucocorticoidTScoreThreshold: input(typedNumber(SETTING_NUMBERS.glucocorticoidTScoreThreshold)),
    vertebralFractureMinT: input(typedNumber(SETTING_NUMBERS.vertebralFractureMinT).optional()),
    overdueGraceDays: input(typedNumber(SETTING_NUMBERS.overdueGraceDays)),
    calciumOtherFoodMg: input(typedNumber(SETTING_NUMBERS.calciumOtherFoodMg)),
    ...(Object.fromEntries(SERVING_ITEMS.map((item) => [servingField(item), servingNumber(item)])) as Record<`serving-${ServingItem}`, ReturnType<typeof servingNumber>>),
    aidsCheckIntervalMonths: input(typedNumber(SETTING_NUMBERS.aidsCheckIntervalMonths)),
    aidsCheckGrowthCm: input(typedNumber(SETTING_NUMBERS.aidsCheckGrowthCm)),
    resultsReleaseDays: input(typedNumber(SETTING_NUMBERS.resultsReleaseDays)),
    expectedFracturesPerYear: input(typedNumber(SETTING_NUMBERS.expectedFracturesPerYear).optional()),
    shiftIdleMinutes: input(typedNumber(SETTING_NUMBERS.shiftIdleMinutes)),
  }),
  labels: (t) => {
    const f = t.orgSettings.fields;
    return {
      fractureSitePolicy: f.fractureSitePolicy.label,
      glucocorticoidTScoreThreshold: f.glucocorticoidTScoreThreshold.label,
      vertebralFractureMinT: f.vertebralFractureMinT.label,
      overdueGraceDays: f.overdueGraceDays.label,
      calciumOtherFoodMg: f.calciumOtherFoodMg.label,
      ...Object.fromEntries(SERVING_ITEMS.map((item) => [servingField(item), t.orgSettings.items[item]])),
      aidsCheckIntervalMonths: f.aidsCheckIntervalMonths.label,
      aidsCheckGrowthCm: f.aidsCheckGrowthCm.label,
      resultsReleaseDays: f.resultsReleaseDays.label,
      expectedFracturesPerYear: f.expectedFracturesPerYear.label,
      shiftIdleMinutes: f.shiftIdleMinutes.label,
    };
  },
  messages: (t) => {
    const f = t.orgSettings.fields;
    const numbers: [string, string, NumberBounds][] = [
      ...(Object.keys(SETTING_NUMBERS) as SettingNumber[]).map((k): [string, string, NumberBounds] => [k, f[k].label, boundsOf(SETTING_NUMBERS[k])]),
      ...SERVING_ITEMS.map((item): [string, string, NumberBounds] => [servingField(item), t.orgSettings.items[item], boundsOf(SERVING[item].unwrap())]),
    ];
    return {
      fractureSitePolicy: { required: t.form.choose(f.fractureSitePolicy.label), '*': t.form.choose(f.fractureSitePolicy.label) },
      // Out of range is "too big" to zod as much as too long a text: here it is a number's bounds.
      ...Object.fromEntries(numbers.map(([name, label, b]) => [name, { too_big: numberMessage(t, label, b), '*': numberMessage(t, label, b) }])),
    };
  },
});

/** What the settings form sends, as the core's settings. */
export function settingsOfForm(data: z.output<typeof SettingsForm.schema>): SettingsInput {
  return {
    fractureSitePolicy: data.fractureSitePolicy,
    glucocorticoidTScoreThreshold: data.glucocorticoidTScoreThreshold,
    vertebralFractureMinT: data.vertebralFractureMinT ?? null,
    overdueGraceDays: data.overdueGraceDays,
    calciumOtherFoodMg: data.calciumOtherFoodMg,
    calciumPerServingMg: Object.fromEntries(SERVING_ITEMS.map((item) => [item, data[`serving-${item}`]])) as Settings['calciumPerServingMg'],
    aidsCheckIntervalMonths: data.aidsCheckIntervalMonths,
    aidsCheckGrowthCm: data.aidsCheckGrowthCm,
    resultsReleaseDays: data.resultsReleaseDays,
    // Empty: not entered; the dashboard then shows identification as a count only.
    expectedFracturesPerYear: data.expectedFracturesPerYear ?? null,
    shiftIdleMinutes: data.shiftIdleMinutes,
  };
}
