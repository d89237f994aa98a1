import { z } from 'zod';
import type { ZodApp } from '../types.js';

const Info = z
  .object({
    name: z.literal('Botpad'),
    version: z.string(),
    demo: z.boolean().describe('True while demo data is loaded'),
    languages: z.array(z.enum(['nl', 'en'])),
  })
  .meta({ id: 'Info' });

export function registerMetaRoutes(app: ZodApp): void {
  app.get(
    '/api/v1/info',
    { schema: { tags: ['meta'], summary: 'About this installation', response: { 200: Info } } },
    async () => ({
      name: 'Botpad' as const,
      version: app.deps.version ?? '0.1.0',
      demo: await app.demoFlag.get(),
      languages: ['nl' as const, 'en' as const],
    }),
  );
}
