// The worklist's filter form (a GET: the list's address is the filter, so a link, a bookmark and
// the back button keep it) and the small forms on a row (an alert seen, a task done), which carry
// the list they were sent from so the answer returns to the same filtered page.
import { z } from 'zod';
import { FractureSite } from '../../core/case.schema.js';
import { AGE_BANDS, WORKLIST_STEPS } from '../../core/worklist/lists.js';
import { WORKLIST_SORTS } from '../../schema/worklist.schema.js';
import { text } from '../../schema/text.js';
import { input, pageForm } from '../forms.js';

export const FilterForm = pageForm({
  schema: z.looseObject({
    step: input(z.enum(WORKLIST_STEPS).optional()),
    overdue: input(z.enum(['true', 'false']).optional()),
    ageBand: input(z.enum(AGE_BANDS).optional()),
    site: input(FractureSite.optional()),
    // The signed-in person's own tasks, or everyone's: an id is never typed into a form.
    assignee: input(z.enum(['mine']).optional()),
    q: input(text().trim().min(1).max(100).optional(), { trim: true }),
    sort: input(z.enum(WORKLIST_SORTS).optional()),
  }),
  labels: (t) => {
    const w = t.worklist;
    return { q: w.q, step: w.step, overdue: w.overdue, assignee: w.assignee, ageBand: w.ageBand, site: w.site, sort: w.sort };
  },
});

/** The filter's fields, in the order the form shows them; the page links carry the same. */
export const FILTER_FIELDS = ['q', 'step', 'overdue', 'assignee', 'ageBand', 'site', 'sort'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type Filters = Partial<Record<FilterField, string>>;

/** A row's button: the list to go back to (a path on /worklist, checked with localPath). */
export const ItemActionForm = pageForm({
  schema: z.looseObject({ return: input(z.string().max(2000).optional()) }),
  labels: () => ({}),
});
