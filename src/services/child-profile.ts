// A child's bone-health profile at a day centre: kept by the centre's physician and
// physiotherapist (`child.care`), read by whoever may read the record (`record.read`: the parents,
// the centre's staff), and the vitamin D doses given, noted by the parents and the staff
// (`child.log`). What the core reads goes into the clinical record as entries (mobility and
// daylight as `child`, anti-epileptics as `risk-factors`, weight, height, fractures), so the
// core's child rules and the vitamin D advice see it; the rest lives beside it (migration 0027).
// Every read and write goes through access.ts: authorised by the core and audited.
import { authorize } from '../core/access/index.js';
import { OBSERVED_LOW_BONE_QUALITY_PERCENT, vitaminDReminder, VITAMIN_D_REMINDER_DAYS } from '../core/children/index.js';
import type { FractureSite } from '../core/case.schema.js';
import { evaluate } from '../core/evaluate.js';
import { fullName } from '../core/names.js';
import type { Conclusion } from '../core/rule.js';
import { addDays } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import { DOSE_BACK_DAYS, type ChildFractureInput, type ChildGrowthInput, type ChildProfileInput, type ChildProfileView, type VitaminDDoseInput, type VitaminDDoseView } from '../schema/child-profile.schema.js';
import { AppError } from '../schema/problem.js';
import * as repo from '../store/child-profile.repo.js';
import { readWithPatient, withPatient, type AccessDeps, type PatientRow } from './access.js';
import { caseOn, checkFacts, refuseClosed, type Ask, type FactIn, type Lang } from './record.js';
import { settingsForOrganisation } from './settings.js';

const refuseMerged = (row: PatientRow) => {
  if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; write there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
};

function doseView(r: repo.DoseRow): VitaminDDoseView {
  return { id: r.id, date: r.dose_date, micrograms: r.micrograms, givenBy: r.given_by_name, givenAt: r.given_at };
}

const explained = (c: Conclusion | undefined) => ({ patient: c?.explanation.patient ?? '', clinician: c?.explanation.clinician ?? '' });

/** The profile, growth, fractures, the core's risk and vitamin D advice, the doses and the reminder. */
export async function childProfileOf(deps: AccessDeps, ask: Ask & { lang: Lang }): Promise<ChildProfileView> {
  const asOf = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/child-profile', patientId: ask.patientId }, async ({ db, row, records, target }) => {
    const [c, settings, profile, entries, hows, doses, last] = await Promise.all([
      caseOn(db, records, row, asOf),
      settingsForOrganisation(db, ask.actor.organisationId),
      repo.profileOf(db, row.id),
      records.clinical.currentEntries(db, row.id, { kinds: ['weight', 'height', 'fracture'] }),
      repo.fractureHows(db, row.id),
      repo.dosesSince(db, row.id, addDays(asOf, -DOSE_BACK_DAYS)),
      repo.lastDoseDate(db, row.id),
    ]);
    const ev = evaluate(c, settings, ask.lang);
    const find = (code: string) => ev.conclusions.find((x) => x.code === code);
    const risk = find('child.bone-quality-risk');
    const vd = find('vitamin-d.advice');
    const vdValue = (vd?.value ?? { microgramsPerDay: 0, reasons: [] }) as { microgramsPerDay: number; reasons: string[] };
    const antiEpileptics = c.riskFactors?.antiEpileptics ?? null;
    const physicianSetsDose = (antiEpileptics ?? 0) > 1;
    const reminder = vitaminDReminder({ advised: vdValue.microgramsPerDay > 0 || physicianSetsDose, lastDose: last, asOf });
    // Growth: one row per day, weight and height side by side, oldest first.
    const byDay = new Map<string, { date: string; weightKg: number | null; heightCm: number | null }>();
    for (const e of [...entries].reverse()) {
      if (e.kind !== 'weight' && e.kind !== 'height') continue;
      const day = byDay.get(e.clinical_date) ?? { date: e.clinical_date, weightKg: null, heightCm: null };
      if (e.kind === 'weight') day.weightKg = (e.data as { kg: number }).kg;
      else day.heightCm = (e.data as { cm: number }).cm;
      byDay.set(e.clinical_date, day);
    }
    const level = (risk?.value as { level?: 'high' | 'increased' | 'raised' | 'baseline' } | undefined)?.level;
    return {
      patient: { id: row.id, name: fullName({ givenName: row.given_name, familyName: row.family_name, familyNamePrefix: row.family_name_prefix }), birthDate: row.birth_date },
      profile: {
        mobility: c.child?.mobility ?? null,
        indoorsMostly: c.child?.indoorsMostly ?? null,
        antiEpileptics,
        corticosteroids: profile?.corticosteroids ?? null,
        feeding: profile?.feeding ?? null,
        fibreRich: profile?.fibre_rich ?? null,
        note: profile?.note ?? null,
        updatedBy: profile?.updated_by_name ?? null,
        updatedAt: profile?.updated_at ?? null,
      },
      growth: [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      fractures: entries
        .filter((e) => e.kind === 'fracture')
        .map((e) => ({ entryId: e.entry_id, date: e.clinical_date, site: (e.data as { site: FractureSite }).site, how: hows.get(e.entry_id) ?? null })),
      boneQualityRisk: risk && level
        ? {
            level,
            observedSharesPercent: {
              wheelchair: OBSERVED_LOW_BONE_QUALITY_PERCENT.wheelchair,
              walkingAid: OBSERVED_LOW_BONE_QUALITY_PERCENT['walking-aid'],
              independentWalker: OBSERVED_LOW_BONE_QUALITY_PERCENT['independent-walker'],
            },
            extraRisk: level !== 'baseline',
            explanation: explained(risk),
            source: risk.source,
          }
        : null,
      vitaminD: { microgramsPerDay: vdValue.microgramsPerDay, reasons: vdValue.reasons, physicianSetsDose, explanation: explained(vd), source: vd?.source ?? [] },
      reminder: { remind: reminder.remind, why: reminder.why, lastDose: reminder.lastDose, daysSince: reminder.daysSince, afterDays: VITAMIN_D_REMINDER_DAYS },
      doses: doses.map(doseView),
      may: { care: authorize(ask.actor, 'child.care', target, asOf).allowed, log: authorize(ask.actor, 'child.log', target, asOf).allowed },
    };
  });
}

