import {
  ActionIcon,
  Button,
  Group,
  Menu,
  SegmentedControl,
  Select,
  Switch,
  TextInput,
  Tooltip,
} from '@mantine/core';
import type { PlanT } from '@pharos/api';
import { useEffect, useState } from 'react';
import { CalendarsDialog } from './calendars-dialog';
import { ImportButton } from './import-button';
import { parsePlanDate } from './plan-time';
import { clampZoom, zoomPresets } from './time-scale';

export interface PlanViewOptions {
  pxPerDay: number;
  critical: boolean;
  baseline: number | null;
}

const baselineNumbers = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const baselineName = (n: number) => (n === 0 ? 'Baseline' : `Baseline ${n}`);

/** The plan page's toolbar: import, export, baselines, status date, and how the chart is drawn. */
export function PlanToolbar(props: {
  projectId: string;
  plan: PlanT;
  editable: boolean;
  options: PlanViewOptions;
  onOptions: (o: PlanViewOptions) => void;
  onSetBaseline: (n: number) => void;
  onStatusDate: (d: string | null) => void;
}) {
  const { options: o, plan } = props;
  const set = (patch: Partial<PlanViewOptions>) => props.onOptions({ ...o, ...patch });
  const preset = zoomPresets.find((z) => Math.abs(z.pxPerDay - o.pxPerDay) < 0.01)?.label ?? '';
  const [status, setStatus] = useState(plan.statusDate?.slice(0, 10) ?? '');
  useEffect(() => setStatus(plan.statusDate?.slice(0, 10) ?? ''), [plan.statusDate]);
  const saved = new Set(plan.baselinesSet.map((b) => b.number));
  const [calendars, setCalendars] = useState(false);
  return (
    <Group gap="sm" mb="sm" wrap="wrap" role="toolbar" aria-label="Plan">
      <ImportButton projectId={props.projectId} disabled={!props.editable} />
      <Button
        component="a"
        size="sm"
        variant="default"
        href={`/api/v1/projects/${encodeURIComponent(props.projectId)}/plan/mspdi`}
        download
      >
        Export
      </Button>
      <Menu position="bottom-start" shadow="md">
        <Menu.Target>
          <Button size="sm" variant="default" disabled={!props.editable}>
            Set baseline
          </Button>
        </Menu.Target>
        <Menu.Dropdown aria-label="Baselines">
          {baselineNumbers.map((n) => (
            <Menu.Item key={n} onClick={() => props.onSetBaseline(n)}>
              {baselineName(n)}
              {saved.has(n) ? ' (replace)' : ''}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button size="sm" variant="default" onClick={() => setCalendars(true)}>
        Calendars
      </Button>
      {calendars && (
        <CalendarsDialog
          projectId={props.projectId}
          plan={plan}
          editable={props.editable}
          onClose={() => setCalendars(false)}
        />
      )}
      <TextInput
        size="sm"
        type="date"
        label="Status date"
        aria-label="Status date"
        value={status}
        disabled={!props.editable}
        onChange={(e) => setStatus(e.currentTarget.value)}
        onBlur={() => {
          const next = status ? parsePlanDate(status, 17 * 60) : null;
          if (next !== plan.statusDate && (next || !status)) props.onStatusDate(next);
        }}
        styles={{ root: { display: 'flex', alignItems: 'center', gap: 6 }, label: { fontSize: 13 } }}
      />
      <Group gap={4} ml="auto" wrap="nowrap">
        <SegmentedControl
          size="xs"
          aria-label="Zoom"
          value={preset}
          onChange={(v) => set({ pxPerDay: zoomPresets.find((z) => z.label === v)?.pxPerDay ?? o.pxPerDay })}
          data={zoomPresets.map((z) => z.label)}
        />
        <Tooltip label="Zoom out (Ctrl+wheel)">
          <ActionIcon
            variant="default"
            aria-label="Zoom out"
            onClick={() => set({ pxPerDay: clampZoom(o.pxPerDay / 1.5) })}
          >
            −
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Zoom in (Ctrl+wheel)">
          <ActionIcon
            variant="default"
            aria-label="Zoom in"
            onClick={() => set({ pxPerDay: clampZoom(o.pxPerDay * 1.5) })}
          >
            +
          </ActionIcon>
        </Tooltip>
      </Group>
      <Switch
        size="sm"
        label="Critical path"
        checked={o.critical}
        onChange={(e) => set({ critical: e.currentTarget.checked })}
      />
      <Select
        size="sm"
        w={150}
        aria-label="Baseline shown"
        value={o.baseline === null ? 'none' : String(o.baseline)}
        onChange={(v) => set({ baseline: v === null || v === 'none' ? null : Number(v) })}
        data={[
          { value: 'none', label: 'No baseline' },
          ...baselineNumbers.map((n) => ({
            value: String(n),
            label: `${baselineName(n)}${saved.has(n) ? '' : ' (not set)'}`,
          })),
        ]}
        allowDeselect={false}
      />
    </Group>
  );
}
