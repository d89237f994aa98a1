// The settings an organisation's evaluations use, read on their own: the worklist's derivation
// needs them inside access.ts's transactions, and this module imports nothing that imports
// access.ts. Managing them (authorised, audited) is settings.ts.
import { DEFAULT_SETTINGS, Settings } from '../core/settings.js';
import type { Db } from '../store/db.js';
import { currentOverrides } from '../store/settings.repo.js';

/** Kept overrides read back: the full settings they give, or an error naming what no longer fits. */
export function fromStore(organisationId: string, overrides: unknown): Settings {
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

