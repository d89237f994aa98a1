import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Spec files that walk every page in many settings take minutes where the others take seconds.
 * They start first, so that none of them is left running alone at the end; vitest's own order
 * (by the last run's durations, or by file size on a fresh clone) puts the crawls, short files
 * with a long loop, last. The accessibility crawl is two files, one per language, so that its two
 * halves take both cores at the start.
 */
const LONGEST = ['e2e/a11y-nl.spec.ts', 'e2e/a11y-en.spec.ts', 'e2e/keyboard.spec.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST.findIndex((name) => f.moduleId.endsWith('/' + name));
      return i < 0 ? LONGEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

// Browser tests against real `botpad start` processes: each spec file launches one Chromium and
// starts one Botpad of its own (e2e/support/server.ts), so files run in parallel, one per core,
// while tests in a file run in order.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['./e2e/support/global-setup.ts'],
    setupFiles: ['./e2e/support/per-file.ts'],
    // Safety nets only: pages have their own short waits (support/browser.ts), and the server
    // start has its own cap with a clearer message (support/server.ts).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirst },
  },
});
