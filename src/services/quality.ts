// The fracture liaison service's quality dashboard (docs/quality.md): the FLS-DB and IOF indicators
// counted from the care itself, per period, per clinician and as a trend, and the patients behind
// every figure. The figures come from one derived row per patient (core/quality, kept by the same
// transaction that re-derives the worklist, and by the daily run), added up by the store.
// Reading the figures is `quality.read`, audited once; reading the rows behind them is a read of
// those patients' data, audited per patient shown: by name for the clinicians who treat them, as
// the audit pages' code for the administrator (manager, quality officer).
import { authorize, QUALITY_NAME_ROLES, type Actor } from '../core/access/index.js';
import { fullName } from '../core/names.js';
import { INDICATOR_SOURCES } from '../core/quality/indicators.js';
import { COMPLETENESS_FIELDS, EXCLUSION_REASONS, QUALITY_INDICATORS, type CompletenessField, type ExclusionReason, type OutcomeCode, type QualityIndicator, type QualityOutcome } from '../core/quality/lists.js';
import { parsePeriod, periodMonths, periodOf, trendPeriods, type PeriodBounds } from '../core/quality/periods.js';
import { todayNl } from '../schema/clock.js';
import { encodeCursor, type Cursor, type Page } from '../schema/paging.js';
import type { IndicatorFigures, PatientOutcome, QualityDashboard, QualityPatientRow } from '../schema/quality.schema.js';
import { AppError } from '../schema/problem.js';
import { inTransaction, type Tx } from '../store/db.js';
import * as repo from '../store/quality.repo.js';
import { auditEntry, type AccessDeps, type RequestMeta } from './access.js';
import { settingsForOrganisation } from './org-settings.js';
import { patientCode, pseudonymKey } from './pseudonym.js';

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

/** The most rows one CSV export holds; a larger one is refused with the advice to narrow it. */
export const EXPORT_MAX = 50_000;

/** The organisation whose figures `actor` may read: decided by the core, a refusal audited. */
async function allowedOrganisation(deps: AccessDeps, actor: Actor, meta: RequestMeta, resource: string): Promise<{ organisationId: string; reason: string }> {
  const d = authorize(actor, 'quality.read', null, todayNl());
  if (!d.allowed || actor.organisationId === null) {
    await deps.auditor.refused(deps.db, { actor, meta, action: 'quality.read', resource, reason: d.reason });
    throw new AppError('forbidden', `You may not do this: ${d.reason}.`);
  }
  return { organisationId: actor.organisationId, reason: d.reason };
}

/** The period asked for, or the current one; a label that names no period is refused with its field. */
function periodAsked(ask: QualityAsk): PeriodBounds {
  if (ask.period === undefined) return periodOf(ask.kind, todayNl());
  const p = parsePeriod(ask.kind, ask.period);
  if (p === undefined) throw new AppError('invalid-input', 'The period does not match its kind.', [{ pointer: '/query/period', detail: `is not a ${ask.kind}` }]);
  return p;
}

const share = (num: number, den: number | null): number | null => (den === null || den === 0 ? null : num / den);

