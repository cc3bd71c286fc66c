/*
 * One slide for a project that needs attention: its colours (overall and per dimension, with the
 * rules' suggestion where the manager overrode it, and why), key metrics, the narrative in short,
 * its twelve-period trend (a RAG strip and a native SPI/CPI line chart) and its top risks.
 */

import {
  addTable,
  CONTENT_W,
  cell,
  FONT,
  headerRow,
  heading,
  MARGIN,
  MASTER,
  type Pptx,
  type Row,
  ragCell,
  ragTile,
  type Slide,
  title,
  zebra,
} from './deck-parts';
import { type DeckProject, type ProjectStatusReport, RAG_DIMENSIONS, type Rag } from './model';
import {
  DIMENSION_LABEL,
  day,
  excerpt,
  INK,
  MUTED,
  money,
  NAVY,
  percent,
  RAG_FILL,
  RAG_LETTER,
  RAG_TEXT,
  RAG_WORD,
  ratio,
  TREND_GLYPH,
  vacPercent,
} from './theme';

const TOP = 2.95;

function tiles(s: Slide, r: ProjectStatusReport): void {
  const gap = 0.12;
  const first = 1.9;
  const w = (CONTENT_W - first - 6 * gap) / 6;
  const y = 1.25;
  ragTile(s, { x: MARGIN, y, w: first, h: 1.05 }, 'Overall', r.overall.reported, r.overall.suggested);
  RAG_DIMENSIONS.forEach((d, i) => {
    const dim = r.dimensions[d];
    ragTile(
      s,
      { x: MARGIN + first + gap + i * (w + gap), y, w, h: 1.05 },
      DIMENSION_LABEL[d],
      dim.reported,
      dim.suggested,
    );
  });
  const overrides = RAG_DIMENSIONS.filter((d) => r.dimensions[d].suggested !== r.dimensions[d].reported);
  const text = overrides.length
    ? overrides.map((d) => {
        const x = r.dimensions[d];
        return `${DIMENSION_LABEL[d]}: suggested ${RAG_WORD[x.suggested]}, reported ${RAG_WORD[x.reported]} — because ${excerpt(x.justification ?? 'no justification given', 110)}`;
      })
    : ['The reported colours are the rules’ suggestions (no overrides).'];
  s.addText(
    text.map((t, i) => ({ text: t, options: { breakLine: i < text.length - 1 } })),
    {
      x: MARGIN,
      y: 2.36,
      w: CONTENT_W,
      h: 0.5,
      fontFace: FONT,
      fontSize: 9.5,
      color: overrides.length ? NAVY : MUTED,
      italic: true,
      valign: 'top',
      margin: 0,
      fit: 'shrink',
    },
  );
}

function metrics(s: Slide, r: ProjectStatusReport): void {
  const m = r.metrics;
  const vac = vacPercent(m.budget, m.eac);
  const next = m.nextMilestones[0];
  const slipped = m.slippedMilestones;
  const rows: [string, string, string?][] = [
    [
      'SPI / CPI',
      `${ratio(m.spi)} / ${ratio(m.cpi)}`,
      (m.spi ?? 1) < 0.9 || (m.cpi ?? 1) < 0.9 ? RAG_FILL.red : undefined,
    ],
    ['Complete', percent(m.percentComplete)],
    ['Budget', money(m.budget, m.currency)],
    ['Actual', money(m.actual, m.currency)],
    [
      'Forecast (EAC)',
      `${money(m.eac, m.currency)}${vac === null ? '' : ` (${vac >= 0 ? '+' : ''}${vac.toFixed(0)} %)`}`,
      vac !== null && vac < -5 ? RAG_FILL.red : undefined,
    ],
    ['Next milestone', next ? `${excerpt(next.name, 18)}, ${day(next.forecast ?? next.due)}` : '–'],
    [
      'Slipped',
      slipped.length ? `${slipped.length} (worst +${Math.max(...slipped.map((x) => x.slipDays))} d)` : 'none',
      slipped.length ? RAG_FILL.red : undefined,
    ],
    ['Open risks', `${m.openRisks.critical} critical, ${m.openRisks.high} high`],
    ['Overdue issues', String(m.overdueIssues), m.overdueIssues ? RAG_FILL.red : undefined],
  ];
  heading(s, 'Key metrics', MARGIN, TOP, 3.7);
  addTable(
    s,
    zebra(
      rows.map(([k, v, colour]) => [
        cell(k, { color: MUTED }),
        cell(v, { bold: true, color: colour ?? INK }),
      ]),
    ),
    { x: MARGIN, y: TOP + 0.42, w: 3.7, colW: [1.3, 2.4], rowH: 0.3, fontSize: 9.5 },
  );
}

function narrative(s: Slide, r: ProjectStatusReport): void {
  const x = MARGIN + 3.95;
  const w = 4.55;
  heading(s, 'Narrative', x, TOP, w);
  const parts: [string, string][] = [
    ['Done', r.narrative.done],
    ['Next', r.narrative.next],
    ['Issues', r.narrative.issues],
    ['Help needed', r.narrative.helpNeeded],
  ];
  s.addText(
    parts.flatMap(([k, v], i) => [
      { text: k, options: { bold: true, color: NAVY, fontSize: 10.5, breakLine: true } },
      {
        text: excerpt(v || '–', 190),
        options: { fontSize: 10, color: INK, breakLine: i < parts.length - 1, paraSpaceAfter: 6 },
      },
    ]),
    { x, y: TOP + 0.42, w, h: 3.45, fontFace: FONT, valign: 'top', margin: 0, fit: 'shrink' },
  );
}

