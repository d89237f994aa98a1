// "My plan" on the patient's side: what the patient (or a caregiver for them) can do and can expect
// from here on. The core's advice for this person (movement, calcium against their own calculator
// result and target, vitamin D, smoking, alcohol, daylight, falls), the medicines in use and
// planned, the latest shared decision with its agreements, the check-ups ahead and whom to call.
// It is worked out from the same Case as "my results", so a result held back never shows through
// the advice. One audited `record.read`; the printed agreements are another.
import type { Drug } from '../core/case.schema.js';
import { evaluate } from '../core/evaluate.js';
import type { EntryData } from '../core/record/entries.js';
import type { Conclusion } from '../core/rule.js';
import { compareDates, type IsoDate } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import type { DecisionView } from '../schema/decision.schema.js';
import { AppError } from '../schema/problem.js';
import { decisionsOf } from '../store/decision.repo.js';
import { lettersOf } from '../store/letter.repo.js';
import { organisationContact } from '../store/logistics.repo.js';
import { readWithPatient, type AccessDeps } from './access.js';
import { agreementsLetterPdf, agreementsLetterText } from './agreements-letter.js';
import { agreementsLetterOf, decisionView } from './decisions.js';
import type { LetterLang } from './letters.js';
import { medicationViews } from './medication.js';
import { nextMeasurementOf, type NextMeasurement } from './measure-due.js';
import { visibleRecord, type MyResultsPatient } from './my-results.js';
import type { Ask, Lang } from './record.js';

/** The core's conclusions the plan reads, by the part of the page they belong to. */
export const PLAN_RULES = {
  lifestyle: ['lifestyle.advice'],
  calcium: ['calcium.intake'],
  vitaminD: ['vitamin-d.advice'],
  falls: ['fall-risk.level', 'fall-risk.inventory-needed', 'fear-of-falling.level'],
  ahead: ['follow-up.schedule', 'medication.next-dose'],
} as const;

export interface PlanCourse {
  drug: Drug;
  /** In use now, or prescribed to start later. */
  status: 'current' | 'prescribed';
  start: IsoDate;
  route: string | null;
  interval: string | null;
  dose: string | null;
  /** The regimen's instruction codes (fasting, upright for 30 minutes, …). */
  instructions: string[];
}

export interface PlanCheckUp {
  kind: '3-months' | '1-year' | 'yearly';
  due: IsoDate;
  status: 'planned' | 'due' | 'overdue';
}

export interface MyPlan {
  patient: MyResultsPatient;
  today: IsoDate;
  /** The core's conclusions for the plan, each with its patient explanation (see PLAN_RULES). */
  conclusions: Conclusion[];
  courses: PlanCourse[];
  planned: { drug: Drug; from: IsoDate }[];
  /** The next dose of each course in use, as the core works it out. */
  nextDoses: { drug: Drug; date: IsoDate; late: boolean }[];
  /** The check-ups of the core's follow-up schedule not done yet. */
  checkUps: PlanCheckUp[];
  /** The next measurement at the physiotherapist (the core's measure.due, clinical-rules.md §13); null without exercise therapy. */
  nextMeasurement: NextMeasurement | null;
  /** The latest shared decision with its agreements; null when none was made. */
  decision: DecisionView | null;
  /** The caring organisation's name and phone, where the record has them. */
  organisation: { name: string; phone: string | null } | null;
}

const patientOf = (row: { id: string; given_name: string; family_name: string; family_name_prefix: string | null }): MyResultsPatient => ({
  id: row.id, givenName: row.given_name, familyName: row.family_name, familyNamePrefix: row.family_name_prefix,
});

