// The practice's home safety check, its lifestyle coaching and its letter to a dietitian. Written by
// the physiotherapists of a practice the patient is referred to (`therapy.write`, decided by the
// core: the accepted referral opens that door); read by whoever may read the record (`record.read`:
// the practice, the hospital's nurses and physicians). Every read and write goes through access.ts,
// so it is authorised and audited in the same transaction as the work. The checks and sessions are
// the practice's own records (migration 0025); the dietitian's letter is kept with the other letters
// and prints again from what it said. See docs/home-check-and-coaching.md.
import { authorize, type PatientTarget, type Actor } from '../core/access/index.js';
import { COACHING_CONCLUSIONS, COACHING_TOPICS, HOME_CHECK_ITEMS, type CoachingTopic, type HomeCheckFinding, type HomeCheckItem } from '../core/coaching/lists.js';
import { evaluate } from '../core/evaluate.js';
import { fullName } from '../core/names.js';
import type { Conclusion } from '../core/rule.js';
import { day } from '../core/text.js';
import { todayNl } from '../schema/clock.js';
import type { CoachingSessionInput, CoachingSessionView, DietitianLetterInput, HomeCheckInput, HomeCheckView } from '../schema/coaching.schema.js';
import type { LetterView } from '../schema/follow-up.schema.js';
import { AppError } from '../schema/problem.js';
import { COACHING_SESSION, HOME_CHECK, insertKept, keptOf, type KeptRow } from '../store/coaching.repo.js';
import type { Db } from '../store/db.js';
import { insertLetter, lettersOf } from '../store/letter.repo.js';
import { organisationContact, userName } from '../store/logistics.repo.js';
import { readWithPatient, withPatient, type AccessDeps, type PatientOrgs, type PatientRow } from './access.js';
import { patientOf, type DiaryPatient } from './diary.js';
import { letterView } from './letters-kept.js';
import type { KeptLetterContent } from './letters.js';
import { settingsForOrganisation } from './org-settings.js';
import { caseOn, type Ask, type Lang } from './record.js';

type StoredItem = { item: HomeCheckItem; finding: HomeCheckFinding; note: string | null };
type StoredTopic = { topic: CoachingTopic; discussed: string; agreed: string | null };

const inOrder = <T, K extends string>(rows: readonly T[], key: (r: T) => K, order: readonly K[]) => [...rows].sort((a, b) => order.indexOf(key(a)) - order.indexOf(key(b)));

const kept = (r: KeptRow) => ({ id: r.id, patientId: r.patient_id, date: r.day, recordedBy: r.recorded_by_name, recordedAt: r.recorded_at });
const homeCheckView = (r: KeptRow): HomeCheckView => ({ ...kept(r), items: r.list as StoredItem[], agreed: r.text });
const sessionView = (r: KeptRow): CoachingSessionView => ({ ...kept(r), topics: r.list as StoredTopic[], note: r.text });

/** A merged record takes nothing new: the work belongs in the record it was merged into. */
function refuseMerged(row: PatientRow): void {
  if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; record this there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
}

/** Whether the reader may also record (the form is shown): the core's `therapy.write` on the same target. */
const mayWrite = (actor: Actor, target: PatientTarget) => authorize(actor, 'therapy.write', target, todayNl()).allowed;

/** The hospital caring for the patient: its settings are the ones its own evaluation of the record uses. */
const careOrganisation = (orgs: PatientOrgs): string | null => orgs.find((o) => o.relation === 'care')?.organisation_id ?? null;

// ---------------------------------------------------------------------------------------------
// The home safety check

/** Records a home safety check: every item's finding and note, in the core's order, and what was agreed. */
export async function recordHomeCheck(deps: AccessDeps, ask: Ask, input: HomeCheckInput): Promise<HomeCheckView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/home-check', patientId: ask.patientId }, async ({ db, row }) => {
    refuseMerged(row);
    const items: StoredItem[] = inOrder(input.items, (i) => i.item, HOME_CHECK_ITEMS).map((i) => ({ item: i.item, finding: i.finding, note: i.note ?? null }));
    const made = await insertKept(db, HOME_CHECK, { patientId: row.id, organisationId: ask.actor.organisationId, by: ask.actor.userId, date: input.date, list: items, text: input.agreed ?? null });
    return homeCheckView(made);
  });
}

