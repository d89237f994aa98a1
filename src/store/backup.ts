// PGlite cannot promise crash safety the way a PostgreSQL server does (see README, "Your data"),
// so every embedded start first copies the data directory aside. The last few copies are kept.
//
// The copy must never be what fills the disk: a full disk stops every write of the database it sits
// beside. So the free space is checked first, and a copy that fails half-way is removed. When there
// is no room, the start goes on without a copy (and says so): refusing to start would turn a
// nearly full disk into an outage for readers too, while the copy only protects against a machine
// crash, which a missing copy does not make more likely.
import { constants, type Dirent } from 'node:fs';
import { copyFile, cp, mkdir, readdir, rename, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';

const KEEP = 3;
const PARTIAL = '.partial';
/** Space left free after the copy, for the database's own writes (WAL segments are 16 MB each). */
export const DEFAULT_MARGIN_BYTES = 100 * 1024 * 1024;

export type BackupOutcome =
  | { kind: 'first-start' }
  | { kind: 'copied'; path: string }
  | { kind: 'skipped'; reason: string };

export interface BackupOptions {
  now?: Date;
  /** Free space that must remain after the copy. */
  marginBytes?: number;
  /** The file copy (a test passes one that fails as a full disk would). */
  copyFile?: (from: string, to: string, mode: number) => Promise<void>;
}

type CopyFile = NonNullable<BackupOptions['copyFile']>;

// fs.cp spends about as long in its own per-file checks as in copying (~1 000 files, 40 MB), and the
// copy is on the path of every start; a plain parallel copyFile walk takes half the time. FICLONE
// makes it a copy-on-write clone, nearly free, where the filesystem supports that.
async function copyTree(from: string, to: string, copy: CopyFile): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries: Dirent[] = await readdir(from, { withFileTypes: true });
  // Settled, not Promise.all: after a failure the copies still in flight must end before the partial
  // copy is removed, or they would write (and mkdir) into it again.
  const results = await Promise.allSettled(
    entries.map((e) => {
      const a = path.join(from, e.name);
      const b = path.join(to, e.name);
      if (e.isDirectory()) return copyTree(a, b, copy);
      if (e.isFile()) return copy(a, b, constants.COPYFILE_FICLONE);
      return cp(a, b, { recursive: true, verbatimSymlinks: true });
    }),
  );
  for (const r of results) if (r.status === 'rejected') throw r.reason;
}

/** Bytes the files under `dir` take (what a full copy needs when the filesystem cannot clone). */
async function treeBytes(dir: string): Promise<number> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  const sizes = await Promise.all(
    entries.map(async (e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return treeBytes(p);
      return e.isFile() ? (await stat(p)).size : 0;
    }),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

export async function backupDataDir(dataDir: string, opts: BackupOptions = {}): Promise<BackupOutcome> {
  const dir = path.resolve(dataDir);
  try {
    if (!(await stat(path.join(dir, 'PG_VERSION'))).isFile()) return { kind: 'first-start' };
  } catch {
    return { kind: 'first-start' }; // first start: nothing to keep yet
  }
  const backups = dir + '.backups';
  await mkdir(backups, { recursive: true });
  // Copies cut short (by a crash) are never taken for a backup, and their space is needed first.
  for (const old of (await readdir(backups)).filter((n) => n.endsWith(PARTIAL))) {
    await rm(path.join(backups, old), { recursive: true, force: true });
  }
  const need = await treeBytes(dir);
  const fsInfo = await statfs(backups);
  const free = fsInfo.bavail * fsInfo.bsize;
  const margin = opts.marginBytes ?? DEFAULT_MARGIN_BYTES;
  if (need + margin > free) {
    return {
      kind: 'skipped',
      reason: `only ${mb(free)} free on the disk of ${backups}; the copy needs ${mb(need)} and ${mb(margin)} must stay free`,
    };
  }
  const target = path.join(backups, (opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-'));
  // Copied under another name first, so that a copy cut short by a crash is never taken for a backup.
  try {
    await copyTree(dir, target + PARTIAL, opts.copyFile ?? copyFile);
  } catch (e) {
    await rm(target + PARTIAL, { recursive: true, force: true });
    if (isDiskFull(e)) return { kind: 'skipped', reason: `the disk of ${backups} filled up during the copy; the partial copy was removed` };
    throw e;
  }
  await rename(target + PARTIAL, target);
  const complete = (await readdir(backups)).filter((n) => !n.endsWith(PARTIAL)).sort();
  for (const old of complete.slice(0, Math.max(0, complete.length - KEEP))) {
    await rm(path.join(backups, old), { recursive: true, force: true });
  }
  return { kind: 'copied', path: target };
}
