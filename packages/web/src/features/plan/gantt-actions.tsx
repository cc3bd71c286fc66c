import { Button, Group, Text, Tooltip } from '@mantine/core';
import type { GanttModel, GanttView } from './gantt-model';
import type { GridEditing } from './use-grid-editing';

/** Task commands above the grid, each also on a key (shown in its tooltip). */
export function GanttActions(props: {
  grid: GridEditing;
  editable: boolean;
  model: GanttModel;
  view: GanttView;
}) {
  const { grid, model, view } = props;
  const i = view.rows[grid.cursor.row];
  const task = i === undefined ? undefined : model.tasks[i];
  const count = Math.abs(grid.cursor.row - grid.cursor.anchor) + 1;
  const cmd = (label: string, keys: string, onClick: () => void, disabled = false) => (
    <Tooltip label={keys} openDelay={400}>
      <Button
        size="compact-sm"
        variant="default"
        onClick={onClick}
        disabled={!props.editable || disabled}
        aria-keyshortcuts={keys}
      >
        {label}
      </Button>
    </Tooltip>
  );
  return (
    <Group gap={6} mb={6} wrap="wrap" aria-label="Task commands" role="toolbar">
      {cmd('Add task', 'Insert', () => void grid.insert(null))}
      {cmd('Delete task', 'Delete', grid.remove, !task)}
      {cmd('Outdent', 'Alt+Shift+ArrowLeft', () => grid.indent(-1), !task)}
      {cmd('Indent', 'Alt+Shift+ArrowRight', () => grid.indent(1), !task)}
      {cmd('Link tasks', 'Control+F2', grid.linkRange, count < 2)}
      <Tooltip label="Shift+F2" openDelay={400}>
        <Button
          size="compact-sm"
          variant="default"
          onClick={grid.info}
          disabled={!task}
          aria-keyshortcuts="Shift+F2"
        >
          Task information
        </Button>
      </Tooltip>
      <Text size="xs" c="dimmed" ml="auto" aria-live="polite">
        {task
          ? `${count > 1 ? `${count} tasks selected` : `Row ${task.row}: ${task.name}`}`
          : `${model.n} tasks`}
      </Text>
    </Group>
  );
}
