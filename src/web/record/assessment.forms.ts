// The sign-off of the assessment: an optional note with it.
import { z } from 'zod';
import { text } from '../../schema/text.js';
import { input, pageForm } from '../forms.js';

export const SignForm = pageForm({
  schema: z.looseObject({ note: input(text().trim().min(1).max(2000).optional(), { trim: true }) }),
  labels: (t) => ({ note: t.assessment.signNote }),
});
