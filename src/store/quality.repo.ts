// The quality dashboard's rows (migration 0019) and what deriving them reads besides the worklist's
// sources. No authorisation here: services/quality.ts decides who may read figures and rows and
// audits it; writing the rows is part of the derivation that every write to a record and the daily
// run already do (services/worklist-derive.ts).
import { sql, type RawBuilder } from 'kysely';
import type { CareEndReason } from '../core/record/lists.js';
import { EXCLUSION_REASONS, QUALITY_INDICATORS, type ExclusionReason, type OutcomeCode, type PeriodKind, type QualityIndicator, type QualityOutcome } from '../core/quality/lists.js';
import type { Db, Tx } from './db.js';
import { keysetPage, type KeysetPage, type KeyValue } from './paging.js';

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** The column of an indicator's outcome: o_ and the code with underscores. */
export function outcomeColumn(i: QualityIndicator): `o_${string}` {
  return `o_${i.replace(/-/g, '_')}`;
}

/** What the quality rows read of the pathway besides the worklist's derivation sources, per patient. */
export interface QualitySource {
  /** The day (Amsterdam) the patient came into each organisation's care. */
  careSince: Record<string, string>;
  assessmentsSigned: { on: string; by: string }[];
  decisions: { on: string; medication: boolean; exercise: boolean }[];
  /** The latest end of care that was not resumed. */
  careEnd: { reason: CareEndReason; on: string } | null;
}

/** Those facts for a batch of patients, in one statement. */
export async function qualitySources(db: Db, patientIds: readonly string[]): Promise<Map<string, QualitySource>> {
  if (patientIds.length === 0) return new Map();
  const ids = sql.join(patientIds.map((id) => sql`${id}::uuid`));
  const rows = await sql<{ id: string; since: unknown; signed: unknown; decisions: unknown; ended: unknown }>`
    select p.id,
      coalesce((select json_agg(json_build_array(po.organisation_id, to_char(po.since at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')))
        from patient_organisation po where po.patient_id = p.id and po.relation = 'care'), '[]') as since,
      coalesce((select json_agg(json_build_array(to_char(a.signed_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD'), a.signed_by))
        from assessment a where a.patient_id = p.id), '[]') as signed,
      coalesce((select json_agg(json_build_array(d.decided_on, d.option <> 'lifestyle-only', coalesce(d.agreements ->> 'exercise', '') <> ''))
        from shared_decision d where d.patient_id = p.id), '[]') as decisions,
      (select json_build_array(ce.reason, ce.end_date) from care_end ce where ce.patient_id = p.id and ce.resumed_at is null
        order by ce.end_date desc, ce.ended_at desc limit 1) as ended
    from patient p where p.id in (${ids})`.execute(db);
  const out = new Map<string, QualitySource>();
  for (const r of rows.rows) {
    const ended = parsed(r.ended) as [CareEndReason, string] | null;
    out.set(r.id, {
      careSince: Object.fromEntries(parsed(r.since) as [string, string][]),
      assessmentsSigned: (parsed(r.signed) as [string, string][]).map(([on, by]) => ({ on, by })),
      decisions: (parsed(r.decisions) as [string, boolean, boolean][]).map(([on, medication, exercise]) => ({ on, medication, exercise })),
      careEnd: ended ? { reason: ended[0], on: ended[1] } : null,
    });
  }
  return out;
}

/** A patient's row as it should stand in one organisation. */
export interface WantedQualityRow {
  organisationId: string;
  patientId: string;
  indexFracture: string;
  fractureSite: string;
  clinicianId: string | null;
  outcomes: Record<QualityIndicator, OutcomeCode | null>;
  iofTwelveWeeks: boolean;
  missing: readonly string[];
}

const OUTCOME_COLUMNS = QUALITY_INDICATORS.map(outcomeColumn);

/**
 * Makes the rows of these patients what `wanted` says: rows no longer wanted go (a patient no longer
 * in an organisation's care, a record merged away, a fracture entered in error), the others are
 * written only where they differ, so the daily run rewrites just the patients whose standing
 * changed. Returns how many rows were written or removed.
 */
