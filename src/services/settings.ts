// An organisation's local policy for the clinical core: its own values for the settings
// clinical-rules.md marks configurable. Every evaluation asks `settingsForOrganisation` (one indexed
// read); the administrator reads and changes them, authorised by the core (`settings.manage`) and
// audited with that action, a change naming the values it changed. What is kept is checked against
// the core's Settings schema on the way in (a bad value is refused with its pointer, nothing is
// stored) and on the way out (a kept value the schema no longer takes is an error, not a guess).
import type { Actor } from '../core/access/index.js';
import { DEFAULT_SETTINGS, overridesOf, Settings, settingsDiffer, type SettingsInput } from '../core/settings.js';
import type { Db } from '../store/db.js';
import { findUserById } from '../store/accounts.repo.js';
import { currentOverrides, currentSettingsRow, insertOverrides, lockOrganisationSettings, type SettingsRow } from '../store/settings.repo.js';
import { AppError, invalidInput } from '../schema/problem.js';
import type { OrganisationSettingsView } from '../schema/settings.schema.js';
import { withAction, type AccessDeps, type RequestMeta } from './access.js';

/** Kept overrides read back: the full settings they give, or an error naming what no longer fits. */
function fromStore(organisationId: string, overrides: unknown): Settings {
  if (overrides === undefined) return DEFAULT_SETTINGS;
  const r = Settings.safeParse(overrides);
  if (r.success) return r.data;
  const at = r.error.issues.map((i) => '/' + i.path.join('/')).join(', ');
  // A change of the Settings schema that makes kept values invalid needs a migration that rewrites
  // them (or a new save); until then evaluations with that organisation's settings stop rather
  // than guess.
  throw new Error(`the kept settings of organisation ${organisationId} do not fit the Settings schema at ${at}`);
}

/**
 * The settings an evaluation by a member of `organisationId` uses: the defaults with what the
 * organisation changed. One read (the organisation's newest row, by index); none for an account
 * without an organisation.
 */
export async function settingsForOrganisation(db: Db, organisationId: string | null): Promise<Settings> {
  if (organisationId === null) return DEFAULT_SETTINGS;
  return fromStore(organisationId, await currentOverrides(db, organisationId));
}

const resourceOf = (organisationId: string) => (organisationId ? `organisation/${organisationId}/settings` : 'organisation/settings');

function view(organisationId: string, row: SettingsRow | undefined): OrganisationSettingsView {
  const effective = fromStore(organisationId, row?.overrides);
  return {
    effective,
    defaults: DEFAULT_SETTINGS,
    overridden: settingsDiffer(DEFAULT_SETTINGS, effective),
    overrides: overridesOf(effective),
    changedAt: row?.changedAt ?? null,
    changedBy: row?.changedBy ? { id: row.changedBy, displayName: row.changedByName } : null,
  };
}

/** The administrator's view of their organisation's settings (audited as `settings.manage`). */
export async function organisationSettings(deps: AccessDeps, actor: Actor, meta: RequestMeta): Promise<OrganisationSettingsView> {
  const org = actor.organisationId ?? '';
  return withAction(deps, { actor, meta, action: 'settings.manage', resource: resourceOf(org) }, async (db) => ({ value: view(org, await currentSettingsRow(db, org)) }));
}

/**
 * Replaces the organisation's overrides with `input`: a value left out, or set to its default,
 * means the default. Refused as a whole, with a pointer per bad value, when any value is not one
 * the core takes. A save is a new row (the old ones stay); the audit entry names the values that
 * changed, not the values themselves.
 */
export async function updateOrganisationSettings(deps: AccessDeps, actor: Actor, meta: RequestMeta, input: unknown): Promise<OrganisationSettingsView> {
  const org = actor.organisationId ?? '';
  return withAction(deps, { actor, meta, action: 'settings.manage', resource: resourceOf(org) }, async (tx) => {
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
    const saved = await insertOverrides(tx, org, overrides, actor.userId);
    const author = await findUserById(tx, actor.userId);
    return {
      value: view(org, { ...saved, changedByName: author?.display_name ?? null }),
      detail: changed.length === 0 ? 'settings saved unchanged' : `settings changed: ${changed.join(', ')}`,
    };
  });
}
