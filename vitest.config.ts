import { defineConfig } from 'vitest/config';

// The suite runs twice: on PGlite, and on PostgreSQL (PHAROS_TEST_DATABASE_URL set). Each pass
// leaves out the files about the other database's own behaviour: `*.postgres.test.ts` need a
// PostgreSQL server (e.g. several Pharos processes sharing one), `db/pglite.test.ts` the embedded one.
const onPostgres = Boolean(process.env.PHAROS_TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    exclude: [
      '**/node_modules/**',
      ...(onPostgres
        ? ['packages/server/src/db/pglite.test.ts']
        : ['packages/server/src/db/postgres.test.ts', 'packages/*/src/**/*.postgres.test.ts']),
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
