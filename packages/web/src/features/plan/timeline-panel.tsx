import { Box, Group, Text, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { routes } from '@pharos/api';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/query-state';
import { HEADER_HEIGHT } from './gantt-geometry';
import { paletteFrom } from './gantt-palette';
import { paintTimeline, TIMELINE_ROW, type TimelineItems } from './paint-timeline';
import { planKeys } from './plan-cache';
import { formatPlanDate, MINUTES_PER_DAY, toMinutes } from './plan-time';

const FONT = '12px Inter, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const NAMES = 260;

/** A portfolio's or program's projects on one time line: their span, milestones and slippage. */
export function TimelinePanel({ kind, id }: { kind: 'portfolio' | 'program'; id: string }): ReactNode {
  const q = useQuery({
    queryKey: planKeys.timeline(kind, id),
    queryFn: () =>
      api.call(kind === 'portfolio' ? routes.timeline.portfolio : routes.timeline.program, {
        params: { id },
      }),
  });
  return (
    <QueryState query={q} label="Loading the timeline">
      {() =>
        q.data!.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            No project here has a plan yet.
          </Text>
        ) : (
          <TimelineChart items={q.data!.items} />
        )
      }
    </QueryState>
  );
}

const slip = (finish: string | null, baseline: string | null) => {
  const d = (toMinutes(finish) - toMinutes(baseline)) / MINUTES_PER_DAY;
  return Number.isNaN(d)
    ? ''
    : d > 0
      ? `${Math.round(d)} days late`
      : d < 0
        ? `${Math.round(-d)} days early`
        : 'on baseline';
};

function TimelineChart({ items }: { items: TimelineItems }) {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  const palette = useMemo(() => paletteFrom(theme, dark), [theme, dark]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const height = HEADER_HEIGHT + items.length * TIMELINE_ROW;
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useLayoutEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    c.style.width = `${width}px`;
    c.style.height = `${height}px`;
    paintTimeline(ctx, items, width, dpr, palette, FONT);
  }, [items, width, height, palette]);
  return (
    <>
      <Group
        gap={0}
        align="flex-start"
        wrap="nowrap"
        style={{
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 8,
          overflow: 'hidden',
        }}
      >
        <Box w={NAMES} style={{ flex: 'none', borderRight: '1px solid var(--mantine-color-gray-3)' }}>
          <Box
            h={HEADER_HEIGHT}
            px="sm"
            bg="gray.0"
            style={{
              display: 'flex',
              alignItems: 'flex-end',
              paddingBottom: 6,
              borderBottom: '1px solid var(--mantine-color-gray-3)',
            }}
          >
            <Text size="xs" fw={600}>
              Project
            </Text>
          </Box>
          {items.map((it, r) => (
            <Box
              key={it.projectId}
              h={TIMELINE_ROW}
              px="sm"
              bg={r % 2 ? undefined : 'gray.0'}
              style={{ display: 'flex', alignItems: 'center', overflow: 'hidden', whiteSpace: 'nowrap' }}
            >
              <AnchorLink
                to="/projects/$id"
                params={{ id: it.projectId }}
                search={{ tab: 'plan' }}
                size="sm"
                truncate
              >
                {it.code} {it.name}
              </AnchorLink>
            </Box>
          ))}
        </Box>
        <Box ref={box} style={{ flex: 1, minWidth: 0 }}>
          <canvas
            ref={canvas}
            role="img"
            aria-label={`Timeline of ${items.length} projects; the table below lists the same dates`}
          />
        </Box>
      </Group>
      <table className="visually-hidden" aria-label="Project timeline">
        <thead>
          <tr>
            <th>Project</th>
            <th>Start</th>
            <th>Finish</th>
            <th>Against baseline</th>
            <th>Milestones</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={it.projectId}>
              <td>
                {it.code} {it.name}
              </td>
              <td>{formatPlanDate(it.start)}</td>
              <td>{formatPlanDate(it.finish)}</td>
              <td>{slip(it.finish, it.baselineFinish)}</td>
              <td>{it.milestones.map((m) => `${m.name} ${formatPlanDate(m.date)}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
