import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');

/** An IANA time zone name this Node knows (Europe/Paris, America/New_York, UTC). */
const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a known IANA time zone (e.g. Europe/Paris, UTC)' },
);

/** An unset setting: absent, or set to nothing (`PHAROS_SMTP_URL=`). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const smtpUrl = z
  .string()
  .url()
  .refine((url) => /^smtps?:\/\//.test(url), { message: 'must start with smtp:// or smtps://' });

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
  PHAROS_JOBS: unsetIfEmpty(bool),
  PHAROS_JOBS_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1000),
  PHAROS_JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  PHAROS_JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  PHAROS_TIME_ZONE: timeZone.default('UTC'),
  PHAROS_SMTP_URL: unsetIfEmpty(smtpUrl),
  PHAROS_MAIL_FROM: unsetIfEmpty(z.string().min(3).includes('@')),
  PHAROS_PUBLIC_URL: unsetIfEmpty(z.string().url()),
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
  /** Run background jobs in this process (they wait in the database for a process that does). */
  readonly jobs: boolean;
  /** How often the job runner looks for due jobs (PostgreSQL also wakes it at once on enqueue). */
  readonly jobsPollMs: number;
  /** Jobs one process runs at a time. */
  readonly jobsConcurrency: number;
  /** How long a claimed job stays with its process without a renewal before others take it for dead. */
  readonly jobsLeaseSeconds: number;
  /** The organization's time zone: daily jobs (the digest at 07:00) run on its clock. */
  readonly timeZone: string;
  /** smtp://user:password@host:587 (or smtps://…:465); without it no e-mail is sent. */
  readonly smtpUrl: string | undefined;
  /** The sender of Pharos's e-mail, e.g. `Pharos <pharos@example.com>`. */
  readonly mailFrom: string | undefined;
  /** Where people reach this Pharos (e.g. https://pharos.example.com): links in e-mail start with it. */
  readonly publicUrl: string | undefined;
}

/** Reads the environment once, at the composition root, into a frozen object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid configuration: ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.PHAROS_SMTP_URL && !e.PHAROS_MAIL_FROM)
    throw new Error(
      'Invalid configuration: PHAROS_MAIL_FROM: required with PHAROS_SMTP_URL (e.g. "Pharos <pharos@example.com>")',
    );
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
    jobs: e.PHAROS_JOBS ?? true,
    jobsPollMs: e.PHAROS_JOBS_POLL_MS,
    jobsConcurrency: e.PHAROS_JOBS_CONCURRENCY,
    jobsLeaseSeconds: e.PHAROS_JOBS_LEASE_SECONDS,
    timeZone: e.PHAROS_TIME_ZONE,
    smtpUrl: e.PHAROS_SMTP_URL,
    mailFrom: e.PHAROS_MAIL_FROM,
    publicUrl: e.PHAROS_PUBLIC_URL,
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
