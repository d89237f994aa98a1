// The quality dashboard's pages: the figures of a period (GET /quality), the patients behind one
// figure (GET /quality/patients) and the two CSV files (the figures, and the patient rows behind
// them). The same use cases as the API: `quality.read` decides who may, the service audits the
// figures once and every patient shown; the administrator gets each patient as a code.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  figuresTable, mayDo, patientsTable, qualityDashboard, qualityPatients, qualityPatientsExport, requestMeta, type QualityAsk, type QualityDashboard, type SessionUser,
} from '../../api/facade.js';
import { readForm, type FormResult } from '../forms.js';
import { csvFile } from '../csv.js';
import { decodeCursor, DEFAULT_PAGE_SIZE } from '../../schema/paging.js';
import { z } from 'zod';
import { DEFAULT_TREND, QualityIndicator, QualityOutcome, QualityPatientKey, QualityQuery } from '../../schema/quality.schema.js';
import { todayNl } from '../../schema/clock.js';
import type { PeriodKind } from '../../core/quality/lists.js';
import { userWhoMay, type PageKit } from '../page-kit.js';
import type { FieldErrors } from '../components/Form.js';
import type { Messages } from '../i18n/index.js';
import { asKind, periodOf } from './periods.js';
import { DashboardForm, PatientsForm, qualityHref, type Chosen } from './quality.forms.js';
import { DashboardPage, PatientsPage } from './quality.page.js';

/** A period kind the page opens with: a quarter, the span a service reviews its figures over. */
const DEFAULT_KIND: PeriodKind = 'quarter';

type Chooser = { kind?: PeriodKind | undefined; period?: string | undefined; clinician?: string | undefined };

/**
 * What the chooser asks for, as the service takes it: a period of another kind taken over, the
 * current period when none is given, and the contract's own check of the period (its years).
 */
function askOf(t: Messages, form: FormResult<Chooser>): { ask: QualityAsk; chosen: Chosen; kind: PeriodKind; errors?: FieldErrors } {
  const kind = (form.ok ? form.data.kind : undefined) ?? (PERIOD_KIND_OF(form.values.kind) ?? DEFAULT_KIND);
  const period = asKind(kind, form.ok ? form.data.period : undefined) ?? periodOf(kind, todayNl());
  const clinician = form.ok ? form.data.clinician : undefined;
  const chosen: Chosen = { kind, period, ...(clinician === undefined ? {} : { clinician }) };
  const ask: QualityAsk = { kind, period, trend: DEFAULT_TREND, clinician };
  if (!form.ok) return { ask, chosen, kind, errors: form.errors };
  const checked = QualityQuery.safeParse({ kind, period, clinician });
  if (!checked.success) return { ask, chosen, kind, errors: { period: t.quality.badPeriod } };
  return { ask, chosen, kind };
}

const PERIOD_KIND_OF = (v: string | undefined): PeriodKind | undefined => (v === 'month' || v === 'quarter' || v === 'year' ? v : undefined);

/** The clinicians the chooser offers: everyone with patients in any indicator's figures, by name. */
function cliniciansOf(t: Messages, d: QualityDashboard): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const f of d.indicators) for (const c of f.perClinician) if (c.clinicianId !== null && !seen.has(c.clinicianId)) seen.set(c.clinicianId, c.name ?? t.quality.unnamedClinician);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

function sendCsv(reply: FastifyReply, lang: 'nl' | 'en', name: string, rows: readonly (readonly string[])[]) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .header('cache-control', 'no-store')
    .send(csvFile(rows, lang === 'nl' ? ';' : ','));
}

