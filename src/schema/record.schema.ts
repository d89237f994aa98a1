// The clinical record at the edge: the bodies the API and the pages accept for each fact, and the
// views they hand out. The fact bodies are the core's entry schemas (core/record/entries.ts) with
// the clinical date beside the data, so field names and codes are the Case's, verbatim.
import { z } from 'zod';
import { ENTRY_DATA } from '../core/record/entries.js';
import { CARE_END_REASONS, ENTRY_KINDS, ENTRY_SOURCES, ENTRY_STATUSES } from '../core/record/lists.js';
import { isoDate } from '../core/time/date.js';
import { text } from '../core/case.schema.js';
import { Evaluation } from './evaluation.schema.js';

const dated = { date: isoDate.describe('The clinical date (ISO): when it happened, not when it was recorded') };

export const FractureInput = ENTRY_DATA.fracture.extend(dated).meta({ id: 'FractureInput', description: 'One fracture, as the intake records it' });
export const DxaInput = ENTRY_DATA.dxa.extend(dated).meta({ id: 'DxaInput', description: 'One DXA scan: up to three sites' });
export const VfaInput = ENTRY_DATA.vfa.extend(dated).meta({ id: 'VfaInput', description: 'One vertebral fracture assessment' });
export const LabsInput = ENTRY_DATA.labs.extend(dated).meta({ id: 'LabsInput', description: 'One draw: its results with unit and reference range' });
export const NoteInput = ENTRY_DATA.note.extend(dated).meta({ id: 'NoteInput', description: 'A consultation note' });

export const EntryKind = z.enum(ENTRY_KINDS);
export const EntryInput = z
  .object({ kind: EntryKind, ...dated, data: z.record(z.string(), z.unknown()).describe('The data of this kind of fact (see the record schema per kind)') })
  .strict()
  .meta({ id: 'NewEntry', description: 'Any fact of the record, by kind' });

const reason = text(1, 500).describe('Why: shown in the record\'s history');
export const EntryCorrection = z
  .object({ date: isoDate.optional(), data: z.record(z.string(), z.unknown()).optional(), reason })
  .strict()
  .meta({ id: 'EntryCorrection', description: 'A correction: the new date and/or data; the old version stays in the history' });
export const EnteredInError = z.object({ reason }).strict().meta({ id: 'EnteredInError' });

export const EntryView = z
  .object({
    id: z.uuid().describe('The fact, the same across its versions'),
    version: z.number().int(),
    kind: EntryKind,
    date: z.string().describe('Clinical date (ISO)'),
    data: z.record(z.string(), z.unknown()),
    status: z.enum(ENTRY_STATUSES),
    source: z.enum(ENTRY_SOURCES),
    recordedBy: z.string().nullable().describe('The name of the person who recorded this version'),
    recordedAt: z.string().describe('ISO timestamp'),
    reason: z.string().nullable(),
  })
  .meta({ id: 'Entry' });
export type EntryView = z.infer<typeof EntryView>;

export const AssessmentInput = z
  .object({ asOf: isoDate.optional(), note: text(1, 2000).optional() })
  .strict()
  .meta({ id: 'AssessmentSignOff', description: 'Sign off the assessment of the record as it stands on asOf (default today)' });

export const AssessmentView = z
  .object({
    id: z.uuid(),
    asOf: z.string().describe('The day the record was assessed on (ISO)'),
    rulesVersion: z.string(),
    signedBy: z.string().nullable().describe('The name of the person who signed'),
    signedRole: z.string(),
    signedAt: z.string().describe('ISO timestamp'),
    note: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()).describe('The settings the core ran with'),
    evaluation: Evaluation.describe('What the core concluded when it was signed, in the language asked'),
  })
  .meta({ id: 'Assessment', description: 'A signed assessment: never rewritten by later facts or rules' });

export const CareEndInput = z
  .object({ reason: z.enum(CARE_END_REASONS), date: isoDate, note: text(1, 2000).optional() })
  .strict()
  .meta({ id: 'CareEndRequest' });

export const CareEndView = z
  .object({ reason: z.enum(CARE_END_REASONS), date: z.string(), note: z.string().nullable(), endedBy: z.string().nullable(), endedAt: z.string() })
  .meta({ id: 'CareEnd' });
export type CareEndView = z.infer<typeof CareEndView>;