function trend(s: Slide, r: ProjectStatusReport): void {
  const x = MARGIN + 8.75;
  const w = CONTENT_W - 8.75;
  heading(s, `Trend, last ${r.history.length} periods`, x, TOP, w);
  const hist = r.history.slice(-12);
  const cell = Math.min(0.3, w / Math.max(hist.length, 1));
  hist.forEach((h, i) => {
    s.addText(RAG_LETTER[h.overall], {
      x: x + i * cell,
      y: TOP + 0.42,
      w: cell - 0.03,
      h: cell - 0.03,
      fontFace: FONT,
      fontSize: 9,
      bold: true,
      align: 'center',
      valign: 'middle',
      color: RAG_TEXT[h.overall],
      fill: { color: RAG_FILL[h.overall] },
      margin: 0,
    });
  });
  const ev = hist.filter((h) => h.spi !== null && h.cpi !== null);
  if (ev.length >= 2) {
    const lo = Math.min(0.8, ...ev.flatMap((h) => [h.spi!, h.cpi!]));
    const hi = Math.max(1.1, ...ev.flatMap((h) => [h.spi!, h.cpi!]));
    s.addChart(
      'line',
      [
        {
          name: 'SPI',
          labels: ev.map((h) => h.period.replace(/^\d{4}-/, '')),
          values: ev.map((h) => h.spi!),
        },
        {
          name: 'CPI',
          labels: ev.map((h) => h.period.replace(/^\d{4}-/, '')),
          values: ev.map((h) => h.cpi!),
        },
      ],
      {
        x: x - 0.1,
        y: TOP + 0.8,
        w: w + 0.1,
        h: 1.5,
        chartColors: [NAVY, 'E07B00'],
        lineSize: 2,
        lineDataSymbol: 'circle',
        lineDataSymbolSize: 5,
        valAxisMinVal: Math.floor(lo * 10) / 10,
        valAxisMaxVal: Math.ceil(hi * 10) / 10,
        valAxisMajorUnit: 0.1,
        valAxisLabelFormatCode: '0.0',
        valAxisLabelFontSize: 8,
        catAxisLabelFontSize: 7,
        catAxisLabelFrequency: '2',
        valGridLine: { color: 'E3E8EF', size: 0.5 },
        showLegend: true,
        legendPos: 't',
        legendFontSize: 8,
        altText: `SPI and CPI over the last ${ev.length} periods`,
      },
    );
  } else {
    s.addText('No earned-value history yet.', {
      x,
      y: TOP + 1.2,
      w,
      h: 0.3,
      fontFace: FONT,
      fontSize: 9,
      color: MUTED,
    });
  }
}

function risks(s: Slide, r: ProjectStatusReport): void {
  const x = MARGIN + 8.75;
  const w = CONTENT_W - 8.75;
  const y = TOP + 2.36;
  heading(s, 'Top risks', x, y, w);
  const band = (n: number): Rag => (n >= 15 ? 'red' : n >= 8 ? 'amber' : 'green');
  const rows: Row[] = r.topRisks
    .slice(0, 3)
    .map((k) => [
      cell(excerpt(`${k.ref} ${k.title}`, 58), { fontSize: 8 }),
      { ...ragCell(band(k.score)), text: String(k.score) },
    ]);
  addTable(
    s,
    [
      headerRow(['Risk', 'Score'], ['left', 'center']),
      ...(rows.length ? zebra(rows) : [[cell('No open risks.', { colspan: 2, color: MUTED })]]),
    ],
    {
      x,
      y: y + 0.42,
      w,
      colW: [3.0, 0.6],
      rowH: 0.27,
      fontSize: 8.5,
    },
  );
}

export function projectSlide(pptx: Pptx, row: DeckProject | undefined, r: ProjectStatusReport): void {
  const s = pptx.addSlide({ masterName: MASTER });
  const p = r.project;
  const move = !row
    ? ''
    : row.trend === 'steady'
      ? `${TREND_GLYPH.steady} unchanged since last period`
      : row.trend === 'new'
        ? 'first report'
        : `${TREND_GLYPH[row.trend]} ${row.trend === 'worsening' ? 'worse' : 'better'} than last period (was ${RAG_WORD[row.previousOverall]})`;
  const late = row && row.reportState !== 'on-time' ? ` · report ${row.reportState}` : '';
  title(
    s,
    `${p.code} · ${p.name}`,
    [
      p.program,
      `PM ${p.manager}`,
      `sponsor ${p.sponsor}`,
      p.phase,
      `${r.period.label}, ${day(r.reportDate)}`,
      move,
    ]
      .filter(Boolean)
      .join(' · ') + late,
  );
  tiles(s, r);
  metrics(s, r);
  narrative(s, r);
  trend(s, r);
  risks(s, r);
}
