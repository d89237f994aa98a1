// Fuzzing the whole API from its own OpenAPI document: every operation the document lists (so a new
// route is fuzzed the day it is added), with bodies, queries, path parameters and headers that are
// valid, almost valid or nonsense, full of NUL bytes and odd Unicode, sent anonymously and as every
// role. Whatever comes in: no 5xx, every error is a problem document, and a refused request changes
// no row in any table (the audit, sessions and the sign-in throttle excepted: they record refusals).
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { testApp } from './testing/test-app.js';
import { buildFixture } from './testing/fixture.js';
import { insertSession } from '../store/accounts.repo.js';
import { insertEntry } from '../store/record.repo.js';
import { sha256 } from '../services/auth.js';
import { Problem } from '../schema/problem.js';
import type { Role } from '../store/schema.js';

type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; required: boolean; schema: Schema }[];
  body?: Schema;
}

const t = await testApp('pglite');
const f = await buildFixture(t.store.db);
const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Schema>>; components?: { schemas?: Record<string, Schema> } };

/** Tables whose rows a refused request may add to: they exist to record refusals and sign-ins. */
const MAY_CHANGE = new Set(['audit_event', 'audit_seal', 'session', 'login_throttle', 'kysely_migration', 'kysely_migration_lock']);
const tables = (
  await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.store.db)
).rows
  .map((r) => r.name)
  .filter((n) => !MAY_CHANGE.has(n))
  .sort();

async function rowCounts(): Promise<Record<string, number>> {
  const q = tables.map((n) => `select '${n}' as name, count(*)::int as n from "${n}"`).join(' union all ');
  const r = await sql<{ name: string; n: number }>`${sql.raw(q)}`.execute(t.store.db);
  return Object.fromEntries(r.rows.map((x) => [x.name, x.n]));
}

const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod)
    .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
      return {
        method: method.toUpperCase(),
        path,
        params: ((op.parameters as Operation['params'] | undefined) ?? []).map((p) => ({ ...p, required: p.required })),
        ...(content?.['application/json']?.schema ? { body: content['application/json'].schema } : {}),
      };
    }),
);

// ---- Values ------------------------------------------------------------------------------------