/**
 * Keeps the profile: mobility and daylight as a `child` entry (the day's loading minutes carried
 * over from the latest), the number of anti-epileptics as a `risk-factors` entry, the rest in the
 * profile's own table. All or nothing.
 */
export async function saveChildProfile(deps: AccessDeps, ask: Ask, p: ChildProfileInput): Promise<void> {
  const today = todayNl();
  await withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.care', resource: 'patient/child-profile', patientId: ask.patientId }, async ({ db, row, records }) => {
    await refuseClosed(db, records, row);
    const c = await caseOn(db, records, row, today);
    const child: Record<string, unknown> = { mobility: p.mobility };
    if (c.child?.standingMinutesPerDay !== undefined) child.standingMinutesPerDay = c.child.standingMinutesPerDay;
    if (c.child?.movementMinutesPerDay !== undefined) child.movementMinutesPerDay = c.child.movementMinutesPerDay;
    if (p.indoorsMostly !== undefined) child.indoorsMostly = p.indoorsMostly;
    const facts: FactIn[] = [{ kind: 'child', date: today, data: child }];
    if (p.antiEpileptics !== undefined) facts.push({ kind: 'risk-factors', date: today, data: { antiEpileptics: p.antiEpileptics } });
    const checked = checkFacts(facts, { flat: false, indexed: false });
    await records.clinical.insertEntries(db, checked.map((e) => ({ patientId: row.id, kind: e.kind, date: e.date, data: e.data, source: 'clinician', by: ask.actor.userId, organisationId: ask.actor.organisationId })));
    await repo.saveProfile(db, {
      patientId: row.id, feeding: p.feeding ?? null, fibreRich: p.fibreRich ?? null, corticosteroids: p.corticosteroids ?? null, note: p.note ?? null, by: ask.actor.userId,
    });
  });
}

/** A measurement of weight and/or height on a day: record entries the core reads. */
export async function addChildGrowth(deps: AccessDeps, ask: Ask, g: ChildGrowthInput): Promise<void> {
  await withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.care', resource: 'patient/child-profile/growth', patientId: ask.patientId }, async ({ db, row, records }) => {
    await refuseClosed(db, records, row);
    const facts: FactIn[] = [];
    if (g.weightKg !== undefined) facts.push({ kind: 'weight', date: g.date, data: { kg: g.weightKg } });
    if (g.heightCm !== undefined) facts.push({ kind: 'height', date: g.date, data: { cm: g.heightCm } });
    const checked = checkFacts(facts, { flat: false, indexed: false });
    await records.clinical.insertEntries(db, checked.map((e) => ({ patientId: row.id, kind: e.kind, date: e.date, data: e.data, source: 'clinician', by: ask.actor.userId, organisationId: ask.actor.organisationId })));
  });
}

/** An earlier fracture: a fracture entry the core reads, and how it happened beside it. */
export async function addChildFracture(deps: AccessDeps, ask: Ask, f: ChildFractureInput): Promise<void> {
  await withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.care', resource: 'patient/child-profile/fracture', patientId: ask.patientId }, async ({ db, row, records }) => {
    await refuseClosed(db, records, row);
    const checked = checkFacts([{ kind: 'fracture', date: f.date, data: { site: f.site } }], { flat: false, indexed: false });
    const [made] = await records.clinical.insertEntries(db, checked.map((e) => ({ patientId: row.id, kind: e.kind, date: e.date, data: e.data, source: 'clinician', by: ask.actor.userId, organisationId: ask.actor.organisationId })));
    if (!made) throw new Error('a fracture just recorded went missing');
    await repo.insertFractureHow(db, { entryId: made.entry_id, patientId: row.id, how: f.how });
  });
}

/** A dose of vitamin D given on a day, as a parent or a member of staff notes it (`child.log`). */
export async function addVitaminDDose(deps: AccessDeps, ask: Ask, d: VitaminDDoseInput): Promise<VitaminDDoseView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.log', resource: 'patient/vitamin-d-dose', patientId: ask.patientId }, async ({ db, row }) => {
    refuseMerged(row);
    return doseView(await repo.insertDose(db, { patientId: row.id, date: d.date, micrograms: d.dose, by: ask.actor.userId }));
  });
}
