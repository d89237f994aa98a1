// What counts as a database outage. The errors are shaped as pg, pg-pool, PGlite and Node raise them
// (code, syscall, message, cause); the fault tests (src/cli/db-faults.test.ts,
// src/api/disk-full.test.ts) meet the real ones.
import { describe, expect, it } from 'vitest';
import { classifyFault, DISK_FULL_MEMORY_MS, FaultMemory, isWrite } from './faults.js';
import { toProblem } from '../api/problem-mapping.js';

const err = (message: string, props: Record<string, unknown> = {}) => Object.assign(new Error(message), props);

describe('classifyFault', () => {
  it.each([
    ['server gone (TCP)', err('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect' })],
    ['server gone (Unix socket)', err('connect ENOENT /run/postgresql/.s.PGSQL.5432', { code: 'ENOENT', syscall: 'connect' })],
    ['connection reset', err('read ECONNRESET', { code: 'ECONNRESET', syscall: 'read' })],
    ['connection ended', err('Connection terminated unexpectedly')],
    ['connect timeout', err('Connection terminated due to connection timeout', { cause: err('Connection terminated unexpectedly') })],
    ['pool wait timeout', err('timeout exceeded when trying to connect')],
    ['broken client reused', err('Client has encountered a connection error and is not queryable')],
    ['admin shutdown', err('terminating connection due to administrator command', { code: '57P01' })],
    ['crash shutdown', err('terminating connection because of crash of another server process', { code: '57P02' })],
    ['starting up', err('the database system is starting up', { code: '57P03' })],
    ['connection failure class 08', err('connection failure', { code: '08006' })],
    ['several addresses refused', new AggregateError([err('connect ECONNREFUSED ::1:5432', { code: 'ECONNREFUSED' })], 'connect failed')],
  ])('%s is the database being unreachable', (_name, e) => {
    expect(classifyFault(e)?.kind).toBe('unreachable');
  });

  it.each([
    ['PostgreSQL disk_full', err('could not extend file "base/5/16384": No space left on device', { code: '53100' }), 'the database disk is full'],
    ['Node ENOSPC', err('ENOSPC: no space left on device, write', { code: 'ENOSPC', syscall: 'write' }), "the server's disk is full"],
    ['quota', err('EDQUOT: disk quota exceeded', { code: 'EDQUOT' }), "the server's disk is full"],
  ])('%s is a full disk', (_name, e, cause) => {
    expect(classifyFault(e)).toEqual({ kind: 'disk-full', cause });
  });

  it.each([
    ['unique violation', err('duplicate key value violates unique constraint', { code: '23505' })],
    ['missing file', err('ENOENT: no such file or directory, open', { code: 'ENOENT', syscall: 'open' })],
    ['syntax error', err('syntax error at or near "x"', { code: '42601' })],
    ['plain error', new Error('something else')],
    ['not an error', 'Connection terminated'],
    ['null', null],
  ])('%s is not an outage', (_name, e) => {
    expect(classifyFault(e)).toBeUndefined();
  });
});

describe('toProblem for outages', () => {
  it('answers a broken connection with 503 naming its cause, not 500', () => {
    const p = toProblem(err('Connection terminated unexpectedly'), '/api/v1/patients');
    expect(p).toMatchObject({ status: 503, type: '/problems/unavailable', instance: '/api/v1/patients' });
    expect(p.detail).toMatch(/database cannot be reached now \(the connection to the database ended\)/);
  });

  it('answers a full disk with 503 naming the disk', () => {
    const db = toProblem(err('could not extend file', { code: '53100' }));
    expect(db).toMatchObject({ status: 503, type: '/problems/unavailable' });
    expect(db.detail).toBe('Nothing can be saved now: the database disk is full. Reading still works; try saving again later.');
    expect(toProblem(err('ENOSPC: no space left on device, write', { code: 'ENOSPC' })).detail).toMatch(/the server's disk is full/);
  });
});

describe('FaultMemory', () => {
  it('remembers a full disk until a write goes through or the memory runs out, and ignores other errors', () => {
    const m = new FaultMemory();
    m.note(err('duplicate key', { code: '23505' }), 1_000);
    expect(m.diskFull(1_000)).toBeUndefined();
    m.note(err('disk full', { code: '53100' }), 1_000);
    expect(m.diskFull(1_001)?.kind).toBe('disk-full');
    expect(m.diskFull(1_000 + DISK_FULL_MEMORY_MS)).toBeUndefined();
    m.wrote();
    expect(m.diskFull(1_001)).toBeUndefined();
  });

  it('counts inserts, updates and deletes as writes, not reads or commits', () => {
    expect(['insert into x values (1)', '  UPDATE x set a = 1', 'delete from x'].every(isWrite)).toBe(true);
    expect(['select 1', 'commit', 'with a as (select 1) select * from a'].some(isWrite)).toBe(false);
  });
});
