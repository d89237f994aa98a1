// Every role the core knows has a start page, and it is the first entry of its own menu.
import { describe, expect, it } from 'vitest';
import { ROLES, authorize } from '../core/access/index.js';
import { inMenuOf, menuFor, startPage } from './menus.js';
import { nl } from './i18n/nl.js';

describe('menus', () => {
  it('shows the groups to a day centre\'s administrator only', () => {
    const hrefs = (kind: 'hospital' | 'day-centre' | null) => menuFor(nl, 'admin', kind).map((m) => m.href);
    expect(hrefs('day-centre')).toContain('/admin/groups');
    expect(hrefs('hospital')).not.toContain('/admin/groups');
    expect(hrefs(null)).not.toContain('/admin/groups');
    expect(menuFor(nl, 'care-worker', 'day-centre')[0]?.href).toBe('/group');
  });

  it.each(ROLES)('%s starts on a page of its own menu', (role) => {
    const menu = menuFor(nl, role);
    expect(menu.length).toBeGreaterThan(0);
    expect(menu[0]?.href).toBe(startPage(role));
    for (const m of menu) expect(m.label).not.toBe('');
  });

  it('starts the fracture liaison nurse and the physician at the worklist, first in their menu', () => {
    for (const role of ['nurse', 'physician'] as const) {
      expect(startPage(role)).toBe('/worklist');
      expect(menuFor(nl, role)[0]).toEqual({ href: '/worklist', label: nl.menu.worklist });
    }
    for (const role of ROLES.filter((r) => r !== 'nurse' && r !== 'physician')) expect(startPage(role)).not.toBe('/worklist');
  });

  it('gives the list of patients to clinicians only, a record to patients, the people cared for to caregivers, the organisation to its administrators', () => {
    expect(ROLES.filter((r) => inMenuOf(r, '/patients'))).toEqual(['nurse', 'physician', 'physiotherapist', 'care-worker']);
    expect(ROLES.filter((r) => inMenuOf(r, '/intake'))).toEqual(['nurse', 'physician']);
    expect(ROLES.filter((r) => inMenuOf(r, '/worklist'))).toEqual(['nurse', 'physician']);
    expect(ROLES.filter((r) => inMenuOf(r, '/me'))).toEqual(['patient']);
    expect(ROLES.filter((r) => inMenuOf(r, '/care'))).toEqual(['caregiver']);
    expect(ROLES.filter((r) => inMenuOf(r, '/learn'))).toEqual(['patient', 'caregiver']);
    expect(ROLES.filter((r) => inMenuOf(r, '/admin/users'))).toEqual(['admin']);
    expect(ROLES.filter((r) => inMenuOf(r, '/admin/settings'))).toEqual(['admin']);
  });

  it('leads to the quality figures exactly the roles the core lets read them at a hospital', () => {
    expect(ROLES.filter((r) => inMenuOf(r, '/quality'))).toEqual(['nurse', 'physician', 'admin']);
    for (const role of ROLES) {
      const actor = { userId: 'u', role, organisationId: 'o', organisationKind: 'hospital' as const, patientId: null };
      expect(inMenuOf(role, '/quality'), role).toBe(authorize(actor, 'quality.read', null, '2026-01-01').allowed);
    }
  });
});
