import { notifications } from '@mantine/notifications';
import { type EntityKey, entities } from '../api/entities';
import { useArchiveEntity } from '../api/hooks';
import { ConfirmButton } from './confirm-button';

interface Archivable {
  id: string;
  name: string;
  version: number;
  archivedAt: string | null;
  abilities: { archive: boolean };
}

/** Archive or restore an item (only when the server says you may), after asking. */
export function ArchiveControls({
  entity,
  item,
  archiveLabel = 'Archive',
  restoreLabel = 'Restore',
}: {
  entity: EntityKey;
  item: Archivable;
  archiveLabel?: string;
  restoreLabel?: string;
}) {
  const m = useArchiveEntity(entity);
  if (!item.abilities.archive) return null;
  const noun = entities[entity].singular;
  const restore = item.archivedAt !== null;
  const run = async () => {
    await m.mutateAsync({ id: item.id, version: item.version, restore });
    notifications.show({
      color: 'green',
      message:
        entity === 'users'
          ? `${item.name} is ${restore ? 'reactivated' : 'deactivated'}.`
          : restore
            ? `${item.name} is restored.`
            : `${item.name} is archived. It can be restored at any time.`,
    });
  };
  return restore ? (
    <ConfirmButton
      label={restoreLabel}
      title={`${restoreLabel} ${noun}`}
      message={`${restoreLabel} “${item.name}”? It becomes active again.`}
      confirmLabel={restoreLabel}
      onConfirm={run}
    />
  ) : (
    <ConfirmButton
      label={archiveLabel}
      title={`${archiveLabel} ${noun}`}
      message={
        entity === 'users'
          ? `${archiveLabel} “${item.name}”? They can no longer sign in. Their history is kept and they can be reactivated.`
          : `${archiveLabel} “${item.name}”? Nothing is deleted: it keeps its history and can be restored.`
      }
      confirmLabel={archiveLabel}
      color="red"
      variant="light"
      onConfirm={run}
    />
  );
}
