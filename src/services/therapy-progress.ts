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
import type { Db } from '../store/db.js';
import { organisationContact } from '../store/logistics.repo.js';
import { intakesOf } from '../store/therapy-intake.repo.js';
import { readWithPatient, type AccessDeps, type PatientRecords, type PatientRow } from './access.js';
import { patientOf, type DiaryPatient } from './diary.js';
import { settingsForOrganisation } from './org-settings.js';
import { progressReportPdf, type ProgressReport } from './progress-report.js';
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

/**
 * The progress report as a PDF for the referrer and the GP: the patient identified as on the other
 * letters, the measures as tables with their scores, cut-offs and change, the goals, what is next.
 * From the practice that treats (the latest accepted referral's), signed by nobody: it is a print of
 * the record on the day.
 */
export async function progressReport(deps: AccessDeps, ask: Ask & { lang: Lang; helpPhone: string }): Promise<{ pdf: Buffer; report: ProgressReport }> {
  const asOf = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/therapy-progress/report', patientId: ask.patientId }, async ({ db, row, records }) => {
    const [progress, referrals] = await Promise.all([progressFrom(db, records, row, ask.actor, asOf), records.referrals.referralsOf(db, row.id)]);
    // The practice's own referral for a physiotherapist; otherwise the one accepted most recently.
    const referral = referrals.find((r) => (ask.actor.role === 'physiotherapist' ? r.to_organisation_id === ask.actor.organisationId : r.status === 'accepted' || r.status === 'ended'));
    const practiceId = ask.actor.role === 'physiotherapist' ? ask.actor.organisationId : (referral?.to_organisation_id ?? ask.actor.organisationId);
    const contact = practiceId ? await organisationContact(db, practiceId) : undefined;
    const report: ProgressReport = {
      lang: ask.lang,
      practice: { name: contact?.name ?? 'Botpad', phone: contact?.phone ?? ask.helpPhone },
      referrer: referral ? { organisation: referral.from_organisation_name, person: referral.referred_by_name } : null,
      gp: referral?.gp_name ?? referral?.gp_practice ?? row.gp_practice,
      patientName: fullName({ givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name }),
      birthDate: row.birth_date,
      printedOn: asOf,
      progress,
    };
    return { pdf: await progressReportPdf(report), report };
  });
}
