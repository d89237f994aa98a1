// The quality dashboard at the edge: what is asked (a period, how many periods back for the trend,
// optionally one clinician) and what comes back (per indicator its numerator, denominator and share,
// the patients left out beside it by reason, the trend and the figures per clinician), and the
// patient-level rows behind a figure, for the drill-down and the CSV export. The indicators and
// their definitions: docs/quality.md and src/core/quality/.
import { z } from 'zod';
import { isoDate } from '../core/time/date.js';
import { COMPLETENESS_FIELDS, EXCLUSION_REASONS, PERIOD_KINDS, QUALITY_INDICATORS, QUALITY_OUTCOMES } from '../core/quality/lists.js';
import { pageOf, pageQuery } from './paging.js';

export const QualityIndicator = z.enum(QUALITY_INDICATORS);
export const QualityOutcome = z.enum(QUALITY_OUTCOMES);
export const ExclusionReason = z.enum(EXCLUSION_REASONS);
export const PeriodKind = z.enum(PERIOD_KINDS);

/** How a period is written for each kind: 2026-03, 2026-Q1, 2026. */
export const PERIOD_PATTERNS: Readonly<Record<(typeof PERIOD_KINDS)[number], RegExp>> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};
const PERIOD_EXAMPLE = { month: '2026-03', quarter: '2026-Q1', year: '2026' } as const;

/** The most past periods a trend shows. */
export const MAX_TREND = 24;
export const DEFAULT_TREND = 6;

const periodFields = {
  kind: PeriodKind.default('year').describe('The length of a period: month, quarter or year (default)'),
  period: z
    .string()
    .max(10)
    .optional()
    .describe('The period shown: 2026-03 (month), 2026-Q1 (quarter) or 2026 (year). Leave out for the current one'),
  trend: z.coerce
    .number('must be a whole number')
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(MAX_TREND, `must be at most ${String(MAX_TREND)}`)
    .default(DEFAULT_TREND)
    .describe(`How many periods before the one shown the trend covers (0 to ${String(MAX_TREND)}, default ${String(DEFAULT_TREND)})`),
  clinician: z.uuid('is not a valid user id').optional().describe('Only the patients of this clinician (who signed the assessment of their index fracture)'),
};

/** The period must be written as its kind asks, and lie between 1900 and 2999. */
function checkPeriod(q: { kind: (typeof PERIOD_KINDS)[number]; period?: string | undefined }, ctx: z.RefinementCtx): void {
  if (q.period === undefined) return;
  const m = PERIOD_PATTERNS[q.kind].exec(q.period);
  if (!m) {
    ctx.addIssue({ code: 'custom', path: ['period'], message: `is not a ${q.kind}: write it as ${PERIOD_EXAMPLE[q.kind]}` });
    return;
  }
  const year = Number(m[1]);
  if (year < 1900 || year > 2999) ctx.addIssue({ code: 'custom', path: ['period'], message: 'must lie between 1900 and 2999' });
}

// Query schemas stay without an id: the OpenAPI generator expands a query's fields into
// parameters and cannot follow a reference there.
export const QualityQuery = z
  .object(periodFields)
  .strict()
  .superRefine(checkPeriod);
export type QualityQuery = z.infer<typeof QualityQuery>;

/** The key a page of patient rows continues from: the index fracture's date, then the patient id. */
export const QualityPatientKey = z.tuple([isoDate, z.uuid()]);

export const QualityPatientsQuery = z
  .object({
    ...periodFields,
    indicator: QualityIndicator.describe('The indicator whose patients are listed'),
    outcome: QualityOutcome.optional().describe('Only the patients with this outcome; leave out for everyone the indicator counts'),
    ...pageQuery(QualityPatientKey),
  })
  .strict()
  .superRefine(checkPeriod);
export type QualityPatientsQuery = z.infer<typeof QualityPatientsQuery>;

/** The CSV of patient rows: every row of the period (one indicator's, or all), not paged. */
export const QualityPatientsExportQuery = z
  .object({
    ...periodFields,
    indicator: QualityIndicator.optional().describe('Only the patients this indicator counts; leave out for the whole cohort'),
    outcome: QualityOutcome.optional().describe('Only the patients with this outcome (needs `indicator`)'),
  })
  .strict()
  .superRefine((q, ctx) => {
    checkPeriod(q, ctx);
    if (q.outcome !== undefined && q.indicator === undefined) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'needs an indicator' });
  });
export type QualityPatientsExportQuery = z.infer<typeof QualityPatientsExportQuery>;

