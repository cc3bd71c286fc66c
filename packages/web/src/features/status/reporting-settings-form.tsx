import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { RefLink } from '../../ui/ref-link';
import { type OfficeSettings, type SettingsBody, statusCalls, useStatusMutation } from './status-api';

type Values = Omit<SettingsBody, 'version'>;

const valuesOf = (s: OfficeSettings): Values => ({
  cadence: s.cadence,
  dueDaysAfterPeriod: s.dueDaysAfterPeriod,
  reminderDaysBefore: s.reminderDaysBefore,
  rollup: s.rollup,
});

function Source({ s }: { s: OfficeSettings }) {
  if (s.source === 'office')
    return <Text size="sm">Set on this office; offices below it without their own inherit it.</Text>;
  if (s.source === 'default')
    return <Text size="sm">The organization default: no office above this one sets its own.</Text>;
  return (
    <Text size="sm">
      Inherited from <RefLink entity="offices" id={s.sourceOfficeId} />. Saving sets this office’s own.
    </Text>
  );
}

/** An office's reporting cadence, deadline, reminders and roll-up rule. */
export function ReportingSettingsForm({ settings }: { settings: OfficeSettings }) {
  const [v, setV] = useState<Values>(() => valuesOf(settings));
  const [reminders, setReminders] = useState(settings.reminderDaysBefore.join(', '));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useStatusMutation(statusCalls.putSettings);
  const ro = !settings.canUpdate;
  const rollup = v.rollup;

  function onSave() {
    const days = reminders
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
    if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 60)) {
      setErrors({ reminderDaysBefore: 'Whole days from 0 to 60, separated by commas' });
      return;
    }
    setErrors({});
    save.mutate(
      { officeId: settings.officeId, body: { ...v, reminderDaysBefore: days, version: settings.version } },
      {
        onSuccess: (s) => {
          setV(valuesOf(s));
          setReminders(s.reminderDaysBefore.join(', '));
          notifications.show({ message: 'Reporting settings saved' });
        },
        onError: (e) => {
          if (isApiError(e) && e.field) setErrors({ [e.field]: e.message });
          else notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
        },
      },
    );
  }

  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="md" component="form" aria-label="Reporting settings" onSubmit={(e) => e.preventDefault()}>
        <Group justify="space-between">
          <Title order={4}>Reporting settings</Title>
          {!ro && (
            <Button loading={save.isPending} onClick={onSave}>
              Save settings
            </Button>
          )}
        </Group>
        <Source s={settings} />
        {errors.version && <Alert color="red">{errors.version}</Alert>}
        <Group align="flex-end" gap="lg">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="cadence-label">
              Cadence
            </Text>
            <SegmentedControl
              aria-labelledby="cadence-label"
              disabled={ro}
              value={v.cadence.kind}
              onChange={(kind) =>
                setV({
                  ...v,
                  cadence:
                    kind === 'biweekly'
                      ? { kind, anchor: new Date().toISOString().slice(0, 10) }
                      : { kind: kind as 'weekly' | 'monthly' },
                })
              }
              data={[
                { value: 'weekly', label: 'Weekly' },
                { value: 'biweekly', label: 'Bi-weekly' },
                { value: 'monthly', label: 'Monthly' },
              ]}
            />
          </Stack>
          {v.cadence.kind === 'biweekly' && (
            <TextInput
              type="date"
              label="First day of a period"
              readOnly={ro}
              value={v.cadence.anchor}
              error={errors['cadence.anchor']}
              onChange={(e) => setV({ ...v, cadence: { kind: 'biweekly', anchor: e.currentTarget.value } })}
            />
          )}
          <NumberInput
            label="Due after the period"
            description="days; 0: on its last day"
            w={200}
            readOnly={ro}
            min={-31}
            max={60}
            value={v.dueDaysAfterPeriod}
            error={errors.dueDaysAfterPeriod}
            onChange={(n) => setV({ ...v, dueDaysAfterPeriod: typeof n === 'number' ? n : 0 })}
          />
          <TextInput
            label="Remind before due"
            description="days, e.g. 2, 0"
            w={200}
            readOnly={ro}
            value={reminders}
            error={errors.reminderDaysBefore}
            onChange={(e) => setReminders(e.currentTarget.value)}
          />
        </Group>
        <Group align="flex-end" gap="lg">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="rollup-label">
              Roll-up of project colours
            </Text>
            <SegmentedControl
              aria-labelledby="rollup-label"
              disabled={ro}
              value={rollup.method}
              onChange={(m) =>
                setV({
                  ...v,
                  rollup: m === 'weighted' ? { method: 'weighted', by: 'budget' } : { method: 'worst' },
                })
              }
              data={[
                { value: 'worst', label: 'Worst of' },
                { value: 'weighted', label: 'Weighted' },
              ]}
            />
          </Stack>
          {rollup.method === 'weighted' && (
            <>
              <Select
                label="Weighted by"
                w={160}
                readOnly={ro}
                data={[
                  { value: 'budget', label: 'Budget' },
                  { value: 'priority', label: 'Priority' },
                ]}
                value={rollup.by}
                onChange={(by) =>
                  by && setV({ ...v, rollup: { ...rollup, by: by as 'budget' | 'priority' } })
                }
              />
              <NumberInput
                label="Amber from"
                description="mean score, 1–2"
                w={140}
                step={0.1}
                decimalScale={2}
                readOnly={ro}
                value={rollup.amberFrom ?? 1.5}
                error={errors['rollup.amberFrom']}
                onChange={(n) => setV({ ...v, rollup: { ...rollup, amberFrom: Number(n) } })}
              />
              <NumberInput
                label="Red from"
                description="mean score, 2–3"
                w={140}
                step={0.1}
                decimalScale={2}
                readOnly={ro}
                value={rollup.redFrom ?? 2.5}
                error={errors['rollup.redFrom']}
                onChange={(n) => setV({ ...v, rollup: { ...rollup, redFrom: Number(n) } })}
              />
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
