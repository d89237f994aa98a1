// The test command's own promises, read from vitest.config.ts the way vitest reads it: core tests
// start no database, every file that takes a test database gets the global setup that makes one,
// and every file runs in Europe/Amsterdam while only the listed time-zone-free files skip UTC.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVitest, type TestSpecification, type Vitest } from 'vitest/node';

let vitest: Vitest;
let specs: TestSpecification[];
const rel = (s: TestSpecification) => path.relative(process.cwd(), s.moduleId);
const zoneOf = (s: TestSpecification) => s.project.config.env.TZ;
const hasDb = (s: TestSpecification) => s.project.config.globalSetup.length > 0;

beforeAll(async () => {
  vitest = await createVitest({ config: 'vitest.config.ts', watch: false });
  specs = await vitest.globTestSpecifications();
}, 120_000);
afterAll(async () => {
  await vitest.close();
});

describe('vitest.config.ts', () => {
  it('runs the core tests without the global setup, so no PostgreSQL cluster starts for them', async () => {
    const core = await vitest.globTestSpecifications(['src/core']);
    expect(core.length).toBeGreaterThan(10);
    expect(core.filter(hasDb).map(rel)).toEqual([]);
  });

  it('gives every file that takes a test database the global setup that makes one', () => {
    const needing = specs.filter((s) => /testing\/(stores|test-app|page-browser)\.js'/.test(readFileSync(s.moduleId, 'utf8')));
    expect(needing.length).toBeGreaterThan(10);
    expect(needing.filter((s) => !hasDb(s)).map((s) => `${rel(s)} (${s.project.name})`)).toEqual([]);
  });

  it('runs every file in Europe/Amsterdam, and in UTC all but those that cannot depend on the zone', () => {
    const files = (tz: string) => new Set(specs.filter((s) => zoneOf(s) === tz).map(rel));
    const amsterdam = files('Europe/Amsterdam');
    const utc = files('UTC');
    expect(specs.every((s) => zoneOf(s) === 'Europe/Amsterdam' || zoneOf(s) === 'UTC')).toBe(true);
    for (const f of utc) expect(amsterdam.has(f), f).toBe(true);
    // Pages and API answers that show dates and times run in both zones…
    for (const f of ['src/web/patients/patients.test.ts', 'src/api/session.test.ts', 'src/schema/clock.test.ts']) expect(utc.has(f), f).toBe(true);
    // …the store, crash and fault tests once.
    for (const f of ['src/store/crash.test.ts', 'src/cli/db-faults.test.ts', 'src/api/fuzz.test.ts']) {
      expect(amsterdam.has(f), f).toBe(true);
      expect(utc.has(f), f).toBe(false);
    }
    // No file runs twice in one zone.
    for (const tz of ['Europe/Amsterdam', 'UTC']) {
      const inZone = specs.filter((s) => zoneOf(s) === tz).map(rel);
      expect(inZone.length).toBe(new Set(inZone).size);
    }
  });
});
