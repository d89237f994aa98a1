// Use cases of the shared decision: the screen the clinician and the patient look at together
// (the options that apply with each drug's safety verdict, the patient's own picture), recording a
// decision with the agreements (also "no medication": a decision, not a gap), reading them back,
// and printing the agreements for the patient. Every one goes through services/access.ts: nurses
// and physicians record and print (`record.write`, which re-derives the worklist in the same
// transaction, so the decision step closes); whoever may read the record (the physiotherapist of
// a referral, the patient, a caregiver with consent) reads the decisions (`record.read`).
import type { Drug } from '../core/case.schema.js';
import { authorize } from '../core/access/index.js';
import { decisionOptions, drugFits, patientPicture, type DecisionOptions, type PatientPicture } from '../core/decision/index.js';
import { prescriptionGate } from '../core/medication/gate.js';
import { fullName } from '../core/names.js';
import { addMonths, compareDates } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import type { Agreements, DecisionInput, DecisionPicture, DecisionView } from '../schema/decision.schema.js';
import { decisionById, decisionsOf, insertDecision, type DecisionRow } from '../store/decision.repo.js';
import { insertLetter } from '../store/letter.repo.js';
import { organisationContact, userName } from '../store/logistics.repo.js';
import { readWithPatient, withPatient, type AccessDeps, type PatientRow } from './access.js';
import { agreementsLetterPdf, agreementsLetterText, type AgreementsLetter } from './agreements-letter.js';
import type { LetterLang } from './letters.js';
import { settingsForOrganisation } from './org-settings.js';
import { caseOn, refuseClosed, type Ask } from './record.js';

/** How far back a decision may be recorded: one made with the patient is written down soon after. */
export const DECISION_BACK_MONTHS = 12;

/** The picture as it is kept with a decision: the findings and the FRAX figures, without the drawing. */
export function pictureSnapshot(p: PatientPicture, asOf: string): DecisionPicture {
  const people = (a: { percent: number; affected: number; belowOne: boolean }) => ({ percent: a.percent, people: a.affected, belowOne: a.belowOne });
  return {
    asOf,
    indicationReasons: [...p.indicationReasons],
    bmd: p.bmd ? { ...p.bmd } : null,
    fractures: p.fractures.map((f) => ({ ...f })),
    frax: p.frax ? { date: p.frax.date, withBmd: p.frax.withBmd, major: people(p.frax.major), hip: people(p.frax.hip) } : null,
  };
}

export function decisionView(r: DecisionRow): DecisionView {
  return {
    id: r.id, date: r.decided_on, option: r.option, drug: (r.drug ?? null) as Drug | null, whatMatters: r.what_matters,
    agreements: r.agreements as Agreements, picture: r.picture as DecisionPicture, madeBy: r.made_by_name, madeAt: r.made_at,
  };
}

export interface DecisionScreen {
  today: string;
  options: DecisionOptions;
  picture: PatientPicture;
  decisions: DecisionView[];
  /** Whether the one asking may record a decision and print the agreements (`record.write`). */
  mayRecord: boolean;
}

/** What the decision screen shows: the options that apply today, the patient's own picture, the decisions made before. */
export async function decisionScreen(deps: AccessDeps, ask: Ask): Promise<DecisionScreen> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/decision', patientId: ask.patientId }, async ({ db, row, records, target }) => {
    const [c, settings, rows] = await Promise.all([caseOn(db, records, row, today), settingsForOrganisation(db, ask.actor.organisationId), decisionsOf(db, row.id)]);
    const mayRecord = authorize(ask.actor, 'record.write', target, today).allowed;
    return { today, options: decisionOptions(c, settings, today), picture: patientPicture(c, settings), decisions: rows.map(decisionView), mayRecord };
  });
}

/** The decisions of the record, the newest first. */
export async function listDecisions(deps: AccessDeps, ask: Ask): Promise<DecisionView[]> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/decision', patientId: ask.patientId }, async ({ db, row }) =>
    (await decisionsOf(db, row.id)).map(decisionView));
}

/**
 * Records a decision: the option must apply to the patient today, a drug must realise it, and a
 * drug the safety checks block for a reason no override lifts is refused (nothing stored). The
 * picture shown is kept with it, as it was shown.
 */
