// One process owns a PGlite data directory: a second opener silently loses rows. proper-lockfile
// guards the directory (a lock directory whose mtime the owner refreshes); beside it we record the
// owner's pid so that after a crash (SIGKILL) the next start takes the lock over at once instead of
// waiting for it to go stale, while a live owner is always refused.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly ownerPid: number | undefined) {
    super(
      `Another Botpad${ownerPid ? ` (process ${String(ownerPid)})` : ''} is already using the data directory ${dataDir}. ` +
        'Stop that one first, or point BOTPAD_DATA_DIR at another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface Owner {
  pid: number;
  host: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<Owner | undefined> {
  try {
    const o = JSON.parse(await readFile(file, 'utf8')) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? { pid: o.pid, host: o.host } : undefined;
  } catch {
    return undefined;
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

export async function lockDataDir(dataDir: string, onCompromised: (e: Error) => void): Promise<DataDirLock> {
  const dir = path.resolve(dataDir);
  await mkdir(path.dirname(dir), { recursive: true });
  const lockPath = dir + '.lock';
  const ownerFile = dir + '.owner';
  const options = {
    realpath: false,
    lockfilePath: lockPath,
    // PGlite's first start blocks the event loop for a few seconds, so the refresh may come late;
    // the pid check below, not staleness, is what lets a restart after a crash in quickly.
    stale: 15_000,
    update: 5_000,
    onCompromised,
  };
  // proper-lockfile takes over a lock whose refresh is more than `stale` late, and a live owner's
  // refresh is that late when its event loop is blocked long enough (PGlite's first start on a busy
  // machine). A live owner on this host is refused before staleness is ever looked at.
  const prior = await readOwner(ownerFile);
  if (prior && prior.host === hostname() && prior.pid !== process.pid && alive(prior.pid)) {
    throw new DataDirLockedError(dataDir, prior.pid);
  }
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
    const owner = await readOwner(ownerFile);
    const sameHost = owner?.host === hostname();
    if (owner && sameHost && owner.pid !== process.pid && !alive(owner.pid)) {
      // The owner is gone (crashed): its lock is stale whatever its mtime says.
      await rm(lockPath, { recursive: true, force: true });
      release = await lockfile.lock(dir, options);
    } else {
      throw new DataDirLockedError(dataDir, owner?.pid);
    }
  }
  await writeFile(ownerFile, JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner));
  return {
    async release() {
      await rm(ownerFile, { force: true });
      await release();
    },
  };
}
