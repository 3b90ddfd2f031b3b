import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    // The tree check first: it prints (if it must) before the default reporter's summary, which stays last.
    // By path, not imported: a relative import here trips Vite's config-loader warning on every run.
    reporters: ['./tests/support/tree-clean-reporter.ts', 'default'],
    // expect.poll waits for state that arrives on the terminal's own schedule (a status request each
    // second); on two busy cores that can take more than vitest's default second. A bound, not a timing.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // These tests drive dist/: refuse one older than its sources rather than test stale code.
          globalSetup: ['tests/support/dist-fresh.ts'],
          // After the unit project, not beside it: on two cores, Chromium and the hosts need the machine.
          sequence: { groupOrder: 1 },
          environment: 'node',
          // Two cores: one Chromium and one host at a time keeps the suite steady.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
