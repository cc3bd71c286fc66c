import { Button, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { type BaseItem, type EntityKey, entities, type ItemOf } from '../api/entities';
import { EditEntityForm } from './edit-entity-form';
import type { FormApi } from './use-zod-form';

/** "Move": change only the parent fields of an item, in a dialog (a PATCH of those fields). */
export function MoveButton<K extends EntityKey, V extends object>({
  entity,
  item,
  toValues,
  schema,
  children,
}: {
  entity: K;
  item: ItemOf<K>;
  toValues: (item: ItemOf<K>) => V;
  schema: z.ZodType;
  children: (form: FormApi<V>) => ReactNode;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const base = item as ItemOf<K> & BaseItem;
  if (!base.abilities.update || base.archivedAt) return null;
  return (
    <>
      <Button variant="default" onClick={open}>
        Move
      </Button>
      <Modal opened={opened} onClose={close} title={<Text fw={600}>Move {base.name}</Text>} size="lg">
        <Text size="sm" c="dimmed" mb="md">
          Choose where this {entities[entity].singular} belongs. Its history goes with it.
        </Text>
        <EditEntityForm entity={entity} item={item} toValues={toValues} schema={schema} onSaved={close}>
          {children}
        </EditEntityForm>
      </Modal>
    </>
  );
}
