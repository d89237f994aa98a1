// src/store/schema.ts is written by hand (it keeps the literal unions the CHECK constraints allow);
// this test keeps it honest. It runs every migration (the test store is migrated from empty), reads
// the tables and columns back from information_schema on PGlite and PostgreSQL 15, and compares
// them with what Kysely's `Selectable<…>` of each table in `Database` says, by the TypeScript
// compiler's own reading of schema.ts: the same tables, the same columns, a matching type, and
// null allowed exactly where the database allows it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './db.js';
import { freshStore, STORE_KINDS } from './testing/stores.js';

type Kind = 'string' | 'number' | 'boolean' | 'json' | 'other';
interface Column {
  kind: Kind;
  nullable: boolean;
}
type Tables = Record<string, Record<string, Column>>;

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** What schema.ts declares, as the compiler resolves `Selectable<Database[table]>`. */
function declaredTables(schemaFile = path.join(HERE, 'schema.ts')): Tables {
  const probe = path.join(HERE, '__schema_probe__.ts');
  const probeText = `import type { Selectable } from 'kysely';
import type { Database } from './${path.basename(schemaFile).replace(/\.ts$/, '.js')}';
export type Rows = { [T in keyof Database]: Selectable<Database[T]> };\n`;
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true, types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.fileExists = (f) => f === probe || fileExists(f);
  host.readFile = (f) => (f === probe ? probeText : readFile(f));
  host.getSourceFile = (f, lang, ...rest) => (f === probe ? ts.createSourceFile(f, probeText, lang) : getSourceFile(f, lang, ...rest));
  const program = ts.createProgram([probe], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probe);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const rows = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'Rows');
  if (!source || !rows) throw new Error('could not read schema.ts');
  const rowsType = checker.getDeclaredTypeOfSymbol(rows);
  const kindOf = (t: ts.Type): Column => {
    const parts = t.isUnion() ? t.types : [t];
    const nullable = parts.some((p) => (p.flags & ts.TypeFlags.Null) !== 0);
    const kinds = new Set<Kind>(
      parts
        .filter((p) => (p.flags & ts.TypeFlags.Null) === 0)
        .map((p) =>
          p.flags & ts.TypeFlags.StringLike ? 'string'
          : p.flags & ts.TypeFlags.NumberLike ? 'number'
          : p.flags & ts.TypeFlags.BooleanLike ? 'boolean'
          : p.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Object) ? 'json'
          : 'other'),
    );
    return { kind: kinds.size === 1 ? ([...kinds][0] ?? 'other') : 'other', nullable };
  };
  const tables: Tables = {};
  for (const table of checker.getPropertiesOfType(rowsType)) {
    const tableType = checker.getTypeOfSymbolAtLocation(table, source);
    tables[table.name] = Object.fromEntries(checker.getPropertiesOfType(tableType).map((c) => [c.name, kindOf(checker.getTypeOfSymbolAtLocation(c, source))]));
  }
  return tables;
}

/** How each database type comes back through the drivers (store/parsers.ts: int8, dates and timestamps as text). */
const DB_KIND: Record<string, Kind> = {
  text: 'string', uuid: 'string', date: 'string', 'timestamp with time zone': 'string', 'timestamp without time zone': 'string', bigint: 'string',
  'character varying': 'string', inet: 'string', integer: 'number', smallint: 'number', boolean: 'boolean', json: 'json', jsonb: 'json',
};

/** What the migrated database holds (Kysely's own bookkeeping tables left out). */
async function databaseTables(store: Store): Promise<Tables> {
  const r = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>`
    select table_name, column_name, data_type, is_nullable from information_schema.columns
     where table_schema = 'public' and table_name not like 'kysely_migration%'
     order by table_name, ordinal_position`.execute(store.db);
  const tables: Tables = {};
  for (const c of r.rows) {
    (tables[c.table_name] ??= {})[c.column_name] = { kind: DB_KIND[c.data_type] ?? 'other', nullable: c.is_nullable === 'YES' };
  }
  return tables;
}

describe('schema.ts as the compiler reads it', () => {
  it('reads kinds and nullability of columns', () => {
    const t = declaredTables();
    expect(t.patient?.merged_into).toEqual({ kind: 'string', nullable: true });
    expect(t.app_user?.role).toEqual({ kind: 'string', nullable: false });
    expect(t.patient_revision?.id).toEqual({ kind: 'number', nullable: false });
    expect(t.caregiver_link?.withdrawn_at).toEqual({ kind: 'string', nullable: true });
    expect(t.kept_form?.pairs).toEqual({ kind: 'json', nullable: false });
  });
});

describe.each(STORE_KINDS)('schema.ts against the migrated database on %s', (kind) => {
  let store: Store;
  let declared: Tables;
  beforeAll(async () => {
    store = await freshStore(kind);
    declared = declaredTables();
  });
  afterAll(async () => {
    await store.close();
  });

  it('has the same tables, columns, types and nullability', async () => {
    const actual = await databaseTables(store);
    expect(Object.values(actual).flatMap((cols) => Object.values(cols)).filter((c) => c.kind === 'other')).toEqual([]);
    expect(declared).toEqual(actual);
  });
});
