// An organisation's local policy for the clinical core: its own values for the settings
// clinical-rules.md marks configurable. Every evaluation asks `settingsForOrganisation` (one indexed
// read); the administrator reads and changes them, authorised by the core (`settings.manage`) and
// audited with that action, a change naming the values it changed. What is kept is checked against
// the core's Settings schema on the way in (a bad value is refused with its pointer, nothing is
// stored) and on the way out (a kept value the schema no longer takes is an error, not a guess).
import type { Actor } from '../core/access/index.js';
import { DEFAULT_SETTINGS, overridesOf, Settings, settingsDiffer, type SettingsInput } from '../core/settings.js';
import { currentSettingsRow, insertOverrides, lockOrganisationSettings, settingsHistory, type SettingsRow } from '../store/settings.repo.js';
import { AppError, invalidInput } from '../schema/problem.js';
import type { OrganisationSettingsView } from '../schema/settings.schema.js';
import { withAction, type AccessDeps, type RequestMeta } from './access.js';
import { fromStore } from './org-settings.js';
import { rederiveAll } from './worklist-derive.js';
import { todayNl } from '../schema/clock.js';

export { settingsForOrganisation } from './org-settings.js';

const resourceOf = (organisationId: string) => (organisationId ? `organisation/${organisationId}/settings` : 'organisation/settings');

/** How many earlier saves the administrator is shown (all are kept). */
const HISTORY_SHOWN = 20;

const authorOf = (row: SettingsRow) => (row.changedBy ? { id: row.changedBy, displayName: row.changedByName } : null);

/** The values a kept save set apart from the defaults; for one that no longer fits, the keys it held. */
function overriddenBy(row: SettingsRow): string[] {
  const r = Settings.safeParse(row.overrides);
  if (r.success) return settingsDiffer(DEFAULT_SETTINGS, r.data);
  return row.overrides !== null && typeof row.overrides === 'object' ? Object.keys(row.overrides).map((k) => `/${k}`) : [];
}

/** The settings in force (the newest of `history`, newest first) as the administrator sees them. */
function view(organisationId: string, history: readonly SettingsRow[]): OrganisationSettingsView {
  const row = history[0];
  const effective = fromStore(organisationId, row?.overrides);
  return {
    effective,
    defaults: DEFAULT_SETTINGS,
    overridden: settingsDiffer(DEFAULT_SETTINGS, effective),
    overrides: overridesOf(effective),
    changedAt: row?.changedAt ?? null,
    changedBy: row ? authorOf(row) : null,
    history: history.map((h) => ({ changedAt: h.changedAt, changedBy: authorOf(h), overridden: overriddenBy(h) })),
  };
}

/** The administrator's view of their organisation's settings (audited as `settings.manage`). */
export async function organisationSettings(deps: AccessDeps, actor: Actor, meta: RequestMeta): Promise<OrganisationSettingsView> {
  const org = actor.organisationId ?? '';
  return withAction(deps, { actor, meta, action: 'settings.manage', resource: resourceOf(org) }, async (db) => ({ value: view(org, await settingsHistory(db, org, HISTORY_SHOWN)) }));
}

/**
 * Replaces the organisation's overrides with `input`: a value left out, or set to its default,
 * means the default. Refused as a whole, with a pointer per bad value, when any value is not one
 * the core takes. A save is a new row (the old ones stay); the audit entry names the values that
 * changed, not the values themselves.
 */
export async function updateOrganisationSettings(deps: AccessDeps, actor: Actor, meta: RequestMeta, input: unknown): Promise<OrganisationSettingsView> {
  const org = actor.organisationId ?? '';
  const saved = await withAction(deps, { actor, meta, action: 'settings.manage', resource: resourceOf(org) }, async (tx) => {
    const parsed = Settings.safeParse(input);
    if (!parsed.success) throw invalidInput(parsed.error.issues, 'The request body');
    if (!(await lockOrganisationSettings(tx, org))) throw new AppError('not-found', 'Your account belongs to no organisation.');
    const before = await currentSettingsRow(tx, org);
    // A kept value that no longer fits is put right by this save: it counts as changed.
    const kept = Settings.safeParse(before?.overrides ?? {});
    const changed = kept.success
      ? settingsDiffer(kept.data, parsed.data)
      : [...new Set([...kept.error.issues.map((i) => '/' + i.path.join('/')), ...settingsDiffer(DEFAULT_SETTINGS, parsed.data)])];
    const overrides: SettingsInput = overridesOf(parsed.data);
    await insertOverrides(tx, org, overrides, actor.userId);
    return {
      value: view(org, await settingsHistory(tx, org, HISTORY_SHOWN)),
      detail: changed.length === 0 ? 'settings saved unchanged' : `settings changed: ${changed.join(', ')}`,
    };
  });
  // The worklist follows the new values at once (a grace period decides `overdue`, the fracture
  // policy which fractures open `invite`). Done once the save has committed, so the derivation
  // reads the saved values, and awaited, so the administrator's answer means the list is right:
  // an organisation's patients in care are a few thousand, seconds of work in batches of 500. Should
  // it fail, the settings stand and saving again (or the next change of date) puts the list right.
  await rederiveAll(deps.db, todayNl(), { organisationId: org });
  return saved;
}
