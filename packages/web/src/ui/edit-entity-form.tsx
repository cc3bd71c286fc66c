import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../api/client';
import { type BaseItem, type EntityKey, entities, type ItemOf } from '../api/entities';
import { fetchItem, useUpdateEntity } from '../api/hooks';
import { keys } from '../api/keys';
import { fieldLabel } from '../lib/audit-diff';
import { DiffValue } from './diff-view';
import { type FormApi, useZodForm } from './use-zod-form';

interface EditEntityFormProps<K extends EntityKey, V extends object> {
  entity: K;
  item: ItemOf<K>;
  toValues: (item: ItemOf<K>) => V;
  /** The entity's Update schema from @pharos/api: the same rules the server applies. */
  schema: z.ZodType;
  /** Turn (changed) form values into the request body; the version is added here. */
  toBody?: (values: Partial<V>, all: V) => Record<string, unknown>;
  /** Map an error path of the body to a form field (when the form edits a nested object). */
  mapPath?: (path: string) => string;
  children: (form: FormApi<V>) => ReactNode;
  onSaved?: (item: ItemOf<K>) => void;
}

interface Conflict<V> {
  pending: Partial<V>;
  reloaded: boolean;
  reason: 'conflict' | 'stale';
}

/**
 * The edit form of a detail page. It validates with the shared schema, sends only the changed fields
 * with the version it loaded, and on a version conflict keeps the user's values so they can re-apply
 * them on top of the latest version.
 */
export function EditEntityForm<K extends EntityKey, V extends object>(props: EditEntityFormProps<K, V>) {
  const { entity, toValues, schema, mapPath, children } = props;
  const toBody = props.toBody ?? ((v: Partial<V>) => v as Record<string, unknown>);
  const item = props.item as ItemOf<K> & BaseItem;
  const readOnly = !item.abilities.update || item.archivedAt !== null;
  const [loaded, setLoaded] = useState(item);
  const form = useZodForm<V>(toValues(item), { readOnly });
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);
  const update = useUpdateEntity(entity);
  const qc = useQueryClient();
  const noun = entities[entity].singular;
  const notice = useRef<HTMLDivElement>(null);

  // A conflict or an error is announced at the top of the form: bring it into view.
  useEffect(() => {
    if (conflict || form.formError) notice.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [conflict, form.formError]);

  // The item was refetched: follow it, unless the user is in the middle of an edit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to a new version only
  useEffect(() => {
    if (item.version === loaded.version) return;
    if (!form.dirty) {
      setLoaded(item);
      form.reset(toValues(item));
    } else if (!conflict) {
      setConflict({ pending: form.changed(), reloaded: false, reason: 'stale' });
    }
  }, [item.version]);

  const reload = async () => {
    const pending = conflict?.pending ?? form.changed();
    const latest = (await qc.fetchQuery({
      queryKey: keys.item(entity, item.id),
      queryFn: () => fetchItem(entity, item.id),
      staleTime: 0,
    })) as ItemOf<K> & BaseItem;
    setLoaded(latest);
    form.reset(toValues(latest));
    setConflict({ pending, reloaded: true, reason: conflict?.reason ?? 'conflict' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changed = form.changed();
    if (Object.keys(changed).length === 0) {
      notifications.show({ message: 'There are no changes to save.' });
      return;
    }
    const full = { ...toBody(form.values, form.values), version: loaded.version };
    if (!form.validate(schema, full, mapPath)) return;
    try {
      const saved = (await update.mutateAsync({
        id: item.id,
        body: { ...toBody(changed, form.values), version: loaded.version },
      })) as ItemOf<K> & BaseItem;
      setLoaded(saved);
      form.reset(toValues(saved));
      setConflict(null);
      notifications.show({ color: 'green', message: `Saved ${saved.name}.` });
      props.onSaved?.(saved);
    } catch (err) {
      if (isApiError(err) && err.code === 'version_conflict')
        setConflict({ pending: changed, reloaded: false, reason: 'conflict' });
      else form.applyServerError(err, mapPath);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${noun}`}>
      <div ref={notice} style={{ scrollMarginTop: 72 }} />
      <Stack gap="md" maw={760}>
        {conflict && !conflict.reloaded && (
          <Alert color="yellow" title="Someone else changed this item" role="alert">
            <Text size="sm" mb="sm">
              {conflict.reason === 'conflict'
                ? `This ${noun} was changed by someone else since you opened it, so your changes were not saved. `
                : `This ${noun} was changed elsewhere while you were editing. `}
              Your changes are still in the form. Load the latest version; you can then re-apply your changes.
            </Text>
            <Button size="xs" variant="white" color="dark" onClick={reload}>
              Load latest version
            </Button>
          </Alert>
        )}
        {conflict?.reloaded && (
          <Alert color="blue" title="Latest version loaded" role="status">
            <Text size="sm">The form now shows the latest version. Your unsaved changes were:</Text>
            <List size="sm" my="xs">
              {Object.entries(conflict.pending).map(([k, v]) => (
                <List.Item key={k}>
                  <strong>{fieldLabel(k)}</strong>: <DiffValue field={k} value={v} own={entity} />
                </List.Item>
              ))}
            </List>
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => {
                  form.setValues(conflict.pending);
                  setConflict(null);
                }}
              >
                Re-apply my changes
              </Button>
              <Button size="xs" variant="default" onClick={() => setConflict(null)}>
                Discard them
              </Button>
            </Group>
          </Alert>
        )}
        {form.formError && (
          <Alert color="red" role="alert">
            {form.formError}
          </Alert>
        )}
        {item.archivedAt !== null && (
          <Text size="sm" c="dimmed">
            This {noun} is archived. Restore it to make changes.
          </Text>
        )}
        {children(form)}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
            <Button variant="default" disabled={!form.dirty} onClick={() => form.reset(form.baseline)}>
              Discard changes
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
