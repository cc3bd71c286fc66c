import { Alert, Button, Group, Paper, Radio, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Delivery, deliveries, deliveryLabels, type NotificationPreferences } from '@pharos/api';
import { type ReactNode, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { ButtonLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import classes from './notifications.module.css';
import { usePreferences, useSendTest, useUpdatePreferences } from './notifications-api';

const hours = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, '0')}:00`,
}));

/** Your notification preferences: per kind, how it reaches you; and the hour of your digest. */
export function PreferencesPage(): ReactNode {
  const prefs = usePreferences();
  return (
    <>
      <PageHeader
        title="Notification preferences"
        subtitle="Choose how each kind of notification reaches you. Every notification is also in the app."
        actions={
          <ButtonLink to="/notifications" variant="default">
            Back to notifications
          </ButtonLink>
        }
      />
      <QueryState query={prefs} label="Loading your preferences">
        {() => <PreferencesForm prefs={prefs.data!} />}
      </QueryState>
    </>
  );
}

function PreferencesForm({ prefs }: { prefs: NotificationPreferences }) {
  const [choice, setChoice] = useState<Record<string, Delivery>>({});
  const [hour, setHour] = useState(prefs.digestHour);
  const save = useUpdatePreferences();
  const sendTest = useSendTest();
  const [testKind, setTestKind] = useState(prefs.kinds[0]?.kind ?? '');
  // The saved values, whenever they (re)load.
  useEffect(() => {
    setChoice(Object.fromEntries(prefs.kinds.map((k) => [k.kind, k.delivery])));
    setHour(prefs.digestHour);
  }, [prefs]);
  const changed =
    hour !== prefs.digestHour || prefs.kinds.some((k) => (choice[k.kind] ?? k.delivery) !== k.delivery);
  const submit = () =>
    save.mutate(
      { delivery: choice, digestHour: hour, version: prefs.version },
      { onSuccess: () => notifications.show({ color: 'green', message: 'Your preferences are saved.' }) },
    );
  const test = () =>
    sendTest.mutate(testKind, {
      onSuccess: (n) =>
        notifications.show({
          color: 'green',
          message: n.emailedAt
            ? `Sent. It is in your notifications, and an e-mail is on its way to ${prefs.email}.`
            : 'Sent. It is in your notifications.',
        }),
    });
  return (
    <Stack gap="lg">
      {!prefs.emailEnabled && (
        <Alert color="yellow" title="E-mail is off on this server">
          Until an administrator sets up e-mail (PHAROS_SMTP_URL), notifications reach you only here in the
          app, whatever you choose below.
        </Alert>
      )}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" className={classes.prefTable}>
            <caption className="visually-hidden">Delivery of each kind of notification</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind of notification</Table.Th>
                {deliveries.map((d) => (
                  <Table.Th key={d} style={{ whiteSpace: 'nowrap' }}>
                    {deliveryLabels[d]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {prefs.kinds.map((k) => {
                const current = choice[k.kind] ?? k.delivery;
                return (
                  <Table.Tr key={k.kind}>
                    <Table.Td>
                      <Text size="sm">{k.label}</Text>
                      <Text size="xs" c="dimmed">
                        Default: {deliveryLabels[k.defaultDelivery].toLowerCase()}
                      </Text>
                    </Table.Td>
                    {deliveries.map((d) => (
                      <Table.Td key={d}>
                        <Radio
                          name={`delivery-${k.kind}`}
                          value={d}
                          checked={current === d}
                          onChange={() => setChoice((c) => ({ ...c, [k.kind]: d }))}
                          aria-label={`${k.label}: ${deliveryLabels[d]}`}
                          styles={{ body: { justifyContent: 'center' } }}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Group align="flex-end" gap="md">
        <Select
          label="Daily digest at"
          description={`On the organization's clock (${prefs.timeZone}), sent to ${prefs.email}`}
          data={hours}
          value={String(hour)}
          onChange={(v) => v !== null && setHour(Number(v))}
          allowDeselect={false}
          w={440}
        />
      </Group>
      {save.isError && (
        <Alert color="red" role="alert" title="Not saved">
          {errorMessage(save.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={submit} disabled={!changed} loading={save.isPending}>
          Save preferences
        </Button>
      </Group>
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="h4" fw={600} mb={4}>
          Try it
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Send yourself a test notification, delivered the way the kind you pick reaches you (as saved).
        </Text>
        <Group align="flex-end">
          <Select
            label="As a"
            data={prefs.kinds.map((k) => ({ value: k.kind, label: k.label }))}
            value={testKind}
            onChange={(v) => v && setTestKind(v)}
            allowDeselect={false}
            w={360}
          />
          <Button variant="light" onClick={test} loading={sendTest.isPending}>
            Send a test
          </Button>
        </Group>
        {sendTest.isError && (
          <Text size="sm" c="red" mt="xs" role="alert">
            {errorMessage(sendTest.error)}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