const ODD = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\uffff', '\ufeff', '\u202eevil', '😀🦴', 'e\u0301', 'null', 'true', '-1', '1e309',
  '<script>alert(1)</script>', "'; drop table patient; --", '../../etc/passwd', '%00', '%ff', 'A'.repeat(300), '\r\nX-Injected: 1', '{}', '[]',
];
/** What a database or a text encoder cannot take as it is. */
const UNSTORABLE = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', 'ok\udbff'];
const oddString = fc.oneof(fc.constantFrom(...ODD), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
// A fact in patient A's record, so the routes on one entry reach past "no such entry".
const entry = await insertEntry(t.store.db, { patientId: f.patients.adultA, kind: 'weight', date: '2026-01-05', data: { kg: 61 }, source: 'clinician', by: f.users.nurse.id, organisationId: null });
// Courses in patient A's record, so the dose and stop routes reach the course's checks and the
// sequencing guardrail (denosumab with a dose, an infusion, a tablet) rather than "no such medication".
const courses = await Promise.all([
  insertEntry(t.store.db, { patientId: f.patients.adultA, kind: 'medication', date: '2026-01-05', data: { drug: 'denosumab', route: 'sc' }, source: 'clinician', by: f.users.physician.id, organisationId: null }),
  insertEntry(t.store.db, { patientId: f.patients.adultA, kind: 'medication', date: '2026-01-05', data: { drug: 'zoledronic-acid', route: 'iv' }, source: 'clinician', by: f.users.physician.id, organisationId: null }),
  insertEntry(t.store.db, { patientId: f.patients.adultA, kind: 'medication', date: '2026-01-05', data: { drug: 'alendronic-acid' }, source: 'clinician', by: f.users.physician.id, organisationId: null }),
]);
await insertEntry(t.store.db, { patientId: f.patients.adultA, kind: 'medication-dose', date: '2026-01-05', data: { drug: 'denosumab', medicationId: courses[0].entry_id }, source: 'clinician', by: f.users.nurse.id, organisationId: null });
const knownIds = [...Object.values(f.patients), ...Object.values(f.orgs), ...Object.values(f.users).map((u) => u.id), entry.entry_id, ...courses.map((c) => c.entry_id)];
const uuidish = fc.oneof(fc.constantFrom(...knownIds), fc.constantFrom(...knownIds.map((x) => x.toUpperCase())), fc.uuid());
const junk: fc.Arbitrary<unknown> = fc.oneof(oddString, fc.jsonValue({ maxDepth: 2 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

function resolve(s: Schema): Schema {
  const ref = s.$ref;
  if (typeof ref === 'string') return resolve(doc.components?.schemas?.[ref.split('/').at(-1) ?? ''] ?? {});
  return s;
}

/** Values the schema describes (mostly valid; refinements the document cannot state may fail). */
function fromSchema(raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alts) return fc.oneof(...alts.map((a) => fromSchema(a, depth + 1)));
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const type = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string | undefined];
  if (type.length > 1) return fc.oneof(...type.map((ty) => fromSchema({ ...s, type: ty }, depth + 1)));
  switch (type[0]) {
    case 'string':
      switch (s.format) {
        case 'uuid':
          return uuidish;
        case 'email':
          return fc.emailAddress();
        case 'date':
          return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
        case 'date-time':
          return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
        default:
          return fc.string({ minLength: Number(s.minLength ?? 0), maxLength: Math.min(Number(s.maxLength ?? 30), 30) });
      }
    case 'integer':
      return fc.integer({ min: Math.ceil(Number(s.minimum ?? -1000)), max: Math.floor(Number(s.maximum ?? 1000)) });
    case 'number': {
      // A number may have a fractional bound (a growth of at least 0.5 cm) and value.
      const min = Number(s.minimum ?? -1000);
      const max = Number(s.maximum ?? 1000);
      return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(fromSchema((s.items as Schema | undefined) ?? {}, depth + 1), { maxLength: 3 });
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = (s.required ?? []) as string[];
      if (depth > 4) return fc.constant({});
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v, depth + 1)])), { requiredKeys: required });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** `v` with one of its strings (found anywhere inside) replaced by `odd`. */
function withOddLeaf(v: unknown, pick: number, odd: string): unknown {
  const leaves: (string | number)[][] = [];
  const walk = (x: unknown, path: (string | number)[]) => {
    if (typeof x === 'string') leaves.push(path);
    else if (Array.isArray(x)) x.forEach((y, i) => walk(y, [...path, i]));
    else if (x !== null && typeof x === 'object') for (const [k, y] of Object.entries(x)) walk(y, [...path, k]);
  };
  walk(v, []);
  const at = leaves[pick % Math.max(1, leaves.length)];
  if (!at) return v;
  if (at.length === 0) return odd;
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[at.at(-1) ?? ''] = odd;
  return copy;
}

/** A valid value, or one bent out of shape: a string made odd, a field replaced, dropped or added. */
function bent(s: Schema): fc.Arbitrary<unknown> {
  const valid = fromSchema(s);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 4, arbitrary: fc.tuple(valid, fc.nat(50), fc.oneof(fc.constantFrom(...UNSTORABLE), fc.constantFrom(...ODD))).map(([v, i, odd]) => withOddLeaf(v, i, odd)) },
    {
      weight: 3,
      arbitrary: fc.tuple(valid, fc.nat(20), junk).map(([v, i, j]) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return j;
        const keys = Object.keys(v);
        if (keys.length === 0) return { [String(j)]: j };
        const copy = { ...(v as Record<string, unknown>) };
        const key = keys[i % keys.length] ?? '';
        if (i % 3 === 0) delete copy[key];
        else copy[key] = j;
        return copy;
      }),
    },
    { weight: 1, arbitrary: fc.tuple(valid, oddString, junk).map(([v, k, j]) => (v !== null && typeof v === 'object' ? { ...v, [k]: j } : v)) },
    { weight: 1, arbitrary: junk },
  );
}

/** A query or path value as it goes on the wire (already percent-encoded). */
const wire = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  try {
    return encodeURIComponent(s);
  } catch {
    // An unpaired surrogate cannot be percent-encoded as UTF-8: send the bytes a broken client would.
    return '%ED%A0%80';
  }
};
const rawEscapes = fc.constantFrom('%ED%A0%80', '%FF', '%00', '%', '%zz', '%C0%AF');

const ROLES: (Role | null)[] = [null, 'nurse', 'physician', 'physiotherapist', 'care-worker', 'admin', 'patient', 'caregiver'];

async function sessionFor(role: Role | null): Promise<string | undefined> {
  if (!role) return undefined;
  const token = randomBytes(24).toString('base64url');
  await insertSession(t.store.db, sha256(token), f.users[role].id, new Date(Date.now() + 3_600_000).toISOString());
  return `botpad_session=${token}`;
}