export async function applyQuality(db: Tx, patientIds: readonly string[], wanted: readonly WantedQualityRow[], today: string): Promise<number> {
  if (patientIds.length === 0) return 0;
  const keep = sql.join(wanted.length === 0 ? [sql`(null::uuid, null::uuid)`] : wanted.map((w) => sql`(${w.organisationId}::uuid, ${w.patientId}::uuid)`));
  const gone = await sql`delete from quality_row where patient_id in (${sql.join(patientIds.map((id) => sql`${id}::uuid`))})
    and (organisation_id, patient_id) not in (${keep})`.execute(db);
  let changed = Number(gone.numAffectedRows ?? 0);
  const cols = ['index_fracture', 'fracture_site', 'clinician_id', ...OUTCOME_COLUMNS, 'dxa_iof', 'missing'] as const;
  const differs = sql<boolean>`${sql.join(cols.map((c) => sql`quality_row.${sql.ref(c)} is distinct from excluded.${sql.ref(c)}`), sql` or `)}`;
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const r = await db
      .insertInto('quality_row')
      .values(chunk.map((w) => ({
        organisation_id: w.organisationId, patient_id: w.patientId, index_fracture: w.indexFracture, fracture_site: w.fractureSite, clinician_id: w.clinicianId,
        ...Object.fromEntries(QUALITY_INDICATORS.map((q) => [outcomeColumn(q), w.outcomes[q]])),
        dxa_iof: w.iofTwelveWeeks, missing: JSON.stringify(w.missing), changed_on: today,
      })))
      .onConflict((oc) => oc.columns(['organisation_id', 'patient_id']).doUpdateSet((eb) => ({
        index_fracture: eb.ref('excluded.index_fracture'), fracture_site: eb.ref('excluded.fracture_site'), clinician_id: eb.ref('excluded.clinician_id'),
        ...Object.fromEntries(OUTCOME_COLUMNS.map((c) => [c, sql.ref(`excluded.${c}`)])),
        dxa_iof: eb.ref('excluded.dxa_iof'), missing: eb.ref('excluded.missing'), changed_on: eb.ref('excluded.changed_on'),
      })).where(differs))
      .executeTakeFirst();
    changed += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------
// The figures.

export interface QualityFilter {
  organisationId: string;
  /** Index fractures from … to (inclusive). */
  from: string;
  to: string;
  clinicianId?: string | undefined;
}

/** One indicator's counts in one group. */
export interface Counts {
  met: number;
  notMet: number;
  open: number;
  excluded: Record<ExclusionReason, number>;
}

export interface FigureGroup {
  /** The period's label (2026-03, 2026-Q1, 2026). */
  period: string;
  /** Set on the rows per clinician; `clinicianId` null there: patients whose assessment nobody signed. */
  perClinician: boolean;
  clinicianId: string | null;
  cohort: number;
  counts: Record<QualityIndicator, Counts>;
  /** DXA within IOF's 12 weeks. */
  iofMet: number;
}

const BUCKET: Readonly<Record<PeriodKind, string>> = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' };

function whereOf(f: QualityFilter): RawBuilder<unknown> {
  return sql`organisation_id = ${f.organisationId} and index_fracture between ${f.from} and ${f.to}${f.clinicianId !== undefined ? sql` and clinician_id = ${f.clinicianId}` : sql``}`;
}

/**
 * The figures of every period of `kind` between `from` and `to`, for the whole service and per
 * clinician: per indicator the patients met, not met, open and left out by reason. The SQL the
 * dashboard's speed rests on; it runs unchanged on PostgreSQL 15 and PGlite.
 *
 * Two steps, because a year of a large service is tens of thousands of rows and the figures are
 * some seventy counts each: first the rows are counted per period, clinician and combination of
 * outcomes (a few thousand groups, one hash over the rows), then those groups are added up per
 * period and per period and clinician (grouping sets). Filtering seventy times over the groups
 * instead of over every row takes the time from about 300 ms to a fraction of it
 * (bench/quality.bench.ts).
 */
export function figuresStatement(kind: PeriodKind, f: QualityFilter): RawBuilder<Record<string, unknown>> {
  const bucket = sql`to_char(index_fracture, ${sql.lit(BUCKET[kind])})`;
  const outcomes = OUTCOME_COLUMNS.map((c) => sql.ref(c));
  const counts = QUALITY_INDICATORS.flatMap((q, i) => {
    const c = sql.ref(outcomeColumn(q));
    return [
      sql`coalesce(sum(n) filter (where ${c} = 'met'), 0) as ${sql.ref(`m${String(i)}`)}`,
      sql`coalesce(sum(n) filter (where ${c} = 'not-met'), 0) as ${sql.ref(`n${String(i)}`)}`,
      sql`coalesce(sum(n) filter (where ${c} = 'open'), 0) as ${sql.ref(`o${String(i)}`)}`,
      ...EXCLUSION_REASONS.map((x, j) => sql`coalesce(sum(n) filter (where ${c} = ${sql.lit(`excluded:${x}`)}), 0) as ${sql.ref(`x${String(i)}_${String(j)}`)}`),
    ];
  });
  return sql<Record<string, unknown>>`with combination as (
      select ${bucket} as period, clinician_id, dxa_iof, ${sql.join(outcomes)}, count(*) as n
      from quality_row where ${whereOf(f)}
      group by ${bucket}, clinician_id, dxa_iof, ${sql.join(outcomes)}
    )
    select period, clinician_id, grouping(clinician_id) as per_clinician, sum(n) as cohort,
      coalesce(sum(n) filter (where o_dxa_90_days = 'met' and dxa_iof), 0) as iof_met, ${sql.join(counts)}
    from combination
    group by grouping sets ((period), (period, clinician_id))`;
}

export async function qualityFigures(db: Db, kind: PeriodKind, f: QualityFilter): Promise<FigureGroup[]> {
  const rows = await figuresStatement(kind, f).execute(db);
  const n = (v: unknown) => Number(v ?? 0);
  return rows.rows.map((r) => ({
    period: String(r['period']),
    perClinician: n(r['per_clinician']) === 0,
    clinicianId: (r['clinician_id'] as string | null) ?? null,
    cohort: n(r['cohort']),
    iofMet: n(r['iof_met']),
    counts: Object.fromEntries(QUALITY_INDICATORS.map((q, i) => [q, {
      met: n(r[`m${String(i)}`]), notMet: n(r[`n${String(i)}`]), open: n(r[`o${String(i)}`]),
      excluded: Object.fromEntries(EXCLUSION_REASONS.map((x, j) => [x, n(r[`x${String(i)}_${String(j)}`])])) as Record<ExclusionReason, number>,
    }])) as Record<QualityIndicator, Counts>,
  }));
}

// ---------------------------------------------------------------------------------------------
// The patients behind a figure.

export interface QualityPatientFilter extends QualityFilter {
  indicator?: QualityIndicator | undefined;
  outcome?: QualityOutcome | undefined;
}

export interface QualityPatientRowDb {
  patient_id: string;
  given_name: string;
  family_name: string;
  family_name_prefix: string | null;
  birth_date: string;
  index_fracture: string;
  fracture_site: string;
  clinician_id: string | null;
  clinician_name: string | null;
  outcomes: Record<QualityIndicator, OutcomeCode | null>;
  missing: string[];
}

function patientsQuery(db: Db, f: QualityPatientFilter) {
  let q = db
    .selectFrom('quality_row as q')
    .innerJoin('patient as p', 'p.id', 'q.patient_id')
    .leftJoin('app_user as u', 'u.id', 'q.clinician_id')
    .where('q.organisation_id', '=', f.organisationId)
    .where('q.index_fracture', '>=', f.from)
    .where('q.index_fracture', '<=', f.to);
  if (f.clinicianId !== undefined) q = q.where('q.clinician_id', '=', f.clinicianId);
  if (f.indicator !== undefined) {
    const col = sql.ref(`q.${outcomeColumn(f.indicator)}`);
    if (f.outcome === undefined) q = q.where(sql<boolean>`${col} is not null`);
    else if (f.outcome === 'excluded') q = q.where(sql<boolean>`${col} like 'excluded:%'`);
    else q = q.where(sql<boolean>`${col} = ${f.outcome}`);
  }
  return q.select([
    'q.patient_id', 'p.given_name', 'p.family_name', 'p.family_name_prefix', 'p.birth_date', 'q.index_fracture', 'q.fracture_site', 'q.clinician_id',
    'u.display_name as clinician_name', 'q.missing', ...OUTCOME_COLUMNS.map((c) => `q.${c}` as const),
  ] as never[]);
}

type RawPatientRow = Record<string, unknown>;

function asPatientRow(r: RawPatientRow): QualityPatientRowDb {
  return {
    patient_id: r['patient_id'] as string, given_name: r['given_name'] as string, family_name: r['family_name'] as string,
    family_name_prefix: (r['family_name_prefix'] as string | null) ?? null, birth_date: r['birth_date'] as string,
    index_fracture: r['index_fracture'] as string, fracture_site: r['fracture_site'] as string,
    clinician_id: (r['clinician_id'] as string | null) ?? null, clinician_name: (r['clinician_name'] as string | null) ?? null,
    missing: parsed(r['missing']) as string[],
    outcomes: Object.fromEntries(QUALITY_INDICATORS.map((q) => [q, (r[outcomeColumn(q)] as OutcomeCode | null) ?? null])) as Record<QualityIndicator, OutcomeCode | null>,
  };
}

const PATIENT_KEY = ['q.index_fracture', 'q.patient_id'] as const;

/** One page of the rows behind a figure, in index-fracture order, with the total. */
export async function pageQualityPatients(db: Db, f: QualityPatientFilter, page: { limit: number; cursor?: { dir: 'after' | 'before'; key: readonly KeyValue[] } | undefined }): Promise<KeysetPage<QualityPatientRowDb>> {
  const got = await keysetPage(patientsQuery(db, f) as never, { columns: PATIENT_KEY, cursor: page.cursor, limit: page.limit }, (r: RawPatientRow) => [r['index_fracture'] as string, r['patient_id'] as string]);
  return { ...got, rows: (got.rows as RawPatientRow[]).map(asPatientRow) };
}

/** Every row behind a figure (for the CSV), at most `max` + 1 so the caller can tell there were more. */
export async function allQualityPatients(db: Db, f: QualityPatientFilter, max: number): Promise<QualityPatientRowDb[]> {
  const rows = await patientsQuery(db, f).orderBy('q.index_fracture').orderBy('q.patient_id').limit(max + 1).execute();
  return (rows as RawPatientRow[]).map(asPatientRow);
}
