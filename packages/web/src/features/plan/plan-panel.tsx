import { Alert, Button, Group, Text } from '@mantine/core';
import type { Project } from '@pharos/api';
import { type ReactNode, useMemo, useState } from 'react';
import { QueryState } from '../../ui/query-state';
import { GanttChart } from './gantt-chart';
import { usePlan } from './plan-cache';
import { usePlanEditor } from './plan-editor';
import { planEdits } from './plan-edits';
import { PlanToolbar, type PlanViewOptions } from './plan-toolbar';

/** The project's "Plan" tab: toolbar and Gantt chart. */
export function PlanPanel({ project }: { project: Project }): ReactNode {
  const q = usePlan(project.id);
  const editor = usePlanEditor(project.id, q.data);
  const edits = useMemo(() => planEdits(project.id), [project.id]);
  const [options, setOptions] = useState<PlanViewOptions>({ pxPerDay: 10, critical: true, baseline: null });
  const editable = project.abilities.update && project.archivedAt === null;
  return (
    <QueryState query={q} label="Loading the plan">
      {() => {
        const plan = q.data!;
        return (
          <>
            <PlanToolbar
              projectId={project.id}
              plan={plan}
              editable={editable}
              options={options}
              onOptions={setOptions}
              onSetBaseline={async (n) => {
                const ok = await editor.run(edits.setBaseline(n));
                if (ok) setOptions((o) => ({ ...o, baseline: n }));
              }}
              onStatusDate={(d) => void editor.run(edits.statusDate(d))}
            />
            {editor.conflict && (
              <Alert color="orange" role="alert" title="This plan changed" mb="sm">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">{editor.conflict}</Text>
                  <Button size="xs" color="orange" onClick={() => void editor.reload()}>
                    Reload the plan
                  </Button>
                </Group>
              </Alert>
            )}
            <GanttChart
              plan={plan}
              label={`Tasks of ${project.name}`}
              editable={editable}
              edits={edits}
              run={editor.run}
              pxPerDay={options.pxPerDay}
              onZoom={(pxPerDay) => setOptions((o) => ({ ...o, pxPerDay }))}
              critical={options.critical}
              baseline={options.baseline}
            />
            <Text size="xs" c="dimmed" mt={4} aria-live="polite">
              {plan.tasks.length.toLocaleString()} tasks · {plan.links.length.toLocaleString()} links
              {plan.finish ? ` · finishes ${plan.finish.replace('T', ' ')}` : ''}
              {editor.pending > 0 ? ' · saving…' : ''}
            </Text>
          </>
        );
      }}
    </QueryState>
  );
}
