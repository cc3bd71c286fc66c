import { Button } from '@mantine/core';
import { PlusIcon } from './icons';

/** "New project" etc.; render it only when the user holds the create ability. */
export function NewButton({ noun, onClick }: { noun: string; onClick: () => void }) {
  return (
    <Button leftSection={<PlusIcon />} onClick={onClick}>
      New {noun}
    </Button>
  );
}
