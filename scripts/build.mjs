// Compiles src/**/*.ts(x) to dist/ as ES modules, file by file (no bundling), in well under a second.
// Type checking is separate (`npm run typecheck`, part of the test command); this only transpiles,
// so `npm start` and `botpad evaluate` run plain compiled JavaScript.
// `botpad evaluate` is also bundled on its own into one minified file, dist/evaluate.mjs (the core
// and zod included, nothing of the server), which bin/botpad.js imports directly for that command:
// a short-lived process then reads and compiles one module instead of dozens.
import { build } from 'esbuild';
import { readdirSync, statSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
/** The bundled `botpad evaluate` command (see the top of this file). */
export const EVALUATE_BUNDLE = path.join(dist, 'evaluate.mjs');
const SKIP = /\.(test|cases|bench)\.tsx?$|\/testing\//;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !SKIP.test(p)) out.push(p);
  }
  return out;
}

/**
 * zod's `locales` namespace (`z.locales`, ~45 % of the bundle) holds every language's error
 * messages; Botpad only uses the English default, which zod registers from locales/en.js itself.
 * In the evaluate bundle the namespace is reduced to `en`, so the command does not compile the rest.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined);
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

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
  await build({
    entryPoints: [path.join(src, 'cli', 'evaluate-main.ts')],
    outfile: EVALUATE_BUNDLE,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [zodEnglishOnly],
  });
  writeFileSync(path.join(dist, '.build-stamp'), new Date().toISOString());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildDist();
}
