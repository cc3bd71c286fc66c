import { randomBytes } from 'node:crypto';
import type { Role, ScopeType } from '@pharos/api';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { digest, newSecret, TOKEN_PREFIX } from '../auth/secrets';
import { type Config, testConfig } from '../config';
import { type Database, openDatabase } from '../db/connect';
import { migrateDatabase } from '../db/migrate';
import { apiTokens, roleGrants, users } from '../db/schema/index';
import { demoSize, type GeneratedOrg, generateOrganization } from '../demo/organization';
import { seedOrganization } from '../demo/seed';
import { buildApp } from '../http/app';

/** Which database the suite runs on: PGlite in memory, or PostgreSQL when PHAROS_TEST_DATABASE_URL is set. */
export const testDatabaseKind = process.env.PHAROS_TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh database for one test file: in-memory PGlite, or a new database on the PostgreSQL
 * server named by PHAROS_TEST_DATABASE_URL (dropped again at close).
 */
export async function freshDatabase(): Promise<Database> {
  const adminUrl = process.env.PHAROS_TEST_DATABASE_URL;
  if (!adminUrl) {
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(db);
    return db;
  }
  const name = `pharos_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateDatabase(db);
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestWorld {
  app: FastifyInstance;
  database: Database;
  config: Config;
  org: GeneratedOrg;
  close(): Promise<void>;
  /** A bearer token for a new user holding exactly these grants. */
  userWith(
    grants: { role: Role; scopeType: ScopeType; scopeId: string | null }[],
    label?: string,
  ): Promise<TestUser>;
  /** A bearer token for an existing (demo) user by e-mail. */
  tokenFor(email: string): Promise<TestUser>;
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  /** Sends a request as this user. */
  req(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/** An app over a fresh database holding the demo organization. */
export async function testWorld(overrides: Partial<Config> = {}): Promise<TestWorld> {
  const database = await freshDatabase();
  const org = generateOrganization(demoSize);
  await seedOrganization(database.db, org);
  const config = testConfig(overrides);
  const app = await buildApp({ config, database });
  await app.ready();
  let n = 0;
  const tokenOf = async (userId: string, email: string): Promise<TestUser> => {
    const token = `${TOKEN_PREFIX}${newSecret()}`;
    await database.db
      .insert(apiTokens)
      .values({ userId, name: 'test', prefix: token.slice(0, 10), tokenHash: digest(token) });
    return {
      id: userId,
      email,
      token,
      req: (opts) =>
        app.inject({
          ...opts,
          headers: { ...(opts.headers ?? {}), authorization: `Bearer ${token}` },
        } as InjectOptions),
    };
  };
  return {
    app,
    database,
    config,
    org,
    close: async () => {
      await app.close();
      await database.close();
    },
    userWith: async (grants, label = 'user') => {
      const email =
        `${label.replace(/[^a-z0-9]+/gi, '.')}.${++n}.${randomBytes(3).toString('hex')}@test.pharos`.toLowerCase();
      const [u] = await database.db
        .insert(users)
        .values({ email, name: label, passwordHash: 'x' })
        .returning();
      if (grants.length)
        await database.db.insert(roleGrants).values(grants.map((g) => ({ ...g, userId: u!.id })));
      return tokenOf(u!.id, email);
    },
    tokenFor: async (email) => {
      const u = org.users.find((x) => x.email === email);
      if (!u) throw new Error(`No demo user ${email}`);
      return tokenOf(u.id, email);
    },
  };
}

/** Signs in with a password through the API, returning the cookie and CSRF token. */
export async function signIn(app: FastifyInstance, email: string, password = 'pharos-demo') {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const cookie = res.cookies.find((c) => c.name === 'pharos_session');
  const body = res.json() as { csrfToken: string };
  return { res, cookie: cookie ? `pharos_session=${cookie.value}` : '', csrf: body.csrfToken };
}
