import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type PlanCalendarT, type PlanT, recurrenceKinds, routes } from '@pharos/api';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import {
  type DayRow,
  type Exception,
  type ExceptionRow,
  nextKey,
  parseHours,
  rowsOf,
  STANDARD,
} from './calendar-form';
import { DialogFooter } from './dialog-footer';
import { planKeys } from './plan-cache';
import { weekdayShort } from './plan-time';

/**
 * The plan's working calendars: working hours per weekday (or as the base calendar), and
 * exceptions — days off or other hours, once or recurring. Saving reschedules the plan.
 */
export function CalendarsDialog(props: {
  projectId: string;
  plan: PlanT;
  editable: boolean;
  onClose: () => void;
}): ReactNode {
  const { plan } = props;
  const qc = useQueryClient();
  const [uid, setUid] = useState(plan.calendarUid);
  const current = plan.calendars.find((c) => c.uid === uid);
  const blank: PlanCalendarT = {
    uid,
    name: 'New calendar',
    baseUid: plan.calendarUid,
    week: [null, null, null, null, null, null, null],
    exceptions: [],
    workWeeks: [],
  };
  const [form, setForm] = useState(() => rowsOf(current ?? blank));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const pick = (next: number, cal?: PlanCalendarT) => {
    setUid(next);
    setForm(rowsOf(cal ?? plan.calendars.find((c) => c.uid === next) ?? { ...blank, uid: next }));
    setError(null);
  };
  const readOnly = !props.editable;

  function build(): PlanCalendarT | string {
    if (!form.name.trim()) return 'The calendar needs a name.';
    const week: PlanCalendarT['week'] = [];
    for (const [i, d] of form.days.entries()) {
      if (d.inherit && form.baseUid !== null) {
        week.push(null);
        continue;
      }
      const h = d.working ? parseHours(d.hours) : [];
      if (h === null) return `${weekdayShort[i]}: "${d.hours}" is not working hours (e.g. ${STANDARD}).`;
      week.push(h);
    }
    const exceptions: Exception[] = [];
    for (const e of form.exceptions) {
      const h = e.working ? parseHours(e.hoursText) : [];
      if (h === null) return `${e.name || 'An exception'}: "${e.hoursText}" is not working hours.`;
      if (!e.from || !e.to || e.to < e.from)
        return `${e.name || 'An exception'}: the dates are not a period.`;
      const { key: _k, hoursText: _h, working: _w, ...rest } = e;
      exceptions.push({ ...rest, hours: h });
    }
    return {
      uid,
      name: form.name.trim(),
      baseUid: form.baseUid,
      week,
      exceptions,
      workWeeks: current?.workWeeks ?? [],
    };
  }

  async function save() {
    const cal = build();
    if (typeof cal === 'string') return setError(cal);
    setSaving(true);
    try {
      await api.call(routes.plan.putCalendar, {
        params: { id: props.projectId },
        body: { ...cal, version: plan.version },
      });
      await qc.invalidateQueries({ queryKey: planKeys.plan(props.projectId) });
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  async function makeProjectCalendar() {
    setSaving(true);
    try {
      await api.call(routes.plan.updateSettings, {
        params: { id: props.projectId },
        body: { calendarUid: uid, version: plan.version },
      });
      await qc.invalidateQueries({ queryKey: planKeys.plan(props.projectId) });
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const setDay = (i: number, patch: Partial<DayRow>) =>
    setForm((f) => ({ ...f, days: f.days.map((d, j) => (j === i ? { ...d, ...patch } : d)) }));
  const setEx = (key: number, patch: Partial<ExceptionRow>) =>
    setForm((f) => ({ ...f, exceptions: f.exceptions.map((e) => (e.key === key ? { ...e, ...patch } : e)) }));
  const nextUid = Math.max(0, ...plan.calendars.map((c) => c.uid)) + 1;

  return (
    <Modal opened onClose={props.onClose} title="Working calendars" size={1040}>
      <Group align="flex-end" mb="sm">
        <Select
          w={280}
          label="Calendar"
          data={[
            ...plan.calendars.map((c) => ({
              value: String(c.uid),
              label: `${c.name}${c.uid === plan.calendarUid ? ' (project calendar)' : ''}`,
            })),
            ...(plan.calendars.some((c) => c.uid === uid)
              ? []
              : [{ value: String(uid), label: 'New calendar' }]),
          ]}
          value={String(uid)}
          onChange={(v) => v && pick(Number(v))}
          allowDeselect={false}
        />
        <Button variant="light" disabled={readOnly} onClick={() => pick(nextUid, { ...blank, uid: nextUid })}>
          New calendar
        </Button>
        {uid !== plan.calendarUid && plan.calendars.some((c) => c.uid === uid) && (
          <Button variant="default" disabled={readOnly} onClick={() => void makeProjectCalendar()}>
            Use as the project calendar
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        <Group grow>
          <TextInput
            label="Name"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            readOnly={readOnly}
          />
          <Select
            label="Based on"
            data={[
              { value: '', label: 'Nothing (a base calendar)' },
              ...plan.calendars
                .filter((c) => c.uid !== uid)
                .map((c) => ({ value: String(c.uid), label: c.name })),
            ]}
            value={form.baseUid === null ? '' : String(form.baseUid)}
            onChange={(v) => setForm({ ...form, baseUid: v ? Number(v) : null })}
            readOnly={readOnly}
          />
        </Group>
        <Table aria-label="Working week">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              {form.baseUid !== null && <Table.Th>As the base</Table.Th>}
              <Table.Th>Working</Table.Th>
              <Table.Th>Hours</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.days.map((d, i) => (
              <Table.Tr key={weekdayShort[i]}>
                <Table.Td>{weekdayShort[i]}</Table.Td>
                {form.baseUid !== null && (
                  <Table.Td>
                    <Switch
                      aria-label={`${weekdayShort[i]} as the base calendar`}
                      checked={d.inherit}
                      onChange={(e) => setDay(i, { inherit: e.currentTarget.checked })}
                      disabled={readOnly}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Switch
                    aria-label={`${weekdayShort[i]} is a working day`}
                    checked={d.working}
                    disabled={readOnly || (d.inherit && form.baseUid !== null)}
                    onChange={(e) => setDay(i, { working: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${weekdayShort[i]} hours`}
                    value={d.hours}
                    disabled={!d.working || (d.inherit && form.baseUid !== null)}
                    onChange={(e) => setDay(i, { hours: e.currentTarget.value })}
                    readOnly={readOnly}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text fw={600} size="sm">
          Exceptions
        </Text>
        <Table aria-label="Exceptions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Repeats</Table.Th>
              <Table.Th>Working</Table.Th>
              <Table.Th>Hours</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.exceptions.map((e) => (
              <Table.Tr key={e.key}>
                <Table.Td>
                  <TextInput
                    aria-label="Exception name"
                    miw={150}
                    value={e.name}
                    onChange={(x) => setEx(e.key, { name: x.currentTarget.value })}
                    readOnly={readOnly}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    type="date"
                    aria-label="From"
                    value={e.from}
                    onChange={(x) => setEx(e.key, { from: x.currentTarget.value })}
                    readOnly={readOnly}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    type="date"
                    aria-label="To"
                    value={e.to}
                    onChange={(x) => setEx(e.key, { to: x.currentTarget.value })}
                    readOnly={readOnly}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Select
                      aria-label="Repeats"
                      w={110}
                      data={[
                        { value: '', label: 'Once' },
                        ...recurrenceKinds.map((k) => ({
                          value: k,
                          label: k[0]!.toUpperCase() + k.slice(1),
                        })),
                      ]}
                      value={e.recurrence?.kind ?? ''}
                      onChange={(v) =>
                        setEx(e.key, {
                          recurrence: v
                            ? {
                                kind: v as (typeof recurrenceKinds)[number],
                                period: 1,
                                ...(v === 'weekly'
                                  ? { weekdays: [new Date(`${e.from}T00:00Z`).getUTCDay()] }
                                  : {}),
                                occurrences: e.recurrence?.occurrences ?? 10,
                              }
                            : undefined,
                        })
                      }
                      readOnly={readOnly}
                    />
                    {e.recurrence && (
                      <NumberInput
                        aria-label="Occurrences"
                        w={70}
                        min={1}
                        max={999}
                        value={e.recurrence.occurrences ?? 10}
                        onChange={(v) =>
                          setEx(e.key, { recurrence: { ...e.recurrence!, occurrences: Number(v) || 1 } })
                        }
                        readOnly={readOnly}
                      />
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label="Working on these days"
                    checked={e.working}
                    onChange={(x) => setEx(e.key, { working: x.currentTarget.checked })}
                    disabled={readOnly}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label="Exception hours"
                    miw={180}
                    value={e.hoursText}
                    disabled={!e.working}
                    onChange={(x) => setEx(e.key, { hoursText: x.currentTarget.value })}
                    readOnly={readOnly}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${e.name || 'this exception'}`}
                    disabled={readOnly}
                    onClick={() =>
                      setForm((f) => ({ ...f, exceptions: f.exceptions.filter((x) => x.key !== e.key) }))
                    }
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button
            variant="light"
            size="xs"
            disabled={readOnly}
            onClick={() => {
              const day = (plan.statusDate ?? plan.startDate).slice(0, 10);
              setForm((f) => ({
                ...f,
                exceptions: [
                  ...f.exceptions,
                  {
                    key: nextKey(),
                    name: '',
                    from: day,
                    to: day,
                    hours: [],
                    hoursText: STANDARD,
                    working: false,
                  },
                ],
              }));
            }}
          >
            Add an exception
          </Button>
        </Group>
      </Stack>
      <DialogFooter
        error={error}
        editable={props.editable}
        saving={saving}
        onCancel={props.onClose}
        onSave={() => void save()}
      />
    </Modal>
  );
}
