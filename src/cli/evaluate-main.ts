// The `botpad evaluate` process: runEvaluate wired to this process's stdin, stdout, stderr and files.
// scripts/build.mjs also bundles this file with everything it imports (the core, zod) into one
// minified dist/evaluate.mjs, which bin/botpad.js loads directly for `evaluate`: one module to read
// and compile instead of dozens, and nothing of the server (clinical-rules.md §1 is unchanged).
import { readFile } from 'node:fs/promises';
import { runEvaluate } from './evaluate.js';

/** `args` are the words after `evaluate`; resolves to the exit code. */
export function main(args: string[]): Promise<number> {
  return runEvaluate(args, {
    // A getter: touching process.stdin sets up a stream, which only `evaluate -` needs.
    get stdin() {
      return process.stdin;
    },
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: (p) => readFile(p, 'utf8'),
  });
}
