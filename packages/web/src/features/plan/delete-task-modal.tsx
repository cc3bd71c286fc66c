import { Button, Group, Modal, Text } from '@mantine/core';
import type { PlanTaskT } from '@pharos/api';

/** Asks before a task (and, for a summary, its subtasks) leaves the plan. */
export function DeleteTaskModal(props: {
  task: PlanTaskT | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = props.task;
  return (
    <Modal opened={t !== null} onClose={props.onCancel} title={<Text fw={600}>Delete task</Text>} centered>
      <Text size="sm" mb="md">
        Delete <b>{t?.name}</b>
        {t?.summary ? ' and all its subtasks' : ''}? Its links go too, and the plan is rescheduled.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button color="red" onClick={props.onConfirm} data-autofocus>
          Delete
        </Button>
      </Group>
    </Modal>
  );
}
