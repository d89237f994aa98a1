// A child's aids that grow with them (clinical-rules.md §12): the day centre's physiotherapist or
// physician (`child.care`) adds an aid with its last check and records each later check with what
// was adjusted and the child's height then; whoever may read the record (`record.read`) sees the
// aids and when each is next due. A check is an `aids-check` entry of the clinical record naming the
// aid, so the core reads it (the Case's last aids check is the oldest of the aids' last checks).
// Every read and write goes through access.ts: authorised by the core and audited.
import { aidDue } from '../core/children/aids-signals.js';
import type { AidCheckInput, AidInput, AidView } from '../schema/child-aids.schema.js';
import { todayNl } from '../schema/clock.js';
import { AppError } from '../schema/problem.js';
import * as repo from '../store/child-aids.repo.js';
import type { Tx } from '../store/db.js';
import { readWithPatient, withPatient, type PatientWork } from './access.js';
import type { AccessDeps } from './access.js';
import { patientOf, type DiaryPatient } from './diary.js';
import { settingsForOrganisation } from './org-settings.js';
import { caseOn, checkFacts, refuseClosed, type Ask } from './record.js';

export interface AidsOf {
  patient: DiaryPatient;
  items: AidView[];
  lastAidsCheck: string | null;
  heightCm: number | null;
}

interface CheckData { aid?: string; adjusted?: string; heightCm?: number }

/** The aids as they stand on today's date, each with its checks and when it is next due. */
async function aidsView(w: PatientWork, organisationId: string | null): Promise<AidsOf> {
  const today = todayNl();
  const [aids, entries, c, settings] = await Promise.all([
    repo.aidsOf(w.db, w.row.id),
    w.records.clinical.currentEntries(w.db, w.row.id, { kinds: ['aids-check'] }),
    caseOn(w.db, w.records, w.row, today),
    settingsForOrganisation(w.db, organisationId),
  ]);
  const heightNow = c.person.heightCm;
  const items = aids.map((a): AidView => {
    const checks = entries
      .filter((e) => (e.data as CheckData).aid === a.id)
      .sort((x, y) => (x.clinical_date === y.clinical_date ? y.recorded_at.localeCompare(x.recorded_at) : y.clinical_date.localeCompare(x.clinical_date)))
      .map((e) => {
        const d = e.data as CheckData;
        return { entryId: e.entry_id, date: e.clinical_date, adjusted: d.adjusted ?? null, heightCm: d.heightCm ?? null, by: e.recorded_by_name };
      });
    const last = checks[0];
    const due = last ? aidDue({ lastCheck: last.date, heightCmThen: last.heightCm ?? undefined }, heightNow, today, settings) : undefined;
    return {
      id: a.id, kind: a.kind as AidView['kind'], description: a.description, checks,
      lastCheck: last?.date ?? null, due: due?.due ?? null, dueReason: due?.reason ?? null, isDue: due?.isDue ?? true,
    };
  });
  return { patient: patientOf(w.row), items, lastAidsCheck: c.child?.lastAidsCheck ?? null, heightCm: heightNow ?? null };
}

export async function aidsOfChild(deps: AccessDeps, ask: Ask): Promise<AidsOf> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/child-aids', patientId: ask.patientId }, (w) =>
    aidsView(w, ask.actor.organisationId));
}

/** Writes one check of an aid into the record, checked by the core's entry schema. */
async function writeCheck(w: PatientWork & { db: Tx }, ask: Ask, aidId: string, c: { date: string; adjusted?: string | undefined; heightCm?: number | undefined }): Promise<void> {
  const data = { aid: aidId, ...(c.adjusted !== undefined ? { adjusted: c.adjusted } : {}), ...(c.heightCm !== undefined ? { heightCm: c.heightCm } : {}) };
  const facts = checkFacts([{ kind: 'aids-check', date: c.date, data }], { flat: false, indexed: false });
  await w.records.clinical.insertEntries(w.db, facts.map((f) => ({
    patientId: w.row.id, kind: f.kind, date: f.date, data: f.data, source: 'clinician' as const, by: ask.actor.userId, organisationId: ask.actor.organisationId,
  })));
}

/** Adds an aid with its last check (or fitting): both or nothing. */
export async function addAid(deps: AccessDeps, ask: Ask, a: AidInput): Promise<AidView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.care', resource: 'patient/child-aids', patientId: ask.patientId }, async (w) => {
    await refuseClosed(w.db, w.records, w.row);
    const made = await repo.insertAid(w.db, { patientId: w.row.id, kind: a.kind, description: a.description ?? null, by: ask.actor.userId });
    await writeCheck(w, ask, made.id, { date: a.lastCheck, heightCm: a.heightCm });
    const view = await aidsView(w, ask.actor.organisationId);
    const mine = view.items.find((i) => i.id === made.id);
    if (!mine) throw new Error('an aid went missing');
    return mine;
  });
}

/** Records a check of one aid and what was adjusted. */
export async function checkAid(deps: AccessDeps, ask: Ask & { aidId: string }, c: AidCheckInput): Promise<AidView> {
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'child.care', resource: 'patient/child-aids/check', patientId: ask.patientId }, async (w) => {
    await refuseClosed(w.db, w.records, w.row);
    const aid = await repo.aidById(w.db, w.row.id, ask.aidId);
    if (!aid) throw new AppError('not-found', 'This child has no such aid.', [{ pointer: '/params/aidId', detail: 'no such aid of this child' }]);
    await writeCheck(w, ask, aid.id, c);
    const view = await aidsView(w, ask.actor.organisationId);
    const mine = view.items.find((i) => i.id === aid.id);
    if (!mine) throw new Error('an aid went missing');
    return mine;
  });
}
