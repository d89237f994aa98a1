// `botpad evaluate FILE|- [--lang nl|en] [--settings FILE]` (clinical-rules.md §1): one Case in,
// one Evaluation out as JSON, exit 0. Anything wrong with the input (flags, unreadable file, bad
// JSON, invalid case or settings): exit 2, nothing on stdout, one problem document on stderr.
// Imports only the core and the error vocabulary so the command starts fast.
import { evaluate } from '../core/evaluate.js';
import type { Lang } from '../core/rule.js';
import { parseCase, parseSettings } from '../schema/case-input.js';
import { AppError, problem, type ProblemError } from '../schema/problem.js';

export interface EvaluateIo {
  stdin: NodeJS.ReadableStream;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (p: string) => Promise<string>;
}

const USAGE = 'usage: botpad evaluate FILE|- [--lang nl|en] [--settings FILE]';

interface Args {
  file: string;
  lang: Lang;
  settingsFile?: string;
}

function parseArgs(args: readonly string[]): Args | ProblemError[] {
  const errors: ProblemError[] = [];
  let file: string | undefined;
  let lang: Lang = 'nl';
  let settingsFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const take = (): string | undefined => (inline !== undefined ? inline : args[++i]);
    if (flag === '--lang') {
      const v = take();
      if (v === 'nl' || v === 'en') lang = v;
      else errors.push({ pointer: '', detail: `--lang must be nl or en, got ${v === undefined ? 'nothing' : `"${v}"`}` });
    } else if (flag === '--settings') {
      const v = take();
      if (v === undefined || v === '') errors.push({ pointer: '', detail: '--settings needs a file name' });
      else settingsFile = v;
    } else if (a.startsWith('-') && a !== '-') {
      errors.push({ pointer: '', detail: `unknown option "${a}"` });
    } else if (file === undefined) {
      file = a;
    } else {
      errors.push({ pointer: '', detail: `unexpected argument "${a}": give one case file` });
    }
  }
  if (file === undefined) errors.push({ pointer: '', detail: 'no case file given (use - for standard input)' });
  if (errors.length > 0) return errors;
  return settingsFile === undefined ? { file: file as string, lang } : { file: file as string, lang, settingsFile };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(what: string, path: string, io: EvaluateIo): Promise<unknown> {
  let text: string;
  try {
    text = path === '-' ? await readAll(io.stdin) : await io.readFile(path);
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : 'read error';
    throw new AppError('invalid-input', `Cannot read the ${what} (${reason}).`, [{ pointer: '', detail: `cannot read ${path === '-' ? 'standard input' : path}` }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError('invalid-input', `The ${what} is not valid JSON.`, [{ pointer: '', detail: e instanceof Error ? e.message : 'invalid JSON' }]);
  }
}

export async function runEvaluate(args: string[], io: EvaluateIo): Promise<number> {
  try {
    const parsed = parseArgs(args);
    if (Array.isArray(parsed)) throw new AppError('invalid-input', `Invalid command line. ${USAGE}`, parsed);
    const settings = parseSettings(parsed.settingsFile === undefined ? {} : await readJson('settings file', parsed.settingsFile, io));
    const c = parseCase(await readJson('case', parsed.file, io));
    io.stdout(JSON.stringify(evaluate(c, settings, parsed.lang), null, 2) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid-input') {
      io.stderr(JSON.stringify(problem(e.code, e.message, e.errors), null, 2) + '\n');
      return 2;
    }
    // Not an input problem: a bug. Still a problem document, never a half-written evaluation.
    io.stderr(JSON.stringify(problem('internal', e instanceof Error ? e.message : String(e)), null, 2) + '\n');
    return 1;
  }
}
