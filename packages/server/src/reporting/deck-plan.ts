/*
 * Which slides a portfolio deck gets, in order: title, summary, the health table over as many
 * slides as it needs (worst first), one slide per project needing attention, and the closing
 * tables (decisions waiting, escalations, late and missing reports) packed onto slides and
 * continued where they do not fit.
 */

import { CONTENT_BOTTOM, CONTENT_TOP, cell, type Row } from './deck-parts';
import type { DeckProject, PortfolioDeck, ProjectStatusReport } from './model';
import { chunk, day, excerpt, MUTED, RAG_INK, RAG_RANK } from './theme';

export const HEALTH_ROWS_PER_SLIDE = 20;
export const ROW_H = 0.26;
/** A closing section's heading, table header and the gap after it. */
const SECTION_H = 0.42 + ROW_H + 0.3;
const CLOSING_H = CONTENT_BOTTOM - CONTENT_TOP;

export interface Section {
  title: string;
  header: string[];
  colW: number[];
  rows: Row[];
}

export type PlannedSlide =
  | { kind: 'title' }
  | { kind: 'summary' }
  | { kind: 'health'; projects: DeckProject[]; page: number; pages: number }
  | { kind: 'project'; report: ProjectStatusReport }
  | { kind: 'closing'; parts: { section: Section; rows: Row[]; continued: boolean }[] };

const TREND_ORDER = { worsening: 0, new: 1, steady: 2, improving: 3 } as const;

/** Worst first, then those getting worse, then by code. */
export function healthOrder(a: DeckProject, b: DeckProject): number {
  return (
    RAG_RANK[a.overall] - RAG_RANK[b.overall] ||
    TREND_ORDER[a.trend] - TREND_ORDER[b.trend] ||
    a.code.localeCompare(b.code)
  );
}

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function closingSections(deck: PortfolioDeck): Section[] {
  const name = new Map(deck.projects.map((p) => [p.code, p.name]));
  const project = (code: string) => excerpt(`${code} ${name.get(code) ?? ''}`, 34);
  const waiting = (raised: string) =>
    `${Math.max(0, Math.round((Date.parse(deck.reportDate) - Date.parse(raised)) / 86_400_000))} d`;
  return [
    {
      title: 'Decisions waiting',
      header: ['Project', 'Decision', 'Asked of', 'Needed by', 'Waiting'],
      colW: [3, 5.2, 1.9, 1.2, 0.8],
      rows: [...deck.decisionsWaiting]
        .sort((a, b) => (a.neededBy ?? '9999').localeCompare(b.neededBy ?? '9999'))
        .map((d) => [
          cell(project(d.code)),
          cell(excerpt(d.title, 70)),
          cell(d.decider),
          cell(day(d.neededBy)),
          cell(waiting(d.raised), { align: 'right' }),
        ]),
    },
    {
      title: 'Escalations',
      header: ['Project', 'Escalated item', 'From → to', 'Owner', 'Since'],
      colW: [3, 5.2, 1.9, 1.2, 0.8],
      rows: deck.escalations.map((e) => [
        cell(project(e.code)),
        cell(excerpt(`${e.ref} ${e.title}`, 70)),
        cell(excerpt(`${e.fromOffice} → ${e.toOffice}`, 34), { fontSize: 8 }),
        cell(e.owner),
        cell(day(e.since)),
      ]),
    },
    {
      title: 'Late and missing reports',
      header: ['Project', 'Project manager', 'Due', 'State', 'Days late'],
      colW: [5, 3, 1.7, 1.6, 0.8],
      rows: deck.lateReports.map((l) => [
        cell(excerpt(`${l.code} ${l.name}`, 60)),
        cell(l.manager),
        cell(day(l.due)),
        cell(l.state === 'missing' ? 'Missing' : 'Late', {
          color: RAG_INK[l.state === 'missing' ? 'red' : 'amber'],
          bold: true,
        }),
        cell(String(l.daysLate), { align: 'right' }),
      ]),
    },
  ];
}

/** The slides a deck gets, in order; tables longer than a slide continue on the next. */
export function planDeck(deck: PortfolioDeck): PlannedSlide[] {
  const sorted = [...deck.projects].sort(healthOrder);
  const pages = chunk(sorted, HEALTH_ROWS_PER_SLIDE);
  const plan: PlannedSlide[] = [{ kind: 'title' }, { kind: 'summary' }];
  pages.forEach((projects, i) => {
    plan.push({ kind: 'health', projects, page: i + 1, pages: pages.length });
  });
  for (const report of deck.attention) plan.push({ kind: 'project', report });
  // Closing: sections packed onto slides; a section's title and header take two rows' room.
  let parts: Extract<PlannedSlide, { kind: 'closing' }>['parts'] = [];
  let room = CLOSING_H;
  for (const section of closingSections(deck)) {
    let rows = section.rows.length
      ? section.rows
      : [[cell('None.', { color: MUTED, colspan: section.header.length })]];
    let continued = false;
    while (rows.length) {
      const fits = Math.floor((room - SECTION_H) / ROW_H + 1e-9);
      if (fits < Math.min(3, rows.length)) {
        plan.push({ kind: 'closing', parts });
        parts = [];
        room = CLOSING_H;
        continue;
      }
      const take = rows.slice(0, fits);
      parts.push({ section, rows: take, continued });
      room -= SECTION_H + take.length * ROW_H;
      rows = rows.slice(take.length);
      continued = true;
    }
  }
  plan.push({ kind: 'closing', parts });
  return plan;
}
