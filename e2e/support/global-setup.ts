// Builds dist/ once for the whole browser run. Every spec file starts its own `botpad start`
// (server.ts), which rebuilds a stale dist/ itself; several starting at once must not all rebuild
// into the same directory, so the build happens here first and they find it fresh.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export default function setup(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr || r.stdout || String(r.error)}`);
}
