// The clinical record over HTTP: facts recorded by form (fracture, DXA, VFA, labs, note) or by kind,
// corrected and marked entered in error with their history kept, the Case and its evaluation on a
// day, signed assessments and the end of care. Each route is one use case of services/record.ts,
// which authorises and audits it; the bodies are the core's entry schemas, so a field has the same
// name and bounds here, in the Case and in the store.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { Case } from '../../core/case.schema.js';
import { ENTRY_KINDS, type EntryKind } from '../../core/record/lists.js';
import { isoDate } from '../../core/time/date.js';
import { Evaluation, Lang } from '../../schema/evaluation.schema.js';
import { pageByKey, pageInMemory, pageOf, pageQuery, type KeyOrder } from '../../schema/paging.js';
import {
  AssessmentInput, AssessmentView, CareEndInput, CareEndView, DxaInput, EnteredInError, EntryCorrection, EntryInput, EntryView, FractureInput, LabsInput, NoteInput, VfaInput,
} from '../../schema/record.schema.js';
import {
  correctEntry, endCare, entryHistory, listAssessments, listEntries, markEnteredInError, patientCase, patientEvaluation, recordFacts, resumeCare, signAssessment, type FactIn,
} from '../../services/record.js';
import { AppError } from '../../schema/problem.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const IdParams = z.object({ id: z.uuid('is not a valid id') }).strict();
const EntryParams = z.object({ id: z.uuid('is not a valid id'), entryId: z.uuid('is not a valid id') }).strict();
const PAGING = 'Paged by the convention of every list: `limit` and `cursor` in, `items` and `nextCursor` out.';
const AS_OF = isoDate.optional().describe('The day (ISO); default: today in Europe/Amsterdam');

// The record's entries run newest clinical date first, then newest recorded, then by id; their
// assessments newest signed first. A page continues after the key of the last row shown, so an
// entry marked in error between two pages ends nothing early.
const EntryListKey = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.iso.datetime(), z.uuid()]);
const ENTRY_ORDER: KeyOrder = ['desc', 'desc', 'asc'];
const entryKey = (e: EntryView) => [e.date, e.recordedAt, e.id];
const AssessmentListKey = z.tuple([z.iso.datetime(), z.uuid()]);
const ASSESSMENT_ORDER: KeyOrder = ['desc', 'asc'];
const VersionListKey = z.tuple([z.number().int().min(1).max(2_147_483_647)]);

const kindList = z
  .string()
  .max(1000)
  .transform((s, ctx) => {
    // An empty field means no choice made, as everywhere in the API: every kind.
    if (s === '') return undefined;
    const kinds = s.split(',');
    const unknown = kinds.filter((k) => !(ENTRY_KINDS as readonly string[]).includes(k));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `unknown kind ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')}; one of: ${ENTRY_KINDS.join(', ')}` });
      return z.NEVER;
    }
    return kinds as EntryKind[];
  })
  .describe('Only these kinds of fact, comma-separated (e.g. `dxa,labs`); empty or left out: every kind');

const EntryQuery = z
  .object({
    kind: kindList.optional(),
    withErrors: z.enum(['true', 'false', '']).transform((v) => v === 'true').optional().describe('Also the entries marked entered in error (default false)'),
    ...pageQuery(EntryListKey),
  })
  .strict();

const EntryPage = pageOf(EntryView).meta({ id: 'EntryPage', description: "One page of the record's facts, newest clinical date first" });
const EntryVersionPage = pageOf(EntryView).meta({ id: 'EntryVersionPage', description: "One page of an entry's versions, oldest first" });
const AssessmentPage = pageOf(AssessmentView).meta({ id: 'AssessmentPage', description: "One page of the record's signed assessments, newest first" });

