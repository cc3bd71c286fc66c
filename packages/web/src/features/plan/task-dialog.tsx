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
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  type constraintTypes,
  type lagUnits,
  linkTypes,
  type PlanChangeT,
  type PlanLinkT,
  type PlanT,
  type PlanTaskT,
} from '@pharos/api';
import { type ReactNode, useState } from 'react';
import { DialogFooter } from './dialog-footer';
import { type DurationUnit, formatDuration, parseDuration } from './duration';
import type { PlanEdit } from './plan-editor';
import type { PlanEdits } from './plan-edits';

type Constraint = (typeof constraintTypes)[number];
type LagUnit = (typeof lagUnits)[number];

const constraintLabels: Record<Constraint, string> = {
  ASAP: 'As soon as possible',
  ALAP: 'As late as possible',
  SNET: 'Start no earlier than',
  SNLT: 'Start no later than',
  FNET: 'Finish no earlier than',
  FNLT: 'Finish no later than',
  MSO: 'Must start on',
  MFO: 'Must finish on',
};
const linkLabels = {
  FS: 'Finish-to-start',
  SS: 'Start-to-start',
  FF: 'Finish-to-finish',
  SF: 'Start-to-finish',
};

/** `2026-03-02T08:00` for a datetime-local input, and back (empty is none). */
const toInput = (v: string | null) => v ?? '';
const fromInput = (v: string) => (v ? v.slice(0, 16) : null);

/** A lag as typed: `2d`, `-1d`, `50%`, `3ed`. */
function parseLag(text: string, plan: PlanT): { lag: number; lagUnit: LagUnit } | null {
  const t = text.trim();
  if (t === '') return { lag: 0, lagUnit: 'd' };
  const pct = /^(-?\d+(?:[.,]\d+)?)\s*(e?)%$/.exec(t);
  if (pct) return { lag: Number(pct[1]!.replace(',', '.')), lagUnit: pct[2] ? 'e%' : '%' };
  const negative = t.startsWith('-');
  const d = parseDuration(negative ? t.slice(1) : t, plan);
  return d ? { lag: negative ? -d.minutes : d.minutes, lagUnit: d.unit } : null;
}
function formatLag(l: PlanLinkT, plan: PlanT) {
  if (l.lagUnit.endsWith('%')) return `${l.lag}${l.lagUnit === 'e%' ? 'e' : ''}%`;
  const text = formatDuration(Math.abs(l.lag), l.lagUnit as DurationUnit, plan);
  return l.lag < 0 ? `-${text}` : text;
}

let rowKeys = 0;

interface LinkRow {
  /** Stable while the dialog is open (rows are added and removed). */
  key: number;
  predecessorUid: number;
  type: PlanLinkT['type'];
  lag: string;
  /** The link as stored (absent for a new one). */
  was?: PlanLinkT;
}

/**
 * MS Project's "Task Information": every field of a task, and its predecessors with their type
 * and lag. Saving sends the task's changes, then each link added, changed or removed.
 */
