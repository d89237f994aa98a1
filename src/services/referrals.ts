// Use cases of a referral to a physiotherapy practice. The hospital refers from the record (the
// VFA result and the agreements are taken from it as they stand, and kept so); the practice sees
// what waits for it, and accepts or declines; either side ends an accepted one. Every step goes
// through services/access.ts (authorised by the core's `referral.*` rules, audited against the
// patient) and is stored whole or not at all: the step and the door it opens or closes (the
// practice's `referral` relation to the patient) are one transaction. See docs/referrals.md.
import type { Drug } from '../core/case.schema.js';
import { fullName, similarPersons } from '../core/names.js';
import { authorize, type PatientTarget } from '../core/access/index.js';
import { nextStatus, type ReferralStep } from '../core/referral/index.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import type { Agreements } from '../schema/decision.schema.js';
import type { GpLetterInput, ReferralAgreements, ReferralInput, ReferralView, WaitingReferral } from '../schema/referral.schema.js';
import { decisionsOf } from '../store/decision.repo.js';
import { listAcceptedReferrals, listWaitingReferrals, readWithPatient, withAction, withPatient, withReferral, type AccessDeps, type PatientRecords, type PatientRow, type PatientWork, type ReferralRow, type RequestMeta, type WaitingReferralRow } from './access.js';
import { caseOn, refuseClosed, type Ask } from './record.js';
import { nameParts } from './patients.js';
import type { Actor } from '../core/access/index.js';

/** The most waiting referrals one list shows; a practice with more decides on these first. */
export const WAITING_MAX = 200;

export interface ReferralAsk {
  actor: Actor;
  meta: RequestMeta;
  referralId: string;
}

const said = (r: ReferralRow) => ({
  id: r.id,
  patientId: r.patient_id,
  source: r.source,
  reason: r.reason,
  vfa: (r.vfa ?? null) as ReferralView['vfa'],
  agreements: (r.agreements ?? null) as ReferralAgreements | null,
  from: r.from_organisation_id === null ? null : { id: r.from_organisation_id, name: r.from_organisation_name ?? '' },
  to: { id: r.to_organisation_id, name: r.to_organisation_name },
  referredBy: r.referred_by_name,
  referredAt: r.referred_at,
});

export function referralView(r: ReferralRow): ReferralView {
  return {
    ...said(r), status: r.status, decidedBy: r.decided_by_name, decidedAt: r.decided_at, declineReason: r.decline_reason,
    endedBy: r.ended_by_name, endedAt: r.ended_at, endReason: r.end_reason,
    gp: r.gp_name === null ? null : { name: r.gp_name, practice: r.gp_practice }, letterDate: r.letter_date,
  };
}

export function waitingView(r: WaitingReferralRow): WaitingReferral {
  return { ...said(r), patient: { name: fullName({ givenName: r.given_name, familyNamePrefix: r.family_name_prefix, familyName: r.family_name }), birthDate: r.birth_date } };
}

/** What a referral made today takes along from the record: the latest VFA and the latest decision's agreements. */
async function whatIsSent(db: PatientWork['db'], records: PatientRecords, row: PatientRow, today: string): Promise<{ vfa: ReferralView['vfa']; agreements: ReferralAgreements | null }> {
  const [c, decisions] = await Promise.all([caseOn(db, records, row, today), decisionsOf(db, row.id)]);
  const latest = decisions[0];
  return {
    vfa: c.vfa && c.vfa.vertebrae.length > 0 ? { date: c.vfa.date, vertebrae: c.vfa.vertebrae.map((v) => ({ ...v })) } : null,
    agreements: latest ? { decidedOn: latest.decided_on, option: latest.option, drug: (latest.drug ?? null) as Drug | null, agreements: latest.agreements as Agreements } : null,
  };
}

/**
 * The hospital refers the patient to a physiotherapy practice. Refused (nothing stored) when the
 * organisation is no practice, when the practice already has this patient (an open referral, or
 * the record already open to it), or when the record is closed (merged, care ended).
 */
