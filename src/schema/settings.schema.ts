// An organisation's settings as the administrator's API and pages show them.
import { z } from 'zod';
import { Settings } from '../core/settings.js';

export const OrganisationSettingsView = z
  .object({
    effective: Settings.describe('The values every evaluation by this organisation\'s clinicians uses (`settingsUsed`)'),
    defaults: Settings.describe('The values of clinical-rules.md'),
    overridden: z.array(z.string()).describe('JSON pointers of the values this organisation changed, e.g. /overdueGraceDays, /calciumPerServingMg/milk-glass'),
    overrides: z.record(z.string(), z.unknown()).describe('Only the values this organisation changed, as kept (the body a PUT would send to keep them)'),
    changedAt: z.string().nullable().describe('When the settings were last saved; null: never, the defaults apply'),
    changedBy: z
      .object({ id: z.uuid(), displayName: z.string().nullable() })
      .nullable()
      .describe('Who saved them last'),
  })
  .meta({ id: 'OrganisationSettings' });
export type OrganisationSettingsView = z.infer<typeof OrganisationSettingsView>;