/** The home checks of the record, the latest first. */
export async function homeChecksOf(deps: AccessDeps, ask: Ask): Promise<HomeCheckView[]> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/home-check', patientId: ask.patientId }, async ({ db, row }) =>
    (await keptOf(db, HOME_CHECK, row.id)).map(homeCheckView),
  );
}

export interface HomeCheckScreen {
  patient: DiaryPatient;
  checks: HomeCheckView[];
  mayWrite: boolean;
}

/** The home check page: whose record, the checks kept, and whether the reader may record one. One read, one audit entry. */
export async function homeCheckScreen(deps: AccessDeps, ask: Ask): Promise<HomeCheckScreen> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/home-check', patientId: ask.patientId }, async ({ db, row, target }) => ({
    patient: patientOf(row), checks: (await keptOf(db, HOME_CHECK, row.id)).map(homeCheckView), mayWrite: mayWrite(ask.actor, target),
  }));
}

// ---------------------------------------------------------------------------------------------
// Lifestyle coaching

/** Records a coaching session: per topic what was discussed and agreed, in the core's order. */
export async function recordCoachingSession(deps: AccessDeps, ask: Ask, input: CoachingSessionInput): Promise<CoachingSessionView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/coaching', patientId: ask.patientId }, async ({ db, row }) => {
    refuseMerged(row);
    const topics: StoredTopic[] = inOrder(input.topics, (x) => x.topic, COACHING_TOPICS).map((x) => ({ topic: x.topic, discussed: x.discussed, agreed: x.agreed ?? null }));
    const made = await insertKept(db, COACHING_SESSION, { patientId: row.id, organisationId: ask.actor.organisationId, by: ask.actor.userId, date: input.date, list: topics, text: input.note ?? null });
    return sessionView(made);
  });
}

/** The coaching sessions of the record, the latest first. */
export async function coachingSessionsOf(deps: AccessDeps, ask: Ask): Promise<CoachingSessionView[]> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/coaching', patientId: ask.patientId }, async ({ db, row }) =>
    (await keptOf(db, COACHING_SESSION, row.id)).map(sessionView),
  );
}

/** The core's lifestyle, calcium and vitamin D conclusions for the record today, in the reader's language. */
async function coachingConclusions(db: Db, w: { row: PatientRow; orgs: PatientOrgs; records: Parameters<typeof caseOn>[1] }, lang: Lang): Promise<Conclusion[]> {
  const today = todayNl();
  const [c, settings] = await Promise.all([caseOn(db, w.records, w.row, today), settingsForOrganisation(db, careOrganisation(w.orgs))]);
  const all = evaluate(c, settings, lang).conclusions;
  return COACHING_CONCLUSIONS.flatMap((code) => all.filter((k) => k.code === code));
}

export interface CoachingScreen {
  patient: DiaryPatient;
  sessions: CoachingSessionView[];
  /** The core's lifestyle advice and its calcium and vitamin D conclusions, each with its why. */
  conclusions: Conclusion[];
  /** The letters to a dietitian kept in the record, the latest first. */
  letters: LetterView[];
  mayWrite: boolean;
}

/** The coaching page: the sessions kept, the core's advice beside the form, the dietitian's letters. One read, one audit entry. */
export async function coachingScreen(deps: AccessDeps, ask: Ask & { lang: Lang }): Promise<CoachingScreen> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/coaching', patientId: ask.patientId }, async ({ db, row, orgs, records, target }) => {
    const [sessions, conclusions, letters] = await Promise.all([
      keptOf(db, COACHING_SESSION, row.id), coachingConclusions(db, { row, orgs, records }, ask.lang), lettersOf(db, row.id, ['dietitian-referral']),
    ]);
    return { patient: patientOf(row), sessions: sessions.map(sessionView), conclusions, letters: letters.map(letterView), mayWrite: mayWrite(ask.actor, target) };
  });
}

// ---------------------------------------------------------------------------------------------
// The letter to a dietitian

