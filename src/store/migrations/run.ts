import { sql, type Kysely } from 'kysely';

/** PGlite's query path takes one statement at a time, so migrations list their statements. */
export async function runStatements(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
