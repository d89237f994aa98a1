// The reminder on the patient's home page in the days before the diagnostic day: when and where,
// the 24-hour urine (where to get the container, when to start) and what to bring. It reads the
// visits the clinic planned, whichever organisation planned them, through the core's `record.read`
// for the patient or a caregiver.
import { addDays, type IsoDate } from '../core/time/date.js';
import type { VisitKind } from '../core/worklist/lists.js';
import { todayNl } from '../schema/clock.js';
import { plannedVisitsBetween } from '../store/logistics.repo.js';
import { readWithPatient, type AccessDeps } from './access.js';
import { visitPreparation } from './letters.js';
import type { Ask, Lang } from './record.js';

/** Botpad policy: the reminder shows from a week before the visit (time to fetch the container). */
export const REMIND_DAYS_BEFORE = 7;

export interface VisitReminder {
  kind: VisitKind;
  date: IsoDate;
  /** The first part's time, and where to report. */
  firstTime: string | null;
  reportTo: string | null;
  /** Whether the 24-hour urine is part of it (the lab part of the day). */
  urine: boolean;
  /** The urine collection starts the morning before the visit. */
  urineStarts: IsoDate;
  words: ReturnType<typeof visitPreparation>;
}

export async function visitReminder(deps: AccessDeps, ask: Ask & { lang: Lang }): Promise<VisitReminder | null> {
  const today = todayNl();
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/visit-reminder', patientId: ask.patientId }, async ({ db, row }) => {
    const [next] = await plannedVisitsBetween(db, row.id, today, addDays(today, REMIND_DAYS_BEFORE));
    if (!next) return null;
    const times = next.parts.map((p) => p.time).sort();
    return {
      kind: next.kind,
      date: next.visit_date,
      firstTime: times[0] ?? null,
      reportTo: next.report_to,
      urine: next.parts.some((p) => p.part === 'labs'),
      urineStarts: addDays(next.visit_date, -1),
      words: visitPreparation(ask.lang),
    };
  });
}
