import { Problem } from '../schema/problem.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each bad field',
  401: 'Not signed in',
  403: 'Not allowed (the attempt is audited)',
  404: 'Not found',
  409: 'Conflict with existing data',
  413: 'Body too large',
  415: 'Body must be application/json',
  422: 'A safety or sequencing check of the clinical core stands in the way: `type` says which, `reasons` lists the core\'s reason codes; nothing was stored',
  429: 'Too many attempts',
  503: 'Not ready',
};

/** Problem-document responses for a route's OpenAPI entry. */
export function problemResponses(...codes: number[]) {
  return Object.fromEntries(codes.map((c) => [c, Problem.describe(DESCRIPTIONS[c] ?? 'Problem')])) as Record<number, typeof Problem>;
}
