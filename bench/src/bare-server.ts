// The reference: bare Fastify + pg serving one row by primary key, no auth, no schema, no ORM.
// Same pool size as Pharos's default. Started by ./single.ts on the same PostgreSQL cluster.
import Fastify from 'fastify';
import pg from 'pg';
import { serveCalls } from './rpc';

const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/projects/:id', async (req, reply) => {
  const r = await pool.query('select * from projects where id = $1', [req.params.id]);
  if (!r.rows[0]) return reply.code(404).send({ error: 'not found' });
  return r.rows[0];
});
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : 0;
serveCalls({}, async () => {
  await app.close();
  await pool.end();
});
process.send!({ kind: 'reply', id: -1, ok: true, value: { url: `http://127.0.0.1:${port}` } });
