import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN, label, navigateTo, signIn } from './helpers';
import { bigScenarioFile } from './scenario-file';

// Portfolio planning: solve a demo scenario with live progress, drag a project on the timeline of a
// 300-candidate scenario (and time it), read why candidates are out, compare two scenarios and
// commit one, which creates projects in the registry.
test.describe.configure({ mode: 'serial' });

const shots = 'test-results/scenario';
const HEADER = 40; // timeline-geometry.ts
const ROW = 26;
const LABEL_W = 280;

// The DOM as far as these tests read it (the e2e project has no DOM typings).
type Canvas = {
  width: number;
  toDataURL(): string;
  getBoundingClientRect(): { width: number };
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
};
type Row = {
  dataset: Record<string, string | undefined>;
  querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
};
type DragFigures = {
  last: number;
  lastCompute: number;
  max: number;
  count: number;
  candidates: number;
  months: number;
  roles: number;
};

async function openScenario(page: Page, code: string) {
  await signIn(page, ADMIN);
  await navigateTo(page, 'Scenarios');
  await page.getByRole('table', { name: 'Scenarios' }).getByRole('link', { name: code, exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Timeline' })).toBeVisible();
}

/** Starts a solve with a time limit; returns the progress panel (visible while it runs). */
async function solve(page: Page, seconds: number) {
  await page.getByRole('button', { name: 'Solve', exact: true }).click();
  await page.getByRole('textbox', { name: label('Time limit (seconds)') }).fill(String(seconds));
  await page.getByRole('button', { name: 'Start solving' }).click();
  const progress = page.getByRole('status', { name: 'Solver progress' });
  await expect(progress).toBeVisible();
  return progress;
}

test('solve a demo scenario: live progress, then the plan, and why candidates are in or out', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openScenario(page, 'SC-BALANCED');
  const progress = await solve(page, 8);
  await expect(progress.getByTestId('job-greedy')).not.toHaveText('—');
  await page.screenshot({ path: `${shots}-solving.png` });
  await expect(progress).toBeHidden({ timeout: 60_000 });
  await expect(page.getByText(/^solver, /)).toBeVisible();
  await expect(page.getByTestId('plan-gap')).not.toHaveText('—');
  await page.screenshot({ path: `${shots}-timeline.png`, fullPage: true });

  await page.getByRole('tab', { name: 'Why' }).click();
  const out = page.getByRole('list', { name: 'Why these are left out' }).getByRole('listitem');
  await expect(out.first()).toBeVisible();
  await expect(out.first()).toContainText(
    /short by|needs|instead of|other candidates give more value|only one of|fixed out|Rule/,
  );
  await page.getByText(/^Selected \(\d+\)$/).click();
  await expect(
    page.getByRole('list', { name: 'Why these are selected' }).getByRole('listitem').first(),
  ).toContainText(/keeps/);
  await page.getByText(/^Left out \(\d+\)$/).click();
  await page.screenshot({ path: `${shots}-why.png`, fullPage: true });
});
/** Where a row's bar is: the longest run of coloured pixels across the middle of the row. */
async function barSpan(canvas: Locator, y: number) {
  const span = await canvas.evaluate((node, yy: number) => {
    const el = node as unknown as Canvas;
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
    return best.map((v) => v / scale);
  }, y);
  expect(span[1]! - span[0]!, 'the bar is painted').toBeGreaterThan(6);
  return span as [number, number];
}

test('drag a project on the timeline of 300 candidates: the histograms follow within 50 ms', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await navigateTo(page, 'Scenarios');
  await page.getByRole('button', { name: 'Import file' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a scenario file' });
  await dialog.getByRole('textbox', { name: label('Portfolio') }).click();
  await page.getByRole('listbox').last().getByRole('option').first().click();
  await dialog.getByRole('textbox', { name: label('Code') }).fill(`SC-300-${Date.now().toString(36)}`);
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'three-hundred.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bigScenarioFile())),
  });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Three hundred candidates' })).toBeVisible({
    timeout: 30_000,
  });

  // A long solve, stopped once the first answers are in: the best plan so far is kept.
  const progress = await solve(page, 60);
  await expect(progress.getByTestId('job-value')).not.toHaveText('—', { timeout: 30_000 });
  await page.screenshot({ path: `${shots}-solving-300.png` });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('plan-value')).not.toHaveText('—');

  // A shiftable candidate near the top, with room to move (the hidden table lists the rows in order).
  const rows = await page
    .getByRole('table', { name: 'Plan timeline', includeHidden: true })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.slice(0, 14).map((tr) => {
        const d = (tr as unknown as Row).dataset;
        return {
          start: d.start === '' ? null : Number(d.start),
          earliest: Number(d.earliest),
          latest: Number(d.latest),
          shiftable: (tr as unknown as Row).querySelectorAll('td')[4]?.textContent === 'yes',
          name: (tr as unknown as Row).querySelectorAll('td')[0]?.textContent ?? '',
        };
      }),
    );
  const r = rows.findIndex(
    (x) => x.shiftable && x.start !== null && (x.latest - x.start >= 2 || x.start - x.earliest >= 2),
  );
  expect(r, 'a shiftable candidate with room to move').toBeGreaterThanOrEqual(0);
  const row = rows[r]!;
  // as far as its window allows (up to six months), so the drag repaints several times
  const room = row.latest - row.start!;
  const months = room >= 2 ? Math.min(6, room) : -Math.min(6, row.start! - row.earliest);

  const bars = page.getByTestId('scenario-bars');
  await bars.scrollIntoViewIfNeeded();
  const capacity = page.getByTestId('scenario-capacity');
  const before = await capacity.evaluate((c) => (c as unknown as Canvas).toDataURL());
  const box = (await bars.boundingBox())!;
  const y = HEADER + r * ROW + ROW / 2;
  const [x1, x2] = await barSpan(bars, y);
  const cellW = (box.width - LABEL_W - 12) / 36; // the month width (timeline-geometry.ts)
  const from = { x: box.x + (x1 + x2) / 2, y: box.y + y };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 24; k++) await page.mouse.move(from.x + (months * cellW * k) / 24, from.y);
  await page.screenshot({ path: `${shots}-timeline-drag.png` });
  await page.mouse.up();

  const moved = await page
    .getByRole('table', { name: 'Plan timeline', includeHidden: true })
    .locator('tbody tr')
    .nth(r)
    .getAttribute('data-start');
  expect(Number(moved)).toBe(row.start! + months);
  const after = await capacity.evaluate((c) => (c as unknown as Canvas).toDataURL());
  expect(after, 'the capacity histogram was repainted with the move').not.toBe(before);
  const figures = await page.evaluate(
    () => (globalThis as unknown as { __pharosPortfolioDrag?: DragFigures }).__pharosPortfolioDrag,
  );
  expect(figures).toBeDefined();
  console.log(
    `Timeline drag, ${figures!.candidates} candidates × ${figures!.months} months × ${figures!.roles} roles: ` +
      `last step ${figures!.last.toFixed(1)} ms (usage ${figures!.lastCompute.toFixed(2)} ms), ` +
      `worst ${figures!.max.toFixed(1)} ms over ${figures!.count} steps`,
  );
  expect(figures!.candidates).toBe(300);
  expect(figures!.last).toBeLessThanOrEqual(50);
  expect(figures!.max).toBeLessThanOrEqual(50);

  await capacity.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}-histogram.png` });
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByText(/^Plan saved/)).toBeVisible();
  await expect(page.getByText('set by hand')).toBeVisible();

  // One more month by keyboard (the candidate is still picked), then re-solve around that choice:
  // it is pinned where it is (fixed in, no longer shiftable) and the rest is planned around it.
  await bars.focus();
  await page.keyboard.press(months > 0 ? 'ArrowLeft' : 'ArrowRight');
  await expect(page.getByText('1 changed by hand')).toBeVisible();
  await page.getByRole('button', { name: 'Re-solve around my choices' }).click();
  await expect(page.getByRole('status', { name: 'Solver progress' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Solver progress' })).toBeHidden({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Candidates' }).click();
  await page.getByRole('textbox', { name: 'Search candidates' }).fill(row.name);
  await expect(page.getByRole('combobox', { name: `Fixed: ${row.name}`, exact: true })).toHaveValue('in');
  await expect(page.getByRole('checkbox', { name: `Shiftable: ${row.name}`, exact: true })).not.toBeChecked();
});

test('a new scenario from the proposals and projects of a portfolio', async ({ page }) => {
  await signIn(page, ADMIN);
  await navigateTo(page, 'Scenarios');
  await page.getByRole('button', { name: 'New scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'New scenario' });
  await dialog.getByRole('textbox', { name: label('Code') }).fill(`SC-2Y-${Date.now().toString(36)}`);
  await dialog.getByRole('textbox', { name: label('Name') }).fill('Two years, tight capex');
  await dialog.getByRole('textbox', { name: label('Portfolio') }).click();
  await dialog.getByRole('textbox', { name: label('Portfolio') }).fill('Digital');
  await page
    .getByRole('listbox')
    .last()
    .getByRole('option', { name: /PF-DIG/ })
    .click();
  await dialog.getByRole('textbox', { name: label('Months') }).fill('24');
  await dialog.getByRole('textbox', { name: 'capex limit, year 1' }).fill('2000000');
  await page.screenshot({ path: `${shots}-new.png` });
  await dialog.getByRole('button', { name: 'Create scenario' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Two years, tight capex' })).toBeVisible();
  await expect(page.getByText(/\(24 months\)/)).toBeVisible();
  await page.getByRole('tab', { name: 'Constraints' }).click();
  await expect(page.getByRole('textbox', { name: /^Limit of capex in / }).first()).toHaveValue('2,000,000');
});

test('compare two scenarios side by side', async ({ page }) => {
  await signIn(page, ADMIN);
  await navigateTo(page, 'Compare', 'Compare scenarios');
  const picker = page.getByRole('textbox', { name: label('Scenarios') });
  for (const code of ['SC-BALANCED', 'SC-NPV']) {
    await picker.click();
    await page
      .getByRole('listbox')
      .last()
      .getByRole('option', { name: new RegExp(`^${code} `) })
      .click();
  }
  await page.keyboard.press('Escape');
  const side = page.getByRole('table', { name: 'Scenarios side by side' });
  await expect(side).toContainText('SC-BALANCED');
  await expect(side).toContainText('SC-NPV');
  await expect(
    page.getByRole('table', { name: 'Cost by line and year' }).locator('tbody tr').first(),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Differences' })).toBeVisible();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${shots}-compare.png`, fullPage: true });
});

