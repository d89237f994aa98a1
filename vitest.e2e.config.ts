import { defineConfig } from 'vitest/config';

// Browser tests against a real `botpad start` (see e2e/support/global-setup.ts). Each spec file
// launches one Chromium and reuses it, so files run in parallel but tests in a file run in order.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['./e2e/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
