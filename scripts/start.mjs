#!/usr/bin/env node
// `npm start`: builds the web app when its build is missing or stale, then runs `pharos serve`.
// Extra arguments pass through (`npm start -- --demo --port 4000`); DATABASE_URL, PORT and
// PHAROS_DATA_DIR are read by the server itself. Plain Node, no dependencies, so it runs on a
// fresh clone right after `npm install`.
//
// The staleness check is cheap (a stat of every source file, no hashing): the build is skipped
// when the build stamp is newer than every file under packages/web/src, packages/web/public,
// packages/api/src and packages/web/{index.html,vite.config.ts,package.json}.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const webDist = join(root, 'packages/web/dist');
/** Written after every successful build; its mtime is the time the build started. */
const stampFile = join(webDist, '.pharos-build-stamp');

const sources = [
  'packages/web/src',
  'packages/web/public',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/web/package.json',
  'packages/api/src',
].map((p) => join(root, p));

/** The newest modification time (ms) of any file under `path` (a file or a directory). */
function newestMtime(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted or renamed file changes its directory's mtime
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** When the current build was made (ms), or 0 when there is no usable build. */
function builtAt() {
  for (const f of [stampFile, join(webDist, 'index.html')]) {
    try {
      return statSync(f).mtimeMs;
    } catch {}
  }
  return 0;
}

/** Why the web app needs building, or null when dist is up to date. */
export function webBuildReason() {
  const built = builtAt();
  if (!built) return 'no build yet';
  for (const s of sources) if (newestMtime(s) > built) return `${s.slice(root.length)} changed`;
  return null;
}

let interrupted = false;

function run(cmd, args, opts) {
  return new Promise((resolve) => {
    // Its own process group, so a signal reaches the whole build (npm, vite, esbuild).
    const child = spawn(cmd, args, { stdio: 'inherit', detached: process.platform !== 'win32', ...opts });
    const forward = (sig) => {
      interrupted = true;
      try {
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, sig);
      } catch {}
    };
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('error', (err) => {
      console.error(`Could not run ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/**
 * Builds packages/web into packages/web/dist unless the build is up to date.
 * Throws an Error with a clear message when the build fails.
 * @param {{ log?: (line: string) => void, force?: boolean }} [opts]
 */
export async function ensureWebBuilt({ log = console.log, force = false } = {}) {
  const reason = force ? 'forced' : webBuildReason();
  if (!reason) return { built: false };
  log(`Building the web app (${reason}) — npm run build -w @pharos/web …`);
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const code = await run(npm, ['run', 'build', '-w', '@pharos/web'], { cwd: root });
  if (interrupted) throw new Error('Building the web app was interrupted.');
  if (code !== 0 || !existsSync(join(webDist, 'index.html'))) {
    throw new Error(
      `Building the web app failed (npm run build -w @pharos/web exited with code ${code}). ` +
        'The errors are printed above; fix them, or run that command on its own to see them again.',
    );
  }
  writeFileSync(stampFile, `built by scripts/start.mjs at ${new Date(started).toISOString()}\n`);
  const startedSec = started / 1000;
  utimesSync(stampFile, startedSec, startedSec); // files edited during the build count as newer
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { built: true };
}

async function main() {
  if (!process.env.PHAROS_WEB_DIST) {
    try {
      await ensureWebBuilt();
    } catch (err) {
      console.error(`\nnpm start: ${err.message}`);
      process.exit(1);
    }
  }
  // Run the CLI in this process: one Node start-up fewer, and signals reach the server directly.
  const cli = join(root, 'packages/cli/bin/pharos.mjs');
  process.argv = [process.argv[0], cli, 'serve', ...process.argv.slice(2)];
  await import(pathToFileURL(cli).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
