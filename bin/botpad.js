#!/usr/bin/env node
// Entry point for `npx botpad` and `npm start`. Runs the compiled JavaScript in dist/; when dist is
// missing or older than src (a fresh clone, or after editing), it is rebuilt first (under a second).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Botpad runs on Node.js 24 LTS, installed with the other dependencies (the npm package `node`).
// `npm start` and `npm test` put that Node first on the PATH; `npx botpad` and a plain
// `node bin/botpad.js` may start on the machine's own, older Node, so hand over to Node 24 here.
const REQUIRED_MAJOR = 24;
if (Number(process.versions.node.split('.')[0]) < REQUIRED_MAJOR) {
  const local = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(local)) {
    console.error(`Botpad needs Node.js ${REQUIRED_MAJOR} or newer (this is ${process.version}); run \`npm ci\` to install it with the rest.`);
    process.exit(1);
  }
  const { spawn } = await import('node:child_process');
  const child = spawn(local, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C and a service manager's SIGTERM reach the real server, which shuts down cleanly.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  await new Promise(() => undefined);
}
const stamp = path.join(root, 'dist', '.build-stamp');

function newestSource(dir) {
  let newest = 0;
  // Directory entries say which are folders, so only files are stat'ed (this runs on every start).
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const srcDir = path.join(root, 'src');
const stale = !existsSync(stamp) || (existsSync(srcDir) && newestSource(srcDir) > statSync(stamp).mtimeMs);
if (stale) {
  if (!existsSync(path.join(root, 'scripts', 'build.mjs'))) {
    console.error('Botpad is not built and cannot build itself here: run `npm ci` first.');
    process.exit(1);
  }
  const { buildDist } = await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href);
  await buildDist();
}
const argv = process.argv.slice(2);
// `evaluate` runs its own bundle (one file: the core and zod, nothing of the server), built with
// the rest of dist/ by scripts/build.mjs; dist/cli/main.js runs the same code when it is absent.
const bundle = path.join(root, 'dist', 'evaluate.mjs');
if (argv[0] === 'evaluate' && existsSync(bundle)) {
  const { main } = await import(pathToFileURL(bundle).href);
  process.exitCode = await main(argv.slice(1));
} else {
  const { main } = await import(pathToFileURL(path.join(root, 'dist', 'cli', 'main.js')).href);
  process.exitCode = await main(argv);
}
