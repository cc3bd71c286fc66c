import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const Env = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  DATABASE_URL: z.string().url().optional(),
  PHAROS_DATA_DIR: z.string().default('./data'),
  PHAROS_DEMO: bool.optional(),
  PHAROS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PHAROS_SESSION_HOURS: z.coerce.number().positive().default(12),
  PHAROS_COOKIE_SECURE: bool.optional(),
  PHAROS_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  PHAROS_UPLOAD_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(2048 * 1_048_576),
  PHAROS_PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PHAROS_TRUST_PROXY: bool.default(false),
  PHAROS_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(10),
  PHAROS_WEB_DIST: z.string().optional(),
  PHAROS_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).optional(),
});

export interface Config {
  readonly env: 'production' | 'development' | 'test';
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Seed the demo organization into an empty database (never in production). */
  readonly demo: boolean | undefined;
  readonly logLevel: string;
  readonly sessionHours: number;
  readonly cookieSecure: boolean;
  readonly bodyLimit: number;
  /** Largest file upload (an MS Project XML import), in bytes. */
  readonly uploadLimit: number;
  readonly poolSize: number;
  readonly trustProxy: boolean;
  readonly loginAttemptsPerMinute: number;
  readonly webDist: string | undefined;
  /** Longest a request's statement may run on PostgreSQL (PGlite cannot interrupt a statement). */
  readonly statementTimeoutMs: number;
}

/** Reads the environment once, at the composition root, into a frozen object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid configuration: ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.PHAROS_DATA_DIR,
    demo: e.PHAROS_DEMO,
    logLevel: e.PHAROS_LOG_LEVEL,
    sessionHours: e.PHAROS_SESSION_HOURS,
    cookieSecure: e.PHAROS_COOKIE_SECURE ?? e.NODE_ENV === 'production',
    bodyLimit: e.PHAROS_BODY_LIMIT,
    uploadLimit: e.PHAROS_UPLOAD_LIMIT,
    poolSize: e.PHAROS_PG_POOL_SIZE,
    trustProxy: e.PHAROS_TRUST_PROXY,
    loginAttemptsPerMinute: e.PHAROS_LOGIN_ATTEMPTS_PER_MINUTE,
    webDist: e.PHAROS_WEB_DIST,
    statementTimeoutMs: e.PHAROS_STATEMENT_TIMEOUT_MS ?? 30_000,
    ...overrides,
  });
}

/** A configuration for tests: in-memory database, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    { NODE_ENV: 'test', PHAROS_LOG_LEVEL: 'silent', PHAROS_DATA_DIR: 'memory://' },
    overrides,
  );
}
