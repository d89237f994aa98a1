// Request validation with zod: one schema validates, types the handler and documents the route.
// Unlike the provider's default compiler, every issue (unknown fields included) becomes its own
// { pointer, detail }, and the pointer says which part of the request it is in.
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { invalidInput } from '../schema/problem.js';

const PART_PREFIX: Record<string, string> = { body: '', querystring: '/query', params: '/params', headers: '/headers' };
const PART_NAME: Record<string, string> = { body: 'The request body', querystring: 'The query', params: 'The path', headers: 'The headers' };

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => (data) => {
  const r = schema.safeParse(data);
  if (r.success) return { value: r.data };
  const part = httpPart ?? 'body';
  return { error: invalidInput(r.error.issues, PART_NAME[part] ?? 'The request', PART_PREFIX[part] ?? '') };
};
