import { Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import type { RagColourT, RagRatingT } from '@pharos/api';
import type { CSSProperties } from 'react';
import { departs } from './draft-state';
import { RagBadge, ragFill, ragLabel } from './rag';
import classes from './status.module.css';

export interface Reason {
  message: string;
  rag: RagColourT;
}

const choices = (['green', 'amber', 'red'] as const).map((rag) => ({ value: rag, label: ragLabel[rag] }));

/**
 * One colour of the report: what the rules suggest and why, the colour reported (a segmented
 * control), and — when it departs from the suggestion — the justification it needs.
 */
export function DimensionEditor({
  label,
  suggested,
  reasons,
  rag,
  justification,
  onChange,
  error,
  readOnly = false,
  empty = 'Nothing measured: rate it yourself if you know.',
}: {
  label: string;
  suggested: RagRatingT;
  reasons: Reason[];
  rag: RagRatingT;
  justification: string;
  onChange: (next: { rag: RagRatingT; justification: string }) => void;
  error?: string | undefined;
  readOnly?: boolean;
  empty?: string;
}) {
  const own = departs(suggested, rag);
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      className={classes.dimension}
      style={{ '--rag-colour': ragFill[rag] } as CSSProperties}
      role="group"
      aria-label={label}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {label}
            </Text>
            <Text size="xs" c="dimmed">
              suggested
            </Text>
            <RagBadge rag={suggested} size="xs" />
          </Group>
          {reasons.length > 0 ? (
            <ul className={classes.reasons}>
              {reasons.map((r) => (
                <li key={r.message}>
                  <Text size="xs" c={r.rag === 'green' ? 'dimmed' : undefined}>
                    {r.message}
                  </Text>
                </li>
              ))}
            </ul>
          ) : (
            <Text size="xs" c="dimmed">
              {empty}
            </Text>
          )}
        </Stack>
        {readOnly ? (
          <RagBadge rag={rag} size="md" />
        ) : (
          <SegmentedControl
            aria-label={`${label} colour`}
            size="xs"
            value={rag === 'unknown' ? '' : rag}
            onChange={(v) => onChange({ rag: v as RagRatingT, justification })}
            data={choices}
            color={rag === 'unknown' ? undefined : rag === 'amber' ? 'orange' : rag}
            style={{ flex: 'none' }}
          />
        )}
      </Group>
      {readOnly
        ? justification &&
          own && (
            <Text size="sm" mt="xs">
              <Text span fw={500}>
                Why {ragLabel[rag].toLowerCase()}:{' '}
              </Text>
              {justification}
            </Text>
          )
        : (own || error) && (
            <Textarea
              mt="xs"
              label={`Why ${label.toLowerCase()} is ${ragLabel[rag].toLowerCase()}`}
              description={`The rules suggest ${ragLabel[suggested].toLowerCase()}; your reason is kept with the report.`}
              required
              autosize
              minRows={1}
              value={justification}
              error={error}
              onChange={(e) => onChange({ rag, justification: e.currentTarget.value })}
            />
          )}
    </Paper>
  );
}
