// The next measurement of exercise therapy at the edge (clinical-rules.md §13 `measure.due`): the
// practice's list of coming measurements, and the next one as the record and the plan give it.
import { z } from 'zod';
import { isoDate } from '../core/time/date.js';

/** `planned` before the date, `due` up to the grace days after it, `overdue` later (as §8). */
export const DUE_STATUSES = ['planned', 'due', 'overdue'] as const;

export const NextMeasurement = z
  .object({
    due: isoDate.describe('3 months after the most recent measurement, or after the start of therapy when there is none'),
    status: z.enum(DUE_STATUSES),
    therapyEnded: isoDate.nullable().describe('The day the supervised exercise therapy ended; measuring goes on after it'),
  })
  .meta({ id: 'NextMeasurement', description: 'The core\'s measure.due: the next exercise-therapy measurement' });
export type NextMeasurement = z.infer<typeof NextMeasurement>;

export const MeasurementDueView = z
  .object({
    itemId: z.uuid().describe('The practice\'s worklist item (step `measurement`)'),
    patientId: z.uuid(),
    name: z.string(),
    birthDate: isoDate,
    due: isoDate,
    status: z.enum(DUE_STATUSES),
    therapyEnded: z.boolean().describe('The supervised therapy has ended: a measurement of the follow-up after it'),
    first: z.boolean().describe('Nothing measured yet: the first measurement after the start of therapy'),
  })
  .meta({ id: 'MeasurementDue', description: 'A patient the practice took on, with the next measurement' });
export type MeasurementDueView = z.infer<typeof MeasurementDueView>;

export const PracticeMeasurements = z
  .object({
    items: z.array(MeasurementDueView).describe('The earliest date first, at most 200'),
    total: z.number().int().min(0).describe('How many the practice has open in all'),
  })
  .meta({ id: 'PracticeMeasurements', description: 'The practice\'s worklist of coming measurements' });
export type PracticeMeasurements = z.infer<typeof PracticeMeasurements>;
