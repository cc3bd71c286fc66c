import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { openDatabase } from './connect';

// PostgreSQL-server behaviour; the embedded-database pass of the suite leaves this file out.
let w: TestWorld;
let admin: TestUser;
beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
});
afterAll(() => w.close());

describe('PostgreSQL server', () => {
  it('stops a statement that runs past the limit, without holding other requests up', async () => {
    const url = new URL(process.env.PHAROS_TEST_DATABASE_URL!);
    url.pathname = `/${(await w.database.pool.query('select current_database() as d')).rows[0].d}`;
    const db = await openDatabase({ databaseUrl: url.toString(), statementTimeoutMs: 300 });
    try {
      const heavy = db.pool.query('select pg_sleep(3)').then(
        () => 'finished',
        (e: { code?: string }) => e.code,
      );
      const t = performance.now();
      await db.pool.query('select 1');
      expect(performance.now() - t).toBeLessThan(250);
      expect(await heavy).toBe('57014');
    } finally {
      await db.close();
    }
  });

  it('survives the server dropping every connection (a restart), and hears notifications again', async () => {
    await Promise.all([1, 2, 3].map(() => w.database.pool.query('select pg_sleep(0.01)'))); // idle connections
    const name = (await w.database.pool.query('select current_database() as d')).rows[0].d as string;
    const { default: pg } = await import('pg');
    const killer = new pg.Client({ connectionString: process.env.PHAROS_TEST_DATABASE_URL });
    await killer.connect();
    const killed = await killer.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    await killer.end();
    expect(killed.rowCount).toBeGreaterThan(1); // the pool's connections and the LISTEN connection
    await new Promise((ok) => setTimeout(ok, 100));
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await admin.req({ method: 'GET', url: '/api/v1/projects?pageSize=1' })).statusCode;
      if (status !== 200) await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(status).toBe(200);
    // The LISTEN connection came back: a notification from "another process" is heard.
    let heard = '';
    await w.database.listen('pharos_test_channel', (p) => {
      heard = p;
    });
    for (let i = 0; i < 40 && heard === ''; i++) {
      await w.database.notify('pharos_test_channel', 'hello');
      await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(heard).toBe('hello');
  });

  it('a write in one Pharos process reaches the remembered reads of another', async () => {
    const { buildApp } = await import('../http/app');
    const url = new URL(process.env.PHAROS_TEST_DATABASE_URL!);
    url.pathname = `/${(await w.database.pool.query('select current_database() as d')).rows[0].d}`;
    const db2 = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    const app2 = await buildApp({ config: w.config, database: db2 });
    try {
      const program = (await admin.req({ method: 'GET', url: '/api/v1/programs?pageSize=1' })).json()
        .items[0];
      const list = async () =>
        (
          await app2.inject({
            method: 'GET',
            url: `/api/v1/projects?programId=${program.id}&pageSize=1`,
            headers: { authorization: `Bearer ${admin.token}` },
          })
        ).json();
      const before = await list(); // the count and the names are now remembered by process 2
      expect((await list()).total).toBe(before.total);
      expect(db2.reads.hits).toBeGreaterThan(0);
      const created = await admin.req({
        method: 'POST',
        url: '/api/v1/projects',
        payload: {
          code: 'XPROC-1',
          name: 'Across processes',
          typeId: w.org.projectTypes[0]!.id,
          officeId: w.org.offices[3]!.id,
          programId: program.id,
        },
      });
      expect(created.statusCode).toBe(201);
      let total = before.total;
      for (let i = 0; i < 50 && total === before.total; i++) {
        await new Promise((ok) => setTimeout(ok, 20));
        total = (await list()).total;
      }
      expect(total).toBe(before.total + 1);
      // A rename reaches the other process's names too.
      await admin.req({
        method: 'PATCH',
        url: `/api/v1/programs/${program.id}`,
        payload: { version: program.version, name: 'Renamed across processes' },
      });
      let label = '';
      for (let i = 0; i < 50 && label !== 'Renamed across processes'; i++) {
        await new Promise((ok) => setTimeout(ok, 20));
        label = (await list()).items[0].labels.programId;
      }
      expect(label).toBe('Renamed across processes');
    } finally {
      await app2.close();
      await db2.close();
    }
  });

  it('several Pharos processes migrate one database at once without harm', async () => {
    const { migrateDatabase } = await import('./migrate');
    const url = new URL(process.env.PHAROS_TEST_DATABASE_URL!);
    url.pathname = `/${(await w.database.pool.query('select current_database() as d')).rows[0].d}`;
    const dbs = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ databaseUrl: url.toString(), poolSize: 2 })),
    );
    try {
      await Promise.all(dbs.map((d) => migrateDatabase(d)));
      const res = await admin.req({ method: 'GET', url: '/api/v1/projects?pageSize=1' });
      expect(res.statusCode).toBe(200);
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
    }
  });
});
