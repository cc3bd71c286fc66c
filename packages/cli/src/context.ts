import {
  type Config,
  type Database,
  loadConfig,
  migrateDatabase,
  openDatabase,
  systemCtx,
} from '@pharos/server';
import type { Command } from 'commander';

export interface GlobalOptions {
  databaseUrl?: string;
  dataDir?: string;
}

/** The configuration, with --database-url and --data-dir taking precedence over the environment. */
export function configFrom(cmd: Command, extra: Partial<Config> = {}): Config {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  return loadConfig(process.env, {
    ...(g.databaseUrl ? { databaseUrl: g.databaseUrl } : {}),
    ...(g.dataDir ? { dataDir: g.dataDir } : {}),
    ...extra,
  });
}

/** Opens and migrates the database, runs `fn` with a system context, and always closes it. */
export async function withDatabase<T>(
  cmd: Command,
  fn: (ctx: ReturnType<typeof systemCtx>, database: Database, config: Config) => Promise<T>,
): Promise<T> {
  const config = configFrom(cmd);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    return await fn(systemCtx(config, database), database, config);
  } finally {
    await database.close();
  }
}

/** Prints rows as JSON (with --json) or as an aligned table. */
export function output(json: boolean, rows: Record<string, unknown>[], columns: string[]) {
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  if (rows.length === 0) {
    console.log('(none)');
    return;
  }
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(line(columns));
  for (const r of rows) console.log(line(columns.map((c) => cell(r[c]))));
}
