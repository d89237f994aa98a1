// Caregivers' links: the check that keeps a link from being issued when the access rules would
// refuse it, the patient's consent recorded and withdrawn, and the views pages and the API show.
// All of it through services/access.ts: authorised by the core and audited in the same transaction.
import { fullName } from '../core/names.js';
import { caregiverLinkStanding, patientAccountStanding, type Actor, type CaregiverLink, type CaregiverRelation, type LinkGap } from '../core/access/index.js';
import type { IsoDate } from '../core/time/date.js';
import { AppError } from '../schema/problem.js';
import type { CaregiverLinkView } from '../schema/caregiver.schema.js';
import { coreLink, idleLinksOf, withPatient, type AccessDeps, type CaregiverRow, type ConsentGiven, type PatientRow, type RequestMeta } from './access.js';
import { todayNl } from '../schema/clock.js';
import { encodeCursor, type ListPage, type PageAsk } from '../schema/paging.js';

/** A patient's name as people write it: "Anna de Vries". */
export const nameOf = (row: PatientRow) => fullName({ givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name });

export type { CaregiverLinkView } from '../schema/caregiver.schema.js';

/** The field of the form (and the API body) that can supply what a link misses. */
const GAP_FIELDS: Record<LinkGap, { pointer: string; detail: string }> = {
  'patient-consent': { pointer: '/patientConsent', detail: "the patient's consent is needed for this link: record who agreed" },
  'representation-proof': { pointer: '/representationProof', detail: 'proof of legal representation is needed (court decision or registration)' },
  'parent-of-adult': { pointer: '/relation', detail: 'the patient is 18 or older: a parent looks along as registered legal representative, or as family with consent' },
  'consent-withdrawn': { pointer: '/patientConsent', detail: 'the consent was withdrawn' },
  'link-ended': { pointer: '/relation', detail: 'the link was ended' },
};

/** Refuses a link the access rules would refuse: it is never issued as if it worked. */
export function assertLinkWorks(link: CaregiverLink, birthDate: IsoDate, asOf: IsoDate): void {
  const s = caregiverLinkStanding(link, birthDate, asOf);
  if (s.working) return;
  throw new AppError('invalid-input', `This link would give no access: ${s.reason}.`, [GAP_FIELDS[s.gap]]);
}

/** A child under 12 gets no account of their own (the parents look along): refused with the reason. */
export function assertMayHaveAccount(birthDate: IsoDate, asOf: IsoDate): void {
  if (patientAccountStanding(birthDate, asOf).allowed) return;
  throw new AppError('invalid-input', 'A child under 12 gets no account of their own: the parents look along.', [
    { pointer: '/kind', detail: 'a child under 12 gets no account of their own; give a parent a caregiver account' },
  ]);
}

/** The consent behind a new link: the patient themself, or the person named on their behalf. */
export function consentOf(row: PatientRow, basis: { patientConsent?: boolean | undefined; consentGivenBy?: string | undefined }): ConsentGiven | null {
  if (basis.consentGivenBy) return { givenBy: basis.consentGivenBy, givenAs: 'representative' };
  return basis.patientConsent ? { givenBy: nameOf(row), givenAs: 'patient' } : null;
}

/** Checks a new link before anything is stored. */
export function checkNewLink(
  row: PatientRow,
  link: { relation: CaregiverRelation; consent: ConsentGiven | null; representationProof: string | null },
): void {
  assertLinkWorks({ relation: link.relation, patientConsent: link.consent !== null, representationProof: link.representationProof !== null }, row.birth_date, todayNl());
}

/** A link as the views need it (a page of links reads no more than this). */
type LinkRow = Omit<CaregiverRow, 'email' | 'created_at'>;

function linkView(c: LinkRow, birthDate: IsoDate, asOf: IsoDate): CaregiverLinkView {
  const s = caregiverLinkStanding(coreLink(c), birthDate, asOf);
  return {
    id: c.id,
    displayName: c.display_name,
    relation: c.relation,
    consent: c.consent_given_at !== null && c.consent_given_as !== null ? { givenBy: c.consent_given_by ?? '', givenAs: c.consent_given_as, givenAt: c.consent_given_at } : null,
    representationProof: c.representation_proof,
    withdrawal: c.withdrawn_at !== null && c.withdrawn_as !== null ? { at: c.withdrawn_at, by: c.withdrawn_as, reason: c.withdrawn_reason } : null,
    gap: s.working ? null : s.gap,
    basis: s.working ? s.basis : null,
  };
}

