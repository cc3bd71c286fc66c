import type { MantineTheme } from '@mantine/core';

/** The Gantt's colours, taken from the Mantine theme so the canvas matches the rest of the app. */
export interface Palette {
  background: string;
  rowLine: string;
  gridLine: string;
  nonWorking: string;
  selection: string;
  text: string;
  textDim: string;
  bar: string;
  barProgress: string;
  barBorder: string;
  critical: string;
  criticalProgress: string;
  criticalBorder: string;
  summary: string;
  milestone: string;
  baseline: string;
  link: string;
  linkCritical: string;
  today: string;
  status: string;
  headerBackground: string;
  headerText: string;
  headerLine: string;
  preview: string;
}

export function paletteFrom(theme: MantineTheme, dark: boolean): Palette {
  const c = theme.colors;
  const brand = c.pharos ?? c.blue;
  if (dark)
    return {
      background: c.dark[7],
      rowLine: c.dark[6],
      gridLine: c.dark[5],
      nonWorking: 'rgba(255,255,255,0.035)',
      selection: 'rgba(101,139,206,0.18)',
      text: c.dark[0],
      textDim: c.dark[2],
      bar: brand[4],
      barProgress: brand[2],
      barBorder: brand[3],
      critical: c.red[6],
      criticalProgress: c.red[3],
      criticalBorder: c.red[5],
      summary: c.gray[3],
      milestone: c.gray[2],
      baseline: c.gray[6],
      link: c.gray[5],
      linkCritical: c.red[5],
      today: c.orange[5],
      status: c.teal[4],
      headerBackground: c.dark[6],
      headerText: c.dark[0],
      headerLine: c.dark[4],
      preview: brand[3],
    };
  return {
    background: theme.white,
    rowLine: c.gray[1],
    gridLine: c.gray[2],
    nonWorking: c.gray[0],
    selection: brand[0],
    text: c.dark[7],
    textDim: c.gray[7],
    bar: brand[3],
    barProgress: brand[7],
    barBorder: brand[6],
    critical: c.red[3],
    criticalProgress: c.red[8],
    criticalBorder: c.red[7],
    summary: c.dark[6],
    milestone: c.dark[6],
    baseline: c.gray[5],
    link: c.gray[7],
    linkCritical: c.red[7],
    today: c.orange[6],
    status: c.teal[7],
    headerBackground: c.gray[0],
    headerText: c.dark[5],
    headerLine: c.gray[3],
    preview: brand[6],
  };
}
