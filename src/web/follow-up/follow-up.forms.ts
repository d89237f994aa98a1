// The contact form: read as typed, checked here with words for each field, then checked again by
// the use case, whose refusal comes back at the field it names (`/newFractures/0/date` → the
// fracture's date). The no-JavaScript form holds one new fracture; the API takes several.
import { z } from 'zod';
import { CONTACT_KINDS, FRACTURE_SITES } from '../../core/case.schema.js';
import { ADHERENCE, FRACTURE_SIDES } from '../../core/record/lists.js';
import { isIsoDate } from '../../core/time/date.js';
import { AppError, type ContactInput } from '../../api/facade.js';
import type { Messages } from '../i18n/index.js';
import type { FieldErrors } from '../components/Form.js';
import { isoFromTyped, pageForm } from '../forms.js';

export type Values = Record<string, string>;

/** Any form of these pages: its fields are read as typed and checked below. */
export const AnyForm = pageForm({ schema: z.looseObject({}), labels: () => ({}) });

const isOne = <T extends string>(list: readonly T[], v: string | undefined): v is T => v !== undefined && (list as readonly string[]).includes(v);

/** The form's fields in page order (the error summary follows it). */
export const CONTACT_FIELDS = ['date', 'kind', 'adherence', 'sideEffects', 'fallsSince', 'fractureDate', 'fractureSite', 'fractureSide', 'note'] as const;

export function checkContact(t: Messages, v: Values, today: string): { ok: true; contact: ContactInput } | { ok: false; errors: FieldErrors } {
  const f = t.followUp.form;
  const errors: FieldErrors = {};
  const typedDay = (field: string, label: string): string | undefined => {
    const s = (v[field] ?? '').trim();
    if (s === '') { errors[field] = t.form.required(label); return undefined; }
    const iso = isoFromTyped(s);
    if (!isIsoDate(iso)) { errors[field] = f.badDate(label); return undefined; }
    if (iso > today) { errors[field] = f.future(label); return undefined; }
    return iso;
  };
  const date = typedDay('date', f.date);
  const kind = v.kind;
  if (!isOne(CONTACT_KINDS, kind)) errors.kind = t.form.choose(f.kind);
  const adherence = (v.adherence ?? '').trim();
  if (adherence !== '' && !isOne(ADHERENCE, adherence)) errors.adherence = t.form.choose(f.adherence);
  const sideEffects = (v.sideEffects ?? '').trim();
  if (sideEffects.length > 2000) errors.sideEffects = t.form.tooLong(f.sideEffects);
  const note = (v.note ?? '').trim();
  if (note.length > 4000) errors.note = t.form.tooLong(f.note);
  const fallsTyped = (v.fallsSince ?? '').trim();
  const falls = fallsTyped === '' ? undefined : Number(fallsTyped);
  if (falls !== undefined && !(Number.isInteger(falls) && falls >= 0 && falls <= 100)) errors.fallsSince = f.fallsNumber;

  // One new fracture: all of it or none of it (the side may stay empty).
  const fd = (v.fractureDate ?? '').trim();
  const fs = (v.fractureSite ?? '').trim();
  const side = (v.fractureSide ?? '').trim();
  let fracture: NonNullable<ContactInput['newFractures']>[number] | undefined;
  if (fd !== '' || fs !== '' || side !== '') {
    if (fd === '') errors.fractureDate = f.fractureMissing(f.fractureDate);
    const fdate = fd === '' ? undefined : typedDay('fractureDate', f.fractureDate);
    if (fs === '') errors.fractureSite = f.fractureMissing(f.fractureSite);
    else if (!isOne(FRACTURE_SITES, fs)) errors.fractureSite = t.form.choose(f.fractureSite);
    if (side !== '' && !isOne(FRACTURE_SIDES, side)) errors.fractureSide = t.form.choose(f.fractureSide);
    if (fdate !== undefined && date !== undefined && fdate > date) errors.fractureDate = f.afterContact;
    if (fdate !== undefined && isOne(FRACTURE_SITES, fs)) fracture = { date: fdate, site: fs, ...(isOne(FRACTURE_SIDES, side) ? { side } : {}) };
  }
  if (Object.keys(errors).length > 0 || date === undefined || !isOne(CONTACT_KINDS, kind)) return { ok: false, errors };
  return {
    ok: true,
    contact: {
      date, kind,
      ...(isOne(ADHERENCE, adherence) ? { adherence } : {}),
      ...(sideEffects !== '' ? { sideEffects } : {}),
      ...(falls !== undefined ? { fallsSince: falls } : {}),
      ...(fracture ? { newFractures: [fracture] } : {}),
      ...(note !== '' ? { note } : {}),
    },
  };
}

const FIELD_OF: Record<string, string> = { date: 'date', kind: 'kind', adherence: 'adherence', sideEffects: 'sideEffects', fallsSince: 'fallsSince', note: 'note' };

/** The use case's refusal, each problem at the field it came from. */
export function contactRefusal(t: Messages, e: unknown): FieldErrors | undefined {
  if (!(e instanceof AppError) || e.errors.length === 0 || e.code !== 'invalid-input') return undefined;
  const f = t.followUp.form;
  const errors: FieldErrors = {};
  for (const p of e.errors) {
    const parts = p.pointer.split('/');
    if (parts[1] === 'newFractures') {
      const which = parts[3] === 'site' ? 'fractureSite' : parts[3] === 'side' ? 'fractureSide' : 'fractureDate';
      errors[which] = which === 'fractureDate' ? f.afterContact : t.form.invalid(which === 'fractureSite' ? f.fractureSite : f.fractureSide);
    } else {
      const field = FIELD_OF[parts[1] ?? ''] ?? 'date';
      errors[field] = t.form.invalid(field === 'date' ? f.date : field);
    }
  }
  return errors;
}
