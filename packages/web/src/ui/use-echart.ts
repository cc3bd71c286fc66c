import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

/*
 * ECharts, loaded on first use (a dynamic import: the charts live in their own chunk, so pages
 * without a chart do not download them), with only the chart kinds and parts Pharos draws.
 */
type Core = typeof import('echarts/core');
let loading: Promise<Core> | null = null;

export function loadECharts(): Promise<Core> {
  loading ??= import('./echarts-setup').then((m) => m.echarts);
  return loading;
}

export interface EChartEvent {
  componentType: string;
  seriesIndex?: number;
  seriesId?: string;
  dataIndex: number;
  data: unknown;
}

/**
 * A chart in the element given to the returned `ref` (a callback ref: the element may appear after
 * the first render): set up once ECharts is loaded, given `option` whenever it changes (replacing
 * the previous one), resized with its box, disposed when the element goes. `onClick` receives
 * clicks on data items.
 */
export function useEChart(option: EChartsCoreOption | null, onClick?: (e: EChartEvent) => void) {
  const [el, ref] = useState<HTMLDivElement | null>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!el) return;
    let gone = false;
    let ro: ResizeObserver | null = null;
    void loadECharts().then((ec) => {
      if (gone) return;
      const c = ec.init(el, undefined, { renderer: 'canvas' });
      c.on('click', (e) => click.current?.(e as unknown as EChartEvent));
      chart.current = c;
      ro = new ResizeObserver(() => c.resize());
      ro.observe(el);
      setReady(true);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [el]);

  useEffect(() => {
    if (ready && option) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  return { ref, ready, chart };
}
