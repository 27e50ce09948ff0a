import { defineConfig } from 'vitest/config';

/** Hostile, large-input and slow tests (megabyte inputs, parse deadlines, real servers, spawned processes). */
const STRESS = [
  'tests/stress/**/*.test.ts',
  'tests/rules/entries-large-input.test.ts',
  'tests/lint/parse-budget.test.ts',
  'tests/cli/bin.test.ts',
  'tests/links/integration/**/*.test.ts',
  'tests/package/**/*.test.ts',
];

/** Files that replace modules with `vi.mock`: they keep a fresh module graph each. */
const MOCKING = ['tests/engine/run.test.ts'];

export default defineConfig({
  test: {
    // Network integration tests start real servers on loopback; give them room on a 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        // Files share one module graph per worker: no per-file re-import of remark and the rules.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...STRESS, ...MOCKING], pool: 'forks', isolate: false },
      },
      { extends: true, test: { name: 'unit-mocking', include: MOCKING, pool: 'forks' } },
      { extends: true, test: { name: 'stress', include: STRESS, pool: 'forks', testTimeout: 60_000 } },
    ],
  },
});
