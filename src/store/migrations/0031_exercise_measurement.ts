// Why: the physiotherapist records measurements at the start of exercise therapy and every 3 months
// (clinical-rules.md §13), and the period of supervised therapy; both are facts of the clinical
// record the core reads (`exercise`), so they are entry kinds, which the list of kinds did not allow.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table clinical_entry drop constraint clinical_entry_kind_check`,
    `alter table clinical_entry add constraint clinical_entry_kind_check check (kind in (
      'weight', 'height', 'menopause', 'fracture', 'risk-factors', 'glucocorticoid-course', 'fall', 'falls-screen',
      'dxa', 'vfa', 'labs', 'fes-i', 'calcium', 'medication', 'medication-dose', 'planned-medication',
      'contact', 'frax', 'workup-waived', 'safety', 'dental-check', 'child', 'aids-check', 'note',
      'missed-dose', 'exercise-measurement', 'exercise-therapy'))`,
  ]);
}
