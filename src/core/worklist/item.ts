// One item of a worklist as the core derives it (derive.ts), apart from the derivation so the
// parts that make items of one step (measurement.ts) share the shape without importing it back.
import type { FractureSite } from '../case.schema.js';
import type { IsoDate } from '../time/date.js';
import type { Priority, WorklistStep } from './lists.js';

export interface DerivedItem {
  /** The step's identity across derivations: the same key is the same item (its acknowledgement stays). */
  key: string;
  step: WorklistStep;
  due: IsoDate;
  overdue: boolean;
  priority: Priority;
  /** Codes saying why the step is open (words for them live with the pages). */
  reasons: string[];
  /** What raised it: a rule id of the core, or `pathway` for the logistics' own steps. */
  source: string;
  fractureDate: IsoDate | null;
  fractureSite: FractureSite | null;
}
