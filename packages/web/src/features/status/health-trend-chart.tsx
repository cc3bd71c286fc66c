import { Box, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import type { RagRatingT } from '@pharos/api';
import { useMemo } from 'react';
import { useEChart } from '../../ui/use-echart';
import type { Counts } from './health-parts';
import { ragLabel } from './rag';

export interface TrendPoint {
  key: string;
  start: string;
  rag: RagRatingT;
  counts: Counts;
}

/**
 * The trend of a scope: for each period, how many projects were red, amber and green, or sent no
 * report (stacked, red at the bottom where the eye starts), with the period's roll-up colour as
 * a band under the axis.
 */
export function HealthTrendChart({
  trend,
  height = 240,
  label,
}: {
  trend: TrendPoint[];
  height?: number;
  label: string;
}) {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  const option = useMemo(() => {
    const c = theme.colors;
    const colour = {
      red: c.red[7],
      amber: c.orange[5],
      green: c.green[6],
      missing: c.gray[4],
      unknown: c.gray[3],
    };
    const text = dark ? c.dark[1] : c.gray[7];
    const series = (['red', 'amber', 'green', 'missing'] as const).map((k) => ({
      name: k === 'missing' ? 'No report' : ragLabel[k],
      type: 'bar',
      stack: 'projects',
      barMaxWidth: 28,
      itemStyle: { color: colour[k] },
      emphasis: { focus: 'series' },
      data: trend.map((t) => t.counts[k]),
    }));
    return {
      aria: { enabled: true },
      animation: false,
      grid: { left: 44, right: 12, top: 30, bottom: 46 },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: text, fontSize: 11 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: [
        {
          type: 'category',
          data: trend.map((t) => t.key.replace(/^\d{4}-/, '')),
          axisLabel: { color: text, fontSize: 11 },
          axisTick: { show: false },
        },
        {
          // The roll-up's colour of each period, as a band under the bars.
          type: 'category',
          position: 'bottom',
          offset: 22,
          data: trend.map((t) => ({
            value: ragLabel[t.rag],
            textStyle: {
              backgroundColor: colour[t.rag === 'unknown' ? 'unknown' : t.rag],
              color: 'transparent',
              padding: [2, 10],
              borderRadius: 2,
            },
          })),
          axisLine: { show: false },
          axisTick: { show: false },
          axisLabel: { fontSize: 6 },
        },
      ],
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: text, fontSize: 11 },
        splitLine: { lineStyle: { color: dark ? c.dark[4] : c.gray[2] } },
      },
      series,
    };
  }, [trend, theme, dark]);
  const { ref } = useEChart(option);
  return <Box ref={ref} h={height} role="img" aria-label={label} data-testid="health-trend" />;
}
