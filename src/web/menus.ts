// Where each role starts and what its menu holds. The switches cover the core's role list without a
// default, so a new role is a compile error here until it has a start page and a menu. A role's
// menu is also what its pages are: a page of an area (/patients, /me, /care, /admin) is for the
// roles whose menu leads there; the core's authorize() decides everything about a record itself.
import type { OrganisationKind, Role } from '../core/access/index.js';
import type { Messages } from './i18n/index.js';

export interface MenuEntry {
  href: string;
  label: string;
}

type MenuHref = '/worklist' | '/referrals' | '/patients' | '/intake' | '/dayboard' | '/me' | '/care' | '/learn' | '/admin/users' | '/admin/audit' | '/admin/settings' | '/quality' | '/group' | '/admin/groups';

const LABEL: Record<MenuHref, keyof Messages['menu']> = {
  '/worklist': 'worklist', '/referrals': 'referrals', '/patients': 'patients', '/intake': 'intake', '/dayboard': 'dayboard', '/me': 'me', '/care': 'care', '/learn': 'learn', '/admin/users': 'users', '/admin/audit': 'audit', '/admin/settings': 'settings', '/quality': 'quality',
  '/group': 'group', '/admin/groups': 'groups',
};

/** What a role may use: clinicians their patients, a patient their record, a caregiver the people they look after. */
function menuHrefs(role: Role): readonly [MenuHref, ...MenuHref[]] {
  switch (role) {
    // The learn pages are public; patients and caregivers get them in their menu as well.
    case 'patient':
      return ['/me', '/learn'];
    case 'caregiver':
      return ['/care', '/learn'];
    // The administrator is the account a service's manager and quality officer use: they read the
    // quality figures too, with each patient as a code.
    case 'admin':
      // A day centre's administrator keeps its groups (`group.manage`; another's page says it is not theirs).
      return ['/admin/users', '/admin/audit', '/admin/settings', '/quality', '/admin/groups'];
    // The hospital's nurses and physicians keep the fracture liaison worklist, where their day
    // starts, and take in fractures (from the plaster room, the emergency department's list); a
    // practice and a day centre do neither. They run the diagnostic days from the day board.
    case 'nurse':
    case 'physician':
      return ['/worklist', '/patients', '/intake', '/dayboard', '/quality'];
    // A physiotherapy practice starts at its referrals: those waiting for its decision (its open
    // work, counted there) and the patients it has taken on.
    case 'physiotherapist':
      return ['/referrals', '/patients'];
    // A care worker starts at their own group's children (the day centre's groups).
    case 'care-worker':
      return ['/group', '/patients'];
  }
}

/**
 * Entries only some organisations have: the groups are a day centre's, the referrals a
 * physiotherapy practice's (another organisation's administrator or physiotherapist would only be
 * refused there).
 */
const ONLY_AT: Partial<Record<MenuHref, OrganisationKind>> = { '/admin/groups': 'day-centre', '/referrals': 'physiotherapy' };

const shownAt = (kind: OrganisationKind | null | undefined) => (href: MenuHref) => ONLY_AT[href] === undefined || ONLY_AT[href] === kind;

export function menuFor(t: Messages, role: Role, kind?: OrganisationKind | null): MenuEntry[] {
  return menuHrefs(role)
    .filter(shownAt(kind))
    .map((href) => ({ href, label: t.menu[LABEL[href]] }));
}

/** Where each role starts after signing in: the first entry of its menu (at its kind of organisation, when known). */
export function startPage(role: Role, kind?: OrganisationKind | null): string {
  const all = menuHrefs(role);
  return all.find(shownAt(kind)) ?? all[0];
}

/** Whether `page` (a menu entry's page: a start page, a list) is in `role`'s menu. */
export function inMenuOf(role: Role, page: MenuHref): boolean {
  return menuHrefs(role).includes(page);
}

/**
 * Which side of the record a role reads from: the patient side (large type, large targets, plain
 * words) or the clinician side (denser, for a working day next to the hospital's own system).
 * Every page a reader sees takes the side of that reader's role; a visitor gets the patient side.
 */
export type Side = 'patient' | 'clinician';

export function sideOf(role: Role | undefined): Side {
  switch (role) {
    case undefined:
    case 'patient':
    case 'caregiver':
      return 'patient';
    case 'nurse':
    case 'physician':
    case 'physiotherapist':
    case 'care-worker':
    case 'admin':
      return 'clinician';
  }
}
