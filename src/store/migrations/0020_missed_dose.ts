// Why: the patient (or a caregiver) marks a dose as taken or as missed. A taken dose is a
// `medication-dose` entry like the clinic's; a missed one must never count as a dose, so it is an
// entry kind of its own, `missed-dose`, which the list of kinds a record may hold did not allow.
import type { Kysely } from 'kysely';
import { runStatements } from './run.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table clinical_entry drop constraint clinical_entry_kind_check`,
    `alter table clinical_entry add constraint clinical_entry_kind_check check (kind in (
      'weight', 'height', 'menopause', 'fracture', 'risk-factors', 'glucocorticoid-course', 'fall', 'falls-screen',
      'dxa', 'vfa', 'labs', 'fes-i', 'calcium', 'medication', 'medication-dose', 'planned-medication',
      'contact', 'frax', 'workup-waived', 'safety', 'dental-check', 'child', 'aids-check', 'note',
      'missed-dose'))`,
  ]);
}
