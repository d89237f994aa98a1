// What the clinical core concludes, as the API hands it out: the answer of `POST /api/v1/evaluate`,
// of a record's evaluation and of a signed assessment. One schema, so the three cannot drift apart.
import { z } from 'zod';

export const Conclusion = z
  .object({
    code: z.string(),
    ruleId: z.string(),
    value: z.unknown().describe('One fixed shape per code (clinical-rules.md §1); null when inputs are missing'),
    severity: z.enum(['info', 'attention', 'action', 'block']),
    inputs: z.array(z.string()),
    used: z.record(z.string(), z.unknown()),
    missing: z.array(z.string()),
    criteria: z
      .array(z.object({ id: z.string(), result: z.enum(['met', 'not-met', 'unknown']) }))
      .describe('Each criterion the rule checked and what it found; unknown when the facts that decide it are absent'),
    source: z.array(z.string()),
    explanation: z.object({ patient: z.string(), clinician: z.string() }),
  })
  .meta({ id: 'Conclusion' });

export const Evaluation = z
  .object({ asOf: z.string(), rulesVersion: z.string(), settingsUsed: z.record(z.string(), z.unknown()), conclusions: z.array(Conclusion) })
  .meta({ id: 'Evaluation' });

/** The language of the explanations: a query parameter wherever conclusions are handed out. */
export const Lang = z.enum(['nl', 'en']).default('nl').describe('The language of the explanations');
