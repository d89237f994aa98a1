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
    resultsReleaseDays: z
      .number()
      .int()
      .min(0)
      .max(60)
      .default(7)
      .describe('Days after results are entered before the patient sees them when no assessment was signed off since (Botpad policy for the patient side).'),
    expectedFracturesPerYear: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .nullable()
      .default(null)
      .describe('Qualifying fractures expected a year in the catchment area, the denominator of the quality dashboard\'s identification share; null = not entered.'),
    shiftIdleMinutes: z
      .number()
      .int()
      .min(30)
      .max(720)
      .default(240)
      .describe('Minutes a group tablet\'s shift session stays signed in while idle (a day centre\'s staff sign in once per shift); other sessions keep the installation\'s idle time.'),
  })
  .strict()
  .meta({ id: 'Settings' });

export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** The keys of the settings, in the order of the spec's list. */
export const SETTING_KEYS = Object.keys(Settings.shape) as (keyof Settings)[];

/**
 * Where each setting comes from: the section of clinical-rules.md and the sources it cites for the
 * value. No source: the default is Botpad's own policy (the spec says so), not a guideline's. No
 * section: a setting of the pathway's organisation rather than of a clinical rule.
 */
export const SETTING_SOURCES: Record<keyof Settings, { section: number | null; sources: readonly string[] }> = {
  fractureSitePolicy: { section: 2, sources: ['NIV-2022', 'PATHWAY-UMC'] },
  glucocorticoidTScoreThreshold: { section: 5, sources: ['CBO-2011', 'NHG-2024'] },
  vertebralFractureMinT: { section: 5, sources: ['NHG-2024'] },
  overdueGraceDays: { section: 8, sources: [] },
  calciumOtherFoodMg: { section: 9, sources: [] },
  calciumPerServingMg: { section: 9, sources: [] },
  aidsCheckIntervalMonths: { section: 12, sources: [] },
  aidsCheckGrowthCm: { section: 12, sources: [] },
  // Not a clinical rule: when the patient side shows new results (the clinic's own choice).
  resultsReleaseDays: { section: null, sources: [] },
  // Not a clinical rule: the catchment's expected number behind the identification share (FLS-DB).
  expectedFracturesPerYear: { section: null, sources: ['FLS-DB'] },
  // Not a clinical rule: how long a day centre's group tablet stays signed in (docs/day-centre.md).
  shiftIdleMinutes: { section: null, sources: [] },
};

type Leaf = string | number | null;

/** Every single value of a full settings object by its JSON pointer (a serving's value is one of its own). */
function leaves(s: Settings): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  for (const key of SETTING_KEYS) {
    const v = s[key];
    if (v !== null && typeof v === 'object') for (const [item, mg] of Object.entries(v)) out.set(`/${key}/${item}`, mg);
    else out.set(`/${key}`, v);
  }
  return out;
}

/** The JSON pointers of the values in which two full settings objects differ, in the spec's order. */
export function settingsDiffer(a: Settings, b: Settings): string[] {
  const right = leaves(b);
  return [...leaves(a)].filter(([p, v]) => right.get(p) !== v).map(([p]) => p);
}

/**
 * The least an organisation needs to keep to get `s`: only the values that differ from the
 * defaults (a value set to its default is no override), so a default changed in a later release
 * still reaches it. `Settings.parse` of the result gives `s` back.
 */
export function overridesOf(s: Settings): SettingsInput {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const v = s[key];
    const d = DEFAULT_SETTINGS[key];
    if (v !== null && typeof v === 'object' && d !== null && typeof d === 'object') {
      const items = Object.fromEntries(Object.entries(v).filter(([item, mg]) => (d as Record<string, number>)[item] !== mg));
      if (Object.keys(items).length > 0) out[key] = items;
    } else if (v !== d) {
      out[key] = v;
    }
  }
  return out as SettingsInput;
}
