import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    // The install test clones and installs twice (minutes): `npm run test:install`.
    exclude: ['test/install/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll's default (1 s) is shorter than a loaded CI machine can take to deliver an event
    // from another process (a killed task's end, an executor's storage report): wait for it longer.
    expect: { poll: { timeout: 20_000 } },
    pool: 'forks',
    // Flint's built packages (what `@flint/driver` and the other workspace links resolve to) load
    // as native ES modules. By default vitest runs every file outside node_modules through its own
    // module runner, and the links resolve to packages/*/dist: that made loading the test files
    // (vitest's "collect") take 2-3x longer.
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
  },
});
