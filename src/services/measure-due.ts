// The physiotherapy practice's worklist: the next measurement of exercise therapy of each patient
// it took on (clinical-rules.md §13 `measure.due`, the worklist step `measurement`, derived by
// core/worklist/derive.ts with `keeper: 'practice'` and kept fresh by worklist-derive.ts). Reading
// it is a list of patients: each one shown is decided by the core and audited, as on the hospital's
// worklist. The hospital's nurses see the same date in the record's follow-up (services/follow-up.ts
// evaluates the rule there), the patient on their plan and in their calendar.
import type { Actor } from '../core/access/index.js';
import type { Case } from '../core/case.schema.js';
import { therapyEnded, type DueStatus } from '../core/measures/scoring.js';
import type { Conclusion } from '../core/rule.js';
import { MEASURE_DUE_RULE_ID, measureDueOf } from '../core/worklist/measurement.js';
import { fullName } from '../core/names.js';
import { DUE_STATUSES, type MeasurementDueView, type NextMeasurement, type PracticeMeasurements } from '../schema/measure-due.schema.js';
import { AppError } from '../schema/problem.js';
import { inTransaction } from '../store/db.js';
import { pageWorklist } from '../store/worklist.repo.js';
import { decideListed, type AccessDeps, type RequestMeta } from './access.js';

/** The most measurements one page of the practice's list shows, the earliest due first. */
export const MEASUREMENTS_SHOWN = 200;

/** The next measurement from the core's `measure.due` among `conclusions` of the Case `c`; null when the rule names none. */
export function nextMeasurementOf(c: Case, conclusions: readonly Conclusion[]): NextMeasurement | null {
  const v = measureDueOf(conclusions.find((k) => k.code === MEASURE_DUE_RULE_ID));
  if (v === undefined) return null;
  return { ...v, therapyEnded: therapyEnded(c) ? (c.exercise?.therapyEnd ?? null) : null };
}

/** The status the item was derived with (its reason `measure-…`); an older row without one reads from its flag. */
export function statusOf(reasons: readonly string[], overdue: boolean): DueStatus {
  for (const s of DUE_STATUSES) if (reasons.includes(`measure-${s}`)) return s;
  return overdue ? 'overdue' : 'planned';
}

/** Physiotherapists of a physiotherapy practice keep its list. */
function practiceOf(actor: Actor): string | null {
  return actor.role === 'physiotherapist' && actor.organisationKind === 'physiotherapy' ? actor.organisationId : null;
}

export type { MeasurementDueView, NextMeasurement, PracticeMeasurements };

export async function practiceMeasurements(deps: AccessDeps, ask: { actor: Actor; meta: RequestMeta }): Promise<PracticeMeasurements> {
  const { actor, meta } = ask;
  const organisationId = practiceOf(actor);
  if (organisationId === null) {
    await deps.auditor.refused(deps.db, { actor, meta, action: 'patient.list', resource: 'practice/measurements', reason: 'physiotherapists of a practice only' });
    throw new AppError('forbidden', 'The measurements list is for the physiotherapists of a practice.');
  }
  return inTransaction(deps.db, async (trx) => {
    const page = await pageWorklist(trx, { organisationId, step: 'measurement' }, 'due', { limit: MEASUREMENTS_SHOWN });
    const shown = await decideListed(deps, trx, { actor, meta, resource: 'practice/measurements' }, page.rows.map((r) => ({ id: r.patient_id, birth_date: r.birth_date })));
    return {
      items: page.rows.filter((r) => shown.has(r.patient_id)).map((r) => ({
        itemId: r.item_id, patientId: r.patient_id, birthDate: r.birth_date, due: r.due, status: statusOf(r.reasons, r.overdue),
        name: fullName({ givenName: r.given_name, familyNamePrefix: r.family_name_prefix, familyName: r.family_name }),
        therapyEnded: r.reasons.includes('therapy-ended'), first: r.reasons.includes('no-measurement-yet'),
      })),
      total: page.total,
    };
  });
}
