import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './connect';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const LOCK_KEY = 727_274_001; // any constant: serializes migrations across Pharos processes

/** Applies the committed migrations; safe when several processes start at once. */
export async function migrateDatabase(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    // Migrations may take long: no statement limit on this connection while they run.
    const { rows } = await client.query<{ statement_timeout: string }>('show statement_timeout');
    await client.query('set statement_timeout = 0');
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const { drizzle } = await import('drizzle-orm/node-postgres');
      await migrate(drizzle({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
      await client.query(`set statement_timeout = '${rows[0]?.statement_timeout ?? '0'}'`);
    }
  } finally {
    client.release();
  }
}
