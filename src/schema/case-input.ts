// Parsing a Case and Settings at the edge (CLI, HTTP): the core's checks, turned into the one error
// vocabulary so every protocol reports `{ pointer, detail }` per bad field.
import { checkCase, checkSettings } from '../core/evaluate.js';
import type { Case } from '../core/case.schema.js';
import type { Settings } from '../core/settings.js';
import { invalidInput } from './problem.js';

/** Throws AppError('invalid-input') listing every bad field with its JSON pointer. */
export function parseCase(json: unknown): Case {
  const r = checkCase(json);
  if (!r.ok) throw invalidInput(r.issues, 'The case');
  return r.value;
}

/** Throws AppError('invalid-input') listing every bad setting with its JSON pointer. */
export function parseSettings(json: unknown): Settings {
  const r = checkSettings(json);
  if (!r.ok) throw invalidInput(r.issues, 'The settings');
  return r.value;
}
