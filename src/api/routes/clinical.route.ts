// The clinical core over HTTP: the rule catalogue for anyone signed in, and evaluation of one case
// for clinician roles. The body is a Case exactly as in the CLI contract; the language is a query
// parameter. Invalid cases get the same problem document as the CLI, one error per bad field.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { Case } from '../../core/case.schema.js';
import { evaluate } from '../../core/evaluate.js';
import { RULES, RULES_VERSION } from '../../core/registry.js';
import { withAction } from '../../services/access.js';
import { settingsForOrganisation } from '../../services/settings.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';
import { pageInMemory, pageOf, pageQuery } from '../../schema/paging.js';
import { Evaluation, Lang } from '../../schema/evaluation.schema.js';

const Bilingual = z.object({ nl: z.string(), en: z.string() });
const RuleInfo = z
  .object({
    id: z.string(),
    stage: z.string(),
    codes: z.array(z.string()),
    inputs: z.array(z.string()),
    derived: z.array(z.string()).describe('Values the rule derives and reports under `derived.<name>`'),
    criteria: z.array(z.string()).describe('Ids of the criteria each conclusion of the rule reports'),
    source: z.array(z.string()),
    explanation: z.object({ patient: Bilingual, clinician: Bilingual }),
  })
  .meta({ id: 'RuleInfo' });

// A page of the catalogue continues after a rule named by its id: the catalogue's order is fixed, and
// a cursor naming no rule of it is refused as a bad cursor.
const RuleKey = z.tuple([z.enum(RULES.map((r) => r.id) as [string, ...string[]])]);
const RulesQuery = z.object({ ...pageQuery(RuleKey) }).strict();
const RulesPage = pageOf(RuleInfo)
  .extend({ rulesVersion: z.string().describe('The version of the catalogue this page is from') })
  .meta({ id: 'RulePage', description: 'One page of the rule catalogue, in its fixed order' });

export function registerClinicalRoutes(app: ZodApp): void {
  app.get(
    '/api/v1/rules',
    {
      schema: {
        tags: ['clinical'],
        summary: 'Every clinical rule with its id, stage, inputs, sources and explanation, one page at a time',
        description: 'In the fixed order of the catalogue, by the paging convention of every list: `limit` and `cursor` in, `items` and `nextCursor` out.',
        querystring: RulesQuery,
        response: { 200: RulesPage, ...problemResponses(400, 401) },
      },
    },
    async (req) => {
      requireUser(req);
      const page = pageInMemory(RULES, (r) => [r.id], req.query);
      return {
        items: page.items.map((r) => ({
          id: r.id, stage: r.stage, codes: [...r.codes], inputs: [...r.inputs], derived: [...r.derived], criteria: [...r.criteria],
          source: [...r.source], explanation: r.about,
        })),
        nextCursor: page.nextCursor,
        rulesVersion: RULES_VERSION,
      };
    },
  );
  app.post(
    '/api/v1/evaluate',
    {
      schema: {
        tags: ['clinical'],
        summary: 'Evaluate one case with every rule (clinician roles)',
        description: 'Body: a Case (clinical-rules.md §1). `lang` chooses the language of the explanations. The settings are those of your organisation, as its administrator set them; `settingsUsed` reports them.',
        querystring: z.object({ lang: Lang }).strict(),
        body: Case,
        response: { 200: Evaluation, ...problemResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      // The settings are those of the clinician's organisation (its administrator sets them), never
      // the request's: the same case gives the same advice to everyone in one organisation.
      return withAction(accessDeps(app), { actor: user.actor, meta: requestMeta(req), action: 'clinical.evaluate', resource: 'evaluation' }, async (db) => ({
        value: evaluate(req.body, await settingsForOrganisation(db, user.actor.organisationId), req.query.lang),
      }));
    },
  );
}
