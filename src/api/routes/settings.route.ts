// An organisation's own values for the clinical core's configurable settings (administrators). The
// body of a PUT is the overrides: a value left out, or set to its default, means the default.
import type { ZodApp } from '../types.js';
import { Settings } from '../../core/settings.js';
import { OrganisationSettingsView } from '../../schema/settings.schema.js';
import { organisationSettings, updateOrganisationSettings } from '../../services/settings.js';
import { accessDeps, requestMeta, requireUser } from '../auth.js';
import { problemResponses } from '../responses.js';

export function registerSettingsRoutes(app: ZodApp): void {
  const deps = () => accessDeps(app);
  app.get(
    '/api/v1/organisation/settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'The clinical settings of your organisation (admin): what evaluations use, the defaults, what was changed, by whom and when',
        response: { 200: OrganisationSettingsView, ...problemResponses(401, 403) },
      },
    },
    async (req) => organisationSettings(deps(), requireUser(req).actor, requestMeta(req)),
  );
  app.put(
    '/api/v1/organisation/settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Set the clinical settings of your organisation (admin)',
        description:
          'Body: the values your organisation uses instead of the defaults (clinical-rules.md); a value left out or set to its default means the default, so `{}` ' +
          'goes back to the defaults. A value the core does not take is refused with a pointer to it, and nothing is saved. Every evaluation by your clinicians ' +
          'uses the result and reports it in `settingsUsed`.',
        body: Settings,
        response: { 200: OrganisationSettingsView, ...problemResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req) => updateOrganisationSettings(deps(), requireUser(req).actor, requestMeta(req), req.body),
  );
}
