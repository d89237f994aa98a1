// PGlite cannot promise crash safety the way a PostgreSQL server does (see README, "Your data"),
// so every embedded start first copies the data directory aside. The last few copies are kept.
import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const KEEP = 3;

export async function backupDataDir(dataDir: string, now = new Date()): Promise<string | undefined> {
  const dir = path.resolve(dataDir);
  try {
    if (!(await stat(path.join(dir, 'PG_VERSION'))).isFile()) return undefined;
  } catch {
    return undefined; // first start: nothing to keep yet
  }
  const backups = dir + '.backups';
  await mkdir(backups, { recursive: true });
  const target = path.join(backups, now.toISOString().replace(/[:.]/g, '-'));
  await cp(dir, target, { recursive: true });
  const all = (await readdir(backups)).sort();
  for (const old of all.slice(0, Math.max(0, all.length - KEEP))) {
    await rm(path.join(backups, old), { recursive: true, force: true });
  }
  return target;
}
