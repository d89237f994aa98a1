// The logistics pages' forms: a visit planned (a time and place per part that takes place), a
// note, call or task, and the day board's date. Each is read as typed, checked here with words for
// each field, and then checked again by the use case; a refusal of the use case is mapped back to
// the field it names (`/parts/0/time` → the time of that part).
import { z } from 'zod';
import { VISIT_PARTS, type VisitPart } from '../../core/worklist/lists.js';
import { isIsoDate } from '../../core/time/date.js';
import { todayNl } from '../../schema/clock.js';
import type { PartIn } from '../../api/facade.js';
import { AppError } from '../../api/facade.js';
import type { Messages } from '../i18n/index.js';
import type { FieldErrors } from '../components/Form.js';
import { isoFromTyped, pageForm } from '../forms.js';

export type Values = Record<string, string>;

/** Any form of these pages: its fields are read as typed and checked below. */
export const AnyForm = pageForm({ schema: z.looseObject({}), labels: () => ({}) });

const CLOCK = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** "9.30" and "09:30" are both a time; kept as HH:MM. */
function clockOf(typed: string): string | undefined {
  const m = CLOCK.exec(typed.trim());
  return m ? `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}` : undefined;
}

export const timeField = (part: VisitPart) => `${part}Time`;
export const placeField = (part: VisitPart) => `${part}Place`;

/** A date typed as dd-mm-jjjj (or ISO) that exists, or the message why not. */
function typedDay(t: Messages, label: string, typed: string | undefined): { ok: true; date: string } | { ok: false; error: string } {
  const s = (typed ?? '').trim();
  if (s === '') return { ok: false, error: t.form.required(label) };
  const iso = isoFromTyped(s);
  return isIsoDate(iso) ? { ok: true, date: iso } : { ok: false, error: t.logistics.board.badDate };
}

export interface VisitForm {
  kind: 'diagnostic-day' | 'evening-clinic';
  date: string;
  parts: PartIn[];
  reportTo?: string;
  note?: string;
}

export function checkVisit(t: Messages, v: Values): { ok: true; visit: VisitForm } | { ok: false; errors: FieldErrors } {
  const l = t.logistics;
  const errors: FieldErrors = {};
  const kind = v.kind === 'evening-clinic' ? 'evening-clinic' : v.kind === 'diagnostic-day' ? 'diagnostic-day' : undefined;
  if (!kind) errors.kind = t.form.choose(l.plan.kind);
  const day = typedDay(t, l.plan.date, v.date);
  if (!day.ok) errors.date = day.error;
  else if (day.date < todayNl()) errors.date = l.plan.past;
  const parts: PartIn[] = [];
  for (const part of VISIT_PARTS) {
    const name = l.visits.partNames[part];
    const time = (v[timeField(part)] ?? '').trim();
    const place = (v[placeField(part)] ?? '').trim();
    if (time === '' && place === '') continue;
    const clock = clockOf(time);
    if (time === '') errors[timeField(part)] = l.plan.timeMissing(l.plan.time(name));
    else if (!clock) errors[timeField(part)] = l.plan.timeFormat(l.plan.time(name));
    if (place === '') errors[placeField(part)] = l.plan.placeMissing(l.plan.place(name));
    else if (place.length > 200) errors[placeField(part)] = t.form.tooLong(l.plan.place(name));
    if (clock && place !== '') parts.push({ part, time: clock, place });
  }
  if (parts.length === 0 && !VISIT_PARTS.some((p) => errors[timeField(p)] ?? errors[placeField(p)])) errors[timeField('dxa')] = l.plan.noParts;
  const reportTo = (v.reportTo ?? '').trim();
  if (reportTo.length > 200) errors.reportTo = t.form.tooLong(l.plan.reportTo);
  const note = (v.note ?? '').trim();
  if (note.length > 2000) errors.note = t.form.tooLong(l.plan.note);
  if (Object.keys(errors).length > 0 || !kind || !day.ok) return { ok: false, errors };
  return { ok: true, visit: { kind, date: day.date, parts, ...(reportTo ? { reportTo } : {}), ...(note ? { note } : {}) } };
}

/** The use case's refusal of a visit, each problem at the field it came from. */
export function visitRefusal(t: Messages, sent: readonly PartIn[], e: unknown): FieldErrors | undefined {
  if (!(e instanceof AppError) || e.errors.length === 0) return undefined;
  const l = t.logistics.plan;
  const errors: FieldErrors = {};
  for (const p of e.errors) {
    const m = /^\/parts\/(\d+)\/(time|part)$/.exec(p.pointer);
    if (m) {
      const part = sent[Number(m[1])]?.part ?? 'dxa';
      errors[timeField(part)] = part === 'consultation' ? l.eveningConsultation : /before/.test(p.detail) ? l.eveningImaging(t.logistics.visits.partNames[part]) : p.detail;
    } else if (p.pointer === '/date') errors.date = l.past;
    else errors[p.pointer.split('/')[1] ?? 'kind'] = p.detail;
  }
  return errors;
}

export interface NoteForm {
  kind: 'note' | 'phone-call' | 'task';
  body: string;
  contactWith?: string;
  due?: string;
  assignee?: string;
}

export function checkNote(t: Messages, v: Values): { ok: true; note: NoteForm } | { ok: false; errors: FieldErrors } {
  const n = t.logistics.notes;
  const errors: FieldErrors = {};
  const kind = v.kind === 'note' || v.kind === 'phone-call' || v.kind === 'task' ? v.kind : undefined;
  if (!kind) errors.kind = t.form.choose(n.formKind);
  const body = (v.body ?? '').trim();
  if (body === '') errors.body = t.form.required(n.body);
  else if (body.length > 4000) errors.body = t.form.tooLong(n.body);
  const contactWith = (v.contactWith ?? '').trim();
  if (contactWith !== '' && kind !== 'phone-call') errors.contactWith = n.onlyCall;
  else if (contactWith.length > 200) errors.contactWith = t.form.tooLong(n.formWith);
  let due: string | undefined;
  const typedDue = (v.due ?? '').trim();
  if (kind === 'task') {
    const d = typedDay(t, n.due, typedDue);
    if (!d.ok) errors.due = typedDue === '' ? n.dueMissing : d.error;
    else if (d.date < todayNl()) errors.due = n.duePast;
    else due = d.date;
  } else if (typedDue !== '') errors.due = n.onlyTask;
  const assignee = (v.assignee ?? '').trim();
  if (assignee !== '' && kind !== 'task') errors.assignee = n.onlyTask;
  if (Object.keys(errors).length > 0 || !kind) return { ok: false, errors };
  return { ok: true, note: { kind, body, ...(contactWith ? { contactWith } : {}), ...(due ? { due } : {}), ...(assignee ? { assignee } : {}) } };
}

export function noteRefusal(t: Messages, e: unknown): FieldErrors | undefined {
  if (!(e instanceof AppError) || e.errors.length === 0 || e.code !== 'invalid-input') return undefined;
  const n = t.logistics.notes;
  const errors: FieldErrors = {};
  for (const p of e.errors) {
    const field = p.pointer.split('/')[1] ?? 'body';
    errors[field] = field === 'assignee' ? n.notColleague : field === 'due' ? n.duePast : p.detail;
  }
  return errors;
}

/** The day board's date: typed, or today. */
export function boardDate(t: Messages, typed: string | undefined): { date: string; error?: string } {
  if (typed === undefined || typed.trim() === '') return { date: todayNl() };
  const d = typedDay(t, t.logistics.board.dateLabel, typed);
  return d.ok ? { date: d.date } : { date: todayNl(), error: d.error };
}
