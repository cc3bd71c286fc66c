#!/usr/bin/env node
// The server the browser tests run against (playwright.config.ts starts it as its webServer):
// builds the web app if needed, then serves Pharos on 127.0.0.1:<port> over a fresh embedded
// database in a temp dir (the demo organization is seeded on first start). The dir is removed
// when the server stops. With PHAROS_WEB_DIST set, that build is served as it is.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureWebBuilt, root } from '../scripts/start.mjs';

const port = process.argv[2] ?? '3917';

function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); // a zombie is dead
  } catch {
    return true;
  }
}

// PHAROS_WEB_DIST points at a web build made elsewhere; otherwise packages/web/dist, built if stale.
if (!process.env.PHAROS_WEB_DIST) {
  try {
    await ensureWebBuilt({ log: (l) => console.log(`[e2e server] ${l}`) });
  } catch (err) {
    console.error(`[e2e server] ${err.message}`);
    process.exit(1);
  }
}

// Data dirs of servers that died without cleaning up (killed outright) go at the next start.
for (const name of readdirSync(tmpdir())) {
  if (!name.startsWith('pharos-e2e-')) continue;
  const dir = join(tmpdir(), name);
  let owner = 0;
  try {
    owner = Number(readFileSync(join(dir, '.e2e-server-pid'), 'utf8'));
  } catch {
    continue; // not (yet) claimed: leave it alone
  }
  if (!alive(owner)) rmSync(dir, { recursive: true, force: true });
}

const runDir = mkdtempSync(join(tmpdir(), 'pharos-e2e-'));
writeFileSync(join(runDir, '.e2e-server-pid'), String(process.pid));
const dataDir = join(runDir, 'data');
process.on('exit', () => {
  try {
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  } catch {} // the next start removes it
});

// Always the embedded database with the demo organization, whatever the caller's environment says.
delete process.env.DATABASE_URL;
process.env.NODE_ENV = 'development';
process.env.PHAROS_DEMO = '1';
process.env.PHAROS_LOG_LEVEL ??= 'warn';
process.env.PHAROS_LOGIN_ATTEMPTS_PER_MINUTE ??= '1000';

// If the test runner dies without stopping us, stop on our own.
const parent = process.ppid;
setInterval(() => {
  if (!alive(parent)) process.kill(process.pid, 'SIGTERM');
}, 2000).unref();

const cli = join(root, 'packages/cli/bin/pharos.mjs');
process.argv = [process.argv[0], cli, '--data-dir', dataDir, 'serve', '--port', port, '--host', '127.0.0.1'];
await import(pathToFileURL(cli).href);