export async function refer(deps: AccessDeps, ask: Ask, input: ReferralInput): Promise<ReferralView> {
  const today = todayNl();
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'referral.create', resource: 'patient/referral', patientId: ask.patientId }, async ({ db, row, orgs, records }) => {
    await refuseClosed(db, records, row);
    const kind = await records.referrals.organisationKind(db, input.organisationId);
    if (kind !== 'physiotherapy') {
      throw new AppError('invalid-input', 'A referral goes to a physiotherapy practice.', [{ pointer: '/organisationId', detail: kind === undefined ? 'no such organisation' : 'is not a physiotherapy practice' }]);
    }
    if (orgs.some((o) => o.organisation_id === input.organisationId && o.relation === 'referral')) {
      throw new AppError('conflict', 'This practice already treats this patient.', [{ pointer: '/organisationId', detail: 'already treats this patient' }]);
    }
    if (await records.referrals.openReferralTo(db, row.id, input.organisationId)) {
      throw new AppError('conflict', 'This practice already has an open referral for this patient.', [{ pointer: '/organisationId', detail: 'already has an open referral for this patient' }]);
    }
    const sent = await whatIsSent(db, records, row, today);
    const saved = await records.referrals.insertReferral(db, {
      patientId: row.id, fromOrganisationId: ask.actor.organisationId, toOrganisationId: input.organisationId, source: 'hospital', reason: input.reason,
      vfa: sent.vfa, agreements: sent.agreements, by: ask.actor.userId,
    });
    return referralView(saved);
  });
}

/** The referrals waiting for the reader's practice, the one waiting longest first (the limited view). */
export async function waitingReferrals(deps: AccessDeps, ask: { actor: Actor; meta: RequestMeta }): Promise<WaitingReferral[]> {
  return (await listWaitingReferrals(deps, { actor: ask.actor, meta: ask.meta, resource: 'referral' }, WAITING_MAX)).map(waitingView);
}

/**
 * A step on a referral: the core says who may (access) and whether it fits the referral's status
 * (a step that does not is a conflict, nothing changes). Accepting opens the record to the
 * practice; declining and ending close it, in the same transaction as the step.
 */
async function takeStep(deps: AccessDeps, ask: ReferralAsk, step: ReferralStep, reason: string | null): Promise<ReferralView> {
  const action = step === 'end' ? 'referral.end' : 'referral.decide';
  return withReferral(deps, { actor: ask.actor, meta: ask.meta, action, resource: 'referral', referralId: ask.referralId }, async ({ db, referral, records }) => {
    const next = nextStatus(referral.status, step);
    if (!next.ok) throw new AppError('conflict', `This step does not fit the referral: ${next.reason}.`, [{ pointer: '/params/referralId', detail: next.reason }]);
    const to = next.status === 'accepted' || next.status === 'declined' || next.status === 'ended' ? next.status : undefined;
    if (!to || !(await records.referrals.stepReferral(db, referral.id, { from: referral.status, to, by: ask.actor.userId, reason }))) {
      throw new AppError('conflict', 'The referral changed in the meantime.', [{ pointer: '/params/referralId', detail: 'changed in the meantime' }]);
    }
    if (to === 'accepted') await records.referrals.openDoor(db, referral.patient_id, referral.to_organisation_id);
    else await records.referrals.closeDoor(db, referral.patient_id, referral.to_organisation_id);
    const after = await records.referrals.referralById(db, referral.id);
    if (!after) throw new AppError('not-found', 'There is no referral with this id.');
    return referralView(after);
  });
}

export const acceptReferral = (deps: AccessDeps, ask: ReferralAsk): Promise<ReferralView> => takeStep(deps, ask, 'accept', null);
export const declineReferral = (deps: AccessDeps, ask: ReferralAsk, reason: string): Promise<ReferralView> => takeStep(deps, ask, 'decline', reason);
export const endReferral = (deps: AccessDeps, ask: ReferralAsk, reason: string): Promise<ReferralView> => takeStep(deps, ask, 'end', reason);

/** The referrals of a record, the newest first; a practice sees those to itself only. */
export async function referralsOfPatient(deps: AccessDeps, ask: Ask): Promise<ReferralView[]> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/referral', patientId: ask.patientId }, async ({ db, row, records }) => {
    const only = ask.actor.role === 'physiotherapist' ? (ask.actor.organisationId ?? '') : undefined;
    return (await records.referrals.referralsOf(db, row.id, only)).map(referralView);
  });
}

/**
 * A GP's letter, recorded by the practice it refers to (`referral.record-letter`). The patient is
 * looked for among the people the practice already knows (same birth date, a similar name: see
 * `knownToPractice`); found, the core decides on that record; not found, a new record is made for
 * the practice (linked as `referral`, no hospital involved). The referral is accepted as it is
 * recorded, so the practice's physiotherapists open the record at once. One transaction, one
 * audit entry against the patient. Refused when several of the practice's records match (which one
 * is meant cannot be told) or when the practice already has an open referral for the patient.
 */
