// The progress of one patient in exercise therapy (clinical-rules.md §13): the record's measurements
// and periods of therapy, scored and put in series by the core (core/measures/progress.ts), with
// the goals of the practice's latest intake and the organisation's grace for a measurement due. Read
// by whoever may read the record (`record.read`: the practice of an accepted referral, the
// hospital's nurses and physicians, the patient and a caregiver acting for them), audited through
// access.ts. The progress report (a PDF for the referrer and the GP, who has no account) is the
// same read, printed; see docs/therapy-progress.md.
import type { Actor } from '../core/access/index.js';
import { progressOf, type Progress } from '../core/measures/progress.js';
import type { EntryData } from '../core/record/entries.js';
import { fullName } from '../core/names.js';
import type { Lang } from '../core/rule.js';
import { todayNl } from '../schema/clock.js';
import type { LetterView } from '../schema/follow-up.schema.js';
import { AppError } from '../schema/problem.js';
import { insertLetter } from '../store/letter.repo.js';
import type { Db } from '../store/db.js';
import { organisationContact } from '../store/logistics.repo.js';
import { intakesOf } from '../store/therapy-intake.repo.js';
import { readWithPatient, withPatient, type AccessDeps, type PatientRecords, type PatientRow, type PatientWork } from './access.js';
import { patientOf, type DiaryPatient } from './diary.js';
import { settingsForOrganisation } from './org-settings.js';
import { letterView } from './letters-kept.js';
import { progressReportPdf, progressReportTitle, type KeptProgressReport, type ProgressReport } from './progress-report.js';
import type { Ask } from './record.js';

export interface TherapyProgressView {
  patient: DiaryPatient;
  progress: Progress;
}

/** A physiotherapist reads the goals of the practice's own intakes; the hospital, the patient and a caregiver those of every practice. */
const ownPractice = (actor: Actor): string | undefined => (actor.role === 'physiotherapist' ? (actor.organisationId ?? '') : undefined);

/** The intake's goals in words: what, and how much. */
const goalWords = (g: { what: string; howMuch: string }) => `${g.what}: ${g.howMuch}`;

/** The progress on `asOf` from the record as it stands: the core's model, nothing scored here. */
export async function progressFrom(db: Db, records: PatientRecords, row: PatientRow, actor: Actor, asOf: string): Promise<Progress> {
  const [entries, intakes, settings] = await Promise.all([
    records.clinical.standingEntries(db, row.id, asOf),
    intakesOf(db, row.id, ownPractice(actor)),
    settingsForOrganisation(db, actor.organisationId),
  ]);
  const measurements: { date: string; data: EntryData['exercise-measurement'] }[] = [];
  const therapies: { date: string; data: EntryData['exercise-therapy'] }[] = [];
  for (const e of entries) {
    if (e.kind === 'exercise-measurement') measurements.push({ date: e.clinical_date, data: e.data as EntryData['exercise-measurement'] });
    else if (e.kind === 'exercise-therapy') therapies.push({ date: e.clinical_date, data: e.data as EntryData['exercise-therapy'] });
  }
  const latestIntake = intakes[0];
  const intakeGoals = latestIntake ? (latestIntake.goals as { what: string; howMuch: string }[]).map(goalWords) : [];
  return progressOf({
    person: { birthDate: row.birth_date, sex: row.sex },
    measurements, therapies, intakeGoals, asOf, overdueGraceDays: settings.overdueGraceDays,
  });
}

/** The progress page's data: who, and the progress today. One read, one audit entry. */
export async function therapyProgress(deps: AccessDeps, ask: Ask & { asOf?: string | undefined }): Promise<TherapyProgressView> {
  const asOf = ask.asOf ?? todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/therapy-progress', patientId: ask.patientId }, async ({ db, row, records }) => ({
    patient: patientOf(row),
    progress: await progressFrom(db, records, row, ask.actor, asOf),
  }));
}

/** The report on `asOf` for the referrer and the GP, composed from the record as it stands. */
async function composeReport(w: PatientWork, actor: Actor, lang: Lang, helpPhone: string, asOf: string): Promise<ProgressReport> {
  const { db, row, records } = w;
  const [progress, referrals] = await Promise.all([progressFrom(db, records, row, actor, asOf), records.referrals.referralsOf(db, row.id)]);
  // The practice's own referral for a physiotherapist; otherwise the one accepted most recently.
  const referral = referrals.find((r) => (actor.role === 'physiotherapist' ? r.to_organisation_id === actor.organisationId : r.status === 'accepted' || r.status === 'ended'));
  const practiceId = actor.role === 'physiotherapist' ? actor.organisationId : (referral?.to_organisation_id ?? actor.organisationId);
  const contact = practiceId ? await organisationContact(db, practiceId) : undefined;
  return {
    lang,
    practice: { name: contact?.name ?? 'Botpad', phone: contact?.phone ?? helpPhone },
    referrer: referral ? { organisation: referral.from_organisation_name, person: referral.referred_by_name } : null,
    gp: referral?.gp_name ?? referral?.gp_practice ?? row.gp_practice,
    patientName: fullName({ givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name }),
    birthDate: row.birth_date,
    printedOn: asOf,
    progress,
  };
}

/**
 * The progress report as a PDF for the referrer and the GP: the patient identified as on the other
 * letters, the measures as tables with their scores, cut-offs and change, the goals, what is next.
 * From the practice that treats (the reader's own, or the latest accepted referral's). A print of
 * the record on the day; `keepProgressReport` keeps one with the letters.
 */
export async function progressReport(deps: AccessDeps, ask: Ask & { lang: Lang; helpPhone: string }): Promise<{ pdf: Buffer; report: ProgressReport }> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/therapy-progress/report', patientId: ask.patientId }, async (w) => {
    const report = await composeReport(w, ask.actor, ask.lang, ask.helpPhone, todayNl());
    return { pdf: await progressReportPdf(report), report };
  });
}

/**
 * Keeps today's report with the record's letters, as sent: the practice's physiotherapist
 * (`therapy.write`), audited. Printed again later from what was kept (letters-kept.ts), so it says
 * what it said on the day, whatever is measured after.
 */
export async function keepProgressReport(deps: AccessDeps, ask: Ask & { lang: Lang; helpPhone: string }): Promise<LetterView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'therapy.write', resource: 'patient/letter/progress-report', patientId: ask.patientId }, async (w) => {
    if (w.row.merged_into) throw new AppError('conflict', 'This record was merged into another one; keep the report there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    const report = await composeReport(w, ask.actor, ask.lang, ask.helpPhone, todayNl());
    const content: KeptProgressReport = { format: 'progress-report', title: progressReportTitle(ask.lang), report };
    return letterView(await insertLetter(w.db, { patientId: w.row.id, organisationId: ask.actor.organisationId, kind: 'progress-report', lang: ask.lang, content, by: ask.actor.userId }));
  });
}
