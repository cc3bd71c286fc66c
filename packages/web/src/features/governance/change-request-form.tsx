import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { currencyDigits, formatMoney, parseMoney } from '../demand/money';
import { governanceCalls, useApprovedValues, useGovernanceMutation } from './governance-api';

/** A signed amount typed in major units ("-1500", "25000.50") as minor units. */
export function parseSignedMoney(text: string, digits: number) {
  const t = text.trim();
  const negative = t.startsWith('-');
  const r = parseMoney(negative ? t.slice(1) : t.replace(/^\+/, ''), digits);
  return r.ok ? { ok: true as const, minor: negative ? -r.minor : r.minor } : r;
}

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** A new change request: what changes (budget, finish, scope) and why. It starts as a draft. */
export function ChangeRequestModal({
  projectId,
  opened,
  onClose,
}: {
  projectId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const values = useApprovedValues(projectId).data?.values ?? null;
  const currency = values?.currency ?? 'EUR';
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [budget, setBudget] = useState('');
  const [days, setDays] = useState('');
  const [scope, setScope] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const create = useGovernanceMutation(governanceCalls.createChange);
  const submitNow = useGovernanceMutation(governanceCalls.submitChange);

  const money = parseSignedMoney(budget, currencyDigits(currency));
  const shift = days.trim() === '' ? 0 : Number(days);
  const pct = values && money.ok && values.budget > 0 ? (Math.abs(money.minor) / values.budget) * 100 : null;

  const save = async (andSubmit: boolean) => {
    setErrors({});
    setError(null);
    if (!money.ok) return setErrors({ 'impact.budgetDelta': money.message });
    if (!Number.isInteger(shift)) return setErrors({ 'impact.finishDeltaDays': 'Whole days, e.g. 14 or -7' });
    try {
      const cr = await create.mutateAsync({
        projectId,
        body: {
          title,
          description,
          impact: {
            budgetDelta: money.minor === 0 ? null : money.minor,
            finishDeltaDays: shift === 0 ? null : shift,
            scopeChange: scope,
          },
        },
      });
      setTitle('');
      setDescription('');
      setBudget('');
      setDays('');
      setScope('');
      onClose();
      if (!andSubmit) {
        notifications.show({ color: 'green', message: `${cr.code} is saved as a draft.` });
        return;
      }
      try {
        const done = await submitNow.mutateAsync({ id: cr.id, version: cr.version });
        notifications.show({
          color: 'green',
          message: `${done.code} is submitted: ${done.steps.map((s) => s.label).join(', then ')}.`,
        });
      } catch (e) {
        notifications.show({
          color: 'red',
          message: `${cr.code} is saved as a draft but not submitted: ${errorMessage(e)}`,
        });
      }
    } catch (e) {
      if (isApiError(e) && e.field && e.field !== 'approvedValues') setErrors({ [e.field]: e.message });
      else setError(errorMessage(e));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>New change request</Text>} size="lg">
      <Stack
        gap="sm"
        component="form"
        aria-label="New change request"
        onSubmit={(e) => {
          e.preventDefault();
          void save(true);
        }}
      >
        <TextInput
          label="Title"
          required
          value={title}
          error={errors.title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Textarea
          label="Why"
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Text fw={600} size="sm">
          Impact
        </Text>
        {errors.impact && (
          <Alert color="red" py={6}>
            {errors.impact}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={`Budget change (${currency})`}
            description={
              values
                ? `Now ${formatMoney(values.budget, values.currency)}${pct !== null && pct > 0 ? ` · ${pct.toFixed(1)} % of it` : ''}`
                : 'Negative lowers the budget'
            }
            placeholder="e.g. 25000 or -5000"
            value={budget}
            error={errors['impact.budgetDelta']}
            onChange={(e) => setBudget(e.currentTarget.value)}
          />
          <TextInput
            label="Finish moves by (days)"
            description={
              values?.approvedFinish && shift && Number.isInteger(shift)
                ? `From ${values.approvedFinish} to ${addDays(values.approvedFinish, shift)}`
                : 'Negative is earlier'
            }
            placeholder="e.g. 14"
            inputMode="numeric"
            value={days}
            error={errors['impact.finishDeltaDays']}
            onChange={(e) => setDays(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label="Scope change"
          autosize
          minRows={2}
          value={scope}
          error={errors['impact.scopeChange']}
          onChange={(e) => setScope(e.currentTarget.value)}
        />
        {!values && (
          <Alert color="yellow" py={6}>
            The project has no approved values yet: the request can be drafted, but not submitted before they
            are set.
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="default"
            loading={create.isPending && !submitNow.isPending}
            onClick={() => save(false)}
          >
            Save as draft
          </Button>
          <Button type="submit" loading={submitNow.isPending} disabled={!values}>
            Submit for approval
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
