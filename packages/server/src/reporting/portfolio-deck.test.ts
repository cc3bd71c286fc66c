import { describe, expect, it } from 'vitest';
import { HEALTH_ROWS_PER_SLIDE, planDeck } from './deck-plan';
import { portfolioDeckPptx } from './portfolio-deck';
import { demoDeck } from './sample';
import { unzip } from './test-files';

const at = new Date('2026-11-24T09:12:00Z');

function slides(pptx: Buffer) {
  const files = unzip(pptx);
  const names = [...files.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k));
  return { files, xml: names.map((n) => files.get(n)!.toString('utf8')).join('\n'), count: names.length };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('portfolioDeckPptx', () => {
  it('makes a 16:9 deck: title, summary, health pages, one slide per project needing attention, closing', async () => {
    const deck = demoDeck(45, 3);
    const pptx = await portfolioDeckPptx(deck, { generatedAt: at });
    const { files, xml, count } = slides(pptx);
    const plan = planDeck(deck);
    const closing = plan.filter((s) => s.kind === 'closing').length;
    expect(closing).toBeGreaterThanOrEqual(1);
    expect(count).toBe(plan.length);
    expect(count).toBe(2 + Math.ceil(45 / HEALTH_ROWS_PER_SLIDE) + deck.attention.length + closing);
    expect(files.get('ppt/presentation.xml')!.toString()).toContain('cx="12192000" cy="6858000"');
    for (const p of deck.projects) expect(xml.includes(escapeXml(p.name)), escapeXml(p.name)).toBe(true);
    expect(xml.includes('Portfolio at a glance'), 'Portfolio at a glance').toBe(true);
    expect(xml.includes('Decisions and escalations'), 'Decisions and escalations').toBe(true);
    // A doughnut on the summary and an SPI/CPI line chart per attention slide.
    const charts = [...files.keys()].filter((k) => /^ppt\/charts\/chart\d+\.xml$/.test(k));
    expect(charts.length).toBe(1 + deck.attention.length);
    expect(charts.map((c) => files.get(c)!.toString()).join()).toContain('<c:doughnutChart>');
  });

  it('escapes names and continues long closing tables on further slides', async () => {
    const deck = demoDeck(6, 5);
    deck.projects[0]!.name = 'R&D <Lab> “Ω”';
    const one = deck.decisionsWaiting[0] ?? {
      ref: 'D-1',
      title: 'Approve',
      decider: 'Board',
      neededBy: '2026-12-01',
      code: deck.projects[0]!.code,
      raised: '2026-11-01',
    };
    deck.decisionsWaiting = Array.from({ length: 45 }, (_, i) => ({
      ...one,
      ref: `D-${i}`,
      title: `Decision ${i}`,
    }));
    const plan = planDeck(deck);
    const closing = plan.filter((s) => s.kind === 'closing');
    expect(closing.length).toBeGreaterThanOrEqual(3);
    const shown = closing.flatMap((s) => (s.kind === 'closing' ? s.parts : []));
    expect(
      shown.filter((p) => p.section.title === 'Decisions waiting').reduce((a, p) => a + p.rows.length, 0),
    ).toBe(45);
    const { xml, count } = slides(await portfolioDeckPptx(deck, { generatedAt: at }));
    expect(count).toBe(plan.length);
    expect(xml.includes('R&amp;D &lt;Lab&gt; “Ω”'), 'R&amp;D &lt;Lab&gt; “Ω”').toBe(true);
    expect(xml.includes('Decision 44'), 'Decision 44').toBe(true);
    expect(xml.includes('DECISIONS WAITING (CONTINUED)'), 'DECISIONS WAITING (CONTINUED)').toBe(true);
  });

  it('builds a 200-project deck', async () => {
    const deck = demoDeck(200, 1);
    const t = performance.now();
    const pptx = await portfolioDeckPptx(deck, { generatedAt: at });
    const ms = performance.now() - t;
    const { count } = slides(pptx);
    expect(count).toBe(planDeck(deck).length);
    console.log(
      `200-project deck: ${count} slides (${deck.attention.length} needing attention), ` +
        `${(pptx.length / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms`,
    );
  });
});
