// Request bodies and query strings are decoded strictly: bytes that are not UTF-8 (in the body or
// percent-encoded) are refused with a 400, not stored as U+FFFD in a patient's record. JSON keeps
// Fastify's own parser (prototype-poisoning checks, empty-body error) after the strict decoding.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../schema/problem.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text, or an AppError when it is not UTF-8. */
function decodeBody(body: Buffer, what: string): string | AppError {
  try {
    return UTF8.decode(body);
  } catch {
    return new AppError('invalid-input', `${what} is not valid UTF-8 text.`, [{ pointer: '', detail: 'is not valid UTF-8' }]);
  }
}

/** One percent-encoded form or query component; undefined when its bytes are not UTF-8. */
function decodeComponent(s: string): string | undefined {
  const plain = s.replace(/\+/g, ' ');
  if (!plain.includes('%')) return plain;
  try {
    // decodeURIComponent refuses malformed escapes and escapes that are not UTF-8 (lone surrogates too).
    return decodeURIComponent(plain);
  } catch {
    return undefined;
  }
}

/** A urlencoded body as name → value (repeated names → array, as browsers send checkboxes). */
export function parseForm(text: string): Record<string, string | string[]> | undefined {
  const out = Object.create(null) as Record<string, string | string[]>;
  if (text === '') return out;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = decodeComponent(eq === -1 ? '' : pair.slice(eq + 1));
    if (key === undefined || value === undefined) return undefined;
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

/** Whether every percent-encoded component of the URL's query is UTF-8. */
export function queryIsUtf8(url: string): boolean {
  const q = url.indexOf('?');
  if (q === -1) return true;
  const query = url.slice(q + 1);
  if (!query.includes('%')) return true;
  return query.split(/[&=]/).every((c) => decodeComponent(c) !== undefined);
}

export function registerBodyParsers(app: FastifyInstance, bodyLimit: number): void {
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (req, body, done) => {
    const text = decodeBody(body as Buffer, 'The request body');
    if (text instanceof AppError) {
      done(text, undefined);
      return;
    }
    void json(req, text, done);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit }, (_req, body, done) => {
    const text = decodeBody(body as Buffer, 'The form');
    if (text instanceof AppError) {
      done(text, undefined);
      return;
    }
    const fields = parseForm(text);
    if (fields === undefined) {
      done(new AppError('invalid-input', 'The form is not valid UTF-8 text.', [{ pointer: '', detail: 'has an escape that is not UTF-8' }]), undefined);
      return;
    }
    done(null, fields);
  });
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!queryIsUtf8(req.url)) {
      throw new AppError('invalid-input', 'The query is not valid UTF-8 text.', [{ pointer: '/query', detail: 'has an escape that is not UTF-8' }]);
    }
  });
}
