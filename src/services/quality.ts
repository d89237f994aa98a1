// The fracture liaison service's quality dashboard (docs/quality.md): the FLS-DB and IOF indicators
// counted from the care itself, per period, per clinician and as a trend, and the patients behind
// every figure. The figures come from one derived row per patient (core/quality, kept by the same
// transaction that re-derives the worklist, and by the daily run), added up by the store.
// Reading the figures is `quality.read`, audited once; reading the rows behind them is a read of
// those patients' data, audited per patient shown: by name for the clinicians who treat them, as
// the audit pages' code for the administrator (manager, quality officer).
import type { Actor } from '../core/access/index.js';
import type { QualityIndicator, QualityOutcome } from '../core/quality/lists.js';
import type { Cursor, Page } from '../schema/paging.js';
import type { QualityDashboard, QualityPatientRow } from '../schema/quality.schema.js';
import { AppError } from '../schema/problem.js';
import type { AccessDeps, RequestMeta } from './access.js';

export type { QualityDashboard, QualityPatientRow } from '../schema/quality.schema.js';

/** What the dashboard is asked for (the query as `QualityQuery` decodes it). */
export interface QualityAsk {
  kind: 'month' | 'quarter' | 'year';
  /** 2026-03, 2026-Q1 or 2026; absent: the current period of that kind. */
  period?: string | undefined;
  /** How many periods before the one shown the trend covers. */
  trend: number;
  /** Only this clinician's patients. */
  clinician?: string | undefined;
}

/** The patients behind one indicator (and one outcome), a page at a time. */
export interface QualityPatientsAsk extends QualityAsk {
  indicator: QualityIndicator;
  outcome?: QualityOutcome | undefined;
  limit: number;
  cursor?: Cursor | undefined;
}

/** Every patient row of the period for the CSV (one indicator's, or the whole cohort). */
export interface QualityExportAsk extends QualityAsk {
  indicator?: QualityIndicator | undefined;
  outcome?: QualityOutcome | undefined;
}

export type QualityPatientsPage = Page<QualityPatientRow>;

/** The figures of a period: every indicator with its trend and its figures per clinician. */
export async function qualityDashboard(deps: AccessDeps, actor: Actor, meta: RequestMeta, ask: QualityAsk): Promise<QualityDashboard> {
  void deps; void actor; void meta; void ask;
  return Promise.reject(new AppError('internal', 'The quality dashboard is not computed yet.'));
}

/** One page of the patients behind a figure; each patient shown is audited. */
export async function qualityPatients(deps: AccessDeps, actor: Actor, meta: RequestMeta, ask: QualityPatientsAsk): Promise<QualityPatientsPage> {
  void deps; void actor; void meta; void ask;
  return Promise.reject(new AppError('internal', 'The quality dashboard is not computed yet.'));
}

/** Every patient row behind the period's figures, for the CSV; each patient is audited. */
export async function qualityPatientsExport(deps: AccessDeps, actor: Actor, meta: RequestMeta, ask: QualityExportAsk): Promise<QualityPatientRow[]> {
  void deps; void actor; void meta; void ask;
  return Promise.reject(new AppError('internal', 'The quality dashboard is not computed yet.'));
}

/** The figures as the rows of a CSV file (codes, not words: the same in every language). */
export function figuresTable(d: QualityDashboard): string[][] {
  void d;
  return [];
}

/** The patient rows as the rows of a CSV file; pseudonymised rows carry the code, never a name. */
export function patientsTable(rows: readonly QualityPatientRow[]): string[][] {
  void rows;
  return [];
}
