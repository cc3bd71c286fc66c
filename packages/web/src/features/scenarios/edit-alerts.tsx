import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { useBodyEdit } from './use-body-edit';

/** The error of the last edit, or the reload offer after a version conflict. */
export function EditAlerts({ edit }: { edit: ReturnType<typeof useBodyEdit> }): ReactNode {
  return (
    <>
      {edit.conflict && (
        <Alert color="yellow" role="alert" title="Someone else changed this scenario">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">Your change was not saved. Reload to see their version, then make it again.</Text>
            <Button size="xs" variant="light" color="yellow" onClick={edit.reload}>
              Reload
            </Button>
          </Group>
        </Alert>
      )}
      {edit.error && (
        <Alert color="red" role="alert" withCloseButton onClose={edit.clearError}>
          {edit.error}
        </Alert>
      )}
    </>
  );
}
