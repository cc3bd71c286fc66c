import { Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { RaidHeatMap } from '@pharos/api';
import { riskLevel } from '@pharos/engine';
import css from './heat-map.module.css';

export interface Cell {
  probability: number;
  impact: number;
}

interface HeatMapProps {
  map: RaidHeatMap | undefined;
  residual: boolean;
  onResidual: (residual: boolean) => void;
  selected: Cell | null;
  /** Picks a cell to filter the register by (null: all again). */
  onSelect: (cell: Cell | null) => void;
}

const probabilityWords = ['', 'Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const impactWords = ['', 'Minimal', 'Minor', 'Moderate', 'Major', 'Severe'];

/**
 * The 5 × 5 risk heat map: probability up, impact across, each cell coloured by its score band
 * (green to red) with its count of risks; a count filters the register to that cell.
 */
export function HeatMap({ map, residual, onResidual, selected, onSelect }: HeatMapProps) {
  const cells = map?.cells ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="heat-map-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} fz="md" fw={600} id="heat-map-title">
            Heat map
          </Title>
          <SegmentedControl
            size="xs"
            aria-label="Ratings"
            value={residual ? 'residual' : 'inherent'}
            onChange={(v) => onResidual(v === 'residual')}
            data={[
              { value: 'inherent', label: 'Inherent' },
              { value: 'residual', label: 'Residual' },
            ]}
          />
        </Group>
        <table className={css.grid}>
          <caption className="visually-hidden">{`${residual ? 'Residual' : 'Inherent'} risk heat map: probability by impact`}</caption>
          <tbody>
            {[5, 4, 3, 2, 1].map((probability) => (
              <tr key={probability}>
                <th scope="row" className={css.axis} title={probabilityWords[probability]}>
                  {probability}
                </th>
                {[1, 2, 3, 4, 5].map((impact) => {
                  const cell = cells.find((c) => c.probability === probability && c.impact === impact);
                  const count = cell?.count ?? 0;
                  const on = selected?.probability === probability && selected.impact === impact;
                  const level = riskLevel(probability * impact);
                  return (
                    <td key={impact}>
                      <button
                        type="button"
                        className={[css.cell, css[level], count ? '' : css.empty, on ? css.selected : '']
                          .filter(Boolean)
                          .join(' ')}
                        disabled={count === 0}
                        aria-pressed={on}
                        aria-label={`Probability ${probability}, impact ${impact}: ${count} risk${count === 1 ? '' : 's'}`}
                        onClick={() => onSelect(on ? null : { probability, impact })}
                      >
                        {count || ''}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              {[1, 2, 3, 4, 5].map((impact) => (
                <th key={impact} scope="col" className={css.axis} title={impactWords[impact]}>
                  {impact}
                </th>
              ))}
            </tr>
          </tfoot>
        </table>
        <Group justify="space-between" gap={4}>
          <Text size="xs" c="dimmed">
            ↑ Probability · Impact →
          </Text>
          <Text size="xs" c="dimmed">
            {map ? `${map.total} open risk${map.total === 1 ? '' : 's'}` : '…'}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
