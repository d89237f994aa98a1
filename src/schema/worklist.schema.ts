// The worklist's shapes at the API: the query (filters, order, paging) and one page with the
// counts per step. The cursor carries the order it was made for, so a cursor of one order is
// refused in another instead of comparing a name with a date.
import { z } from 'zod';
import { FractureSite } from '../core/case.schema.js';
import { isoDate } from '../core/time/date.js';
import { AGE_BANDS, ITEM_STATES, PRIORITIES, WORKLIST_STEPS } from '../core/worklist/lists.js';
import { pageOf, pageQuery } from './paging.js';
import { text } from './text.js';

export const WORKLIST_SORTS = ['due', 'name', 'fractureDate'] as const;
export const WorklistSort = z.enum(WORKLIST_SORTS);

/** The key a worklist page continues from: the order, its sort value, the item id. */
export const WorklistKey = z.tuple([WorklistSort, z.string().max(300), z.uuid()]);

const flag = z
  .enum(['true', 'false'], 'must be true or false')
  .transform((v) => v === 'true');

export const WorklistQuery = z
  .object({
    step: z.enum(WORKLIST_STEPS).optional().describe('Only this step'),
    overdue: flag.optional().describe('Only overdue items (true) or only items not overdue (false)'),
    assignee: z.uuid('is not a valid user id').optional().describe('Only items assigned to this user (tasks)'),
    site: FractureSite.optional().describe('Only patients whose index fracture is at this site'),
    ageBand: z.enum(AGE_BANDS).optional().describe('Only patients of this age today'),
    q: text().trim().min(1, 'must not be empty').max(100).optional().describe('Name words, a birth date (jjjj-mm-dd or dd-mm-jjjj) or a BSN (for roles that may see it)'),
    sort: WorklistSort.default('due').describe('due (default), name, or fractureDate'),
    ...pageQuery(WorklistKey),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.cursor && q.cursor.key[0] !== q.sort) ctx.addIssue({ code: 'custom', path: ['cursor'], message: `was made for sort=${String(q.cursor.key[0])}, not sort=${q.sort}` });
    if (q.cursor && q.sort !== 'name' && !/^\d{4}-\d{2}-\d{2}$/.test(String(q.cursor.key[1]))) ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'is not a cursor this list gave out' });
  });

export const WorklistItem = z
  .object({
    itemId: z.uuid(),
    patientId: z.uuid(),
    name: z.string(),
    birthDate: isoDate,
    step: z.enum(WORKLIST_STEPS),
    due: isoDate,
    overdue: z.boolean(),
    priority: z.enum(PRIORITIES),
    reasons: z.array(z.string()).describe('Codes saying why the step is open'),
    source: z.string().describe('What raised it: a rule id of the core, `pathway`, `task` or a report'),
    state: z.enum(ITEM_STATES),
    title: z.string().nullable().describe('A task: what is to be done'),
    assignee: z.uuid().nullable(),
    acknowledgedBy: z.uuid().nullable(),
    acknowledgedAt: z.string().nullable(),
    fractureDate: isoDate.nullable(),
    fractureSite: z.string().nullable(),
  })
  .meta({ id: 'WorklistItem' });

export const WorklistPage = pageOf(WorklistItem)
  .extend({ counts: z.partialRecord(z.enum(WORKLIST_STEPS), z.number().int().min(0)).describe('Open items per step under the same filters (the step filter aside)') })
  .meta({ id: 'WorklistPage' });

export const ItemParams = z.object({ itemId: z.uuid('is not a valid id') }).strict();
