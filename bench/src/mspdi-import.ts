// MSPDI import, whole: a generated MS Project XML file read from disk as an upload arrives
// (bytes), parsed, checked, scheduled and stored as a project's plan through the same service the
// API and `pharos mspdi import` use, on the embedded database (PGlite).
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importMspdi, migrateDatabase, openDatabase, seedDemo, systemCtx, testConfig } from '@pharos/server';
import { mspdiStreamToDocument } from '../../packages/server/src/schedule/mspdi/to-document';
import type { Bench } from './bench';
import { generateMspdiPieces } from './mspdi-generate';
import { median } from './stats';

async function writeFile(path: string, pieces: Iterable<string>) {
  const out = createWriteStream(path);
  for (const p of pieces) if (!out.write(p)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => {
    out.end(() => r());
  });
}

const sizes = [
  { tasks: 10_000, runs: 5, target: 3000 },
  { tasks: 350_000, runs: 1, target: 30_000 },
];

export async function mspdiImportBench(bench: Bench) {
  console.log('\n[mspdi import] parse + check + schedule + store, PGlite (in-process)');
  for (const s of bench.opts.quick ? sizes.slice(0, 1) : sizes) {
    const path = join(tmpdir(), `pharos-bench-mspdi-${s.tasks}.xml`);
    await writeFile(path, generateMspdiPieces(s.tasks, 1));
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateDatabase(database);
      const org = await seedDemo(database.db);
      // Files up to the reader's own limit (2 GiB); the default upload limit is lower.
      const ctx = systemCtx(testConfig({ uploadLimit: 2 * 1024 ** 3 }), database);
      const times: number[] = [];
      const parses: number[] = [];
      let peakRss = 0;
      let peakHeap = 0;
      let bytes = 0;
      let tasks = 0;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }, 100);
      for (let i = 0; i < s.runs; i++) {
        // The reader alone (the file streamed in 4 MiB reads to a plan document), for its MB/s.
        const t = performance.now();
        await mspdiStreamToDocument(createReadStream(path, { highWaterMark: 1 << 22 }));
        parses.push(performance.now() - t);
      }
      for (let i = 0; i < s.runs; i++) {
        bytes = statSync(path).size;
        const began = performance.now();
        // Streamed from disk in 4 MiB reads, as `pharos mspdi import` and an upload hand it over.
        const file = createReadStream(path, { highWaterMark: 1 << 22 });
        const result = await importMspdi(ctx, org.projects.at(-1 - i)!.id, file, 'generated.xml');
        times.push(performance.now() - began);
        tasks = result.tasks;
      }
      clearInterval(sampler);
      const t = median(times);
      const parse = median(parses);
      const mb = (n: number) => `${Math.round(n / 1_048_576)} MB`;
      console.log(
        `  ${s.tasks.toLocaleString('en')} tasks (${mb(bytes)} file): p50 ${(t / 1000).toFixed(2)} s over ${s.runs} run(s); ` +
          `reading alone ${(parse / 1000).toFixed(2)} s (${(bytes / 1e6 / (parse / 1000)).toFixed(0)} MB/s); ` +
          `peak RSS ${mb(peakRss)}, peak heap ${mb(peakHeap)}`,
      );
      bench.raw[`mspdi import ${s.tasks}`] = {
        ...s,
        bytes,
        ms: times,
        parseMs: parses,
        peakRss,
        peakHeap,
        tasks,
      };
      bench.row('mspdi-import', {
        figure: `MSPDI import of a ${s.tasks.toLocaleString('en')}-task file (${mb(bytes)}): parse + schedule + store`,
        db: 'PGlite',
        measured: `${(t / 1000).toFixed(2)} s (peak RSS ${mb(peakRss)})`,
        target: `≤ ${s.target / 1000} s`,
        pass: t <= s.target,
      });
    } finally {
      await database.close();
      rmSync(path, { force: true });
    }
  }
}
