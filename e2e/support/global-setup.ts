// Builds dist/ once for the whole browser run. Every spec file starts its own `botpad start`
// (server.ts), which rebuilds a stale dist/ itself; several starting at once must not all rebuild
// into the same directory, so the build happens here first and they find it fresh.
//
// Then one first `botpad start` creates, migrates and seeds a database with the demo data, and
// stops: each spec file's Botpad starts on a copy of it (server.ts). Seeding is most of a first
// start, and it was done once per spec file, twenty times over, for the same demo data. The first
// start, with its seeding, is still the real one a user gets; the files' starts are the restart.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { removeDataDir, startServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The stopped, seeded data directory every spec file's Botpad starts a copy of. */
    e2eSeededDataDir: string;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function setup(project: TestProject): Promise<() => void> {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr || r.stdout || String(r.error)}`);
  const seeded = await startServer({ keep: true });
  await seeded.stop();
  project.provide('e2eSeededDataDir', seeded.dataDir);
  return () => {
    removeDataDir(seeded.dataDir);
  };
}
