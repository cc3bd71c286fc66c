import { Badge, type MantineColor } from '@mantine/core';
import type { RagRatingT } from '@pharos/api';

/** The RAG colours as Mantine colours, and how each is named. */
export const ragMantine: Record<RagRatingT, MantineColor> = {
  green: 'green',
  amber: 'orange',
  red: 'red',
  unknown: 'gray',
};

export const ragLabel: Record<RagRatingT, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  unknown: 'Not rated',
};

/** The fill of a colour cell (CSS). */
export const ragFill: Record<RagRatingT, string> = {
  green: 'var(--mantine-color-green-6)',
  amber: 'var(--mantine-color-orange-5)',
  red: 'var(--mantine-color-red-7)',
  unknown: 'var(--mantine-color-gray-3)',
};

export function RagBadge({ rag, size = 'sm' }: { rag: RagRatingT; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={ragMantine[rag]} variant={rag === 'unknown' ? 'outline' : 'filled'} radius="sm" size={size}>
      {ragLabel[rag]}
    </Badge>
  );
}

/** A small round colour, named for screen readers. */
export function RagDot({ rag, size = 12, label }: { rag: RagRatingT; size?: number; label?: string }) {
  return (
    <span
      role="img"
      aria-label={label ?? ragLabel[rag]}
      title={label ?? ragLabel[rag]}
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        borderRadius: '50%',
        background: ragFill[rag],
        flex: 'none',
      }}
    />
  );
}