/** A number out of a number; `share` is numerator / denominator (0 to 1), null when the denominator is 0 or unknown. */
const Ratio = {
  numerator: z.int().min(0),
  denominator: z.int().min(0).nullable().describe('null: not known (identification without the expected number of fractures a year)'),
  share: z.number().min(0).nullable(),
};

export const Period = z
  .object({
    kind: PeriodKind,
    label: z.string().describe('As asked: 2026-03, 2026-Q1, 2026'),
    from: isoDate.describe('First day'),
    to: isoDate.describe('Last day'),
  })
  .meta({ id: 'QualityPeriod' });
export type Period = z.infer<typeof Period>;

export const Excluded = z
  .object(Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, z.int().min(0)])) as Record<(typeof EXCLUSION_REASONS)[number], z.ZodInt>)
  .strict()
  .describe('Patients left out of the denominator, by reason: counted beside it, never hidden');

export const TrendPoint = z
  .object({ period: Period, ...Ratio })
  .meta({ id: 'QualityTrendPoint' });

export const ClinicianFigure = z
  .object({
    clinicianId: z.uuid().nullable().describe('null: patients whose assessment nobody has signed yet'),
    name: z.string().nullable(),
    ...Ratio,
  })
  .meta({ id: 'QualityClinicianFigure' });

export const IndicatorFigures = z
  .object({
    indicator: QualityIndicator,
    source: z.array(z.string()).describe('Where the definition comes from (FLS-DB, IOF-KPI, BOTPAD-POLICY)'),
    recordable: z.boolean().describe('false: the record holds no fact for this indicator yet; the figures are then empty, never guessed'),
    ...Ratio,
    open: z.int().min(0).describe('Patients whose target date has not yet passed: in neither count'),
    excluded: Excluded,
    iofTwelveWeeks: z
      .object(Ratio)
      .nullable()
      .describe('dxa-90-days only: the same step within IOF\'s 12 weeks (84 days), over the same denominator; null elsewhere'),
    trend: z.array(TrendPoint).describe('The periods before the one shown and that period, oldest first'),
    perClinician: z.array(ClinicianFigure).describe('The period shown per clinician'),
  })
  .meta({ id: 'QualityIndicatorFigures' });
export type IndicatorFigures = z.infer<typeof IndicatorFigures>;

export const QualityDashboard = z
  .object({
    period: Period,
    asOf: isoDate.describe('The day the outcomes were judged on (targets turn not met with time)'),
    clinician: z.uuid().nullable().describe('The clinician asked for, or null for the whole service'),
    cohort: z.int().min(0).describe('Patients whose index fracture falls in the period'),
    expectedFracturesPerYear: z.int().min(0).nullable().describe('The administrator\'s setting behind the identification share; null: not entered'),
    indicators: z.array(IndicatorFigures).describe('Every indicator, in the fixed order'),
  })
  .meta({ id: 'QualityDashboard' });
export type QualityDashboard = z.infer<typeof QualityDashboard>;

export const PatientOutcome = z
  .object({
    outcome: QualityOutcome,
    reason: ExclusionReason.nullable().describe('Why excluded; null for the other outcomes'),
  })
  .nullable()
  .describe('null: the indicator does not count this patient (outside its population)');
export type PatientOutcome = z.infer<typeof PatientOutcome>;

export const QualityPatientRow = z
  .object({
    patientId: z.uuid().nullable().describe('null for roles that see pseudonyms'),
    name: z.string().nullable().describe('null for roles that see pseudonyms'),
    birthDate: isoDate.nullable().describe('null for roles that see pseudonyms'),
    pseudonym: z.string().nullable().describe('The patient\'s code (as on the audit pages) for roles that may not see names; null for the others'),
    indexFracture: isoDate,
    fractureSite: z.string(),
    clinicianId: z.uuid().nullable(),
    clinicianName: z.string().nullable(),
    outcomes: z.object(Object.fromEntries(QUALITY_INDICATORS.map((i) => [i, PatientOutcome])) as Record<(typeof QUALITY_INDICATORS)[number], typeof PatientOutcome>),
    missing: z.array(z.enum(COMPLETENESS_FIELDS)).describe('What data completeness still lacks for this patient'),
  })
  .meta({ id: 'QualityPatientRow' });
export type QualityPatientRow = z.infer<typeof QualityPatientRow>;

export const QualityPatientsPage = pageOf(QualityPatientRow)
  .extend({ total: z.int().min(0).describe('Rows under the same query') })
  .meta({ id: 'QualityPatientsPage' });
