import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type Role, roleLabels, roles } from '@pharos/api';
import { useState } from 'react';
import { EntitySelect } from '../../ui/entity-select';
import { RefLink } from '../../ui/ref-link';
import { type GateValues, type ItemRow, newItemId } from './lifecycle-values';

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

/** Rows of a checklist or of deliverables: text, required or not, removable. */
function ItemRows({
  label,
  noun,
  rows,
  prefix,
  onChange,
  error,
}: {
  label: string;
  noun: string;
  rows: ItemRow[];
  prefix: string;
  onChange: (rows: ItemRow[]) => void;
  error?: (i: number) => string | undefined;
}) {
  const set = (i: number, patch: Partial<ItemRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {rows.map((r, i) => (
        <Group key={r.id} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            aria-label={`${noun} ${i + 1}`}
            value={r.text}
            error={error?.(i)}
            onChange={(e) => set(i, { text: e.currentTarget.value })}
          />
          <Checkbox
            size="xs"
            mt={6}
            label="Required"
            checked={r.required}
            onChange={(e) => set(i, { required: e.currentTarget.checked })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={2}
            aria-label={`Remove ${noun} ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        size="compact-xs"
        variant="subtle"
        w="fit-content"
        onClick={() => onChange([...rows, { id: newItemId(rows, prefix), text: '', required: true }])}
      >
        Add {noun}
      </Button>
    </Stack>
  );
}

/** A gate: its name, checklist, required deliverables and approvers (roles and named people). */
export function GateEditor({
  gate,
  onChange,
  error,
}: {
  gate: GateValues;
  onChange: (g: GateValues) => void;
  /** The server's message for a field under this gate, by its path below the gate. */
  error: (path: string) => string | undefined;
}) {
  const [adding, setAdding] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <TextInput
        size="sm"
        label="Gate"
        value={gate.name}
        error={error('name')}
        onChange={(e) => onChange({ ...gate, name: e.currentTarget.value })}
      />
      <ItemRows
        label="Checklist"
        noun="checklist item"
        prefix="item"
        rows={gate.checklist}
        onChange={(checklist) => onChange({ ...gate, checklist })}
        error={(i) => error(`checklist.${i}.text`) ?? error(`checklist.${i}.id`)}
      />
      <ItemRows
        label="Required deliverables"
        noun="deliverable"
        prefix="deliverable"
        rows={gate.deliverables}
        onChange={(deliverables) => onChange({ ...gate, deliverables })}
        error={(i) => error(`deliverables.${i}.name`) ?? error(`deliverables.${i}.id`)}
      />
      <MultiSelect
        size="sm"
        label="Approver roles"
        description="One holder of each role, over the project, votes"
        data={roleOptions}
        value={gate.approverRoles}
        error={error('approverRoles')}
        onChange={(v) => onChange({ ...gate, approverRoles: v as Role[] })}
        comboboxProps={{ withinPortal: true }}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Named approvers
        </Text>
        <Group gap={6}>
          {gate.approverIds.map((id) => (
            <Badge
              key={id}
              variant="light"
              radius="sm"
              tt="none"
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  aria-label="Remove named approver"
                  onClick={() => onChange({ ...gate, approverIds: gate.approverIds.filter((x) => x !== id) })}
                >
                  ×
                </ActionIcon>
              }
            >
              <RefLink entity="users" id={id} />
            </Badge>
          ))}
          {gate.approverIds.length === 0 && (
            <Text size="xs" c="dimmed">
              None
            </Text>
          )}
        </Group>
        <EntitySelect
          entity="users"
          label="Add a named approver"
          value={adding}
          w={320}
          error={error('approverIds')}
          onChange={(id) => {
            setAdding(null);
            if (id && !gate.approverIds.includes(id))
              onChange({ ...gate, approverIds: [...gate.approverIds, id] });
          }}
        />
      </Stack>
    </Stack>
  );
}
