import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type RaidItem,
  RaidItemCreate,
  RaidItemUpdate,
  type RaidKind,
  raidDueLabels,
  raidKindLabels,
  raidStatuses,
  raidStatusLabels,
} from '@pharos/api';
import { FormDate, FormEntitySelect, FormSelect, FormText, FormTextarea } from '../../ui/form-fields';
import { useZodForm } from '../../ui/use-zod-form';
import { detailsApi, emptyDetails, KindFields } from './kind-fields';
import { type RegisterScope, raidCalls, useRaidMutation } from './raid-api';

interface Values {
  title: string;
  description: string;
  ownerId: string | null;
  dueOn: string | null;
  status: string;
  details: Record<string, unknown>;
}

const valuesOf = (i: RaidItem): Values => ({
  title: i.title,
  description: i.description,
  ownerId: i.ownerId,
  dueOn: i.dueOn,
  status: i.status,
  details: i.details as Record<string, unknown>,
});

type Props =
  | {
      mode: 'create';
      kind: RaidKind;
      scope: RegisterScope;
      onSaved: (item: RaidItem) => void;
      onCancel: () => void;
    }
  | { mode: 'edit'; item: RaidItem; onSaved: (item: RaidItem) => void; onCancel?: () => void };

/** The item's fields: the common ones, then its kind's; read-only when the caller may not change it. */
export function ItemForm(props: Props) {
  const kind = props.mode === 'create' ? props.kind : props.item.kind;
  const readOnly = props.mode === 'edit' && (!props.item.abilities.update || props.item.archivedAt !== null);
  const form = useZodForm<Values>(
    props.mode === 'edit'
      ? valuesOf(props.item)
      : {
          title: '',
          description: '',
          ownerId: null,
          dueOn: null,
          status: raidStatuses[kind][0],
          details: emptyDetails(kind),
        },
    { readOnly },
  );
  const create = useRaidMutation(raidCalls.create);
  const update = useRaidMutation(raidCalls.update);
  const ownProjectId =
    props.mode === 'create'
      ? 'projectId' in props.scope
        ? props.scope.projectId
        : null
      : props.item.projectId;

  const save = async () => {
    try {
      if (props.mode === 'create') {
        const body = form.validate(RaidItemCreate, { kind, ...props.scope, ...form.values });
        if (!body) return;
        const saved = await create.mutateAsync(body);
        notifications.show({ color: 'green', message: `${saved.code} added.` });
        props.onSaved(saved);
      } else {
        const { details, ...common } = form.changed();
        const body = form.validate(RaidItemUpdate, {
          kind,
          version: props.item.version,
          ...common,
          ...(details ? { details: form.values.details } : {}),
        });
        if (!body) return;
        const saved = await update.mutateAsync({ id: props.item.id, body });
        form.reset(valuesOf(saved));
        notifications.show({ color: 'green', message: `${saved.code} saved.` });
        props.onSaved(saved);
      }
    } catch (e) {
      form.applyServerError(e);
    }
  };

  return (
    <form
      aria-label={props.mode === 'create' ? `New ${kind}` : `Edit ${props.item.code}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        {form.formError && (
          <Alert color="red" role="alert" py={8}>
            {form.formError}
          </Alert>
        )}
        <FormText form={form} name="title" label="Title" required />
        <FormTextarea form={form} name="description" label="Description" minRows={2} />
        <Group grow align="flex-start">
          <FormSelect
            form={form}
            name="status"
            label="Status"
            data={raidStatuses[kind].map((s) => ({ value: s, label: raidStatusLabels[s] }))}
          />
          <FormDate form={form} name="dueOn" label={raidDueLabels[kind]} />
        </Group>
        <FormEntitySelect form={form} name="ownerId" entity="users" label="Owner" />
        <KindFields kind={kind} d={detailsApi(form)} ownProjectId={ownProjectId} />
        {!readOnly && (
          <Group justify="flex-end" mt="sm">
            {props.onCancel && (
              <Button variant="default" onClick={props.onCancel}>
                Cancel
              </Button>
            )}
            <Button
              type="submit"
              loading={create.isPending || update.isPending}
              disabled={props.mode === 'edit' && !form.dirty}
            >
              {props.mode === 'create' ? `Add ${raidKindLabels[kind].toLowerCase()}` : 'Save'}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
