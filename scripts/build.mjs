// Compiles src/**/*.ts(x) to dist/ as ES modules, file by file (no bundling), in well under a second.
// Type checking is separate (`npm run typecheck`, part of the test command); this only transpiles,
// so `npm start` and `botpad evaluate` run plain compiled JavaScript.
import { build } from 'esbuild';
import { readdirSync, statSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const SKIP = /\.(test|cases|bench)\.tsx?$|\/testing\//;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !SKIP.test(p)) out.push(p);
  }
  return out;
}

export async function buildDist() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: walk(src),
    outdir: dist,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  writeFileSync(path.join(dist, '.build-stamp'), new Date().toISOString());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildDist();
}
