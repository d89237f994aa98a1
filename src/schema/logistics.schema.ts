// The pathway's logistics at the API: visits and their parts, the invitation log, notes, calls and
// tasks, the day board. The closed lists come from the core (core/worklist/lists.ts), so the API,
// the store's checks and the pages' words cannot drift apart.
import { z } from 'zod';
import { isoDate } from '../core/time/date.js';
import { COMMUNICATION_KINDS, EVENING_STARTS, INVITATION_EVENTS, VISIT_KINDS, VISIT_PARTS, VISIT_STATUSES } from '../core/worklist/lists.js';
import { text } from './text.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24-hour clock), e.g. 09:30');
const line = (max: number) => text().trim().min(1, 'must not be empty').max(max, `is too long (at most ${String(max)} characters)`);
const optionalLine = (max: number) => line(max).optional();

export const VisitPartInput = z
  .object({
    part: z.enum(VISIT_PARTS),
    time: clock.describe('HH:MM'),
    place: line(200).describe('Where that part takes place ("DXA room, route 25")'),
    done: z.boolean().optional(),
  })
  .strict();

export const VisitInput = z
  .object({
    kind: z.enum(VISIT_KINDS).describe(`diagnostic-day, or evening-clinic (no imaging: DXA and VFA lie before ${EVENING_STARTS}, the consultation at or after it)`),
    date: isoDate.describe('The day of the visit: today or later'),
    parts: z.array(VisitPartInput).min(1, 'needs at least one part').max(VISIT_PARTS.length, `has at most ${String(VISIT_PARTS.length)} parts`),
    reportTo: optionalLine(200).describe('Where the patient reports on arrival'),
    note: optionalLine(2000),
  })
  .strict();

export const VisitChangeInput = z
  .object({
    status: z.enum(VISIT_STATUSES).optional().describe('attended or did-not-attend (also written in the invitation log, dated the visit), cancelled'),
    date: isoDate.optional(),
    kind: z.enum(VISIT_KINDS).optional(),
    parts: z.array(VisitPartInput).min(1, 'needs at least one part').max(VISIT_PARTS.length).optional().describe('The parts as they should stand (replacing them)'),
    done: z.array(z.enum(VISIT_PARTS)).min(1, 'name at least one part').max(VISIT_PARTS.length).optional().describe('Parts done: marked by name'),
    reportTo: line(200).nullable().optional(),
    note: line(2000).nullable().optional(),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'nothing to change: give a status, parts done, parts, a date, a kind, reportTo or a note', path: [] });

export const VisitPartView = z.object({ part: z.enum(VISIT_PARTS), time: z.string(), place: z.string(), done: z.boolean() });

export const VisitView = z
  .object({
    id: z.uuid(),
    kind: z.enum(VISIT_KINDS),
    date: isoDate,
    status: z.enum(VISIT_STATUSES),
    parts: z.array(VisitPartView),
    reportTo: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'Visit' });

export const InvitationInput = z
  .object({
    event: z.enum(INVITATION_EVENTS).describe('invited (once while open; then re-invited), re-invited, declined, attended, did-not-attend'),
    date: isoDate.describe('When it happened: today or earlier'),
    visitId: z.uuid('is not a valid id').optional(),
    note: optionalLine(2000),
  })
  .strict();

export const InvitationView = z
  .object({
    id: z.uuid(),
    event: z.enum(INVITATION_EVENTS),
    date: isoDate,
    visitId: z.uuid().nullable(),
    language: z.enum(['nl', 'en']).nullable().describe('The language of the letter, when a letter was issued'),
    note: z.string().nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'InvitationEvent' });

export const LetterInput = z
  .object({ visitId: z.uuid('is not a valid id').optional().describe('The visit the letter is for; left out: the next planned visit, or none (the clinic will phone)') })
  .strict();

export const CommunicationInput = z
  .object({
    kind: z.enum(COMMUNICATION_KINDS),
    body: line(4000).describe('The note; for a call what was agreed; for a task what is to be done'),
    contactWith: optionalLine(200).describe('A phone call: with whom'),
    due: isoDate.optional().describe('A task: by when (today or later)'),
    assignee: z.uuid('is not a valid user id').optional().describe('A task: a nurse or physician of your organisation'),
  })
  .strict();

export const CommunicationView = z
  .object({
    id: z.uuid(),
    kind: z.enum(COMMUNICATION_KINDS),
    body: z.string(),
    contactWith: z.string().nullable(),
    due: isoDate.nullable(),
    assignee: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Communication' });

export const CommunicationMade = CommunicationView.extend({ itemId: z.uuid().nullable().describe('A task: its item on the worklist') }).meta({ id: 'CommunicationMade' });

export const DayBoardQuery = z.object({ date: isoDate.optional().describe('The day (ISO); default: today in Europe/Amsterdam') }).strict();

export const DayBoardRow = z.object({
  patientId: z.uuid(),
  name: z.string(),
  birthDate: isoDate,
  visitId: z.uuid(),
  kind: z.enum(VISIT_KINDS),
  status: z.enum(VISIT_STATUSES),
  reportTo: z.string().nullable(),
  parts: z.array(VisitPartView.extend({ resultIn: z.boolean().describe('dxa, vfa, labs: a result dated that day is in the record; consultation: done') })),
  missing: z.array(z.enum(VISIT_PARTS)).describe('The parts whose result is still missing'),
});

export const DayBoard = z.object({ date: isoDate, rows: z.array(DayBoardRow) }).meta({ id: 'DayBoard' });

export const PatientParams = z.object({ id: z.uuid('is not a valid id') }).strict();
export const VisitParams = z.object({ id: z.uuid('is not a valid id'), visitId: z.uuid('is not a valid id') }).strict();
