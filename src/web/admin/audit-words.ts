// The audit log in the reader's words: what was done, why it was allowed or refused, and who did it
// (staff by name, patients and caregivers by their code). The log keeps the codes and the English
// reasons it was written with; this is only how a page and a download show them.
import type { Messages } from '../i18n/index.js';
import type { AuditEntryView } from '../../api/facade.js';
import { AUDIT_ACTIONS, ACCESS_REASONS, ROLES, type AccessReason, type AuditAction, type Role } from '../../core/access/lists.js';

const isAction = (a: string): a is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);
const isReason = (r: string): r is AccessReason => (ACCESS_REASONS as readonly string[]).includes(r);
const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

export function actionWords(t: Messages, action: string): string {
  return isAction(action) ? t.audit.actions[action] : action;
}

/**
 * The reason in words. The core's reasons are a closed list (each has its words); the steps around
 * them write a few fixed sentences, some with an id in them, matched here. Anything else (an
 * error's own text) is shown as it was written.
 */
export function reasonWords(t: Messages, reason: string | null): string {
  if (reason === null) return '';
  if (isReason(reason)) return t.audit.reasons[reason];
  const o = t.audit.otherReasons;
  const role = (r: string) => (isRole(r) ? t.roles[r].toLowerCase() : r);
  const changed = /^role of account \S+ changed from (\S+) to (\S+)$/.exec(reason);
  if (changed) return o.roleChanged(role(changed[1] ?? ''), role(changed[2] ?? ''));
  const settings = /^settings changed: (.+)$/.exec(reason);
  if (settings) return o.settingsChanged((settings[1] ?? '').split(', ').map((p) => settingWords(t, p)).join(', '));
  const fixed: readonly [RegExp, string][] = [
    [/^no patient \S+$/, o.noPatient],
    [/^not done\b/, o.notDone],
    [/^locked: /, o.locked],
    [/^too many attempts: /, o.tooMany],
    [/^wrong e-mail address or password$/, o.wrongPassword],
    [/^signed in$/, o.signedIn],
    [/^signed out$/, o.signedOut],
    [/^unknown, used or expired code$/, o.badCode],
    [/^no such account$/, o.noAccount],
    [/^account \S+ activated$/, o.activated],
    [/^(link sent for|activation link sent for account) \S+$/, o.linkSent],
    [/^password reset for \S+$/, o.passwordReset],
    [/: this page is not for this role$/, o.notForRole],
    [/^form without a valid security token$/, o.badToken],
    [/^no patients shown$/, o.noneShown],
    [/^created account \S+ as \S+; activation link sent$/, o.accountCreated],
    [/^deactivated account \S+; \d+ open session\(s\) ended$/, o.deactivated],
    [/^sign-in lock-out of account \S+ cleared$/, o.unlocked],
    [/^settings saved unchanged$/, o.settingsUnchanged],
  ];
  return fixed.find(([re]) => re.test(reason))?.[1] ?? reason;
}

/** A setting named by its pointer (/overdueGraceDays, /calciumPerServingMg/milk-glass) in the reader's words. */
function settingWords(t: Messages, pointer: string): string {
  const [key = '', item = ''] = pointer.split('/').slice(1);
  const o = t.orgSettings;
  if (key === 'calciumPerServingMg' && item in o.items) return `${o.fields.calciumPerServingMg.legend}: ${o.items[item as keyof typeof o.items]}`;
  return key in o.fields && key !== 'calciumPerServingMg' ? o.fields[key as Exclude<keyof typeof o.fields, 'calciumPerServingMg'>].label : pointer;
}

/** Who acted: a member of staff by name; a patient or caregiver by code; else "not signed in". */
export function whoWords(t: Messages, r: AuditEntryView): string {
  switch (r.actorKind) {
    case 'staff':
      return r.userName ?? '';
    case 'patient':
      return r.actorCode ? t.audit.pseudonym(r.actorCode) : t.roles.patient;
    case 'caregiver':
      return r.actorCode ? t.audit.caregiverPseudonym(r.actorCode) : t.roles.caregiver;
    case 'nobody':
      return t.audit.nobody;
  }
}

export const patientWords = (t: Messages, r: AuditEntryView): string => (r.patientCode ? t.audit.pseudonym(r.patientCode) : '');
export const outcomeWords = (t: Messages, r: AuditEntryView): string => (r.allowed ? t.audit.allowedWord : t.audit.refusedWord);
