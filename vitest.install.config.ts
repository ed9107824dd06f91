import { defineConfig } from 'vitest/config';

/** `npm run test:install`: the slow fresh-clone and packed-tarball install test (test/install). */
export default defineConfig({
  test: {
    include: ['test/install/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
