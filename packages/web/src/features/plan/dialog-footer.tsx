import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A plan dialog's last lines: what went wrong, Cancel, and Save for whoever may edit. */
export function DialogFooter(props: {
  error: string | null;
  editable: boolean;
  saving: boolean;
  onCancel: () => void;
  onSave: () => void;
}): ReactNode {
  return (
    <>
      {props.error && (
        <Text c="red" size="sm" mt="sm" role="alert">
          {props.error}
        </Text>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        {props.editable && (
          <Button onClick={props.onSave} loading={props.saving}>
            Save
          </Button>
        )}
      </Group>
    </>
  );
}