/** The caregivers of a record as the reader may see them (the clinic, or the patient themself). */
export async function caregiverLinks(deps: AccessDeps, actor: Actor, meta: RequestMeta, patientId: string): Promise<{ patientName: string; caregivers: CaregiverLinkView[] }> {
  const asOf = todayNl();
  return withPatient(deps, { actor, meta, action: 'patient.read', resource: 'patient/caregivers', patientId }, async ({ db, row, records }) => ({
    patientName: nameOf(row),
    caregivers: (await records.caregiversOf(db, row.id)).map((c) => linkView(c, row.birth_date, asOf)),
  }));
}

/** One page of a record's caregivers in name order, audited as `caregiverLinks` is (the API's list). */
export async function pageCaregiverLinks(deps: AccessDeps, actor: Actor, meta: RequestMeta, patientId: string, ask: PageAsk): Promise<ListPage<CaregiverLinkView>> {
  const asOf = todayNl();
  return withPatient(deps, { actor, meta, action: 'patient.read', resource: 'patient/caregivers', patientId }, async ({ db, row, records }) => {
    const found = await records.pageCaregiversOf(db, row.id, ask);
    return { items: found.rows.map((c) => linkView(c, row.birth_date, asOf)), nextCursor: found.next && encodeCursor({ dir: 'after', key: found.next }) };
  });
}

/** The views of a record's caregivers, for a use case that has the record open already. */
export function caregiverViews(rows: readonly LinkRow[], birthDate: IsoDate): CaregiverLinkView[] {
  const asOf = todayNl();
  return rows.map((c) => linkView(c, birthDate, asOf));
}

const noLink = () => new AppError('not-found', 'This caregiver is not linked to this patient.');

/**
 * The clinic records the patient's consent for a link (given by the patient, or by `givenBy` on the
 * patient's behalf). Refused, with the field that would help, when the link still would not work.
 */
export async function recordConsent(
  deps: AccessDeps, actor: Actor, meta: RequestMeta, patientId: string, caregiverId: string, body: { givenBy?: string | undefined },
): Promise<CaregiverLinkView> {
  const asOf = todayNl();
  return withPatient(deps, { actor, meta, action: 'patient.link', resource: `caregiver/${caregiverId}/consent`, patientId }, async ({ db, row, records }) => {
    const consent: ConsentGiven = body.givenBy ? { givenBy: body.givenBy, givenAs: 'representative' } : { givenBy: nameOf(row), givenAs: 'patient' };
    if (!(await records.recordCaregiverConsent(db, { caregiverUserId: caregiverId, patientId: row.id, consent, by: actor.userId }))) throw noLink();
    const after = (await records.caregiversOf(db, row.id)).find((c) => c.id === caregiverId);
    if (!after) throw noLink();
    // Rolled back with the transaction when the consent alone does not make the link work.
    assertLinkWorks(coreLink(after), row.birth_date, asOf);
    return linkView(after, row.birth_date, asOf);
  });
}

/**
 * Ends a caregiver's access at once: by the patient themself (no reason asked), or by the clinic on
 * the patient's behalf, which must say why. A link withdrawn already stays as it was withdrawn.
 */
export async function withdrawConsent(
  deps: AccessDeps, actor: Actor, meta: RequestMeta, patientId: string, caregiverId: string, body: { reason?: string | undefined },
): Promise<CaregiverLinkView> {
  const by = actor.role === 'patient' ? 'patient' : 'clinic';
  if (by === 'clinic' && !body.reason) {
    throw new AppError('invalid-input', "Say why the clinic withdraws on the patient's behalf.", [{ pointer: '/reason', detail: "is required when the clinic withdraws on the patient's behalf" }]);
  }
  const asOf = todayNl();
  return withPatient(deps, { actor, meta, action: 'patient.withdraw-consent', resource: `caregiver/${caregiverId}/consent`, patientId }, async ({ db, row, records }) => {
    const before = (await records.caregiversOf(db, row.id)).find((c) => c.id === caregiverId);
    if (!before) throw noLink();
    if (before.withdrawn_at === null) {
      await records.withdrawCaregiver(db, { caregiverUserId: caregiverId, patientId: row.id, as: by, reason: body.reason ?? null, by: actor.userId });
    }
    const after = (await records.caregiversOf(db, row.id)).find((c) => c.id === caregiverId) ?? before;
    return linkView(after, row.birth_date, asOf);
  });
}

/** Why the caregiver's links give no access today (for their start page). */
export async function idleLinks(deps: AccessDeps, actor: Actor, meta: RequestMeta): Promise<LinkGap[]> {
  return (await idleLinksOf(deps, actor, meta)).map((l) => l.standing.gap);
}
