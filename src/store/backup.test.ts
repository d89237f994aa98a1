import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDataDir, type BackupOutcome } from './backup.js';

const copiedPath = (b: BackupOutcome): string => {
  if (b.kind !== 'copied') throw new Error(`expected a copy, got ${JSON.stringify(b)}`);
  return b.path;
};

function fakeDataDir(data: string): void {
  mkdirSync(path.join(data, 'base', '5'), { recursive: true });
  writeFileSync(path.join(data, 'PG_VERSION'), '17\n');
  writeFileSync(path.join(data, 'base', '5', '1259'), Buffer.alloc(3 * 8192, 7));
  for (let i = 0; i < 50; i++) writeFileSync(path.join(data, 'base', '5', String(10_000 + i)), `page ${String(i)}`);
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}

describe('backupDataDir', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'botpad-backup-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('makes nothing on a first start', async () => {
    expect(await backupDataDir(path.join(base, 'none'))).toEqual({ kind: 'first-start' });
  });

  it('copies the whole directory, keeps the last three, and drops copies cut short', async () => {
    const data = path.join(base, 'data');
    fakeDataDir(data);
    mkdirSync(path.join(data, 'pg_notify'));
    mkdirSync(path.join(data + '.backups', '2000-01-01T00-00-00-000Z.partial'), { recursive: true });

    const copies: string[] = [];
    for (let i = 0; i < 4; i++) {
      writeFileSync(path.join(data, 'pg_wal'), `wal ${String(i)}`);
      const copy = copiedPath(await backupDataDir(data, { now: new Date(Date.UTC(2026, 10, 23, 12, 0, i)) }));
      expect(tree(copy)).toEqual(tree(data));
      copies.push(copy);
    }
    expect(readdirSync(data + '.backups').sort()).toEqual(copies.slice(1).map((c) => path.basename(c)));
    expect(readdirSync(path.join(copies[3] as string, 'pg_notify'))).toEqual([]);
    expect(readFileSync(path.join(copies[1] as string, 'pg_wal'), 'utf8')).toBe('wal 1');
  });

  it('does not copy when the copy would leave less than the margin free, and says why', async () => {
    const data = path.join(base, 'tight');
    fakeDataDir(data);
    const free = statfsSync(base).bavail * statfsSync(base).bsize;
    // The real free space of this disk, with a margin that does not fit in it.
    const b = await backupDataDir(data, { marginBytes: free + 1 });
    expect(b.kind).toBe('skipped');
    expect(b.kind === 'skipped' && b.reason).toMatch(/free on the disk of .*tight\.backups; the copy needs \d+ MB/);
    expect(readdirSync(data + '.backups')).toEqual([]);
  });

  it('removes a copy that failed half-way for a full disk, keeps the older copies, and reports it', async () => {
    const data = path.join(base, 'filling');
    fakeDataDir(data);
    const older = copiedPath(await backupDataDir(data, { now: new Date(Date.UTC(2026, 10, 23, 12, 0, 0)) }));
    let copied = 0;
    // The disk fills up after ten files, as a real ENOSPC from write(2) would surface in copyFile.
    const filling = async (from: string, to: string, mode: number) => {
      if (++copied > 10) throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC', syscall: 'copyfile' });
      await copyFile(from, to, mode);
    };
    const b = await backupDataDir(data, { now: new Date(Date.UTC(2026, 10, 23, 12, 0, 1)), copyFile: filling });
    expect(b).toEqual({ kind: 'skipped', reason: expect.stringMatching(/filled up during the copy; the partial copy was removed/) as unknown });
    expect(copied).toBeGreaterThan(10);
    expect(readdirSync(data + '.backups')).toEqual([path.basename(older)]);
  });

  it('still fails the start on a copy error that is not a full disk, leaving no partial copy', async () => {
    const data = path.join(base, 'denied');
    fakeDataDir(data);
    const denied = () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    await expect(backupDataDir(data, { copyFile: denied })).rejects.toMatchObject({ code: 'EACCES' });
    expect(readdirSync(data + '.backups')).toEqual([]);
  });
});
