import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDataDir } from './backup.js';

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
    expect(await backupDataDir(path.join(base, 'none'))).toBeUndefined();
  });

  it('copies the whole directory, keeps the last three, and drops copies cut short', async () => {
    const data = path.join(base, 'data');
    mkdirSync(path.join(data, 'base', '5'), { recursive: true });
    writeFileSync(path.join(data, 'PG_VERSION'), '17\n');
    writeFileSync(path.join(data, 'base', '5', '1259'), Buffer.alloc(3 * 8192, 7));
    for (let i = 0; i < 50; i++) writeFileSync(path.join(data, 'base', '5', String(10_000 + i)), `page ${String(i)}`);
    mkdirSync(path.join(data, 'pg_notify'));
    mkdirSync(path.join(data + '.backups', '2000-01-01T00-00-00-000Z.partial'), { recursive: true });

    const copies: string[] = [];
    for (let i = 0; i < 4; i++) {
      writeFileSync(path.join(data, 'pg_wal'), `wal ${String(i)}`);
      const copy = await backupDataDir(data, new Date(Date.UTC(2026, 10, 23, 12, 0, i)));
      expect(copy).toBeDefined();
      expect(tree(copy as string)).toEqual(tree(data));
      copies.push(copy as string);
    }
    expect(readdirSync(data + '.backups').sort()).toEqual(copies.slice(1).map((c) => path.basename(c)));
    expect(readdirSync(path.join(copies[3] as string, 'pg_notify'))).toEqual([]);
    expect(readFileSync(path.join(copies[1] as string, 'pg_wal'), 'utf8')).toBe('wal 1');
  });
});
