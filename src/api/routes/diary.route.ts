// The diary and the reports to the clinic over HTTP. Each route is one use case of
// services/diary.ts or services/reports.ts, which authorises it with the core and audits it. A
// report raises an alert on the worklist of every hospital caring for the patient in the same
// transaction; a reported fracture also enters the record as the patient's.
import type { ZodApp } from '../types.js';
import { DiaryEntryView, DiaryInput, DiaryPage, DiaryQuery, ReportInput, ReportPage, ReportParams, ReportQuery, ReportView } from '../../schema/diary.schema.js';
import { PatientParams } from '../../schema/logistics.schema.js';
import { z } from 'zod';
import { addDiaryEntry, diaryOf } from '../../services/diary.js';
import { openReport, reportsOf, sendReport } from '../../services/reports.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const PATIENT_SIDE = 'Written by the patient (from 12), or a caregiver acting for them as the access rules allow; never by the clinic, which records its own facts.';
const READERS = 'Read by whoever may read the record: the patient, a caregiver acting for them, the clinicians caring for them.';

export function registerDiaryRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.post(
    '/api/v1/patients/:id/diary',
    {
      schema: {
        tags: ['patient side'],
        summary: 'Write a line in the diary: an activity, its minutes, how it went, the pain (0–10), a note',
        description: `${PATIENT_SIDE} The day is today or earlier.`,
        params: PatientParams,
        body: DiaryInput,
        response: { 201: DiaryEntryView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await addDiaryEntry(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/diary',
    {
      schema: {
        tags: ['patient side'],
        summary: 'The diary, newest day first, with the minutes and pain of the last 8 weeks',
        description: READERS,
        params: PatientParams,
        querystring: DiaryQuery,
        response: { 200: DiaryPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const v = await diaryOf(deps(), { ...ask(req, req.params.id), limit: req.query.limit, cursor: req.query.cursor });
      return { items: v.items, nextCursor: v.nextCursor, weeks: v.weeks };
    },
  );
  app.post(
    '/api/v1/patients/:id/reports',
    {
      schema: {
        tags: ['patient side'],
        summary: 'Report a new fracture, a fall or a side effect to the clinic',
        description:
          `${PATIENT_SIDE} Raises an alert on the worklist of every hospital caring for the patient at once. A fracture also enters the record ` +
          'as a fracture entry with source `patient`, which the core reads until a clinician confirms it (a correction) or marks it entered in error. ' +
          'Reports are not read at night or at weekends: for anything urgent, call the GP or 112.',
        params: PatientParams,
        body: ReportInput,
        response: { 201: ReportView.extend({ alerts: z.number().int().describe('On how many worklists the report landed') }), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await sendReport(deps(), ask(req, req.params.id), req.body)),
  );
  app.get(
    '/api/v1/patients/:id/reports',
    {
      schema: {
        tags: ['patient side'],
        summary: "The patient's reports, newest first, each with when a clinician read it",
        description: READERS,
        params: PatientParams,
        querystring: ReportQuery,
        response: { 200: ReportPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const v = await reportsOf(deps(), { ...ask(req, req.params.id), limit: req.query.limit, cursor: req.query.cursor });
      return { items: v.items, nextCursor: v.nextCursor };
    },
  );
  app.post(
    '/api/v1/patients/:id/reports/:reportId/read',
    {
      schema: {
        tags: ['patient side'],
        summary: 'Open a report as a clinician: marks it read (the first read is what the patient sees) and acknowledges your organisation\'s alert',
        description: 'For the nurses and physicians of a hospital caring for the patient. Audited as a write of the record.',
        params: ReportParams,
        response: { 200: ReportView, ...problemResponses(401, 403, 404) },
      },
    },
    async (req) => (await openReport(deps(), { ...ask(req, req.params.id), reportId: req.params.reportId })).report,
  );
}
