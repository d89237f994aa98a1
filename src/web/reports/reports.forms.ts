// The report's screens, one question or a small group each: what to report; for a fracture which
// bone and how, else what happened; since when; how bad (and a note). Each screen is checked on
// its own with the same lists and bounds as the API; the answers of earlier screens travel along
// in the form (hidden fields), so nothing is kept on the server until the report is sent.
import { z } from 'zod';
import { REPORT_FRACTURE_CAUSES, REPORT_KINDS, REPORT_SEVERITIES } from '../../core/record/lists.js';
import { REPORT_SITES, sinceProblem } from '../../core/reports/reports.js';
import { isRecordDate } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import { text } from '../../schema/text.js';
import { input, isoFromTyped, pageForm, typedDate, type PageForm } from '../forms.js';

/** Every answer of a report, as typed. */
export const REPORT_FIELDS = ['kind', 'site', 'cause', 'what', 'since', 'severity', 'note'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
export type ReportValues = Partial<Record<ReportField, string>>;

/** The screens in order; the last one shows the answers to check before sending. */
export const REPORT_STEPS = ['kind', 'details', 'since', 'severity', 'check'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

const kindForm = pageForm({
  schema: z.looseObject({ kind: input(z.enum(REPORT_KINDS)) }),
  labels: (t) => ({ kind: t.reports.kind }),
});

const fractureForm = pageForm({
  schema: z.looseObject({ site: input(z.enum(REPORT_SITES)), cause: input(z.enum(REPORT_FRACTURE_CAUSES)) }),
  labels: (t) => ({ site: t.reports.site, cause: t.reports.cause }),
});

const whatForm = pageForm({
  schema: z.looseObject({ what: input(text().trim().min(1).max(2000), { trim: true }) }),
  labels: (t) => ({ what: t.reports.whatFall }),
  messages: (t) => ({ what: { required: t.reports.whatRequired } }),
});

const sinceForm = pageForm({
  schema: z.looseObject({ since: typedDate() }).superRefine((v, ctx) => {
    const d = v.since as unknown;
    if (typeof d !== 'string' || !isRecordDate(d)) return;
    const problem = sinceProblem(d, todayNl());
    if (problem === 'in-future') ctx.addIssue({ code: 'custom', path: ['since'], message: 'lies in the future', params: { code: 'date-in-future' } });
    if (problem === 'too-long-ago') ctx.addIssue({ code: 'custom', path: ['since'], message: 'lies too far back' });
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null }),
  labels: (t) => ({ since: t.reports.since }),
  messages: (t) => ({ since: { 'date-in-future': t.reports.sinceFuture, custom: t.reports.sinceLongAgo } }),
});

const severityForm = pageForm({
  schema: z.looseObject({ severity: input(z.enum(REPORT_SEVERITIES)), note: input(text().trim().max(2000).optional(), { trim: true }) }),
  labels: (t) => ({ severity: t.reports.severity, note: t.reports.note }),
});

/** The form of one screen; the details screen depends on what is reported. */
export function formOf(step: ReportStep, values: ReportValues): PageForm<z.ZodType> | undefined {
  switch (step) {
    case 'kind':
      return kindForm;
    case 'details':
      return values.kind === 'fracture' ? fractureForm : whatForm;
    case 'since':
      return sinceForm;
    case 'severity':
      return severityForm;
    case 'check':
      return undefined;
  }
}

/** The fields a screen asks; the others travel along hidden. */
export function fieldsOf(step: ReportStep, values: ReportValues): readonly ReportField[] {
  switch (step) {
    case 'kind':
      return ['kind'];
    case 'details':
      return values.kind === 'fracture' ? ['site', 'cause'] : ['what'];
    case 'since':
      return ['since'];
    case 'severity':
      return ['severity', 'note'];
    case 'check':
      return [];
  }
}

/** The report as the API takes it, from answers that passed their screens; only the fields of its kind. */
export function reportInputOf(v: ReportValues): Record<string, string> {
  const out: Record<string, string> = { kind: v.kind ?? '', since: isoFromTyped(v.since), severity: v.severity ?? '' };
  if (v.kind === 'fracture') {
    out.site = v.site ?? '';
    out.cause = v.cause ?? '';
  } else out.what = (v.what ?? '').trim();
  const note = (v.note ?? '').trim();
  if (note !== '') out.note = note;
  return out;
}
