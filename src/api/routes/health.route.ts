// Liveness says the process answers; readiness says it can do its work: the database is reachable,
// every migration has been applied, and writes are not failing for a full disk. Load balancers
// route only to ready processes. A not-ready answer is a 503 whose detail names the cause.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { readiness } from '../../services/health.js';
import { AppError } from '../../schema/problem.js';

const Health = z
  .object({
    status: z.literal('ok'),
    store: z.enum(['pglite', 'postgres']).optional(),
    migrations: z.literal('applied').optional(),
  })
  .meta({ id: 'Health' });

export function registerHealthRoutes(app: ZodApp): void {
  app.get(
    '/health/live',
    { schema: { tags: ['health'], summary: 'The process is running', response: { 200: Health } } },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'The database is reachable, all migrations are applied and its disk is not full',
        response: { 200: Health },
      },
    },
    async () => {
      const r = await readiness(app.deps.store);
      if (!r.ready) throw new AppError('unavailable', r.cause);
      return { status: 'ok' as const, store: r.store, migrations: 'applied' as const };
    },
  );
}