/** The figures of a period: every indicator with its trend and its figures per clinician. */
export async function qualityDashboard(deps: AccessDeps, actor: Actor, meta: RequestMeta, ask: QualityAsk): Promise<QualityDashboard> {
  const period = periodAsked(ask);
  const { organisationId, reason } = await allowedOrganisation(deps, actor, meta, 'quality');
  const trend = trendPeriods(period, ask.trend);
  const first = trend[0] ?? period;
  const settings = await settingsForOrganisation(deps.db, organisationId);
  const expected = settings.expectedFracturesPerYear;
  const groups = await repo.qualityFigures(deps.db, ask.kind, { organisationId, from: first.from, to: period.to, clinicianId: ask.clinician });
  const whole = new Map(groups.filter((g) => !g.perClinician).map((g) => [g.period, g]));
  const mine = groups.filter((g) => g.perClinician && g.period === period.label);
  const names = await clinicianNames(deps, organisationId, mine.map((g) => g.clinicianId).filter((x): x is string => x !== null));
  // Identification's denominator: the catchment's expected qualifying fractures, for the period's length.
  const expectedIn = expected === null ? null : Math.round((expected * periodMonths(ask.kind)) / 12);
  const ratio = (g: repo.FigureGroup | undefined, i: QualityIndicator) => {
    if (i === 'identification') {
      const n = g?.cohort ?? 0;
      return { numerator: n, denominator: expectedIn, share: share(n, expectedIn) };
    }
    const c = g?.counts[i];
    const num = c?.met ?? 0;
    const den = num + (c?.notMet ?? 0);
    return { numerator: num, denominator: den, share: share(num, den) };
  };
  const shown = whole.get(period.label);
  const indicators: IndicatorFigures[] = QUALITY_INDICATORS.map((i) => {
    const r = ratio(shown, i);
    const dxaDen = r.denominator ?? 0;
    return {
      indicator: i,
      source: [...INDICATOR_SOURCES[i]],
      recordable: true,
      ...r,
      open: shown?.counts[i].open ?? 0,
      excluded: shown?.counts[i].excluded ?? { 'workup-waived': 0, died: 0, 'left-care': 0 },
      iofTwelveWeeks: i === 'dxa-90-days' ? { numerator: shown?.iofMet ?? 0, denominator: dxaDen, share: share(shown?.iofMet ?? 0, dxaDen) } : null,
      trend: trend.map((p) => ({ period: { kind: p.kind, label: p.label, from: p.from, to: p.to }, ...ratio(whole.get(p.label), i) })),
      perClinician: mine.map((g) => ({ clinicianId: g.clinicianId, name: g.clinicianId === null ? null : names.get(g.clinicianId) ?? null, ...ratio(g, i) })),
    };
  });
  // Figures name no patient: one entry for the reading, with the period in the resource.
  await deps.auditor.allowed(deps.db, { actor, meta, action: 'quality.read', resource: `quality/${ask.kind}/${period.label}`, reason });
  return {
    period: { kind: period.kind, label: period.label, from: period.from, to: period.to },
    asOf: todayNl(),
    clinician: ask.clinician ?? null,
    cohort: shown?.cohort ?? 0,
    expectedFracturesPerYear: expected,
    indicators,
  };
}

