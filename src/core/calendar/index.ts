// The patient's calendar: which reminders, when, in which words (events.ts), fed by the core's
// medication and follow-up rules. Writing them as iCalendar is done outside the core.
export { calendarEvents, DEFAULT_CHOICES, isReminderTime } from './events.js';
export type { CalendarChoices, CalendarEvent, CalendarEventKind, CalendarVisit, Repeat } from './events.js';
export { calendarWords } from './words.js';