export async function recordGpLetter(deps: AccessDeps, ask: { actor: Actor; meta: RequestMeta }, input: GpLetterInput): Promise<ReferralView> {
  const { actor } = ask;
  const practice = actor.organisationId ?? '';
  return withAction(deps, { actor, meta: ask.meta, action: 'referral.record-letter', resource: 'referral' }, async (db, records) => {
    const p = input.patient;
    const parts = nameParts(p.familyName, p.familyNamePrefix);
    const wanted = { givenName: p.givenName, familyName: parts.family_name, familyNamePrefix: parts.family_name_prefix };
    const known = (await records.referrals.knownToPractice(db, practice, p.birthDate))
      .filter((k) => similarPersons(wanted, { givenName: k.given_name, familyName: k.family_name, familyNamePrefix: k.family_name_prefix }));
    if (known.length > 1) {
      throw new AppError('conflict', 'Several patients of your practice match this name and birth date.', [{ pointer: '/patient', detail: 'several patients of your practice match this name and birth date' }]);
    }
    const letter = {
      toOrganisationId: practice, fromOrganisationId: null, source: 'gp-letter' as const, reason: input.reason, vfa: null, agreements: null, by: actor.userId, acceptedAtOnce: true,
      gp: { name: input.gp.name, practice: input.gp.practice ?? null, letterDate: input.letterDate },
    };
    const found = known[0];
    if (found) {
      // A referral of the patient waits for the practice: that one is the way in, not a letter.
      const open = await records.referrals.openReferralTo(db, found.id, practice);
      if (open) {
        const detail = open.status === 'pending' ? 'a referral from the hospital waits for your practice: accept that one' : 'your practice already treats this patient';
        throw new AppError('conflict', `This patient already has an open referral to your practice: ${detail}.`, [{ pointer: '/patient', detail }]);
      }
      const latest = await records.referrals.latestReferralTo(db, found.id, practice);
      const target: PatientTarget = {
        id: found.id, birthDate: found.birth_date,
        organisations: (await records.patientOrganisations(db, [found.id])).map((o) => ({ organisationId: o.organisation_id, relation: o.relation })),
        ...(latest ? { referral: { fromOrganisationId: latest.from_organisation_id, toOrganisationId: latest.to_organisation_id, status: latest.status } } : {}),
      };
      const d = authorize(actor, 'referral.record-letter', target, todayNl());
      if (!d.allowed) throw new AppError('forbidden', `You may not do this with this record: ${d.reason}.`);
      const saved = await records.referrals.insertReferral(db, { ...letter, patientId: found.id });
      await records.referrals.openDoor(db, found.id, practice);
      return { value: referralView(saved), patientId: found.id, detail: d.reason };
    }
    const row = await records.insertPatient(db, {
      ...parts, given_name: p.givenName, birth_date: p.birthDate, sex: p.sex, bsn: null, phone: p.phone ?? null, email: p.email ?? null,
      gp_practice: input.gp.practice ?? null, language: p.language ?? 'nl', lives_alone: null,
    }, practice, 'referral');
    const saved = await records.referrals.insertReferral(db, { ...letter, patientId: row.id });
    return { value: referralView(saved), patientId: row.id, detail: 'a GP referred the patient to your practice' };
  });
}

/** The most of a practice's own patients one list shows. */
export const TAKEN_ON_MAX = 500;

/** The patients the reader's practice has taken on, by surname, each audited as listed. */
export async function takenOnReferrals(deps: AccessDeps, ask: { actor: Actor; meta: RequestMeta }): Promise<WaitingReferral[]> {
  return (await listAcceptedReferrals(deps, { actor: ask.actor, meta: ask.meta, resource: 'referral/accepted' }, TAKEN_ON_MAX)).map(waitingView);
}

/** The record's referrals page: its referrals (a practice sees its own), the practices one may refer to, and what a referral made today would take along. */
export interface PatientReferrals {
  referrals: ReferralView[];
  practices: { id: string; name: string }[];
  sends: { vfa: ReferralView['vfa']; agreements: ReferralAgreements | null };
}

export async function patientReferrals(deps: AccessDeps, ask: Ask): Promise<PatientReferrals> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/referral', patientId: ask.patientId }, async ({ db, row, records }) => {
    const only = ask.actor.role === 'physiotherapist' ? (ask.actor.organisationId ?? '') : undefined;
    const [referrals, practices, sends] = await Promise.all([records.referrals.referralsOf(db, row.id, only), records.referrals.practices(db), whatIsSent(db, records, row, todayNl())]);
    return { referrals: referrals.map(referralView), practices, sends };
  });
}
