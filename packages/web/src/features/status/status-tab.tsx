import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Project } from '@pharos/api';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useAbility } from '../../api/me';
import { QueryState } from '../../ui/query-state';
import { RagStrip } from './rag-strip';
import { ReportForm } from './report-form';
import { SubmittedReport } from './report-view';
import { statusCalls, useProjectReports, useStatusMutation } from './status-api';

/**
 * A project's status: its colours over the periods (newest right), and one report below — the
 * draft being written, or the one picked in the strip. "Start report" opens the next one with
 * every colour already suggested from the facts.
 */
export function StatusTab({ project }: { project: Project }) {
  const reports = useProjectReports(project.id);
  const canStart = useAbility('statusReport.create');
  const start = useStatusMutation(statusCalls.start);
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <QueryState query={reports} label="Loading status reports">
      {() => {
        const items = reports.data?.items ?? [];
        const draft = items.find((r) => r.state === 'draft');
        const shown = items.find((r) => r.id === picked) ?? draft ?? items[0] ?? null;
        return (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <Text size="sm" c="dimmed" maw={640}>
                One report per reporting period. Colours are suggested from the plan, the risk and issue
                registers, approved changes and gate reviews; change one only with a reason.
              </Text>
              {canStart && !project.archivedAt && (
                <Button
                  loading={start.isPending}
                  onClick={() =>
                    start.mutate(
                      { projectId: project.id },
                      {
                        onSuccess: (r) => setPicked(r.id),
                        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
                      },
                    )
                  }
                >
                  Start report
                </Button>
              )}
            </Group>
            {items.length > 0 ? (
              <Paper withBorder p="md" radius="sm">
                <RagStrip reports={items} selected={shown?.id ?? null} onSelect={setPicked} />
              </Paper>
            ) : (
              <Text c="dimmed">No status reports yet.</Text>
            )}
            {shown &&
              (shown.state === 'draft' ? (
                <ReportForm key={shown.id} report={shown} />
              ) : (
                <SubmittedReport report={shown} />
              ))}
          </Stack>
        );
      }}
    </QueryState>
  );
}
