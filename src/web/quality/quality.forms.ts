// The dashboard's chooser and the drill-down's address: plain GET forms, so a link, a bookmark and
// the back button keep what was chosen. A period written for another kind is not an error here
// (periods.ts takes it over); one that is no period at all is, at its field.
import { z } from 'zod';
import { EXCLUSION_REASONS, PERIOD_KINDS, QUALITY_INDICATORS, QUALITY_OUTCOMES } from '../../core/quality/lists.js';
import { input, pageForm } from '../forms.js';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

const chooser = {
  kind: input(z.enum(PERIOD_KINDS).optional()),
  period: input(z.string().regex(PERIOD).optional(), { trim: true }),
  clinician: input(z.uuid().optional()),
};

export const DashboardForm = pageForm({
  schema: z.looseObject(chooser),
  labels: (t) => ({ kind: t.quality.kind, period: t.quality.period, clinician: t.quality.clinician }),
  messages: (t) => ({ period: { '*': t.quality.badPeriod } }),
});

export const PatientsForm = pageForm({
  schema: z.looseObject({
    ...chooser,
    indicator: input(z.enum(QUALITY_INDICATORS)),
    outcome: input(z.enum(QUALITY_OUTCOMES).optional()),
    reason: input(z.enum(EXCLUSION_REASONS).optional()),
    cursor: input(z.string().max(500).optional()),
  }),
  labels: (t) => ({ kind: t.quality.kind, period: t.quality.period, clinician: t.quality.clinician, indicator: t.quality.indicator, outcome: t.quality.outcome, reason: t.quality.reason }),
  messages: (t) => ({ period: { '*': t.quality.badPeriod } }),
});

/** What the pages pass on in their links: the chooser's fields, in the form's order. */
export const CHOOSER_FIELDS = ['kind', 'period', 'clinician'] as const;
export type Chosen = Partial<Record<(typeof CHOOSER_FIELDS)[number], string>>;

/** An address on the dashboard's pages with the chooser's fields and `extra` (empty ones left out). */
export function qualityHref(path: string, chosen: Chosen, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const f of CHOOSER_FIELDS) {
    const v = chosen[f];
    if (v !== undefined && v !== '') q.set(f, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s === '' ? path : `${path}?${s}`;
}
