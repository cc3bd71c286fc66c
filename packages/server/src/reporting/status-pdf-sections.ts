/*
 * The body sections of the status-report PDF: why each colour (the rules' facts and the
 * manager's override), key metrics beside the RAG trend strip, the narrative, and the top risks,
 * issues and decisions.
 */

import { type ProjectStatusReport, RAG_DIMENSIONS, type RagRating } from './model';
import {
  type Cell,
  type Cursor,
  chip,
  type Doc,
  fit,
  font,
  hex,
  LEFT,
  note,
  sectionTitle,
  table,
  WIDTH,
  winAnsi,
} from './pdf-parts';
import {
  DIMENSION_LABEL,
  day,
  MUTED,
  money,
  NAVY,
  NAVY_LIGHT,
  percent,
  RAG_FILL,
  RAG_WORD,
  ratio,
  vacPercent,
} from './theme';

export function why(cur: Cursor, r: ProjectStatusReport): void {
  sectionTitle(cur, 'Why these colours', 100);
  const rows: Cell[][] = [r.overall, ...RAG_DIMENSIONS.map((d) => r.dimensions[d])].map((dim, i) => {
    const label = i === 0 ? 'Overall' : DIMENSION_LABEL[RAG_DIMENSIONS[i - 1]!];
    const overridden = dim.suggested !== dim.reported;
    const because = overridden
      ? `Suggested ${RAG_WORD[dim.suggested]}, reported ${RAG_WORD[dim.reported]} — because ${dim.justification ?? 'no justification given'}`
      : '';
    return [
      { text: label, bold: true },
      { text: '', rag: dim.suggested },
      { text: '', rag: dim.reported },
      dim.reasons.join('; ') || '–',
      { text: because, colour: overridden ? NAVY : MUTED, bold: overridden },
    ];
  });
  table(
    cur,
    [
      { title: 'Dimension', width: 62 },
      { title: 'Rules', width: 34, align: 'center' },
      { title: 'Reported', width: 44, align: 'center' },
      { title: 'Measured', width: 150 },
      { title: 'Override', width: 210 },
    ],
    rows,
  );
}

function metricRows(r: ProjectStatusReport): [string, string][] {
  const m = r.metrics;
  const vac = vacPercent(m.budget, m.eac);
  const next = m.nextMilestones[0];
  return [
    ['SPI / CPI', `${ratio(m.spi)} / ${ratio(m.cpi)}`],
    ['Complete', percent(m.percentComplete)],
    ['Budget (BAC)', money(m.budget, m.currency)],
    ['Actual cost', money(m.actual, m.currency)],
    [
      'Forecast (EAC)',
      `${money(m.eac, m.currency)}${vac === null ? '' : `  (${vac >= 0 ? '+' : ''}${vac.toFixed(1)} % VAC)`}`,
    ],
    ['Next milestone', next ? `${next.name}, ${day(next.forecast ?? next.due)}` : '–'],
    [
      'Slipped milestones',
      m.slippedMilestones.length
        ? m.slippedMilestones.map((s) => `${s.name} (+${s.slipDays} d)`).join(', ')
        : 'none',
    ],
    [
      'Open risks',
      `${m.openRisks.critical} critical · ${m.openRisks.high} high · ${m.openRisks.medium} medium · ${m.openRisks.low} low`,
    ],
    ['Overdue issues', String(m.overdueIssues)],
  ];
}

/** Key metrics on the left, the RAG trend strip on the right. */
export function metricsAndTrend(cur: Cursor, r: ProjectStatusReport): void {
  const { doc } = cur;
  cur.ensure(175);
  const half = WIDTH * 0.5;
  const top = cur.y;
  font(doc, 10.5, true, NAVY).text('KEY METRICS', LEFT, top, { characterSpacing: 0.6, lineBreak: false });
  font(doc, 10.5, true, NAVY).text('RAG TREND', LEFT + half + 16, top, {
    characterSpacing: 0.6,
    lineBreak: false,
  });
  doc
    .moveTo(LEFT, top + 14)
    .lineTo(LEFT + WIDTH, top + 14)
    .lineWidth(0.8)
    .strokeColor(hex(NAVY))
    .stroke();
  let y = top + 20;
  for (const [label, value] of metricRows(r)) {
    font(doc, 8.5, false, MUTED).text(label, LEFT, y, { width: 80, lineBreak: false });
    font(doc, 8.5, true).text(fit(doc, value, half - 86), LEFT + 82, y, { lineBreak: false });
    if (label === 'Complete' && r.metrics.percentComplete !== null) {
      const bx = LEFT + 120;
      const bw = half - 130;
      doc.roundedRect(bx, y + 1, bw, 7, 3).fill(hex(NAVY_LIGHT));
      doc.roundedRect(bx, y + 1, (bw * Math.min(100, r.metrics.percentComplete)) / 100, 7, 3).fill(hex(NAVY));
    }
    y += 15.5;
  }
  trendStrip(doc, r, LEFT + half + 16, top + 20, half - 16);
  cur.y = Math.max(y, top + 20 + 8 * 15) + 10;
}

