import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { runEvaluate } from './evaluate.js';

const CASE = { asOf: '2026-11-23', person: { birthDate: '1950-05-01', sex: 'female', menopause: { status: 'post' } },
  dxa: [{ date: '2026-10-01', site: 'total-hip', tScore: -2.7 }] };

async function run(args: string[], files: Record<string, string> = {}, stdin = '') {
  let out = '';
  let err = '';
  const code = await runEvaluate(args, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: (s) => { out += s; },
    stderr: (s) => { err += s; },
    readFile: async (p) => {
      if (p in files) return files[p] as string;
      if (p === 'bench/full-case.json') return readFile(new URL('../../bench/full-case.json', import.meta.url), 'utf8');
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    },
  });
  return { code, out, err };
}

describe('botpad evaluate (§1)', () => {
  it('prints the evaluation and exits 0', async () => {
    const r = await run(['case.json'], { 'case.json': JSON.stringify(CASE) });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const e = JSON.parse(r.out);
    expect(e.asOf).toBe('2026-11-23');
    expect(e.conclusions.find((c: { code: string }) => c.code === 'bmd.category').explanation.patient).toContain('−2,7');
  });

  it('reads standard input with -, honours --lang and --settings', async () => {
    const r = await run(['-', '--lang', 'en', '--settings', 's.json'], { 's.json': '{"fractureSitePolicy":"hands-feet-excluded"}' }, JSON.stringify(CASE));
    expect(r.code).toBe(0);
    const e = JSON.parse(r.out);
    expect(e.settingsUsed.fractureSitePolicy).toBe('hands-feet-excluded');
    expect(e.conclusions.find((c: { code: string }) => c.code === 'bmd.category').explanation.patient).toContain('Your lowest T-score is −2.7');
  });

  it('evaluates the full bench case', async () => {
    const r = await run(['bench/full-case.json', '--lang=en']);
    expect(r.code).toBe(0);
  });

  it.each([
    ['invalid case', ['c.json'], { 'c.json': JSON.stringify({ ...CASE, asOf: '2027-02-29', labs: [{ test: 'calcium', value: 9, unit: 'mg/L', date: '2026-01-01' }] }) }, ['/asOf', '/labs/0/unit']],
    ['bad JSON', ['c.json'], { 'c.json': '{"asOf":' }, ['']],
    ['unreadable file', ['missing.json'], {}, ['']],
    ['bad --lang', ['c.json', '--lang', 'de'], { 'c.json': JSON.stringify(CASE) }, ['']],
    ['unknown flag', ['c.json', '--verbose'], { 'c.json': JSON.stringify(CASE) }, ['']],
    ['no file', [], {}, ['']],
    ['invalid settings', ['c.json', '--settings', 's.json'], { 'c.json': JSON.stringify(CASE), 's.json': '{"fractureSitePolicy":"none"}' }, ['/fractureSitePolicy']],
  ] as const)('%s: exit 2, problem on stderr, nothing on stdout', async (_name, args, files, pointers) => {
    const r = await run([...args], { ...files });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const p = JSON.parse(r.err);
    expect(p.type).toBe('/problems/invalid-input');
    expect(p.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining([...pointers]));
  });
});
