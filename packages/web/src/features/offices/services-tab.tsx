import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type Office,
  type OfficeService,
  OfficeServiceCreate,
  OfficeServiceUpdate,
  serviceClasses,
} from '@pharos/api';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client';
import { useOfficeServices, useServiceMutations } from '../../api/services';
import { options } from '../../lib/format';
import { ConfirmButton } from '../../ui/confirm-button';
import { FormSelect, FormText, FormTextarea } from '../../ui/form-fields';
import { QueryState } from '../../ui/query-state';
import { useZodForm } from '../../ui/use-zod-form';

type ServiceClass = (typeof serviceClasses)[number];

const classInfo: Record<ServiceClass, { title: string; text: string; color: string }> = {
  general: {
    title: 'General',
    text: 'Offered to everyone: reporting, knowledge, the project registry.',
    color: 'gray',
  },
  supportive: {
    title: 'Supportive',
    text: 'Help on request: templates, training, coaching, expertise.',
    color: 'teal',
  },
  controlling: {
    title: 'Controlling',
    text: 'Require compliance: reviews, audits, stage gates.',
    color: 'orange',
  },
  directive: {
    title: 'Directive',
    text: 'Manage directly: provide project managers, run projects.',
    color: 'indigo',
  },
};

interface ServiceValues {
  name: string;
  serviceClass: ServiceClass;
  description: string;
}

function ServiceForm({
  officeId,
  service,
  serviceClass,
  onDone,
}: {
  officeId: string;
  service?: OfficeService;
  serviceClass: ServiceClass;
  onDone: () => void;
}) {
  const form = useZodForm<ServiceValues>(
    service
      ? { name: service.name, serviceClass: service.serviceClass, description: service.description }
      : { name: '', serviceClass, description: '' },
  );
  const m = useServiceMutations(officeId);
  const busy = m.create.isPending || m.update.isPending;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (service) {
        const body = { ...form.changed(), version: service.version };
        if (!form.validate(OfficeServiceUpdate, { ...form.values, version: service.version })) return;
        await m.update.mutateAsync({ serviceId: service.id, body });
      } else {
        const body = form.validate(OfficeServiceCreate, form.values);
        if (!body) return;
        await m.create.mutateAsync(body);
      }
      notifications.show({ color: 'green', message: `Saved ${form.values.name}.` });
      onDone();
    } catch (err) {
      if (isApiError(err) && err.code === 'version_conflict')
        form.setFormError(
          'Someone else changed this service since you opened it. Your values are still here: copy them, close this dialog to see the latest version, and apply them again.',
        );
      else form.applyServerError(err);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={service ? 'Edit service' : 'New service'}>
      <Stack>
        {form.formError && (
          <Alert color="red" role="alert">
            {form.formError}
          </Alert>
        )}
        <FormText form={form} name="name" label="Name" required />
        <FormSelect form={form} name="serviceClass" label="Class" data={options(serviceClasses)} required />
        <FormTextarea form={form} name="description" label="Description" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The office's service catalog, grouped by the four classes. */
export function ServicesTab({ office }: { office: Office }) {
  const q = useOfficeServices(office.id);
  const m = useServiceMutations(office.id);
  const [showWithdrawn, setShowWithdrawn] = useState(false);
  const [editing, setEditing] = useState<{ service?: OfficeService; serviceClass: ServiceClass } | null>(
    null,
  );
  const canAdd = office.abilities.update && office.archivedAt === null;
  return (
    <QueryState query={q} label="Loading the service catalog">
      {() => {
        const items = (q.data?.items ?? []).filter((s) => showWithdrawn || s.archivedAt === null);
        return (
          <Stack>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                What this office offers, from general services to directive ones.
              </Text>
              <Switch
                label="Show withdrawn services"
                checked={showWithdrawn}
                onChange={(e) => setShowWithdrawn(e.currentTarget.checked)}
              />
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {serviceClasses.map((c) => {
                const info = classInfo[c];
                const inClass = items.filter((s) => s.serviceClass === c);
                return (
                  <Card key={c} withBorder padding="md" component="section" aria-labelledby={`svc-${c}`}>
                    <Group justify="space-between" mb={4}>
                      <Title order={3} fz="h5" id={`svc-${c}`}>
                        <Badge color={info.color} variant="dot" size="lg" radius="sm">
                          {info.title}
                        </Badge>
                      </Title>
                      {canAdd && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => setEditing({ serviceClass: c })}
                          aria-label={`Add ${info.title.toLowerCase()} service`}
                        >
                          Add service
                        </Button>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" mb="sm">
                      {info.text}
                    </Text>
                    {inClass.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        No services in this class.
                      </Text>
                    ) : (
                      <Stack gap="xs">
                        {inClass.map((s) => (
                          <Card
                            key={s.id}
                            withBorder
                            padding="xs"
                            radius="sm"
                            opacity={s.archivedAt ? 0.6 : 1}
                          >
                            <Group justify="space-between" wrap="nowrap" align="flex-start">
                              <div style={{ minWidth: 0 }}>
                                <Text size="sm" fw={500}>
                                  {s.name}{' '}
                                  {s.archivedAt && (
                                    <Badge size="xs" color="gray" variant="outline">
                                      Withdrawn
                                    </Badge>
                                  )}
                                </Text>
                                {s.description && (
                                  <Text size="xs" c="dimmed" lineClamp={3}>
                                    {s.description}
                                  </Text>
                                )}
                              </div>
                              {s.archivedAt === null && (
                                <Group gap={4} wrap="nowrap">
                                  {s.abilities.update && (
                                    <Button
                                      size="compact-xs"
                                      variant="subtle"
                                      onClick={() => setEditing({ service: s, serviceClass: s.serviceClass })}
                                      aria-label={`Edit ${s.name}`}
                                    >
                                      Edit
                                    </Button>
                                  )}
                                  {s.abilities.archive && (
                                    <ConfirmButton
                                      label="Withdraw"
                                      ariaLabel={`Withdraw ${s.name}`}
                                      size="compact-xs"
                                      variant="subtle"
                                      color="red"
                                      title="Withdraw service"
                                      message={`Withdraw “${s.name}” from the catalog? It is kept with its history.`}
                                      confirmLabel="Withdraw"
                                      onConfirm={async () => {
                                        await m.withdraw.mutateAsync({ serviceId: s.id, version: s.version });
                                        notifications.show({
                                          color: 'green',
                                          message: `${s.name} is withdrawn.`,
                                        });
                                      }}
                                    />
                                  )}
                                </Group>
                              )}
                            </Group>
                          </Card>
                        ))}
                      </Stack>
                    )}
                  </Card>
                );
              })}
            </SimpleGrid>
            <Modal
              opened={editing !== null}
              onClose={() => setEditing(null)}
              title={<Text fw={600}>{editing?.service ? 'Edit service' : 'New service'}</Text>}
            >
              {editing && (
                <ServiceForm
                  officeId={office.id}
                  service={editing.service}
                  serviceClass={editing.serviceClass}
                  onDone={() => setEditing(null)}
                />
              )}
            </Modal>
          </Stack>
        );
      }}
    </QueryState>
  );
}
