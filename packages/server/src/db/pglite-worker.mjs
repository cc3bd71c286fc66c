// Runs PGlite (Postgres in WASM) on its own thread, so a long query never blocks the HTTP
// event loop, and serves it over the Postgres protocol on a unix socket. Plain JS so that it
// runs in a worker thread without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, socketPath, id } = workerData;
let db;
let server;

/**
 * PGlite keeps a memory:// database in Emscripten's MEMFS, where posix_fallocate (with which
 * PostgreSQL extends a table by many pages at once, as COPY does) resizes a file to the exact new
 * size: a copy of the whole file at every extension, so a bulk load takes time growing with the
 * square of the table's size (COPY of a 350,000-task plan: about a minute instead of 9 s).
 * Growing files instead as MEMFS does for writes, by a factor (so that a file is copied a bounded
 * number of times in all), and by half rather than an eighth, keeps it linear. Files on disk
 * (NODEFS) are not concerned.
 */
function growMemoryFilesGeometrically(FS) {
  const MEMFS = FS?.filesystems?.MEMFS;
  const resize = MEMFS?.resizeFileStorage;
  if (typeof resize !== 'function' || typeof MEMFS.getFileDataAsTypedArray !== 'function') return;
  const reserve = (node, size) => {
    const had = node.contents?.length ?? 0;
    if (had >= size) return;
    const contents = new Uint8Array(Math.max(size, Math.floor(had * 1.5), 256));
    contents.set(MEMFS.getFileDataAsTypedArray(node));
    node.contents = contents;
  };
  MEMFS.expandFileStorage = reserve;
  MEMFS.resizeFileStorage = (node, size) => {
    // Growing: the bytes past the end are zero (new storage is, and shrinking below clears them).
    if (size > node.usedBytes && node.contents?.subarray) {
      reserve(node, size);
      node.usedBytes = size;
      return;
    }
    if (size < node.usedBytes && node.contents?.subarray && node.contents.length >= node.usedBytes) {
      node.contents.fill(0, size, node.usedBytes);
      node.usedBytes = size;
      return;
    }
    resize(node, size);
  };
}

try {
  db = await PGlite.create(dataDir);
  growMemoryFilesGeometrically(db.Module?.FS);
  // Tells the main thread's code, through SQL, which embedded database a connection reaches (for
  // `stage` below).
  await db.exec(`set pharos.embedded = '${id}'`);
  server = new PGLiteSocketServer({ db, path: socketPath });
  await server.start();
  parentPort.postMessage({ type: 'ready' });
} catch (err) {
  parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}

const message = (err) => (err instanceof Error ? err.message : String(err));

parentPort.on('message', async (msg) => {
  // A file for `COPY … FROM 'path'` on this database (rows in COPY's binary format, built on the
  // main thread): written into PGlite's own file system, which keeps the bytes as they came.
  if (msg?.type === 'stage') {
    try {
      db.Module.FS.writeFile(msg.path, msg.bytes, { canOwn: true });
      parentPort.postMessage({ type: 'staged', seq: msg.seq });
    } catch (err) {
      parentPort.postMessage({ type: 'staged', seq: msg.seq, error: message(err) });
    }
    return;
  }
  if (msg?.type === 'unstage') {
    try {
      db.Module.FS.unlink(msg.path);
    } catch {}
    return;
  }
  if (msg?.type !== 'close') return;
  try {
    await server?.stop();
    await db?.close();
    parentPort.postMessage({ type: 'closed' });
  } catch (err) {
    parentPort.postMessage({ type: 'closed', error: message(err) });
  }
});