export function TaskDialog(props: {
  plan: PlanT;
  task: PlanTaskT;
  edits: PlanEdits;
  run: (e: PlanEdit) => Promise<PlanChangeT | null>;
  onClose: () => void;
  editable: boolean;
}): ReactNode {
  const { plan, task, edits } = props;
  const [f, setF] = useState({
    name: task.name,
    notes: task.notes,
    duration: formatDuration(task.duration, task.durationUnit, plan),
    milestone: task.milestone,
    manual: task.manual,
    constraintType: task.constraintType,
    constraintDate: toInput(task.constraintDate),
    deadline: toInput(task.deadline),
    calendarUid: task.calendarUid === null ? '' : String(task.calendarUid),
    percentComplete: task.percentComplete,
    actualStart: toInput(task.actualStart),
    actualFinish: toInput(task.actualFinish),
  });
  const [links, setLinks] = useState<LinkRow[]>(
    plan.links
      .filter((l) => l.successorUid === task.uid)
      .map((l) => ({
        key: ++rowKeys,
        predecessorUid: l.predecessorUid,
        type: l.type,
        lag: formatLag(l, plan),
        was: l,
      })),
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF((x) => ({ ...x, [k]: v }));
  const others = plan.tasks
    .filter((t) => t.uid !== task.uid && !t.summary)
    .map((t) => ({ value: String(t.uid), label: `${t.row} ${t.name}` }));
  const dated = f.constraintType !== 'ASAP' && f.constraintType !== 'ALAP';

  async function save() {
    const duration = parseDuration(f.duration, plan, task.durationUnit);
    if (!f.name.trim()) return setError('A task needs a name.');
    if (!task.summary && !duration)
      return setError(`Duration: "${f.duration}" is not a duration (try 3d, 2w, 4h).`);
    if (dated && !f.constraintDate) return setError(`${constraintLabels[f.constraintType]} needs a date.`);
    const parsed = links.map((l) => ({ ...l, parsed: parseLag(l.lag, plan) }));
    const bad = parsed.find((l) => !l.parsed);
    if (bad) return setError(`Lag "${bad.lag}" is not a lag (try 2d, -1d or 50%).`);
    setError(null);
    setSaving(true);
    const body = {
      name: f.name.trim(),
      notes: f.notes,
      milestone: f.milestone,
      manual: f.manual,
      ...(task.summary || !duration ? {} : { duration: duration.minutes, durationUnit: duration.unit }),
      constraintType: f.constraintType,
      constraintDate: dated ? fromInput(f.constraintDate) : null,
      deadline: fromInput(f.deadline),
      calendarUid: f.calendarUid === '' ? null : Number(f.calendarUid),
      percentComplete: f.percentComplete,
      actualStart: fromInput(f.actualStart),
      actualFinish: fromInput(f.actualFinish),
    };
    const steps: PlanEdit[] = [edits.updateTask(task.uid, task.name, body, true)];
    for (const l of parsed) {
      const { lag, lagUnit } = l.parsed!;
      if (!l.was)
        steps.push(
          edits.createLink({
            predecessorUid: l.predecessorUid,
            successorUid: task.uid,
            type: l.type,
            lag,
            lagUnit,
          }),
        );
      else if (l.was.type !== l.type || l.was.lag !== lag || l.was.lagUnit !== lagUnit)
        steps.push(edits.updateLink(l.was, { type: l.type, lag, lagUnit }));
    }
    for (const l of plan.links)
      if (l.successorUid === task.uid && !links.some((x) => x.was === l)) steps.push(edits.deleteLink(l));
    for (const step of steps) if ((await props.run(step)) === null) break;
    setSaving(false);
    props.onClose();
  }

  const readOnly = !props.editable;
  return (
    <Modal opened onClose={props.onClose} title={`Task ${task.row}: ${task.name}`} size="lg">
      <Tabs defaultValue="general">
        <Tabs.List>
          <Tabs.Tab value="general">General</Tabs.Tab>
          <Tabs.Tab value="predecessors">Predecessors ({links.length})</Tabs.Tab>
          <Tabs.Tab value="advanced">Advanced</Tabs.Tab>
          <Tabs.Tab value="notes">Notes</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general" pt="sm">
          <Stack gap="xs">
            <TextInput
              label="Name"
              value={f.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              readOnly={readOnly}
            />
            <Group grow>
              <TextInput
                label="Duration"
                description={task.summary ? 'A summary spans its subtasks' : 'e.g. 3d, 2w, 4h, 1mo, 2ed'}
                value={task.summary ? '' : f.duration}
                onChange={(e) => set('duration', e.currentTarget.value)}
                disabled={task.summary}
                readOnly={readOnly}
              />
              <NumberInput
                label="% complete"
                min={0}
                max={100}
                value={f.percentComplete}
                onChange={(v) => set('percentComplete', Number(v) || 0)}
                readOnly={readOnly}
              />
            </Group>
            <Group grow>
              <TextInput
                type="datetime-local"
                label="Actual start"
                value={f.actualStart}
                onChange={(e) => set('actualStart', e.currentTarget.value)}
                readOnly={readOnly}
              />
              <TextInput
                type="datetime-local"
                label="Actual finish"
                value={f.actualFinish}
                onChange={(e) => set('actualFinish', e.currentTarget.value)}
                readOnly={readOnly}
              />
            </Group>
            <Group>
              <Switch
                label="Milestone"
                checked={f.milestone}
                onChange={(e) => set('milestone', e.currentTarget.checked)}
                disabled={readOnly}
              />
              <Switch
                label="Manually scheduled"
                checked={f.manual}
                onChange={(e) => set('manual', e.currentTarget.checked)}
                disabled={readOnly}
              />
            </Group>
            <Text size="xs" c="dimmed">
              Scheduled {task.start?.replace('T', ' ')} → {task.finish?.replace('T', ' ')}; total slack{' '}
              {formatDuration(task.totalSlack ?? 0, 'd', plan)}
              {task.critical ? ' (critical)' : ''}
            </Text>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="predecessors" pt="sm">
          <Table aria-label={`Predecessors of ${task.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Task</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Lag</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.map((l, i) => (
                <Table.Tr key={l.key}>
                  <Table.Td>
                    <Select
                      aria-label="Predecessor"
                      data={others}
                      searchable
                      value={String(l.predecessorUid)}
                      onChange={(v) =>
                        v &&
                        setLinks((xs) =>
                          xs.map((x, j) =>
                            j === i ? { ...x, predecessorUid: Number(v), was: undefined } : x,
                          ),
                        )
                      }
                      readOnly={readOnly || l.was !== undefined}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label="Link type"
                      data={linkTypes.map((t) => ({ value: t, label: linkLabels[t] }))}
                      value={l.type}
                      onChange={(v) =>
                        v &&
                        setLinks((xs) =>
                          xs.map((x, j) => (j === i ? { ...x, type: v as PlanLinkT['type'] } : x)),
                        )
                      }
                      readOnly={readOnly}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label="Lag"
                      value={l.lag}
                      w={90}
                      onChange={(e) => {
                        const lag = e.currentTarget.value;
                        setLinks((xs) => xs.map((x, j) => (j === i ? { ...x, lag } : x)));
                      }}
                      readOnly={readOnly}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label="Remove this link"
                      disabled={readOnly}
                      onClick={() => setLinks((xs) => xs.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Button
            variant="light"
            size="xs"
            mt="xs"
            disabled={readOnly || others.length === 0}
            onClick={() =>
              setLinks((xs) => [
                ...xs,
                { key: ++rowKeys, predecessorUid: Number(others[0]!.value), type: 'FS', lag: '0d' },
              ])
            }
          >
            Add a predecessor
          </Button>
        </Tabs.Panel>
        <Tabs.Panel value="advanced" pt="sm">
          <Stack gap="xs">
            <Group grow>
              <Select
                label="Constraint"
                data={Object.entries(constraintLabels).map(([value, label]) => ({ value, label }))}
                value={f.constraintType}
                onChange={(v) => v && set('constraintType', v as Constraint)}
                readOnly={readOnly}
              />
              <TextInput
                type="datetime-local"
                label="Constraint date"
                value={f.constraintDate}
                disabled={!dated}
                onChange={(e) => set('constraintDate', e.currentTarget.value)}
                readOnly={readOnly}
              />
            </Group>
            <Group grow>
              <TextInput
                type="datetime-local"
                label="Deadline"
                value={f.deadline}
                onChange={(e) => set('deadline', e.currentTarget.value)}
                readOnly={readOnly}
              />
              <Select
                label="Task calendar"
                data={[
                  { value: '', label: 'The project calendar' },
                  ...plan.calendars.map((c) => ({ value: String(c.uid), label: c.name })),
                ]}
                value={f.calendarUid}
                onChange={(v) => set('calendarUid', v ?? '')}
                readOnly={readOnly}
              />
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="sm">
          <Textarea
            label="Notes"
            autosize
            minRows={5}
            value={f.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            readOnly={readOnly}
          />
        </Tabs.Panel>
      </Tabs>
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
