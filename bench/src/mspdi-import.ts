// MSPDI import, whole: a generated MS Project XML file read from disk as an upload arrives
// (bytes), parsed, checked, scheduled and stored as a project's plan through the same service the
// API and `pharos mspdi import` use, on the embedded database (PGlite).
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importMspdi, migrateDatabase, openDatabase, seedDemo, systemCtx, testConfig } from '@pharos/server';
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
      const ctx = systemCtx(testConfig(), database);
      const times: number[] = [];
      let peakRss = 0;
      let bytes = 0;
      let tasks = 0;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 100);
      for (let i = 0; i < s.runs; i++) {
        const file = readFileSync(path);
        bytes = file.length;
        const began = performance.now();
        const result = await importMspdi(ctx, org.projects.at(-1 - i)!.id, file, 'generated.xml');
        times.push(performance.now() - began);
        tasks = result.tasks;
      }
      clearInterval(sampler);
      const t = median(times);
      const mb = (n: number) => `${Math.round(n / 1_048_576)} MB`;
      console.log(
        `  ${s.tasks.toLocaleString('en')} tasks (${mb(bytes)} file): p50 ${(t / 1000).toFixed(2)} s over ${s.runs} run(s); peak RSS ${mb(peakRss)}`,
      );
      bench.raw[`mspdi import ${s.tasks}`] = { ...s, bytes, ms: times, peakRss, tasks };
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
