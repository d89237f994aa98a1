// A child's bone-health profile at a day centre over HTTP. Each route is one use case of
// services/child-profile.ts, which authorises it with the core and audits it: the profile, growth
// and earlier fractures are kept by the day centre's physician and physiotherapist (`child.care`),
// a vitamin D dose is noted by a parent or the centre's staff (`child.log`), and reading is
// `record.read`.
import type { ZodApp } from '../types.js';
import { ChildFractureInput, ChildGrowthInput, ChildProfileInput, ChildProfileView, VitaminDDoseInput, VitaminDDoseView } from '../../schema/child-profile.schema.js';
import { PatientParams } from '../../schema/logistics.schema.js';
import { z } from 'zod';
import { addChildFracture, addChildGrowth, addVitaminDDose, childProfileOf, saveChildProfile } from '../../services/child-profile.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

const KEEPERS = 'For the day centre\'s physician and physiotherapist (`child.care`); the parents and the centre\'s staff read it.';
const READERS = 'Read by whoever may read the record: the parents, the day centre\'s staff, physician and physiotherapist.';
const Lang = z.object({ lang: z.enum(['nl', 'en']).default('nl').describe('The language of the explanations') });

export function registerChildProfileRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  const ask = (req: Parameters<typeof requireUser>[0], patientId: string) => ({ actor: requireUser(req).actor, meta: requestMeta(req), patientId });

  app.get(
    '/api/v1/patients/:id/child-profile',
    {
      schema: {
        tags: ['children'],
        summary: "A child's bone-health profile: mobility, medicines, feeding, daylight, growth, earlier fractures, the bone-quality risk, the vitamin D advice, the doses given and the reminder",
        description: `${READERS} The risk and the advice are the core's (clinical-rules.md §12, §9), each with its why and sources; the reminder fires after 3 days without a noted dose (Botpad policy).`,
        params: PatientParams,
        querystring: Lang,
        response: { 200: ChildProfileView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => childProfileOf(deps(), { ...ask(req, req.params.id), lang: req.query.lang }),
  );
  /** One of the keepers' writes (`child.care`): the body checked by its schema, 204 when kept. */
  function keep<B extends z.ZodType>(method: 'put' | 'post', path: string, summary: string, description: string, body: B, save: (a: ReturnType<typeof ask>, b: z.output<B>) => Promise<void>) {
    app[method](
      path,
      { schema: { tags: ['children'], summary, description: `${KEEPERS} ${description}`, params: PatientParams, body, response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) } } },
      async (req, reply) => {
        await save(ask(req, req.params.id), req.body as z.output<B>);
        return reply.status(204).send(null);
      },
    );
  }
  keep('put', '/api/v1/patients/:id/child-profile', "Keep a child's bone-health profile",
    'Mobility and daylight enter the record as a child entry, the number of anti-epileptics as a risk-factors entry (both read by the core); feeding, fibre-rich feeding and corticosteroids are kept beside the record. Fields left out are kept as not known.',
    ChildProfileInput, (a, b) => saveChildProfile(deps(), a, b));
  keep('post', '/api/v1/patients/:id/child-growth', "A child's weight and/or height on a day", 'Recorded as weight and height entries of the record.',
    ChildGrowthInput, (a, b) => addChildGrowth(deps(), a, b));
  keep('post', '/api/v1/patients/:id/child-fractures', 'An earlier fracture of a child and how it happened', 'Recorded as a fracture entry the core reads, with how it happened kept beside it.',
    ChildFractureInput, (a, b) => addChildFracture(deps(), a, b));
  app.post(
    '/api/v1/patients/:id/vitamin-d-doses',
    {
      schema: {
        tags: ['children'],
        summary: 'Note a dose of vitamin D given to a child on a day',
        description: 'By a parent (a caregiver, by the caregiver rules) or the day centre\'s staff (`child.log`). The dose is in micrograms (10 micrograms = 400 IU).',
        params: PatientParams,
        body: VitaminDDoseInput,
        response: { 201: VitaminDDoseView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await addVitaminDDose(deps(), ask(req, req.params.id), req.body)),
  );
}
