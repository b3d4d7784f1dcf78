import { defineConfig } from 'vitest/config';

const shared = {
  // A throw-away PostgreSQL for the tests that run on both stores.
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 20_000,
  hookTimeout: 30_000,
  pool: 'forks' as const,
  // Files share a worker's loaded modules: nothing in src/ keeps state at module level (everything is constructed
  // per test through main.ts's wiring or the harness), and loading Bolt, Prisma and the app again for each file
  // was half of the run (listener and unit files: 159 s isolated, 75 s shared, same machine).
  isolate: false,
};

export default defineConfig({
  test: {
    // CI also writes a JSON report, which .ci/run reads for its "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'reports/vitest.json' }]] : ['default'],
    // Two files at a time on these 2-core machines (vitest's default leaves one core to the main process).
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['test/**/*.test.ts'] } },
      // The listener flows whose outcome rests on the store's claims, leases and once-only records, again on
      // PostgreSQL (several instances share one there). Every repository already runs on both stores
      // (test/unit/store/); flows that only read and write through them (help, Home, tasks, forms, words in each
      // language) and the fault run, once, are enough on SQLite.
      {
        test: {
          ...shared,
          name: 'postgresql',
          include: [
            'test/listeners/{accepted,budget,digests,dm,log-line,message-tasks,relink,reminder-lease,reminders,undo}.test.ts',
          ],
          provide: { store: 'postgresql' },
        },
      },
    ],
  },
});
