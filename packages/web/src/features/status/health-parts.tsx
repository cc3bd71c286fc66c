import { Group, Text, Tooltip } from '@mantine/core';
import { type RagDimensionName, type RagRatingT, ragDimensionLabels, ragDimensions } from '@pharos/api';
import type { ReactNode } from 'react';
import { RagDot, ragFill, ragLabel } from './rag';

/*
 * Small pieces the dashboard and the Health tab share: a colour strip over periods (the
 * sparkline), a trend arrow, the share of each colour as one bar, and a row of dimension dots.
 */

export type Counts = { green: number; amber: number; red: number; unknown: number; missing: number };
export type Trend = 'improving' | 'stable' | 'worsening' | 'unknown';

/** One small block per period, oldest left: the colour history of a project or group. */
export function Sparkline({ history, label }: { history: RagRatingT[]; label: string }) {
  const w = 7;
  const gap = 2;
  const width = history.length * (w + gap) - gap;
  const said = history.map((r) => ragLabel[r]).join(', ');
  return (
    <svg
      width={width}
      height={14}
      viewBox={`0 0 ${width} 14`}
      role="img"
      aria-label={`${label}: ${said}`}
      style={{ display: 'block', flex: 'none' }}
    >
      <title>{`${label}, oldest first: ${said}`}</title>
      {history.map((rag, i) => (
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: periods are positional
          key={i}
          x={i * (w + gap)}
          y={rag === 'unknown' ? 5 : 0}
          width={w}
          height={rag === 'unknown' ? 4 : 14}
          rx={1.5}
          fill={ragFill[rag]}
        />
      ))}
    </svg>
  );
}

const trendText: Record<Trend, { glyph: string; colour: string; label: string }> = {
  worsening: { glyph: '▼', colour: 'var(--mantine-color-red-7)', label: 'Worsening' },
  improving: { glyph: '▲', colour: 'var(--mantine-color-green-7)', label: 'Improving' },
  stable: { glyph: '►', colour: 'var(--mantine-color-gray-6)', label: 'Stable' },
  unknown: { glyph: '·', colour: 'var(--mantine-color-gray-5)', label: 'No trend yet' },
};

export function TrendArrow({ trend, withLabel = false }: { trend: Trend; withLabel?: boolean }) {
  const t = trendText[trend];
  return (
    <Text
      span
      size="xs"
      fw={600}
      c={t.colour}
      title={t.label}
      aria-label={t.label}
      style={{ whiteSpace: 'nowrap' }}
    >
      {t.glyph}
      {withLabel ? ` ${t.label}` : ''}
    </Text>
  );
}

const order: (keyof Counts)[] = ['red', 'amber', 'green', 'unknown', 'missing'];
const fillOf = (k: keyof Counts) =>
  k === 'missing'
    ? 'repeating-linear-gradient(135deg, var(--mantine-color-gray-4) 0 3px, var(--mantine-color-gray-1) 3px 6px)'
    : ragFill[k];
export const countLabel: Record<keyof Counts, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  unknown: 'Not rated',
  missing: 'No report',
};

/** The colours of a set of projects as one bar, red first. */
export function CountsBar({ counts, height = 8 }: { counts: Counts; height?: number }) {
  const total = order.reduce((n, k) => n + counts[k], 0);
  const said = order.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${countLabel[k].toLowerCase()}`);
  return (
    <div
      role="img"
      aria-label={said.join(', ') || 'No projects'}
      title={said.join(' · ')}
      style={{
        display: 'flex',
        height,
        borderRadius: height / 2,
        overflow: 'hidden',
        background: 'var(--mantine-color-gray-1)',
      }}
    >
      {total > 0 &&
        order.map((k) =>
          counts[k] > 0 ? (
            <div key={k} style={{ width: `${(100 * counts[k]) / total}%`, background: fillOf(k) }} />
          ) : null,
        )}
    </div>
  );
}

/** The counts in words: "3 red · 5 amber · 12 green · 2 no report". */
export function CountsText({ counts }: { counts: Counts }): ReactNode {
  const parts = order.filter((k) => counts[k] > 0);
  if (parts.length === 0)
    return (
      <Text span c="dimmed" size="xs">
        No projects
      </Text>
    );
  return (
    <Group gap={10} wrap="wrap">
      {parts.map((k) => (
        <Group key={k} gap={4} wrap="nowrap">
          {k === 'missing' ? (
            <span
              aria-hidden
              style={{
                width: 10,
                height: 10,
                borderRadius: 2,
                background: fillOf(k),
                display: 'inline-block',
              }}
            />
          ) : (
            <RagDot rag={k} size={10} />
          )}
          <Text span size="xs">
            {counts[k]} {countLabel[k].toLowerCase()}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/** The six dimensions as dots, in order, each named. */
export function DimensionDots({ dimensions }: { dimensions: Record<RagDimensionName, RagRatingT> }) {
  return (
    <Group gap={4} wrap="nowrap">
      {ragDimensions.map((d) => (
        <Tooltip
          key={d}
          label={`${ragDimensionLabels[d]}: ${ragLabel[dimensions[d]]}`}
          withArrow
          openDelay={200}
        >
          <span>
            <RagDot
              rag={dimensions[d]}
              size={11}
              label={`${ragDimensionLabels[d]}: ${ragLabel[dimensions[d]]}`}
            />
          </span>
        </Tooltip>
      ))}
    </Group>
  );
}

/** "W46 · 9–15 Nov 2026". */
export function periodText(p: { key: string; start: string; end: string }) {
  const fmt = (iso: string, withYear: boolean) =>
    new Intl.DateTimeFormat(undefined, {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  return `${p.key} · ${fmt(p.start, false)} – ${fmt(p.end, true)}`;
}
