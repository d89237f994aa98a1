// A day centre's groups (docs/day-centre.md): the administrator's view and changes, and a care
// worker's own group(s). One schema per boundary: these type the service and document the API.
import { z } from 'zod';
import { text } from './text.js';

export const GroupChild = z
  .object({
    patientId: z.uuid(),
    givenName: z.string(), familyNamePrefix: z.string().nullable(), familyName: z.string(),
    birthDate: z.string().describe('ISO date'),
  })
  .meta({ id: 'GroupChild', description: 'A child of the day centre, as a group lists it' });
export type GroupChild = z.infer<typeof GroupChild>;

export const GroupStaff = z
  .object({ userId: z.uuid(), displayName: z.string(), active: z.boolean().describe('False while the account waits for activation') })
  .meta({ id: 'GroupStaff', description: 'A care worker of a group' });
export type GroupStaff = z.infer<typeof GroupStaff>;

export const Group = z
  .object({ id: z.uuid(), name: z.string(), children: z.array(GroupChild), staff: z.array(GroupStaff) })
  .meta({ id: 'Group', description: 'A group of a day centre with its children and its care workers' });
export type Group = z.infer<typeof Group>;

export const GroupsView = z
  .object({
    groups: z.array(Group),
    children: z.array(GroupChild).describe('Every child in the centre\'s care, to put in a group'),
    careWorkers: z.array(GroupStaff).describe('Every care worker of the centre, to put in a group'),
  })
  .meta({ id: 'GroupsView', description: 'The groups of your day centre (administrator)' });
export type GroupsView = z.infer<typeof GroupsView>;

export const GROUP_NAME_MAX = 80;
export const NewGroup = z
  .object({ name: text().trim().min(1, 'is needed').max(GROUP_NAME_MAX, `is longer than ${String(GROUP_NAME_MAX)} characters`) })
  .strict()
  .meta({ id: 'NewGroup' });
export type NewGroup = z.infer<typeof NewGroup>;

export const GroupChildAdd = z.object({ patientId: z.uuid('is not a valid id') }).strict().meta({ id: 'GroupChildAdd' });
export const GroupStaffAdd = z.object({ userId: z.uuid('is not a valid id') }).strict().meta({ id: 'GroupStaffAdd' });

export const MyGroups = z
  .object({
    groups: z.array(z.object({ id: z.uuid(), name: z.string(), children: z.array(GroupChild) })),
  })
  .meta({ id: 'MyGroups', description: 'The groups a care worker works in, with the children each may be seen and logged for' });
export type MyGroups = z.infer<typeof MyGroups>;