function requestFor(op: Operation) {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(...pathParams.map((p) => fc.oneof({ weight: 4, arbitrary: fromSchema(p.schema).map(wire) }, { weight: 1, arbitrary: oddString.map(wire) }, { weight: 1, arbitrary: rawEscapes })));
  const queryArb = fc.tuple(
    ...queryParams.map((p) =>
      fc.option(fc.oneof({ weight: 4, arbitrary: fromSchema(p.schema).map(wire) }, { weight: 1, arbitrary: oddString.map(wire) }, { weight: 1, arbitrary: rawEscapes }), {
        nil: undefined,
        freq: p.required ? 8 : 2,
      }),
    ),
  );
  const extraQuery = fc.option(fc.tuple(oddString.map(wire), oddString.map(wire)), { nil: undefined, freq: 6 });
  const bodyArb = op.body ? bent(op.body) : fc.option(junk, { nil: undefined, freq: 4 });
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', '', 'multipart/form-data; boundary=x') },
  );
  const headers = fc.record(
    {
      'x-request-id': fc.oneof(fc.constant('req-1'), fc.string({ maxLength: 300 }).filter((s) => /^[\x20-\x7e]*$/.test(s))),
      accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/problem+json', 'x/y;q=oops'),
      'accept-language': fc.constantFrom('nl', 'en', 'zz', '*'),
    },
    { requiredKeys: [] },
  );
  return fc.record({
    // Nurses and physicians may do the most, so their requests reach the deepest code: more of them.
    role: fc.oneof({ weight: 3, arbitrary: fc.constantFrom<Role | null>('nurse', 'physician') }, { weight: 4, arbitrary: fc.constantFrom(...ROLES) }),
    path: pathArb,
    query: queryArb,
    extraQuery,
    body: bodyArb,
    rawBody: fc.option(fc.constantFrom('', '{', '\u0000', '{"a":"\\ud800"}', 'null', '[]', '"x"', '{"__proto__":{"admin":true}}'), { nil: undefined, freq: 8 }),
    contentType,
    headers,
  });
}

afterAll(async () => {
  await t.close();
});

describe('fuzzing every operation of the OpenAPI document', () => {
  it('finds the operations in the document', () => {
    expect(operations.length).toBeGreaterThan(15);
    expect(tables).toEqual(expect.arrayContaining(['patient', 'app_user', 'one_time_code', 'patient_organisation', 'caregiver_link']));
    // The medication plan's routes are among them, with their course ids known to the fuzzer.
    const listed = operations.map((o) => `${o.method} ${o.path}`);
    expect(listed).toEqual(expect.arrayContaining([
      'POST /api/v1/patients/{id}/medications', 'GET /api/v1/patients/{id}/medications', 'GET /api/v1/patients/{id}/medication-safety',
      'POST /api/v1/patients/{id}/medications/{medicationId}/doses', 'PATCH /api/v1/patients/{id}/medications/{medicationId}', 'POST /api/v1/patients/{id}/planned-medications',
    ]));
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s', async (_name, op) => {
    await fc.assert(
      fc.asyncProperty(requestFor(op), async (r) => {
        let i = 0;
        const path = op.path.replace(/\{[^}]+\}/g, () => r.path[i++] ?? 'x');
        const q = op.params
          .filter((p) => p.in === 'query')
          .map((p, j) => (r.query[j] === undefined ? undefined : `${p.name}=${r.query[j] ?? ''}`))
          .filter((x): x is string => x !== undefined);
        if (r.extraQuery) q.push(`${r.extraQuery[0]}=${r.extraQuery[1]}`);
        const url = path + (q.length > 0 ? `?${q.join('&')}` : '');
        const cookie = await sessionFor(r.role);
        const hasBody = op.method !== 'GET' && op.method !== 'DELETE' && (r.body !== undefined || r.rawBody !== undefined);
        const payload = r.rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body));
        const before = await rowCounts();
        const res = await t.app.inject({
          method: op.method as 'GET',
          url,
          headers: { ...r.headers, ...(cookie ? { cookie } : {}), ...(hasBody && r.contentType ? { 'content-type': r.contentType } : {}) },
          ...(hasBody && payload !== undefined ? { payload } : {}),
        });
        const what = `${op.method} ${url} as ${String(r.role)} → ${String(res.statusCode)} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, what).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
          expect(Problem.safeParse(res.json()).success, what).toBe(true);
          expect(await rowCounts(), what).toEqual(before);
        }
      }),
      { numRuns: Number(process.env.BOTPAD_FUZZ_RUNS ?? 60), endOnFailure: true },
    );
  });
});
