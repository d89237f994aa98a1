// Maps every error the HTTP layer can meet to one RFC 9457 problem document. Expected outcomes
// (bad input, not found, forbidden) become their problem; a database outage (store/faults.ts) a
// 503; anything unexpected becomes a 500 whose detail says nothing of the internals (the log has
// them, without health data).
import type { FastifyError } from 'fastify';
import { AppError, problem, type Problem } from '../schema/problem.js';
import { classifyFault, isUnstorableText, violatedUnique } from '../services/store-errors.js';

/**
 * A database outage (server gone or restarting, connection broken, disk full) as the 503 it is,
 * naming the cause; undefined for any other error.
 */
export function outageProblem(err: unknown): AppError | undefined {
  const fault = classifyFault(err);
  if (!fault) return undefined;
  if (fault.kind === 'disk-full') {
    return new AppError('unavailable', `Nothing can be saved now: ${fault.cause}. Reading still works; try saving again later.`);
  }
  return new AppError('unavailable', `The database cannot be reached now (${fault.cause}). Try again in a few seconds.`);
}

export function toProblem(err: unknown, instance?: string): Problem {
  // Extensions never replace a standard member.
  if (err instanceof AppError) return Object.assign({}, err.extra, problem(err.code, err.message, err.errors, instance));
  const outage = outageProblem(err);
  if (outage) return problem(outage.code, outage.message, [], instance);
  const e = err as Partial<FastifyError> & { code?: string; statusCode?: number };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('payload-too-large', 'The request body is larger than this server accepts.', [], instance);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('unsupported-media-type', 'Send the body as application/json.', [], instance);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('invalid-input', 'The request body is empty; send a JSON object.', [{ pointer: '', detail: 'body is empty' }], instance);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem('invalid-input', 'The Content-Length header does not match the body.', [], instance);
    case 'ERR_INVALID_CHAR':
      // Node refuses to send a header value with control or non-Latin-1 characters (a redirect to
      // a `return` address the request made up): the request is at fault, not the server.
      return problem('invalid-input', 'The request asked for an address or header that cannot be sent.', [], instance);
    case 'FST_ERR_BAD_URL':
      return problem('invalid-input', 'The address contains an escape (%…) that is not valid.', [{ pointer: '', detail: 'the path is not valid' }], instance);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem('uri-too-long', 'A part of the address is longer than this server accepts.', [], instance);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem('invalid-input', 'The request body is not valid JSON.', [{ pointer: '', detail: e.message ?? 'invalid JSON' }], instance);
    default:
      break;
  }
  // Last line behind the use cases (services/access.ts names the field): never a 500, never the row.
  if (violatedUnique(err) !== undefined) return problem('conflict', 'This conflicts with data that already exists.', [], instance);
  if (isUnstorableText(err)) return problem('invalid-input', 'The request contains text that cannot be stored.', [], instance);
  if (e.statusCode === 429) return problem('too-many-requests', 'Too many requests; wait a moment and try again.', [], instance);
  if (e.statusCode === 403 && typeof e.code === 'string' && e.code.startsWith('FST_CSRF')) {
    return problem('forbidden', 'The form was not accepted: it is missing a valid security token. Reload the page and try again.', [], instance);
  }
  if (e.name === 'SyntaxError' && e.statusCode === 400) {
    return problem('invalid-input', 'The request body is not valid JSON.', [{ pointer: '', detail: 'invalid JSON' }], instance);
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return problem('invalid-input', e.message ?? 'The request was not understood.', [], instance);
  }
  return problem('internal', 'Something went wrong on our side. The error has been logged.', [], instance);
}