export function registerQualityPages(fastify: FastifyInstance, kit: PageKit): void {
  const { queryWith, deps, ctxOf, send, page } = kit;

  async function dashboardPage(req: FastifyRequest, reply: FastifyReply, u: SessionUser) {
    const ctx = await ctxOf(req, reply);
    const { ask, chosen, kind, errors } = askOf(ctx.t, readForm(req, ctx.t, DashboardForm));
    const common = { ctx, today: todayNl(), kind, chosen, maySetExpected: mayDo(u.actor, 'settings.manage') };
    if (errors) return send(reply, <DashboardPage {...common} errors={errors} dashboard={null} clinicians={[]} />, 400);
    const d = await qualityDashboard(deps(), u.actor, requestMeta(req), ask);
    return send(reply, <DashboardPage {...common} dashboard={d} clinicians={cliniciansOf(ctx.t, d)} />);
  }

  fastify.get(
    '/quality',
    queryWith(DashboardForm),
    page(async (req, reply) => dashboardPage(req, reply, userWhoMay(req, 'quality.read'))),
  );

  fastify.get(
    '/quality/figures.csv',
    queryWith(DashboardForm),
    page(async (req, reply) => {
      const u = userWhoMay(req, 'quality.read');
      const ctx = await ctxOf(req, reply);
      const { ask, errors } = askOf(ctx.t, readForm(req, ctx.t, DashboardForm));
      if (errors) return dashboardPage(req, reply, u);
      const d = await qualityDashboard(deps(), u.actor, requestMeta(req), ask);
      return sendCsv(reply, ctx.lang, `${ctx.lang === 'nl' ? 'kwaliteit-cijfers' : 'quality-figures'}-${d.period.label}`, figuresTable(d));
    }),
  );

  fastify.get(
    '/quality/patients.csv',
    queryWith(DashboardForm),
    page(async (req, reply) => {
      const u = userWhoMay(req, 'quality.read');
      const ctx = await ctxOf(req, reply);
      const { ask, chosen, errors } = askOf(ctx.t, readForm(req, ctx.t, DashboardForm));
      if (errors) return dashboardPage(req, reply, u);
      const raw = req.query as Record<string, unknown>;
      const drill = z.object({ indicator: QualityIndicator.optional(), outcome: QualityOutcome.optional() }).safeParse({ indicator: raw.indicator, outcome: raw.outcome });
      const narrowed = drill.success ? drill.data : {};
      const rows = await qualityPatientsExport(deps(), u.actor, requestMeta(req), { ...ask, indicator: narrowed.indicator, outcome: narrowed.indicator === undefined ? undefined : narrowed.outcome });
      const name = [ctx.lang === 'nl' ? 'kwaliteit-patienten' : 'quality-patients', chosen.period, narrowed.indicator, narrowed.indicator === undefined ? undefined : narrowed.outcome].filter(Boolean).join('-');
      return sendCsv(reply, ctx.lang, name, patientsTable(rows));
    }),
  );

  fastify.get(
    '/quality/patients',
    queryWith(PatientsForm),
    page(async (req, reply) => {
      const u = userWhoMay(req, 'quality.read');
      const ctx = await ctxOf(req, reply);
      const form = readForm(req, ctx.t, PatientsForm);
      const { ask, chosen, errors } = askOf(ctx.t, form);
      const indicator = form.ok ? form.data.indicator : 'identification';
      const drill = form.ok ? { indicator, outcome: form.data.outcome, reason: form.data.reason } : { indicator };
      if (errors) return send(reply, <PatientsPage ctx={ctx} chosen={chosen} drill={drill} errors={errors} rows={[]} total={0} />, 400);
      if (drill.reason !== undefined) {
        // The patients left out for one reason: the service lists them by outcome, so the reason is
        // chosen here, from every left-out row of the period (a short list: never paged).
        const rows = (await qualityPatientsExport(deps(), u.actor, requestMeta(req), { ...ask, indicator, outcome: 'excluded' })).filter((r) => r.outcomes[indicator]?.reason === drill.reason);
        return send(reply, <PatientsPage ctx={ctx} chosen={chosen} drill={drill} rows={rows} total={rows.length} />);
      }
      const typed = form.ok ? form.data.cursor : undefined;
      const cursor = typed === undefined ? undefined : decodeCursor(typed, QualityPatientKey);
      const list = await qualityPatients(deps(), u.actor, requestMeta(req), { ...ask, indicator, outcome: drill.outcome, limit: DEFAULT_PAGE_SIZE, cursor });
      const next = list.nextCursor === null ? undefined : qualityHref('/quality/patients', chosen, { indicator, outcome: drill.outcome, cursor: list.nextCursor });
      return send(reply, <PatientsPage ctx={ctx} chosen={chosen} drill={drill} rows={list.items} total={list.total} next={next} />);
    }),
  );
}
