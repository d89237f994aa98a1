// Server-side prepared statements for PostgreSQL, chosen automatically.
//
// Why: each unnamed statement makes PostgreSQL parse, analyse and plan it again. For the statements
// of a record read that is ≈ 250–300 µs of server CPU each; prepared, ≈ 30–60 µs (measured on
// PostgreSQL 15, see bench/README.md). Kysely sends every statement unnamed, so this pool hands it
// clients that name a statement once its text has been sent `threshold` times by this process: the
// same rule pgJDBC uses (prepareThreshold, default 5). One-off texts (an `in (…)` list of a new
// length, a bulk insert) stay unnamed, and the number of names is capped, so the server keeps a
// bounded set of plans per connection.
//
// A plan can go stale when the schema changes under a running process (another process migrating):
// PostgreSQL then refuses with "cached plan must not change result type". The client that saw it is
// destroyed instead of returned to the pool (its other plans are suspect too) and, outside a
// transaction, the statement is sent once more, unnamed, on that same connection, so the caller sees
// nothing. Inside a transaction the transaction has already failed; the error is passed on.
//
// Connection poolers in transaction mode (PgBouncer before 1.21) do not keep prepared statements:
// BOTPAD_PG_PREPARE=0 switches this off (maxStatements 0: the same wrapper, nothing prepared).
//
// The wrapper is also where a client whose connection failed is destroyed instead of returned.
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { classifyFault } from './faults.js';

export interface PrepareOptions {
  /** Sends of one text before it is prepared. */
  threshold?: number;
  /** Most texts this process prepares. */
  maxStatements?: number;
  /** Longer texts are never prepared (bulk inserts). */
  maxLength?: number;
}

/** What the pool has done, for tests and diagnostics. */
export interface PrepareStats {
  readonly prepared: number;
  readonly staleRecoveries: number;
}

interface TextState {
  sends: number;
  name: string | undefined;
}

const STALE_PLAN = '0A000'; // feature_not_supported: "cached plan must not change result type"

export function preparingPool(pool: pg.Pool, opts: PrepareOptions = {}): PostgresPool & { stats(): PrepareStats } {
  const threshold = opts.threshold ?? 5;
  const maxStatements = opts.maxStatements ?? 200;
  const maxLength = opts.maxLength ?? 8192;
  const texts = new Map<string, TextState>();
  let prepared = 0;
  let staleRecoveries = 0;
  // Counting stops for new texts once the map is this large, so one-off texts cannot grow it forever.
  const maxTracked = maxStatements * 20;

  function nameFor(text: string): string | undefined {
    let st = texts.get(text);
    if (st === undefined) {
      if (texts.size >= maxTracked || text.length > maxLength) return undefined;
      st = { sends: 0, name: undefined };
      texts.set(text, st);
    }
    if (st.name !== undefined) return st.name;
    st.sends += 1;
    if (st.sends >= threshold && prepared < maxStatements) {
      prepared += 1;
      st.name = `botpad_${String(prepared)}`;
    }
    return st.name;
  }

  function wrap(client: pg.PoolClient): PostgresPoolClient {
    let inTransaction = false;
    let destroy = false;
    const run = async (text: string, values: unknown[]) => {
      const name = nameFor(text);
      const head = text.slice(0, 8).toLowerCase();
      if (head.startsWith('begin') || head.startsWith('start')) inTransaction = true;
      try {
        return name === undefined ? await client.query(text, values) : await client.query({ name, text, values });
      } catch (e) {
        // A connection that broke (or whose server is going away) is never handed out again.
        if (classifyFault(e)?.kind === 'unreachable') destroy = true;
        if (name === undefined || (e as { code?: string }).code !== STALE_PLAN) throw e;
        destroy = true;
        staleRecoveries += 1;
        if (inTransaction) throw e;
        return client.query(text, values);
      } finally {
        if (head.startsWith('commit') || head.startsWith('rollback') || head.startsWith('end')) inTransaction = false;
      }
    };
    return {
      query: ((sqlOrCursor: unknown, parameters?: readonly unknown[]) => {
        // Kysely streams through a cursor object; those pass through untouched.
        if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as pg.Submittable);
        return run(sqlOrCursor, parameters ? [...parameters] : []) as Promise<PostgresQueryResult<unknown>>;
      }) as PostgresPoolClient['query'],
      release: () => {
        client.release(destroy);
      },
    };
  }

  return {
    // Kysely reads the pool's options to cancel a statement from a second connection; Botpad
    // cancels none (no abort signals), so it needs no client class for that.
    options: pool.options,
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
    stats: () => ({ prepared, staleRecoveries }),
  };
}
