import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Lifecycle } from '@pharos/api';
import { type FormEvent, useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { EntityMultiSelect, EntitySelect } from '../../ui/entity-select';
import { GateEditor } from './gate-editor';
import { governanceCalls, useGovernanceMutation } from './governance-api';
import { type LifecycleValues, lifecycleValues, type PhaseValues, phasesBody } from './lifecycle-values';

/**
 * The editor of a draft revision: its settings, which project phases it has (always in the order
 * of the phases), and the gate to enter each phase after the first.
 */
export function LifecycleEditor({ lc }: { lc: Lifecycle }) {
  const [v, setV] = useState<LifecycleValues>(() => lifecycleValues(lc));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useGovernanceMutation(governanceCalls.updateLifecycle);
  const included = v.phases.filter((p) => p.included);
  const dirty = JSON.stringify(v) !== JSON.stringify(lifecycleValues(lc));

  const setPhase = (key: string, patch: Partial<PhaseValues>) =>
    setV((x) => ({ ...x, phases: x.phases.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
  // The server names phases by their place among the included ones: `phases.2.gate.name`.
  const phaseError = (key: string) => (path: string) => {
    const i = included.findIndex((p) => p.key === key);
    return errors[`phases.${i}.${path}`];
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    try {
      await save.mutateAsync({
        id: lc.id,
        body: {
          version: lc.version,
          name: v.name,
          officeId: v.officeId,
          projectTypeIds: v.projectTypeIds,
          description: v.description,
          phases: phasesBody(v.phases),
        },
      });
      notifications.show({ color: 'green', message: `Saved ${lc.code} revision ${lc.revision}.` });
    } catch (err) {
      if (isApiError(err) && err.code === 'version_conflict')
        setFormError('Someone else changed this draft: reload the page to see their changes.');
      else if (isApiError(err) && err.field) {
        setErrors({ [err.field]: err.message });
        setFormError(err.message);
      } else setFormError(errorMessage(err));
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit lifecycle">
      <Stack gap="md" maw={1100}>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Card withBorder padding="lg" component="section" aria-label="Settings">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              required
              value={v.name}
              error={errors.name}
              onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
            />
            <EntitySelect
              entity="offices"
              label="Owning office"
              required
              value={v.officeId}
              error={errors.officeId}
              onChange={(id) => id && setV({ ...v, officeId: id })}
            />
          </SimpleGrid>
          <EntityMultiSelect
            entity="projectTypes"
            label="Project types it governs"
            description="A project type follows one published lifecycle"
            value={v.projectTypeIds}
            error={
              errors.projectTypeIds ??
              Object.entries(errors).find(([k]) => k.startsWith('projectTypeIds.'))?.[1]
            }
            onChange={(ids) => setV({ ...v, projectTypeIds: ids })}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            mt="sm"
            value={v.description}
            onChange={(e) => setV({ ...v, description: e.currentTarget.value })}
          />
        </Card>
        {errors.phases && <Alert color="red">{errors.phases}</Alert>}
        {v.phases.map((p) => {
          const at = included.findIndex((x) => x.key === p.key);
          const err = phaseError(p.key);
          return (
            <Card key={p.key} withBorder padding="md" component="section" aria-label={`Phase ${p.name}`}>
              <Group justify="space-between" align="flex-start">
                <Checkbox
                  label={<Text fw={600}>{p.name}</Text>}
                  checked={p.included}
                  onChange={(e) => setPhase(p.key, { included: e.currentTarget.checked })}
                  aria-label={`Include the ${p.key} phase`}
                />
                {p.included && (
                  <TextInput
                    size="xs"
                    aria-label={`Name of the ${p.key} phase`}
                    value={p.name}
                    error={err('name')}
                    onChange={(e) => setPhase(p.key, { name: e.currentTarget.value })}
                  />
                )}
              </Group>
              {p.included && at === 0 && (
                <Text size="sm" c="dimmed" mt="xs">
                  The first phase: projects start in it, with no gate.
                </Text>
              )}
              {p.included && at > 0 && (
                <Card withBorder bg="gray.0" mt="sm" padding="sm">
                  <GateEditor
                    gate={p.gate}
                    onChange={(gate) => setPhase(p.key, { gate })}
                    error={(path) => err(`gate.${path}`) ?? (path === 'name' ? err('gate') : undefined)}
                  />
                </Card>
              )}
            </Card>
          );
        })}
        <Group
          p="sm"
          style={{
            position: 'sticky',
            bottom: 0,
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-gray-3)',
            zIndex: 2,
          }}
        >
          <Button type="submit" loading={save.isPending}>
            Save draft
          </Button>
          <Button variant="default" disabled={!dirty} onClick={() => setV(lifecycleValues(lc))}>
            Discard changes
          </Button>
          {dirty && (
            <Text size="sm" c="dimmed">
              Unsaved changes: save them before publishing.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