export async function recordDecision(deps: AccessDeps, ask: Ask, input: DecisionInput): Promise<DecisionView> {
  const today = todayNl();
  const bad: { pointer: string; detail: string }[] = [];
  if (compareDates(input.date, today) > 0) bad.push({ pointer: '/date', detail: 'lies in the future' });
  else if (compareDates(input.date, addMonths(today, -DECISION_BACK_MONTHS)) < 0) bad.push({ pointer: '/date', detail: `lies more than ${String(DECISION_BACK_MONTHS)} months back` });
  if (input.drug !== undefined && !drugFits(input.option, input.drug)) {
    bad.push({ pointer: '/drug', detail: input.option === 'lifestyle-only' ? 'no drug goes with choosing no medicine' : `${input.drug} does not realise ${input.option}` });
  }
  if (bad.length > 0) throw new AppError('invalid-input', 'The decision does not fit together.', bad);
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.write', resource: 'patient/decision', patientId: ask.patientId }, async ({ db, row, records }) => {
    await refuseClosed(db, records, row);
    const [c, settings] = await Promise.all([caseOn(db, records, row, today), settingsForOrganisation(db, ask.actor.organisationId)]);
    const options = decisionOptions(c, settings, today);
    if (!options.options.some((o) => o.option === input.option)) {
      throw new AppError('invalid-input', 'This option does not apply to this patient today.', [{
        pointer: '/option',
        detail: options.medicationIndicated ? 'the daily injection applies only after a third fracture on treatment or when the others are contra-indicated' : 'medication is not indicated on the recorded facts',
      }]);
    }
    if (input.drug !== undefined) {
      const gate = prescriptionGate(c, { drug: input.drug, start: today }, today);
      if (gate.absolute.length > 0) {
        throw new AppError('medication-blocked', `The safety checks block ${input.drug} for a reason no override lifts.`, [{ pointer: '/drug', detail: `blocked: ${gate.absolute.join(', ')}` }], {
          extra: { reasons: gate.absolute, overridable: false, checkedOn: gate.checkedOn },
        });
      }
    }
    const saved = await insertDecision(db, {
      patientId: row.id, organisationId: ask.actor.organisationId, decidedOn: input.date, option: input.option, drug: input.drug ?? null,
      whatMatters: input.whatMatters ?? null, agreements: input.agreements, picture: pictureSnapshot(patientPicture(c, settings), today), by: ask.actor.userId,
    });
    return decisionView(saved);
  });
}

/**
 * The agreements sheet of one decision for one patient: the clinic that decided (its name and phone,
 * or Botpad's help line), the patient, and what was agreed. The clinic's print and the patient's
 * own download both read it from here.
 */
export function agreementsLetterOf(
  row: PatientRow,
  d: DecisionRow,
  o: { lang: LetterLang; contact: { name: string; phone: string | null } | undefined; helpPhone: string; printedOn: string; madeBy: string },
): AgreementsLetter {
  return {
    lang: o.lang,
    organisationName: o.contact?.name ?? 'Botpad',
    phone: o.contact?.phone ?? o.helpPhone,
    patientName: fullName({ givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name }),
    birthDate: row.birth_date,
    decidedOn: d.decided_on,
    printedOn: o.printedOn,
    option: d.option,
    drug: (d.drug ?? null) as Drug | null,
    whatMatters: d.what_matters,
    agreements: d.agreements as Agreements,
    madeBy: o.madeBy,
  };
}

export interface PrintedAgreements {
  pdf: Buffer;
  letterId: string;
  decidedOn: string;
}

/** The agreements of one decision as a PDF for the patient; the letter is kept as printed. */
export async function printAgreements(deps: AccessDeps, ask: Ask & { decisionId: string; lang: LetterLang; helpPhone: string }): Promise<PrintedAgreements> {
  const today = todayNl();
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.write', resource: 'patient/decision/agreements', patientId: ask.patientId }, async ({ db, row }) => {
    const d = await decisionById(db, row.id, ask.decisionId);
    if (!d) throw new AppError('not-found', 'This record has no such decision.', [{ pointer: '/params/decisionId', detail: 'no such decision in this record' }]);
    const org = d.organisation_id ?? ask.actor.organisationId;
    const [contact, writer] = await Promise.all([org ? organisationContact(db, org) : undefined, userName(db, d.made_by)]);
    const letter = agreementsLetterOf(row, d, { lang: ask.lang, contact, helpPhone: ask.helpPhone, printedOn: today, madeBy: writer ?? '' });
    const pdf = await agreementsLetterPdf(letter);
    const kept = await insertLetter(db, {
      patientId: row.id, organisationId: ask.actor.organisationId, kind: 'agreements', lang: ask.lang,
      content: { decisionId: d.id, ...agreementsLetterText(letter) }, by: ask.actor.userId,
    });
    return { pdf, letterId: kept.id, decidedOn: d.decided_on };
  });
}