/** The fact routes: one form each, its fields beside `date`; errors point where they were sent. */
const FACT_ROUTES = [
  { path: 'fractures', kind: 'fracture', body: FractureInput, summary: 'Record a fracture (nurse, physician of the caring organisation)' },
  { path: 'dxa', kind: 'dxa', body: DxaInput, summary: 'Record one DXA scan, up to three sites (nurse, physician of the caring organisation)' },
  { path: 'vfa', kind: 'vfa', body: VfaInput, summary: 'Record one vertebral fracture assessment (nurse, physician of the caring organisation)' },
  { path: 'labs', kind: 'labs', body: LabsInput, summary: 'Record the results of one draw (nurse, physician of the caring organisation)' },
  { path: 'notes', kind: 'note', body: NoteInput, summary: 'Record a consultation note (nurse, physician of the caring organisation)' },
] as const;

const FACT_RULES =
  'The fact is checked by the same bounds as the Case: each bad field is named (e.g. `/sites/0/tScore`), and nothing is stored. ' +
  'The clinical date may not lie in the future. A merged record, or one whose care has ended, takes no new facts (`409`).';

export function registerRecordRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  for (const r of FACT_ROUTES) {
    app.post(
      `/api/v1/patients/:id/${r.path}`,
      {
        schema: {
          tags: ['record'],
          summary: r.summary,
          description: FACT_RULES,
          params: IdParams,
          body: r.body,
          response: { 201: EntryView, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const { date, ...data } = req.body as { date: string } & Record<string, unknown>;
        return reply.status(201).send(one(await recordFacts(deps(), { ...ask(req, req.params.id), resource: `patient/record/${r.kind}` }, [{ kind: r.kind, date, data }])));
      },
    );
  }
  app.post(
    '/api/v1/patients/:id/entries',
    {
      schema: {
        tags: ['record'],
        summary: 'Record any kind of fact: weight, risk factors, falls, … (nurse, physician of the caring organisation)',
        description: `The data is checked by the schema of its kind; errors point under \`/data/…\`. ${FACT_RULES} ` +
          'A `medication`, `medication-dose` or `planned-medication` is refused at `/kind` (code `use-medication-route`): the medication routes record them behind the safety checks. An `exercise-measurement` or `exercise-therapy` is refused the same way (code `use-therapy-route`): the therapy routes record them.',
        params: IdParams,
        body: EntryInput,
        response: { 201: EntryView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const fact: FactIn = { kind: req.body.kind, date: req.body.date, data: req.body.data };
      return reply.status(201).send(one(await recordFacts(deps(), { ...ask(req, req.params.id), resource: 'patient/record/entry' }, [fact], { flat: false })));
    },
  );
  app.get(
    '/api/v1/patients/:id/entries',
    {
      schema: {
        tags: ['record'],
        summary: "The record's facts as they stand, newest clinical date first (each page read is audited)",
        description: `Corrected entries show their latest version; entries marked entered in error only with \`withErrors=true\`. ${PAGING}`,
        params: IdParams,
        querystring: EntryQuery,
        response: { 200: EntryPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { kind, withErrors, limit, cursor } = req.query;
      const all = await listEntries(deps(), ask(req, req.params.id), { ...(kind ? { kinds: kind } : {}), withErrors: withErrors ?? false });
      return pageByKey(all, entryKey, ENTRY_ORDER, { limit, cursor });
    },
  );
  app.get(
    '/api/v1/patients/:id/entries/:entryId',
    {
      schema: {
        tags: ['record'],
        summary: 'Every version of one entry, oldest first: its history of corrections',
        description: PAGING,
        params: EntryParams,
        querystring: z.object({ ...pageQuery(VersionListKey) }).strict(),
        response: { 200: EntryVersionPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => pageInMemory(await entryHistory(deps(), { ...ask(req, req.params.id), entryId: req.params.entryId }), (v) => [v.version], req.query),
  );
  app.post(
    '/api/v1/patients/:id/entries/:entryId/correction',
    {
      schema: {
        tags: ['record'],
        summary: 'Correct an entry: a new version with the new date and/or data; the old one stays in its history',
        description: 'Errors in the data point under `/data/…`. An entry marked entered in error is not corrected (`409`): record the fact anew. ' +
          'A medication, dose or plan is not corrected here (`400` at `/kind`, code `use-medication-route`): stop the course or mark it entered in error and prescribe anew.',
        params: EntryParams,
        body: EntryCorrection,
        response: { 200: EntryView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => correctEntry(deps(), { ...ask(req, req.params.id), entryId: req.params.entryId }, req.body),
  );
  app.post(
    '/api/v1/patients/:id/entries/:entryId/entered-in-error',
    {
      schema: {
        tags: ['record'],
        summary: 'Mark an entry entered in error: it no longer counts and is no longer listed, and nothing is deleted',
        params: EntryParams,
        body: EnteredInError,
        response: { 200: EntryView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => markEnteredInError(deps(), { ...ask(req, req.params.id), entryId: req.params.entryId }, req.body.reason),
  );
  app.get(
    '/api/v1/patients/:id/case',
    {
      schema: {
        tags: ['record'],
        summary: 'The Case of this record on a day: the projection of the facts that stand (docs/record.md)',
        params: IdParams,
        querystring: z.object({ asOf: AS_OF }).strict(),
        response: { 200: Case, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => patientCase(deps(), { ...ask(req, req.params.id), asOf: req.query.asOf }),
  );
  app.get(
    '/api/v1/patients/:id/evaluation',
    {
      schema: {
        tags: ['record'],
        summary: "The core's evaluation of this record on a day, with the settings of your organisation",
        params: IdParams,
        querystring: z.object({ asOf: AS_OF, lang: Lang }).strict(),
        response: { 200: Evaluation, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => patientEvaluation(deps(), { ...ask(req, req.params.id), asOf: req.query.asOf, lang: req.query.lang }),
  );
  app.post(
    '/api/v1/patients/:id/assessments',
    {
      schema: {
        tags: ['record'],
        summary: 'Sign off the assessment of the record on a day (nurse, physician of the caring organisation)',
        description:
          'What the core concludes is kept with the rules version and the settings, in Dutch and English; the answer shows it in `lang`. ' +
          '`asOf` (default today) may not lie in the future.',
        params: IdParams,
        querystring: z.object({ lang: Lang }).strict(),
        body: AssessmentInput,
        response: { 201: AssessmentView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await signAssessment(deps(), { ...ask(req, req.params.id), asOf: req.body.asOf, note: req.body.note, lang: req.query.lang })),
  );
  app.get(
    '/api/v1/patients/:id/assessments',
    {
      schema: {
        tags: ['record'],
        summary: "The record's signed assessments, newest first (each page read is audited)",
        description: PAGING,
        params: IdParams,
        querystring: z.object({ lang: Lang, ...pageQuery(AssessmentListKey) }).strict(),
        response: { 200: AssessmentPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { lang, limit, cursor } = req.query;
      const all = await listAssessments(deps(), { ...ask(req, req.params.id), lang });
      return pageByKey(all, (a) => [a.signedAt, a.id], ASSESSMENT_ORDER, { limit, cursor });
    },
  );
  app.post(
    '/api/v1/patients/:id/end-of-care',
    {
      schema: {
        tags: ['record'],
        summary: 'End care in the pathway: a reason and a date (nurse, physician of the caring organisation)',
        description: 'The record then takes no new facts until care is resumed. The date may not lie in the future; care that has already ended answers `409`.',
        params: IdParams,
        body: CareEndInput,
        response: { 201: CareEndView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await endCare(deps(), { ...ask(req, req.params.id), reason: req.body.reason, date: req.body.date, note: req.body.note })),
  );
  app.post(
    '/api/v1/patients/:id/end-of-care/resume',
    {
      schema: {
        tags: ['record'],
        summary: 'Resume care after an end of care; the end stays in the history (nurse, physician of the caring organisation)',
        description: 'No body, or an empty object. Care that has not ended answers `409`.',
        params: IdParams,
        body: z.object({}).strict().nullish().describe('Nothing, or an empty object'),
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await resumeCare(deps(), ask(req, req.params.id));
      return reply.status(204).send(null);
    },
  );
}

/** A recorded fact always comes back from the store; its absence is a fault, not a refusal. */
function one<T>(list: readonly T[]): T {
  const [x] = list;
  if (x === undefined) throw new AppError('internal', 'The fact was not recorded.');
  return x;
}
