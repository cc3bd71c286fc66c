import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApprovedValues } from '@pharos/api';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/format';
import { currencyDigits, formatMoney, parseMoney } from '../demand/money';
import { governanceCalls, useApprovedValues, useGovernanceMutation } from './governance-api';

function Values({ v }: { v: ApprovedValues }) {
  const row = (label: string, value: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={3}>
        {row('Approved budget', formatMoney(v.budget, v.currency))}
        {row('Approved start', formatDate(v.approvedStart))}
        {row('Approved finish', formatDate(v.approvedFinish))}
      </SimpleGrid>
      <div>
        <Text size="xs" c="dimmed">
          Scope
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {v.scope || '—'}
        </Text>
      </div>
      <Text size="xs" c="dimmed">
        Version {v.version}, last changed {formatDateTime(v.updatedAt)}. They change only through approved
        change requests.
      </Text>
    </Stack>
  );
}

/** The first setting of the approved values: the baseline change requests are measured against. */
function BaselineForm({ projectId }: { projectId: string }) {
  const [currency, setCurrency] = useState('EUR');
  const [budget, setBudget] = useState('');
  const [start, setStart] = useState('');
  const [finish, setFinish] = useState('');
  const [scope, setScope] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const set = useGovernanceMutation(governanceCalls.setApprovedValues);
  const submit = async () => {
    setErrors({});
    setError(null);
    const money = parseMoney(budget, currencyDigits(currency));
    if (!money.ok) return setErrors({ budget: money.message });
    try {
      await set.mutateAsync({
        projectId,
        body: {
          currency: currency.trim().toUpperCase(),
          budget: money.minor,
          approvedStart: start || null,
          approvedFinish: finish || null,
          scope,
        },
      });
      notifications.show({ color: 'green', message: 'The approved values are set.' });
    } catch (e) {
      if (isApiError(e) && e.field) setErrors({ [e.field]: e.message });
      else setError(errorMessage(e));
    }
  };
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label="Set the approved values"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Text size="sm" c="dimmed">
        Not set yet. Set the baseline the project was approved with; afterwards it changes only through change
        requests.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Currency"
          value={currency}
          maxLength={3}
          error={errors.currency}
          onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
        />
        <TextInput
          label="Approved budget"
          required
          placeholder="1250000.00"
          value={budget}
          error={errors.budget}
          onChange={(e) => setBudget(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="Approved start"
          value={start}
          error={errors.approvedStart}
          onChange={(e) => setStart(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="Approved finish"
          value={finish}
          error={errors.approvedFinish}
          onChange={(e) => setFinish(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Textarea
        label="Scope"
        autosize
        minRows={2}
        value={scope}
        onChange={(e) => setScope(e.currentTarget.value)}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button type="submit" size="sm" loading={set.isPending}>
          Set approved values
        </Button>
      </Group>
    </Stack>
  );
}

/** The project's approved budget, dates and scope. */
export function ApprovedValuesCard({ projectId }: { projectId: string }) {
  const q = useApprovedValues(projectId);
  return (
    <Card withBorder padding="lg" component="section" aria-label="Approved values">
      <Text fw={600} mb="sm">
        Approved values
      </Text>
      {q.data?.values ? (
        <Values v={q.data.values} />
      ) : q.data?.maySet ? (
        <BaselineForm projectId={projectId} />
      ) : (
        <Text size="sm" c="dimmed">
          {q.isPending ? 'Loading…' : 'Not set yet.'}
        </Text>
      )}
    </Card>
  );
}