function trendStrip(doc: Doc, r: ProjectStatusReport, x: number, y: number, w: number): void {
  const hist = r.history.slice(-12);
  const labelW = 58;
  const cell = Math.min(15, (w - labelW) / Math.max(hist.length, 1));
  const rows: [string, (i: number) => RagRating][] = [
    ['Overall', (i) => hist[i]!.overall],
    ...RAG_DIMENSIONS.map((d): [string, (i: number) => RagRating] => [
      DIMENSION_LABEL[d],
      (i) => hist[i]!.dimensions[d],
    ]),
  ];
  rows.forEach(([label, at], k) => {
    const ry = y + k * (cell + 2) + (k > 0 ? 4 : 0);
    font(doc, 7.5, k === 0, k === 0 ? NAVY : MUTED).text(label, x, ry + cell / 2 - 3.5, {
      width: labelW,
      lineBreak: false,
    });
    hist.forEach((_, i) => {
      chip(doc, x + labelW + i * cell, ry, at(i), cell - 2);
    });
  });
  const ly = y + rows.length * (cell + 2) + 6;
  hist.forEach((h, i) => {
    if ((hist.length - 1 - i) % 2 !== 0) return;
    const short = h.period.replace(/^\d{4}-/, '');
    font(doc, 6, false, MUTED).text(short, x + labelW + i * cell - 4, ly, {
      width: cell + 6,
      align: 'center',
      lineBreak: false,
    });
  });
  font(doc, 6.5, false, MUTED).text(`Last ${hist.length} periods, oldest left`, x + labelW, ly + 10, {
    width: w - labelW,
    lineBreak: false,
  });
}

export function narrative(cur: Cursor, r: ProjectStatusReport): void {
  const { doc } = cur;
  const parts: [string, string][] = [
    ['Done this period', r.narrative.done],
    ['Planned next period', r.narrative.next],
    ['Issues', r.narrative.issues],
    ['Help needed', r.narrative.helpNeeded],
  ];
  sectionTitle(cur, 'Narrative', 80);
  const colW = (WIDTH - 18) / 2;
  for (let k = 0; k < parts.length; k += 2) {
    const pair = parts.slice(k, k + 2);
    font(doc, 9);
    const h = Math.max(...pair.map(([, t]) => doc.heightOfString(winAnsi(t || '–'), { width: colW }))) + 16;
    cur.ensure(h);
    pair.forEach(([title, text], i) => {
      const x = LEFT + i * (colW + 18);
      font(doc, 8.5, true, NAVY).text(title, x, cur.y, { lineBreak: false });
      font(doc, 9).text(winAnsi(text || '–'), x, cur.y + 12, { width: colW });
    });
    cur.y += h + 8;
  }
}

export function registers(cur: Cursor, r: ProjectStatusReport): void {
  const band = (s: number): RagRating => (s >= 15 ? 'red' : s >= 8 ? 'amber' : 'green');
  sectionTitle(cur, 'Top risks', 90);
  if (!r.topRisks.length) note(cur, 'No open risks.');
  else
    table(
      cur,
      [
        { title: 'Ref', width: 40 },
        { title: 'Risk', width: 190 },
        { title: 'Owner', width: 70 },
        { title: 'P × I', width: 36, align: 'center' },
        { title: 'Score', width: 44 },
        { title: 'Response', width: 190 },
      ],
      r.topRisks.map((x) => [
        x.ref,
        x.title,
        x.owner,
        `${x.probability} × ${x.impact}`,
        { text: String(x.score), rag: band(x.score) },
        x.response,
      ]),
    );
  sectionTitle(cur, 'Top issues', 90);
  if (!r.topIssues.length) note(cur, 'No open issues.');
  else
    table(
      cur,
      [
        { title: 'Ref', width: 40 },
        { title: 'Issue', width: 230 },
        { title: 'Severity', width: 56 },
        { title: 'Owner', width: 90 },
        { title: 'Due', width: 70 },
        { title: 'Status', width: 80 },
      ],
      r.topIssues.map((x) => [
        x.ref,
        x.title,
        x.severity,
        x.owner,
        day(x.due),
        x.overdue
          ? { text: x.escalated ? 'Overdue, escalated' : 'Overdue', colour: RAG_FILL.red, bold: true }
          : { text: x.escalated ? 'Escalated' : 'Open', colour: MUTED },
      ]),
    );
  sectionTitle(cur, 'Decisions needed', 50);
  if (!r.decisionsNeeded.length) note(cur, 'No decisions needed this period.');
  else
    table(
      cur,
      [
        { title: 'Ref', width: 40 },
        { title: 'Decision', width: 300 },
        { title: 'Asked of', width: 110 },
        { title: 'Needed by', width: 80 },
      ],
      r.decisionsNeeded.map((x) => [x.ref, x.title, x.decider, day(x.neededBy)]),
    );
}
