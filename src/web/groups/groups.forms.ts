// The groups pages' forms: a new group (its name), a child or a care worker put in a group (the
// group and whom, each chosen from a list). Each a zod schema the route validates the body with.
import { z } from 'zod';
import { NewGroup } from '../../schema/group.schema.js';
import { input, pageForm } from '../forms.js';

export const NewGroupForm = pageForm({
  schema: z.looseObject({ name: input(NewGroup.shape.name, { trim: true }) }),
  labels: (t) => ({ name: t.dayCentreGroups.admin.name }),
  messages: (t) => ({ name: { 'in-use': t.dayCentreGroups.admin.nameTaken } }),
});

export const AddChildForm = pageForm({
  schema: z.looseObject({ childGroup: input(z.uuid()), patientId: input(z.uuid()) }),
  labels: (t) => ({ childGroup: t.dayCentreGroups.admin.group, patientId: t.dayCentreGroups.admin.child }),
  messages: (t) => ({
    childGroup: { '*': t.dayCentreGroups.admin.noChoice },
    patientId: { '*': t.dayCentreGroups.admin.noChoice, refused: t.dayCentreGroups.admin.notChild },
  }),
});

export const AddStaffForm = pageForm({
  schema: z.looseObject({ staffGroup: input(z.uuid()), userId: input(z.uuid()) }),
  labels: (t) => ({ staffGroup: t.dayCentreGroups.admin.group, userId: t.dayCentreGroups.admin.careWorker }),
  messages: (t) => ({
    staffGroup: { '*': t.dayCentreGroups.admin.noChoice },
    userId: { '*': t.dayCentreGroups.admin.noChoice, refused: t.dayCentreGroups.admin.notWorker },
  }),
});
