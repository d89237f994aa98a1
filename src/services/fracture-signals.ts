// Fracture signals (clinical-rules.md §12, LEAFLET-EMB): a child who cannot say what hurts shows a
// broken bone by swelling, pain when moved or lifted, crying at care moments, not bearing weight or
// a change in behaviour. Parents and the day centre's staff note what they see (`child.log`), and in
// the same transaction it becomes an alert on the worklist of every day centre caring for the child,
// which its physicians see at once (as a report does for a hospital: services/reports.ts). The
// centre's physician records what followed (seen, X-ray, fracture or not), which closes the signal
// and its alerts. Every read and write goes through access.ts: authorised by the core and audited.
import { SIGNAL_REASON, signalItemKey, type BodyPart, type SignalObservation } from '../core/children/aids-signals.js';
import type { SignalInput, SignalOutcomeInput, SignalView } from '../schema/child-aids.schema.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import * as repo from '../store/child-aids.repo.js';
import { markItemOverdue, worklistKeepers } from '../store/diary.repo.js';
import { closeItem, insertManualItem } from '../store/worklist.repo.js';
import { readWithPatient, withPatient, type AccessDeps } from './access.js';
import { patientOf, type DiaryPatient } from './diary.js';
import type { Ask } from './record.js';

/** How many signals the page and the API list (newest first); a child has few. */
export const SIGNALS_LISTED = 100;

function signalView(r: repo.SignalRow): SignalView {
  return {
    id: r.id, observed: r.observed as SignalObservation[], bodyPart: r.body_part as BodyPart, observedOn: r.observed_on, note: r.note,
    notedBy: r.noted_by_name, notedAt: r.noted_at, open: r.closed_at === null,
    outcome: r.closed_at === null || r.seen === null || r.xray === null || r.fracture === null
      ? null
      : { seen: r.seen, xray: r.xray, fracture: r.fracture, note: r.outcome_note, by: r.closed_by_name, at: r.closed_at },
  };
}

export type SignalMade = SignalView & { alerts: number };

/** Notes a signal and raises it at once on the worklist of each day centre caring for the child. All or nothing. */
export async function noteSignal(deps: AccessDeps, ask: Ask, s: SignalInput): Promise<SignalMade> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.log', resource: 'patient/fracture-signal', patientId: ask.patientId }, async (w) => {
    if (w.row.merged_into) throw new AppError('conflict', 'This record was merged into another one; note the signal there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    const id = await repo.insertSignal(w.db, { patientId: w.row.id, observed: s.observed, bodyPart: s.bodyPart, observedOn: s.observedOn, note: s.note ?? null, by: ask.actor.userId });
    const centres = await worklistKeepers(w.db, w.row.id, 'day-centre');
    for (const organisationId of centres) {
      const item = await insertManualItem(w.db, {
        organisationId, patientId: w.row.id, key: signalItemKey(id), step: 'alert', due: todayNl(), priority: 'high', reasons: [SIGNAL_REASON], source: 'fracture-signal', title: null, assignee: null,
      });
      // A possible fracture needs someone now.
      await markItemOverdue(w.db, item.item_id);
    }
    const made = await repo.signalById(w.db, w.row.id, id);
    if (!made) throw new Error('a signal went missing');
    return { ...signalView(made), alerts: centres.length };
  });
}

export interface SignalsOf {
  patient: DiaryPatient;
  items: SignalView[];
}

/** The child's signals, newest first, each with what followed. */
export async function signalsOfChild(deps: AccessDeps, ask: Ask): Promise<SignalsOf> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/fracture-signals', patientId: ask.patientId }, async (w) => ({
    patient: patientOf(w.row),
    items: (await repo.signalsOf(w.db, w.row.id, SIGNALS_LISTED)).map(signalView),
  }));
}

/**
 * The centre's physician records what followed a signal: seen, X-ray, fracture or not. That closes
 * the signal and its alerts. A physiotherapist keeps the child's care too (`child.care`) but does not
 * decide on a fracture: refused and audited.
 */
export async function closeSignalWith(deps: AccessDeps, ask: Ask & { signalId: string }, o: SignalOutcomeInput): Promise<SignalView> {
  if (ask.actor.role !== 'physician') {
    await deps.auditor.refused(deps.db, { actor: ask.actor, meta: ask.meta, action: 'child.care', resource: 'patient/fracture-signal/outcome', reason: 'the physician records what followed a signal' });
    throw new AppError('forbidden', 'The day centre\'s physician records what followed a signal.');
  }
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.care', resource: 'patient/fracture-signal/outcome', patientId: ask.patientId }, async (w) => {
    const found = await repo.signalById(w.db, w.row.id, ask.signalId, true);
    if (!found) throw new AppError('not-found', 'This child has no such signal.', [{ pointer: '/params/signalId', detail: 'no such signal of this child' }]);
    if (found.closed_at !== null) throw new AppError('conflict', 'What followed this signal was already recorded.', [{ pointer: '/params/signalId', detail: 'is closed' }]);
    await repo.closeSignal(w.db, found.id, { seen: o.seen, xray: o.xray, fracture: o.fracture, note: o.note ?? null, by: ask.actor.userId });
    for (const item of await repo.signalItems(w.db, signalItemKey(found.id))) {
      if (item.state !== 'done') await closeItem(w.db, item.item_id, ask.actor.userId);
    }
    const again = await repo.signalById(w.db, w.row.id, found.id);
    if (!again) throw new Error('a signal went missing');
    return signalView(again);
  });
}