test('commit a scenario: its proposals become projects in the registry', async ({ page }) => {
  await openScenario(page, 'SC-BALANCED');
  await page.getByRole('button', { name: 'Commit', exact: true }).click();
  const dialog = page.getByRole('dialog');
  const listed = dialog.getByRole('table', { name: 'What the commit does' }).locator('tbody tr');
  await expect(listed.first()).toBeVisible();
  const proposal = dialog
    .getByRole('table', { name: 'What the commit does' })
    .locator('tbody tr')
    .filter({ hasText: 'a new project' })
    .first();
  const name = ((await proposal.locator('td').first().textContent()) ?? '').trim();
  expect(name).not.toBe('');
  await page.screenshot({ path: `${shots}-commit.png` });
  await dialog.getByRole('button', { name: /^Commit \d+ project/ }).click();
  await expect(page.getByText(/^Committed: \d+ projects? created/)).toBeVisible();
  await expect(page.getByText('Committed', { exact: true }).first()).toBeVisible();

  await page.getByRole('link', { name: 'plan of record' }).click();
  await expect(page.getByRole('tab', { name: 'Plan of record', selected: true })).toBeVisible();
  await expect(page.getByText(/SC-BALANCED · /).first()).toBeVisible();
  await page.screenshot({ path: `${shots}-plan-of-record.png`, fullPage: true });

  await navigateTo(page, 'Projects');
  await page.getByRole('searchbox', { name: 'Search projects' }).fill(name);
  await expect(page.getByRole('table', { name: 'Projects' }).getByText(name, { exact: true })).toBeVisible();
});

test('the efficient frontier: value against budget, and a point picked as the plan', async ({ page }) => {
  test.setTimeout(240_000);
  await openScenario(page, 'SC-NPV');
  await page.getByRole('tab', { name: 'Frontier' }).click();
  await page.getByRole('button', { name: 'Compute the frontier' }).click();
  await expect(page.getByText('Computing the efficient frontier…')).toBeVisible();
  await expect(page.getByText('Computing the efficient frontier…')).toBeHidden({ timeout: 150_000 });
  const chart = page.getByTestId('frontier-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  await page.waitForTimeout(600); // the chart's entry animation
  await page.screenshot({ path: `${shots}-frontier.png`, fullPage: true });
  // The points are listed under the chart too: pick the one with the largest budget.
  const points = page.getByRole('table', { name: 'Frontier points' }).locator('tbody tr');
  expect(await points.count()).toBeGreaterThanOrEqual(3);
  await points.last().getByRole('button', { name: 'Look at' }).click();
  await page.getByRole('button', { name: 'Use this plan' }).click();
  await expect(page.getByText('The plan of this point is now the scenario’s plan.')).toBeVisible();
});
