import { Group, ScrollArea, Text } from '@mantine/core';
import { type RagDimensionName, type RagRatingT, ragDimensionLabels, ragDimensions } from '@pharos/api';
import { RagDot, ragFill, ragLabel } from './rag';
import classes from './status.module.css';
import type { StatusReport } from './status-api';

type Row = { key: 'overall' | RagDimensionName; label: string };
const rows: Row[] = [
  { key: 'overall', label: 'Overall' },
  ...ragDimensions.map((d) => ({ key: d, label: ragDimensionLabels[d] })),
];

function cellOf(r: StatusReport, key: Row['key']): { rag: RagRatingT; overridden: boolean; why: string } {
  const c = key === 'overall' ? r.overall : r.dimensions[key];
  return { rag: c.rag, overridden: c.overridden, why: c.justification };
}

/** The short name of a period for a column head: W04, Mar, or the day a bi-weekly period starts. */
function shortKey(r: StatusReport) {
  const { kind, key, start } = r.period;
  if (kind === 'weekly') return key.slice(5);
  if (kind === 'monthly')
    return new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' }).format(
      new Date(`${key}-01`),
    );
  return start.slice(5);
}

/**
 * The project's colours over its periods, one row per dimension and the overall, oldest left and
 * newest right. Drafts are hatched; a white dot marks a colour the manager set against the
 * suggestion. A cell opens its report.
 */
export function RagStrip({
  reports,
  selected,
  onSelect,
}: {
  reports: StatusReport[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const periods = [...reports].sort((a, b) => a.period.start.localeCompare(b.period.start));
  return (
    <div>
      <ScrollArea type="auto" offsetScrollbars>
        <table className={classes.strip} aria-label="Status history">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Dimension</span>
              </th>
              {periods.map((r) => (
                <th key={r.id} scope="col" className={classes.colHead} title={r.period.key}>
                  {shortKey(r)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.key === 'overall' ? classes.overallRow : undefined}>
                <th scope="row" className={classes.rowHead}>
                  {row.label}
                </th>
                {periods.map((r) => {
                  const c = cellOf(r, row.key);
                  const text = `${r.period.key} · ${row.label}: ${ragLabel[c.rag]}${r.state === 'draft' ? ' (draft)' : ''}${c.overridden ? ` — set by the manager: ${c.why || 'no justification yet'}` : ''}`;
                  return (
                    <td key={r.id}>
                      <button
                        type="button"
                        className={[
                          classes.cell,
                          r.id === selected ? classes.selected : '',
                          r.state === 'draft' ? classes.draft : '',
                          c.overridden ? classes.overridden : '',
                        ].join(' ')}
                        style={{ backgroundColor: ragFill[c.rag] }}
                        title={text}
                        aria-label={text}
                        aria-pressed={r.id === selected}
                        onClick={() => onSelect(r.id)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <Group gap="md" mt={4}>
        {(['green', 'amber', 'red', 'unknown'] as const).map((rag) => (
          <Group key={rag} gap={4}>
            <RagDot rag={rag} size={10} />
            <Text size="xs" c="dimmed">
              {ragLabel[rag]}
            </Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          Hatched: draft · white dot: set by the manager
        </Text>
      </Group>
    </div>
  );
}
