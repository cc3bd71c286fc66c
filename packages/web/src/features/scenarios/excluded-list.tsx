import { Group, Text, UnstyledButton } from '@mantine/core';
import type { ScenarioBodyT } from '@pharos/api';
import { candidateValue } from '@pharos/engine';
import type { ReactNode } from 'react';
import { DRAG_TYPE } from './plan-canvas';
import { engineScenario } from './plan-state';

/** The candidates left out of the plan, greyed; drag one onto the timeline (or press Enter) to select it. */
export function ExcludedList(props: {
  body: ScenarioBodyT;
  starts: readonly (number | null)[];
  editable: boolean;
  revision: number;
  onAdd: (i: number) => void;
  onPick: (i: number) => void;
  valueText: (i: number) => string;
}): ReactNode {
  const out = props.body.candidates
    .map((c, i) => ({ c, i }))
    .filter(({ i }) => props.starts[i] === null || props.starts[i] === undefined)
    .map((x) => ({ ...x, v: candidateValue(engineScenario(props.body), x.c) }))
    .sort((a, b) => b.v - a.v);
  return (
    <section aria-labelledby="excluded-heading" style={{ marginTop: 12 }}>
      <Group gap="xs" mb={6}>
        <Text id="excluded-heading" fw={600} size="sm">
          Not selected ({out.length}), most valuable first
        </Text>
        {props.editable && out.length > 0 && (
          <Text size="xs" c="dimmed">
            Drag one onto the timeline to bring it in at that month, or pick it and choose “Add to plan”.
          </Text>
        )}
      </Group>
      {out.length === 0 ? (
        <Text size="sm" c="dimmed">
          Every candidate is in the plan.
        </Text>
      ) : (
        <ul
          aria-label="Candidates not selected"
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            display: 'flex',
            flexWrap: 'wrap',
            gap: 6,
            maxHeight: 124,
            overflowY: 'auto',
          }}
        >
          {out.map(({ c, i }) => (
            <li key={c.id}>
              <UnstyledButton
                draggable={props.editable}
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_TYPE, String(i));
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => props.onPick(i)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && props.editable && !e.repeat) {
                    e.preventDefault();
                    props.onAdd(i);
                  }
                }}
                title={`${c.id} · ${c.name} — value ${props.valueText(i)}, ${c.duration} months`}
                style={{
                  padding: '3px 10px',
                  borderRadius: 4,
                  border: '1px dashed var(--mantine-color-gray-4)',
                  background: 'var(--mantine-color-gray-0)',
                  color: 'var(--mantine-color-dimmed)',
                  fontSize: 12,
                  cursor: props.editable ? 'grab' : 'default',
                  maxWidth: 280,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
              >
                {c.name} · {props.valueText(i)}
              </UnstyledButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
