/// <reference lib="dom" />
// The portfolio timeline in Chromium: a scenario of 300 candidates × 36 months × 10 roles served by
// a real Pharos server (src/timeline-server.ts). Drags selected, shiftable projects month by month
// and reads the web app's own measure of each step (`portfolio:drag`, drag-perf.ts): from the
// pointer event to the repainted bars, capacity histograms and budget bars, with budget and
// capacity use recomputed in the browser by the engine.
import type { Page } from '@playwright/test';
import type { Bench } from './bench';
import { launchChromium, serveChild, signedInPage } from './browser';
import { median, percentile } from './stats';

// The timeline's geometry (web/src/features/scenarios/timeline-geometry.ts).
const HEADER = 40;
const ROW = 26;
const LABEL_W = 280;

/** The rows of the timeline as its accessible table lists them, in painted order. */
function rows(page: Page) {
  return page
    .getByRole('table', { name: 'Plan timeline', includeHidden: true })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const d = (tr as HTMLElement).dataset;
        return {
          start: d.start === '' || d.start === undefined ? null : Number(d.start),
          earliest: Number(d.earliest),
          latest: Number(d.latest),
          shiftable: tr.querySelectorAll('td')[4]?.textContent === 'yes',
        };
      }),
    );
}

/** The painted bar's horizontal span on a row: the longest run of coloured pixels across its middle. */
function barSpan(page: Page, y: number) {
  return page.getByTestId('scenario-bars').evaluate((node, yy) => {
    const el = node as HTMLCanvasElement;
    const scale = el.width / el.getBoundingClientRect().width;
    const data = el.getContext('2d')!.getImageData(0, Math.round(yy * scale), el.width, 1).data;
    let best = [0, 0];
    let from = -1;
    for (let x = 0; x <= el.width; x++) {
      const i = x * 4;
      const c =
        x < el.width &&
        Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 60;
      if (c && from < 0) from = x;
      if (!c && from >= 0) {
        if (x - from > best[1]! - best[0]!) best = [from, x];
        from = -1;
      }
    }
    return best.map((v) => v / scale) as [number, number];
  }, y);
}

export async function timelineBench(bench: Bench) {
  console.log('\n[timeline] the portfolio timeline in Chromium: 300 candidates × 36 months × 10 roles');
  const browser = await launchChromium();
  const served = await serveChild<{ url: string; scenarioId: string }>('timeline-server.ts');
  try {
    const page = await signedInPage(browser, served.url, 'admin@pharos.demo');
    await page.goto(`${served.url}/scenarios/${served.scenarioId}`);
    const bars = page.getByTestId('scenario-bars');
    await bars.waitFor({ timeout: 60_000 });
    await bars.scrollIntoViewIfNeeded();
    const all = await rows(page);
    // Selected, shiftable projects spread over the timeline, with room to move either way.
    const movable = all
      .map((r, i) => ({ ...r, i }))
      .filter((r) => r.shiftable && r.start !== null && r.latest - r.earliest >= 2);
    const count = bench.opts.quick ? 3 : 8;
    const picks = Array.from(
      { length: Math.min(count, movable.length) },
      (_, k) => movable[Math.floor((k * movable.length) / count)]!,
    );
    if (picks.length === 0)
      throw new Error(
        `no shiftable selected project on the timeline: ${JSON.stringify(all.slice(0, 5))} of ${all.length}`,
      );
    for (const r of picks) {
      // The bars scroll inside their own box (painted for the rows in view): bring the row into it.
      await bars.scrollIntoViewIfNeeded();
      const scrollTop = await bars.evaluate(
        (node, top) => {
          const sc = node.parentElement!;
          sc.scrollTop = Math.max(0, top);
          return sc.scrollTop;
        },
        r.i * ROW - 200,
      );
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
      const y = HEADER + r.i * ROW - scrollTop + ROW / 2;
      const box = (await bars.boundingBox())!;
      const cellW = (box.width - LABEL_W - 12) / 36;
      const [x1, x2] = await barSpan(page, y);
      const months =
        r.latest - r.start! >= 2 ? Math.min(6, r.latest - r.start!) : -Math.min(6, r.start! - r.earliest);
      const from = { x: box.x + (x1 + x2) / 2, y: box.y + y };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let k = 1; k <= 24; k++) await page.mouse.move(from.x + (months * cellW * k) / 24, from.y);
      await page.mouse.up();
      if (process.env.TIMELINE_DEBUG) {
        console.log(JSON.stringify({ r, box, x1, x2, from, months }));
        await page.screenshot({ path: `/tmp/timeline-${r.i}.png` });
      }
    }
    const steps = await page.evaluate(() =>
      performance.getEntriesByName('portfolio:drag').map((e) => e.duration),
    );
    const figures = await page.evaluate(
      () => (window as unknown as { __pharosPortfolioDrag?: Record<string, number> }).__pharosPortfolioDrag,
    );
    if (!steps.length || !figures) throw new Error('the timeline measured no drag step');
    const p50 = median(steps);
    const p95 = percentile(
      [...steps].sort((a, b) => a - b),
      95,
    );
    const worst = Math.max(...steps);
    console.log(
      `  ${steps.length} drag steps over ${picks.length} projects: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms (last step's usage recompute ${figures.lastCompute?.toFixed(2)} ms)`,
    );
    bench.raw.timeline = { steps, figures };
    bench.row('timeline', {
      figure:
        'Portfolio timeline, 300 candidates × 36 months × 10 roles: drag step → repainted bars and histograms',
      db: 'Chromium',
      measured: `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms (${steps.length} steps)`,
      target: '≤ 50 ms',
      pass: worst <= 50,
    });
  } finally {
    await browser.close();
    served.child.kill('SIGTERM');
  }
}
