// Seeding: the demo set on first start, and synthetic patients in bulk for benchmarks. Synthetic
// patients follow a fixed-seed random stream, so two runs with the same N give the same people.
import { holdMigrationLock, inTransaction, type Db } from '../store/db.js';
import { readMeta, writeMeta } from '../store/meta.repo.js';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PATIENTS } from '../demo/demo-data.js';
import { insertUser } from '../store/accounts.repo.js';
import { hashPassword } from './auth.js';
import { splitFamilyName } from '../core/names.js';

export const PATHWAY_STAGES = [
  'case-finding', 'diagnostics', 'assessment', 'decision', 'treatment', 'exercise-therapy',
  'follow-up', 'handed-over', 'children',
] as const;

/**
 * Loads the demo set once; returns false when it was already there. Several processes starting
 * together on an empty database all call this: under the migration lock, the first loads the set
 * and the others, waiting for it, then find the flag it committed.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return inTransaction(db, async (trx) => {
    await holdMigrationLock(trx);
    if ((await readMeta(trx, 'demo')) === 'true') return false;
    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) {
      const row = await trx
        .insertInto('organisation')
        .values({ kind: o.kind, name: o.name, phone: o.phone })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(o.key, row.id);
      await writeMeta(trx, `demo-org:${o.key}`, row.id);
    }
    const patientIds: string[] = [];
    for (const p of DEMO_PATIENTS) {
      const row = await trx
        .insertInto('patient')
        .values({
          family_name: p.familyName,
          family_name_prefix: p.familyNamePrefix ?? null,
          given_name: p.givenName,
          birth_date: p.birthDate,
          sex: p.sex,
          bsn: p.bsn ?? null,
          phone: null,
          email: null,
          gp_practice: 'Huisartsenpraktijk Lindelaan (demo)',
          pathway_stage: p.stage,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      patientIds.push(row.id);
      for (const link of p.orgs) {
        await trx
          .insertInto('patient_organisation')
          .values({ patient_id: row.id, organisation_id: orgIds.get(link.org) ?? '', relation: link.relation })
          .execute();
      }
    }
    for (const a of DEMO_ACCOUNTS) {
      const patientId = a.patient === undefined ? null : (patientIds[a.patient] ?? null);
      const id = await insertUser(trx, {
        role: a.role,
        organisationId: a.org ? (orgIds.get(a.org) ?? null) : null,
        patientId: a.role === 'patient' ? patientId : null,
        email: a.email,
        displayName: a.displayName,
        passwordHash,
        status: 'active',
      });
      // Written with the demo's patient rows above, like their organisation links: the demo seed
      // is no use case of anyone's and stays out of the patient repository (access.ts only).
      if (a.role === 'caregiver' && patientId) {
        await trx
          .insertInto('caregiver_link')
          .values({ caregiver_user_id: id, patient_id: patientId, relation: a.relation ?? 'parent', created_by: null })
          .execute();
      }
    }
    await writeMeta(trx, 'demo', 'true');
    return true;
  });
}

/** A small, fast, seedable PRNG (mulberry32): reproducible synthetic data without a dependency. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN_F = ['Anna', 'Maria', 'Johanna', 'Sophie', 'Emma', 'Ingrid', 'Fatma', 'Els', 'Greet', 'Noor', 'Yvonne', 'Petra'];
const GIVEN_M = ['Jan', 'Kees', 'Willem', 'Ahmed', 'Henk', 'Piet', 'Gerrit', 'Luuk', 'Ruud', 'Mohamed', 'Bram', 'Theo'];
const FAMILY = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Yilmaz', 'Kaya'];

/** One synthetic person: ages mostly 50–95 (skewed older, 70 % women), 5 % children for the EMB module. */
export function syntheticPatient(r: () => number, asOfYear: number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const child = r() < 0.05;
  const sex: 'female' | 'male' = child ? (r() < 0.5 ? 'female' : 'male') : r() < 0.7 ? 'female' : 'male';
  const age = child ? 2 + Math.floor(r() * 16) : 50 + Math.floor(45 * Math.sqrt(r()));
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const stage = child ? 'children' : pick(PATHWAY_STAGES.filter((s) => s !== 'children'));
  const family = splitFamilyName(pick(FAMILY));
  return {
    family_name: family.familyName,
    family_name_prefix: family.prefix === '' ? null : family.prefix,
    given_name: pick(sex === 'female' ? GIVEN_F : GIVEN_M),
    birth_date: `${String(asOfYear - age)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sex,
    bsn: null,
    phone: null,
    email: null,
    gp_practice: null,
    pathway_stage: stage,
  };
}

/** Inserts N synthetic patients in batches, each linked to the first hospital (created if none). */
export async function seedPatients(db: Db, n: number, opts: { seed?: number; asOfYear: number; batch?: number }): Promise<number> {
  const r = prng(opts.seed ?? 42);
  const batch = opts.batch ?? 500;
  let org = await db.selectFrom('organisation').select('id').where('kind', '=', 'hospital').orderBy('created_at').executeTakeFirst();
  org ??= await db
    .insertInto('organisation')
    .values({ kind: 'hospital', name: 'Synthetisch ziekenhuis', phone: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  let done = 0;
  while (done < n) {
    const size = Math.min(batch, n - done);
    const rows = Array.from({ length: size }, () => syntheticPatient(r, opts.asOfYear));
    await db.transaction().execute(async (trx) => {
      const ids = await trx.insertInto('patient').values(rows).returning('id').execute();
      await trx
        .insertInto('patient_organisation')
        .values(ids.map((i) => ({ patient_id: i.id, organisation_id: org.id, relation: 'care' as const })))
        .execute();
    });
    done += size;
    // PGlite runs on this thread: yield so signals and the data-directory lock refresh get a turn.
    await new Promise((r) => setImmediate(r));
  }
  return done;
}