const DIETITIAN = {
  nl: {
    title: 'Verwijzing naar de diëtist',
    to: 'Aan: de diëtist',
    dated: (d: string) => `Datum: ${d}`,
    about: (name: string, born: string) => `Over: ${name}, geboren ${born}`,
    phone: (p: string) => `Telefoon ${p}`,
    dear: 'Geachte collega,',
    intro: 'Deze patiënt heeft osteoporose en krijgt bij ons oefentherapie. Eten hoort bij de behandeling: de botten hebben genoeg kalk (calcium), eiwit en vitamine D nodig. Bij het eten loopt het nu niet goed. Wij vragen u de patiënt daarbij te helpen.',
    why: 'Waarom wij verwijzen',
    question: 'Onze vraag',
    core: 'Kalk en vitamine D volgens het dossier',
    noCore: 'In het dossier staat nog niet hoeveel kalk de patiënt eet en drinkt.',
    agreed: 'Wat wij over eten hebben besproken',
    talk: (date: string, discussed: string, agreed: string | null) => `Gesprek op ${date}: ${discussed}${agreed ? ` Afgesproken: ${agreed}` : ''}`,
    regards: 'Met vriendelijke groet,',
    footer: (name: string, born: string) => `${name}, geboren ${born}`,
  },
  en: {
    title: 'Referral to a dietitian',
    to: 'To: the dietitian',
    dated: (d: string) => `Date: ${d}`,
    about: (name: string, born: string) => `About: ${name}, born ${born}`,
    phone: (p: string) => `Phone ${p}`,
    dear: 'Dear colleague,',
    intro: 'This patient has osteoporosis and is in exercise therapy with us. Food is part of the treatment: bones need enough calcium, protein and vitamin D. Eating well is not going right at the moment, and we would like you to help the patient with it.',
    why: 'Why we refer',
    question: 'Our question',
    core: 'Calcium and vitamin D according to the record',
    noCore: 'The record does not yet say how much calcium the patient takes in with food and drink.',
    agreed: 'What we discussed about food',
    talk: (date: string, discussed: string, agreed: string | null) => `Session on ${date}: ${discussed}${agreed ? ` Agreed: ${agreed}` : ''}`,
    regards: 'Kind regards,',
    footer: (name: string, born: string) => `${name}, born ${born}`,
  },
} as const;

/** The conclusions on calcium and vitamin D a dietitian reads: the core's own words for clinicians. */
const FOOD_CODES = ['calcium.intake', 'calcium.supplement-advised', 'vitamin-d.advice'] as const;

/**
 * Writes a referral letter to a dietitian and keeps it with the record's letters: the reason, the
 * question, what the core concludes on calcium and vitamin D today and what the latest coaching
 * session said about food. Printed at GET /api/v1/patients/{id}/letters/{letterId}/pdf.
 */
export async function writeDietitianLetter(deps: AccessDeps, ask: Ask, input: DietitianLetterInput): Promise<LetterView> {
  const lang = input.lang;
  const w = DIETITIAN[lang];
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/letter/dietitian-referral', patientId: ask.patientId }, async ({ db, row, orgs, records }) => {
    refuseMerged(row);
    const org = ask.actor.organisationId;
    const [contact, by, conclusions, sessions] = await Promise.all([
      org !== null ? organisationContact(db, org) : undefined, userName(db, ask.actor.userId), coachingConclusions(db, { row, orgs, records }, lang), keptOf(db, COACHING_SESSION, row.id),
    ]);
    const food = conclusions.filter((k) => (FOOD_CODES as readonly string[]).includes(k.code) && k.value !== null).map((k) => k.explanation.clinician);
    const talk = sessions.map(sessionView).flatMap((s) => s.topics.filter((x) => x.topic === 'calcium-food').map((x) => w.talk(day(s.date, lang), x.discussed, x.agreed)))[0];
    const name = fullName({ givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name });
    const born = day(row.birth_date, lang);
    const orgName = contact?.name ?? 'Botpad';
    const content: KeptLetterContent = {
      format: 'A4',
      title: w.title,
      from: [orgName, ...(contact?.phone ? [w.phone(contact.phone)] : [])],
      to: [w.to],
      dated: w.dated(day(todayNl(), lang)),
      about: w.about(name, born),
      blocks: [
        { lines: [w.dear, w.intro] },
        { heading: w.why, lines: [input.reason] },
        ...(input.question !== undefined ? [{ heading: w.question, lines: [input.question] }] : []),
        { heading: w.core, lines: food.length > 0 ? food : [w.noCore], ...(food.length > 0 ? { list: true } : {}) },
        ...(talk !== undefined ? [{ heading: w.agreed, lines: [talk] }] : []),
      ],
      closing: [w.regards, by ?? '', orgName],
      footer: w.footer(name, born),
    };
    const kept = await insertLetter(db, { patientId: row.id, organisationId: org, kind: 'dietitian-referral', lang, content, by: ask.actor.userId });
    return letterView(kept);
  });
}
