// Liveness says the process answers; readiness says it can do its work: the database is reachable
// and every migration has been applied. Load balancers route only to ready processes.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { pendingMigrations, ping } from '../../store/db.js';
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
        summary: 'The database is reachable and all migrations are applied',
        response: { 200: Health },
      },
    },
    async () => {
      const { db, kind } = app.deps.store;
      try {
        await ping(db);
      } catch {
        throw new AppError('unavailable', 'The database cannot be reached.');
      }
      const pending = await pendingMigrations(db);
      if (pending.length > 0) {
        throw new AppError('unavailable', `Migrations not yet applied: ${pending.join(', ')}.`);
      }
      return { status: 'ok' as const, store: kind, migrations: 'applied' as const };
    },
  );
}
