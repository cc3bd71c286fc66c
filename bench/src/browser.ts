// What the browser benchmarks share: a Pharos server of their own in a child process (the demo on
// an in-memory PGlite, serving the built web app), Debian's Chromium, and signing in.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildApp, type Database, loadConfig, migrateDatabase, openDatabase, seedDemo } from '@pharos/server';
import { type Browser, chromium, type Page } from '@playwright/test';
// @ts-expect-error a plain ES module of the repository's scripts, without types
import { ensureWebBuilt } from '../../scripts/start.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = process.env.PHAROS_CHROMIUM ?? '/usr/bin/chromium';

/** Starts `script` (a file of this folder) and resolves with the JSON line it prints once it listens. */
export function serveChild<T>(
  script: string,
  env: Record<string, string> = {},
): Promise<T & { child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} stopped (exit ${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) resolve({ ...(JSON.parse(line) as T), child });
    });
  });
}

/** In the server process: the demo organization on an in-memory PGlite, and the config to serve it with. */
export async function demoServer(portVariable: string) {
  const config = loadConfig({
    NODE_ENV: 'development',
    PHAROS_LOG_LEVEL: 'warn',
    PHAROS_DATA_DIR: 'memory://',
    PHAROS_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    HOST: '127.0.0.1',
    PORT: process.env[portVariable] ?? '0',
    ...(process.env.PHAROS_WEB_DIST ? { PHAROS_WEB_DIST: process.env.PHAROS_WEB_DIST } : {}),
  });
  const database: Database = await openDatabase({ dataDir: config.dataDir, poolSize: config.poolSize });
  await migrateDatabase(database);
  const org = await seedDemo(database.db);
  return { config, database, org };
}

/** Builds the web app if needed and launches Debian's Chromium, headless. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install chromium)`);
  await ensureWebBuilt({ log: (l: string) => console.log(`  ${l}`) });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}

/** A page of 1600 × 1000, signed in as a demo account. */
export async function signedInPage(browser: Browser, url: string, email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  // tsx names the functions it compiles with a helper the page does not have.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: /^Email/ }).fill(email);
  await page.getByRole('textbox', { name: /^Password/ }).fill('pharos-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  return page;
}

/** In the server process: serves the app, prints `{ url, ...info }` as one JSON line, stops on SIGTERM. */
export async function serveApp(
  { config, database }: Awaited<ReturnType<typeof demoServer>>,
  info: Record<string, unknown>,
) {
  const app = await buildApp({ config, database });
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}`, ...info }));
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
