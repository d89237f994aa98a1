// The forms of a child's loading pages: the daily plan (minutes a day per activity, a note) and a
// session on the tablet (what and how long; the day is today). Checked by the same bounds as the
// API (core/children/loading-log.ts), each problem at its field.
import { z } from 'zod';
import { LOG_MAX_MINUTES, PLAN_MAX_MINUTES } from '../../core/children/loading-log.js';
import { LOADING_ACTIVITIES } from '../../core/record/lists.js';
import { text } from '../../schema/text.js';
import { input, pageForm } from '../forms.js';

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const planForm = pageForm({
  schema: z.looseObject({
    standingFrame: input(whole(0, PLAN_MAX_MINUTES)),
    walkingAid: input(whole(0, PLAN_MAX_MINUTES)),
    otherMovement: input(whole(0, PLAN_MAX_MINUTES)),
    note: input(text().trim().max(2000).optional(), { trim: true }),
  }),
  labels: (t) => ({
    standingFrame: t.childLoading.activities['standing-frame'], walkingAid: t.childLoading.activities['walking-aid'],
    otherMovement: t.childLoading.activities['other-movement'], note: t.childLoading.planNote,
  }),
  messages: (t) => ({
    standingFrame: { too_big: t.childLoading.minutesRange, '*': t.childLoading.minutesRange },
    walkingAid: { too_big: t.childLoading.minutesRange, '*': t.childLoading.minutesRange },
    otherMovement: { too_big: t.childLoading.minutesRange, '*': t.childLoading.minutesRange },
  }),
});

export const logForm = pageForm({
  schema: z.looseObject({
    activity: input(z.enum(LOADING_ACTIVITIES)),
    minutes: input(whole(1, LOG_MAX_MINUTES)),
  }),
  labels: (t) => ({ activity: t.childLoading.what, minutes: t.childLoading.otherMinutes }),
  messages: (t) => ({ minutes: { too_big: t.childLoading.logRange, '*': t.childLoading.logRange } }),
});

/** Taking back the line just noted: which line (the button's hidden field). */
export const takeBackForm = pageForm({
  schema: z.looseObject({ lineId: input(z.uuid()) }),
  labels: (t) => ({ lineId: t.childLoading.takeBack }),
  messages: () => ({}),
});
