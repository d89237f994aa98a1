// The practice's worklist of coming measurements over HTTP (clinical-rules.md §13 measure.due,
// docs/measure-due.md): one use case of services/measure-due.ts, which authorises and audits it.
import type { ZodApp } from '../types.js';
import { PracticeMeasurements } from '../../schema/measure-due.schema.js';
import { practiceMeasurements } from '../../services/measure-due.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

export function registerMeasureDueRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  app.get(
    '/api/v1/practice/measurements',
    {
      schema: {
        tags: ['referral'],
        summary: 'The next exercise-therapy measurement of each patient your practice took on, the earliest first (physiotherapists of a practice); each one shown is audited',
        description: 'The worklist step `measurement`, from the core\'s `measure.due`: 3 months after the most recent measurement (or after the start of therapy), ' +
          '`planned`, `due` or `overdue` after the organisation\'s `overdueGraceDays`; it goes on after the therapy ends. Anyone else: `403`, audited.',
        response: { 200: PracticeMeasurements, ...problemResponses(401, 403) },
      },
    },
    async (req) => practiceMeasurements(deps(), { actor: requireUser(req).actor, meta: requestMeta(req) }),
  );
}
