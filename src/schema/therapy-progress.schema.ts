// The progress report at the API: which language it is printed in. The progress itself is the
// core's model (core/measures/progress.ts), shown on the practice's and the patient's pages.
import { z } from 'zod';

export const ProgressReportQuery = z
  .object({ lang: z.enum(['nl', 'en']).default('nl').describe('The language of the report: Dutch (default) or English') })
  .strict();

export const KeepProgressReportInput = z
  .object({ lang: z.enum(['nl', 'en']).default('nl').describe('The language it is written in: Dutch (default) or English') })
  .strict();
