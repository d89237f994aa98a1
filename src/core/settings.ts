// The values clinical-rules.md marks *configurable*, in one typed object with the spec's defaults.
// An organisation may override them (`--settings FILE`, organisation settings); every evaluation
// reports the values it used in `settingsUsed`.
import { z } from 'zod';

export const Settings = z
  .object({
    fractureSitePolicy: z
      .enum(['guideline', 'hands-feet-excluded'])
      .default('guideline')
      .describe('Which fracture sites do not qualify for case finding (§2).'),
    glucocorticoidTScoreThreshold: z
      .number()
      .min(-5)
      .max(0)
      .default(-2.0)
      .describe('Lowest T-score at or below which glucocorticoid use indicates medication (§5).'),
    vertebralFractureMinT: z
      .number()
      .min(-5)
      .max(5)
      .nullable()
      .default(null)
      .describe('NHG-2024 GP grid: no medication for a vertebral fracture when T is above this value; null = always (§5).'),
    overdueGraceDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .default(14)
      .describe('Days after a due date before a follow-up item counts as overdue (§8).'),
    calciumOtherFoodMg: z
      .number()
      .min(0)
      .max(3000)
      .default(400)
      .describe('Calcium from food other than dairy, mg/day (§9, provisional).'),
    calciumPerServingMg: z
      .object({
        'milk-glass': z.number().min(0).max(2000).default(180),
        'yoghurt-bowl': z.number().min(0).max(2000).default(180),
        'cheese-slice': z.number().min(0).max(2000).default(160),
        'calcium-enriched-soy-glass': z.number().min(0).max(2000).default(180),
        'cheese-spread-portion': z.number().min(0).max(2000).default(60),
      })
      .strict()
      .prefault({})
      .describe('Calcium per serving of each calculator item, mg (§9, provisional).'),
    aidsCheckIntervalMonths: z
      .number()
      .int()
      .min(1)
      .max(36)
      .default(6)
      .describe('Months between checks of a child\'s aids (§12).'),
    aidsCheckGrowthCm: z
      .number()
      .min(0.5)
      .max(30)
      .default(3)
      .describe('Growth since the last aids check that makes the check due sooner, cm (§12).'),
  })
  .strict()
  .meta({ id: 'Settings' });

export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});
