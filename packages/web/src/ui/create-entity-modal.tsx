import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import type { FormEvent, ReactNode } from 'react';
import type { z } from 'zod';
import { type BaseItem, type CreateOf, type EntityKey, entities, type ItemOf } from '../api/entities';
import { useCreateEntity } from '../api/hooks';
import { type FormApi, useZodForm } from './use-zod-form';

interface CreateEntityModalProps<K extends EntityKey, V extends object> {
  entity: K;
  opened: boolean;
  onClose: () => void;
  /** The entity's Create schema from @pharos/api. */
  schema: z.ZodType;
  initial: V;
  toBody?: (values: V) => Record<string, unknown>;
  mapPath?: (path: string) => string;
  children: (form: FormApi<V>) => ReactNode;
  /** What to do with the new item; by default, open its page. */
  onCreated?: (item: ItemOf<K>) => void;
  size?: string;
}

/** How to create one entity: its Create schema, blank values (with a preset) and its form fields. */
export interface CreateKit<K extends EntityKey, V extends object> {
  entity: K;
  schema: z.ZodType;
  initial: (preset?: Partial<V>) => V;
  fields: (form: FormApi<V>) => ReactNode;
}

export function createKit<K extends EntityKey, V extends object>(
  entity: K,
  schema: z.ZodType,
  initial: (preset?: Partial<V>) => V,
  fields: (form: FormApi<V>) => ReactNode,
): CreateKit<K, V> {
  return { entity, schema, initial, fields };
}

/** The "New …" dialog of a kit, its values preset (e.g. the parent it is created under). */
export function CreateKitModal<K extends EntityKey, V extends object>(props: {
  kit: CreateKit<K, V>;
  preset?: Partial<V>;
  opened: boolean;
  onClose: () => void;
}) {
  const { kit } = props;
  return (
    <CreateEntityModal
      entity={kit.entity}
      opened={props.opened}
      onClose={props.onClose}
      schema={kit.schema}
      initial={kit.initial(props.preset)}
    >
      {kit.fields}
    </CreateEntityModal>
  );
}

/** A "New …" dialog: validates with the shared schema, shows server errors beside their fields. */
export function CreateEntityModal<K extends EntityKey, V extends object>(
  props: CreateEntityModalProps<K, V>,
) {
  const noun = entities[props.entity].singular;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>New {noun}</Text>}
      size={props.size ?? 'lg'}
      closeOnClickOutside={false}
    >
      {props.opened && <CreateForm {...props} />}
    </Modal>
  );
}

function CreateForm<K extends EntityKey, V extends object>(props: CreateEntityModalProps<K, V>) {
  const { entity, schema, initial, mapPath, children, onClose } = props;
  const toBody = props.toBody ?? ((v: V) => v as Record<string, unknown>);
  const form = useZodForm<V>(initial);
  const create = useCreateEntity(entity);
  const navigate = useNavigate();
  const cfg = entities[entity];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = toBody(form.values);
    if (!form.validate(schema, body, mapPath)) return;
    try {
      const item = await create.mutateAsync(body as CreateOf<K>);
      const named = item as ItemOf<K> & BaseItem;
      notifications.show({ color: 'green', message: `Created ${named.name}.` });
      onClose();
      if (props.onCreated) props.onCreated(item);
      else void navigate({ to: cfg.detailPath, params: { id: named.id } });
    } catch (err) {
      form.applyServerError(err, mapPath);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`New ${cfg.singular}`}>
      <Stack gap="md">
        {form.formError && (
          <Alert color="red" role="alert">
            {form.formError}
          </Alert>
        )}
        {children(form)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