async function clinicianNames(deps: AccessDeps, organisationId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', organisationId).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

function outcomeOf(code: OutcomeCode | null): PatientOutcome {
  if (code === null) return null;
  if (code.startsWith('excluded:')) return { outcome: 'excluded', reason: code.slice('excluded:'.length) as ExclusionReason };
  return { outcome: code as 'met' | 'not-met' | 'open', reason: null };
}

/**
 * The rows as this reader may see them, each patient audited in the caller's transaction: a read
 * of that patient's data (`quality.read` with the patient named), by name for the clinicians who
 * treat them, as the audit pages' code for the administrator.
 */
async function present(deps: AccessDeps, trx: Tx, actor: Actor, meta: RequestMeta, resource: string, reason: string, rows: readonly repo.QualityPatientRowDb[]): Promise<QualityPatientRow[]> {
  const named = QUALITY_NAME_ROLES.includes(actor.role);
  const key = named ? undefined : await pseudonymKey(trx);
  const ids = [...new Set(rows.map((r) => r.patient_id))];
  const entries = ids.map((id) => auditEntry({ actor, meta, action: 'quality.read', resource, patientId: id, allowed: true, reason }));
  if (entries.length === 0) entries.push(auditEntry({ actor, meta, action: 'quality.read', resource, allowed: true, reason: 'no patients shown' }));
  await deps.auditor.record(trx, entries);
  return rows.map((r) => ({
    patientId: named ? r.patient_id : null,
    name: named ? fullName({ givenName: r.given_name, familyNamePrefix: r.family_name_prefix, familyName: r.family_name }) : null,
    birthDate: named ? r.birth_date : null,
    pseudonym: key ? patientCode(key, r.patient_id) : null,
    indexFracture: r.index_fracture,
    fractureSite: r.fracture_site,
    clinicianId: r.clinician_id,
    clinicianName: r.clinician_name,
    outcomes: Object.fromEntries(QUALITY_INDICATORS.map((i) => [i, outcomeOf(r.outcomes[i])])) as QualityPatientRow['outcomes'],
    missing: r.missing.filter((m): m is CompletenessField => (COMPLETENESS_FIELDS as readonly string[]).includes(m)),
  }));
}

/** One page of the patients behind a figure; each patient shown is audited. */
export async function qualityPatients(deps: AccessDeps, actor: Actor, meta: RequestMeta, ask: QualityPatientsAsk): Promise<QualityPatientsPage> {
  const period = periodAsked(ask);
  const resource = `quality/patients/${ask.indicator}`;
  const { organisationId, reason } = await allowedOrganisation(deps, actor, meta, resource);
  return inTransaction(deps.db, async (trx) => {
    const page = await repo.pageQualityPatients(trx, { organisationId, from: period.from, to: period.to, clinicianId: ask.clinician, indicator: ask.indicator, outcome: ask.outcome }, { limit: ask.limit, cursor: ask.cursor });
    return {
      items: await present(deps, trx, actor, meta, resource, reason, page.rows),
      nextCursor: page.next ? encodeCursor({ dir: 'after', key: page.next }) : null,
      prevCursor: page.prev ? encodeCursor({ dir: 'before', key: page.prev }) : null,
      total: page.total,
      before: page.before,
    };
  });
}

/** Every patient row behind the period's figures, for the CSV; each patient is audited. */
export async function qualityPatientsExport(deps: AccessDeps, actor: Actor, meta: RequestMeta, ask: QualityExportAsk): Promise<QualityPatientRow[]> {
  const period = periodAsked(ask);
  const resource = `quality/patients.csv${ask.indicator ? `/${ask.indicator}` : ''}`;
  const { organisationId, reason } = await allowedOrganisation(deps, actor, meta, resource);
  return inTransaction(deps.db, async (trx) => {
    const rows = await repo.allQualityPatients(trx, { organisationId, from: period.from, to: period.to, clinicianId: ask.clinician, indicator: ask.indicator, outcome: ask.outcome }, EXPORT_MAX);
    if (rows.length > EXPORT_MAX) {
      throw new AppError('invalid-input', `More than ${String(EXPORT_MAX)} patients: choose a shorter period, an indicator or a clinician.`, [{ pointer: '/query/period', detail: `holds more than ${String(EXPORT_MAX)} patients` }]);
    }
    return present(deps, trx, actor, meta, resource, reason, rows);
  });
}

const pct = (x: number | null) => (x === null ? '' : (Math.round(x * 1000) / 10).toFixed(1));
const num = (x: number | null) => (x === null ? '' : String(x));

/** The figures as the rows of a CSV file (codes, not words: the same in every language). */
export function figuresTable(d: QualityDashboard): string[][] {
  const head = ['period', 'clinician', 'indicator', 'numerator', 'denominator', 'share_percent', 'open', ...EXCLUSION_REASONS.map((r) => `excluded_${r}`), 'iof_12_weeks_numerator', 'source'];
  const out: string[][] = [head];
  for (const i of d.indicators) {
    out.push([d.period.label, d.clinician ?? '', i.indicator, String(i.numerator), num(i.denominator), pct(i.share), String(i.open), ...EXCLUSION_REASONS.map((r) => String(i.excluded[r])), i.iofTwelveWeeks ? String(i.iofTwelveWeeks.numerator) : '', i.source.join(' ')]);
  }
  for (const i of d.indicators) {
    for (const t of i.trend) if (t.period.label !== d.period.label) out.push([t.period.label, d.clinician ?? '', i.indicator, String(t.numerator), num(t.denominator), pct(t.share), '', '', '', '', '', i.source.join(' ')]);
    for (const c of i.perClinician) out.push([d.period.label, c.name ?? c.clinicianId ?? 'unsigned', i.indicator, String(c.numerator), num(c.denominator), pct(c.share), '', '', '', '', '', i.source.join(' ')]);
  }
  return out;
}

/** The patient rows as the rows of a CSV file; pseudonymised rows carry the code, never a name. */
export function patientsTable(rows: readonly QualityPatientRow[]): string[][] {
  const head = ['patient', 'name', 'birth_date', 'index_fracture', 'fracture_site', 'clinician', ...QUALITY_INDICATORS, 'missing'];
  return [head, ...rows.map((r) => [
    r.pseudonym ?? r.patientId ?? '', r.name ?? '', r.birthDate ?? '', r.indexFracture, r.fractureSite, r.clinicianName ?? '',
    ...QUALITY_INDICATORS.map((i) => {
      const o = r.outcomes[i];
      return o === null ? '' : o.reason === null ? o.outcome : `${o.outcome}:${o.reason}`;
    }),
    r.missing.join(' '),
  ])];
}
