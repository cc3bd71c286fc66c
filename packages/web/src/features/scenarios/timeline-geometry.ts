import type { MantineTheme } from '@mantine/core';

/** Where things are on the scenario timeline and its histograms (CSS pixels). */
export const LABEL_W = 280;
export const ROW = 26;
export const HEADER = 40;
export const BAR_H = 16;
export const PANEL_H = 58;
export const PANEL_GAP = 8;
export const VIEWPORT_MAX = 520;
export const FONT = '12px Inter, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
export const FONT_BOLD = `600 ${FONT}`;
export const FONT_SMALL = '11px Inter, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

export interface Axis {
  x0: number;
  monthW: number;
  months: number;
}

export function axisFor(width: number, months: number): Axis {
  return { x0: LABEL_W, monthW: Math.max(4, (width - LABEL_W - 12) / Math.max(1, months)), months };
}

export const xOf = (a: Axis, m: number) => a.x0 + m * a.monthW;
/** The month under x, fractional. */
export const monthAt = (a: Axis, x: number) => (x - a.x0) / a.monthW;

/** Sizes a canvas for the device's pixels and returns its context scaled to CSS pixels. */
export function prepareCanvas(c: HTMLCanvasElement, width: number, height: number) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (c.width !== w || c.height !== h) {
    c.width = w;
    c.height = h;
    c.style.width = `${width}px`;
    c.style.height = `${height}px`;
  }
  const ctx = c.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** The timeline's colours, from the Mantine theme so the canvas matches the rest of the app. */
export interface PlanPalette {
  background: string;
  rowAlt: string;
  header: string;
  headerText: string;
  line: string;
  grid: string;
  yearLine: string;
  text: string;
  textDim: string;
  proposal: string;
  proposalEdge: string;
  project: string;
  projectEdge: string;
  fixedEdge: string;
  window: string;
  selection: string;
  over: string;
  overWash: string;
  demand: string;
  capacity: string;
  spend: string;
  limit: string;
  onBar: string;
}

export function planPalette(theme: MantineTheme, dark: boolean): PlanPalette {
  const c = theme.colors;
  const brand = c.pharos ?? c.blue;
  if (dark)
    return {
      background: c.dark[7],
      rowAlt: c.dark[6],
      header: c.dark[6],
      headerText: c.dark[0],
      line: c.dark[4],
      grid: c.dark[5],
      yearLine: c.dark[3],
      text: c.dark[0],
      textDim: c.dark[2],
      proposal: brand[5],
      proposalEdge: brand[3],
      project: c.teal[6],
      projectEdge: c.teal[3],
      fixedEdge: c.gray[0],
      window: 'rgba(101,139,206,0.16)',
      selection: 'rgba(101,139,206,0.22)',
      over: c.red[6],
      overWash: 'rgba(250,82,82,0.12)',
      demand: brand[4],
      capacity: c.gray[2],
      spend: brand[4],
      limit: c.gray[2],
      onBar: '#fff',
    };
  return {
    background: theme.white,
    rowAlt: c.gray[0],
    header: c.gray[0],
    headerText: c.dark[5],
    line: c.gray[3],
    grid: c.gray[2],
    yearLine: c.gray[5],
    text: c.dark[7],
    textDim: c.gray[7],
    proposal: brand[6],
    proposalEdge: brand[8],
    project: c.teal[6],
    projectEdge: c.teal[8],
    fixedEdge: c.dark[7],
    window: 'rgba(67,113,198,0.10)',
    selection: 'rgba(67,113,198,0.12)',
    over: c.red[7],
    overWash: 'rgba(224,49,49,0.08)',
    demand: brand[4],
    capacity: c.dark[6],
    spend: brand[4],
    limit: c.dark[6],
    onBar: '#fff',
  };
}
