import { defineConfig } from 'vitest/config';

// Unit, property, store and API tests. Store tests run once per driver (PGlite and PostgreSQL 15);
// the global setup starts a throwaway PostgreSQL cluster unless DATABASE_URL is given.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    globalSetup: ['./src/store/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
