import { defineConfig } from 'vitest/config';

// The PostgreSQL pass (PHAROS_TEST_DATABASE_URL set) leaves out what only concerns the embedded database.
const onPostgres = Boolean(process.env.PHAROS_TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    exclude: ['**/node_modules/**', ...(onPostgres ? ['packages/server/src/db/pglite.test.ts'] : [])],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
