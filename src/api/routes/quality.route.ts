// The quality dashboard over HTTP: the figures of a period (per indicator, the trend, per
// clinician), the patients behind one figure a page at a time, and both as CSV. services/quality.ts
// authorises (`quality.read`) and audits each; a read of the rows behind a figure is audited per
// patient, and the administrator sees each patient as a code, never a name.
import type { ZodApp } from '../types.js';
import { csvFile } from '../../schema/csv.js';
import { QualityDashboard, QualityPatientsExportQuery, QualityPatientsPage, QualityPatientsQuery, QualityQuery } from '../../schema/quality.schema.js';
import { figuresTable, patientsTable, qualityDashboard, qualityPatients, qualityPatientsExport } from '../../services/quality.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';
import { z } from 'zod';

const CSV = z.string().describe('CSV (UTF-8 with a byte-order mark, comma-separated, CRLF); a cell that could start a formula gets a leading \'');

export function registerQualityRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  app.get(
    '/api/v1/quality',
    {
      schema: {
        tags: ['quality'],
        summary: 'The fracture liaison service\'s quality figures for a period: each FLS-DB / IOF indicator, its trend and per clinician (nurse, physician, administrator of a hospital)',
        description:
          'The cohort of a period is every patient whose index fracture (the first qualifying fracture that brought them into the pathway) falls in it. ' +
          'Per indicator: numerator (met), denominator (met + not met), share; patients whose target date has not passed are `open`; ' +
          'patients with a waived work-up, or who died or left care on or before a target date, are left out of its denominator and counted in `excluded` by reason. docs/quality.md has the definitions.',
        querystring: QualityQuery,
        response: { 200: QualityDashboard, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => qualityDashboard(deps(), requireUser(req).actor, requestMeta(req), req.query),
  );
  app.get(
    '/api/v1/quality/patients',
    {
      schema: {
        tags: ['quality'],
        summary: 'The patients behind one figure: those an indicator counts in the period, optionally only one outcome; paged',
        description: 'Names and ids for nurses and physicians; the patient\'s code (as on the audit pages) for the administrator. Every patient shown is audited as read.',
        querystring: QualityPatientsQuery,
        response: { 200: QualityPatientsPage, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const page = await qualityPatients(deps(), requireUser(req).actor, requestMeta(req), req.query);
      return { items: page.items, nextCursor: page.nextCursor, total: page.total };
    },
  );
  app.get(
    '/api/v1/quality/figures.csv',
    {
      schema: {
        tags: ['quality'],
        summary: 'The figures of a period as CSV: per indicator, then the trend and the figures per clinician',
        querystring: QualityQuery,
        produces: ['text/csv'],
        response: { 200: CSV, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const d = await qualityDashboard(deps(), requireUser(req).actor, requestMeta(req), req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="quality-${d.period.label}.csv"`)
        .send(csvFile(figuresTable(d), ','));
    },
  );
  app.get(
    '/api/v1/quality/patients.csv',
    {
      schema: {
        tags: ['quality'],
        summary: 'The patient rows behind a period\'s figures as CSV (pseudonymised for the administrator); at most 50,000 rows',
        querystring: QualityPatientsExportQuery,
        produces: ['text/csv'],
        response: { 200: CSV, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const rows = await qualityPatientsExport(deps(), requireUser(req).actor, requestMeta(req), req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="quality-patients-${req.query.period ?? 'current'}.csv"`)
        .send(csvFile(patientsTable(rows), ','));
    },
  );
}
