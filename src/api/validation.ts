// Request validation with zod: one schema validates, types the handler and documents the route.
// Unlike the provider's default compiler, every issue (unknown fields included) becomes its own
// { pointer, detail }, and the pointer says which part of the request it is in. Text that cannot be
// stored (NUL, unpaired surrogates) is refused first, in every part and whatever the schema says.
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { AppError, invalidInput } from '../schema/problem.js';
import { unstorableText } from '../schema/text.js';

const PART_PREFIX: Record<string, string> = { body: '', querystring: '/query', params: '/params', headers: '/headers' };
const PART_NAME: Record<string, string> = { body: 'The request body', querystring: 'The query', params: 'The path', headers: 'The headers' };

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => (data) => {
  const part = httpPart ?? 'body';
  const prefix = PART_PREFIX[part] ?? '';
  const name = PART_NAME[part] ?? 'The request';
  const bad = unstorableText(data, prefix);
  if (bad.length > 0) return { error: new AppError('invalid-input', `${name} contains text that cannot be stored.`, bad) };
  const r = schema.safeParse(data);
  if (r.success) return { value: r.data };
  return { error: invalidInput(r.error.issues, name, prefix) };
};
