// Liveness says the process answers; readiness says it can do its work: the database is reachable,
// every migration has been applied, and writes are not failing for a full disk. Load balancers
// route only to ready processes. A not-ready answer is a 503 whose detail names the cause.
import { z } from 'zod';
import type { ZodApp } from '../types.js';
import { pendingMigrations, ping, writeFault } from '../../store/db.js';
import { classifyFault } from '../../store/faults.js';
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
      const { store } = app.deps;
      const { db, kind } = store;
      try {
        await ping(db);
      } catch (e) {
        const cause = classifyFault(e)?.cause;
        throw new AppError('unavailable', `The database cannot be reached${cause ? ` (${cause})` : ''}.`);
      }
      const pending = await pendingMigrations(db);
      if (pending.length > 0) {
        throw new AppError('unavailable', `Migrations not yet applied: ${pending.join(', ')}.`);
      }
      const full = await writeFault(store);
      if (full) throw new AppError('unavailable', `Writes fail: ${full.cause}. Free disk space where the database keeps its data.`);
      return { status: 'ok' as const, store: kind, migrations: 'applied' as const };
    },
  );
}