/** The plan as it stands today, read as one audited look at the record. */
export async function myPlan(deps: AccessDeps, ask: Ask & { lang: Lang }): Promise<MyPlan> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/plan', patientId: ask.patientId }, async ({ db, row, records }) => {
    const seen = await visibleRecord(db, records, row, today);
    const [decisions, contact] = await Promise.all([decisionsOf(db, row.id), seen.careOrganisation ? organisationContact(db, seen.careOrganisation) : undefined]);
    const ev = evaluate(seen.case, seen.settings, ask.lang);
    const wanted = new Set<string>(Object.values(PLAN_RULES).flat());
    const conclusions = ev.conclusions.filter((c) => wanted.has(c.ruleId));
    const rows = seen.entries.filter((e) => e.status === 'active');
    const courses = medicationViews(rows, today)
      .filter((k) => k.status !== 'stopped')
      .map((k): PlanCourse => ({
        drug: k.drug, status: k.status === 'prescribed' ? 'prescribed' : 'current', start: k.start, route: k.regimen?.route ?? k.route,
        interval: k.regimen?.interval ?? null, dose: k.regimen?.dose ?? null, instructions: k.regimen?.instructions ?? [],
      }));
    const planned = rows
      .filter((r) => r.kind === 'planned-medication')
      .map((r) => ({ drug: (r.data as EntryData['planned-medication']).drug, from: (r.data as EntryData['planned-medication']).from }))
      .sort((a, b) => compareDates(a.from, b.from));
    const nextDoses = conclusions
      .filter((c) => c.code === 'medication.next-dose' && c.value !== null)
      .map((c) => {
        const v = c.value as { drug: Drug; date: IsoDate };
        return { drug: v.drug, date: v.date, late: compareDates(v.date, today) < 0 };
      });
    const schedule = conclusions.find((c) => c.code === 'follow-up.schedule')?.value as { items: { kind: PlanCheckUp['kind']; due: IsoDate; status: PlanCheckUp['status'] | 'done' }[] } | null | undefined;
    const checkUps = (schedule?.items ?? []).filter((i): i is PlanCheckUp => i.status !== 'done');
    const [latest] = decisions;
    return {
      patient: patientOf(row), today, conclusions, courses, planned, nextDoses, checkUps, nextMeasurement: nextMeasurementOf(seen.case, ev.conclusions),
      decision: latest ? decisionView(latest) : null,
      organisation: contact ? { name: contact.name, phone: contact.phone } : null,
    };
  });
}

type SheetWords = ReturnType<typeof agreementsLetterText>;

/** The words kept with a printed agreements sheet of this decision; undefined for another decision or another shape. */
function keptWords(content: unknown, decisionId: string): SheetWords | undefined {
  if (content === null || typeof content !== 'object') return undefined;
  const c = content as { decisionId?: unknown; title?: unknown; blocks?: unknown };
  if (c.decisionId !== decisionId || typeof c.title !== 'string' || !Array.isArray(c.blocks)) return undefined;
  const blocks = (c.blocks as unknown[]).filter((b): b is { head: string; text: string } =>
    b !== null && typeof b === 'object' && typeof (b as { head?: unknown }).head === 'string' && typeof (b as { text?: unknown }).text === 'string');
  return blocks.length === c.blocks.length ? { title: c.title, blocks: blocks.map((b) => ({ head: b.head, text: b.text })) } : undefined;
}

/**
 * The latest decision's agreements as a PDF for the patient (or a caregiver) to print at home: the
 * words the clinic kept when it printed them in this language, or, when it has not, the same sheet
 * made from the decision as recorded. Reading, not writing: nothing is kept, the look is audited.
 */
export async function myAgreementsPdf(deps: AccessDeps, ask: Ask & { lang: LetterLang; helpPhone: string }): Promise<{ pdf: Buffer; decidedOn: IsoDate }> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/plan/agreements', patientId: ask.patientId }, async ({ db, row }) => {
    const [latest] = await decisionsOf(db, row.id);
    if (!latest) throw new AppError('not-found', 'No agreements were recorded for this record yet.');
    const org = latest.organisation_id;
    const contact = org ? await organisationContact(db, org) : undefined;
    const letter = agreementsLetterOf(row, latest, { lang: ask.lang, contact, helpPhone: ask.helpPhone, printedOn: today, madeBy: latest.made_by_name ?? '' });
    // Printed before (the newest print first): the sheet says what the clinic handed over, word for word.
    const kept = (await lettersOf(db, row.id, ['agreements'])).filter((l) => l.lang === ask.lang).map((l) => keptWords(l.content, latest.id)).find((w) => w !== undefined);
    return { pdf: await agreementsLetterPdf(letter, kept), decidedOn: latest.decided_on };
  });
}
