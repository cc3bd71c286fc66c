import { Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ragDimensionLabels, ragDimensions } from '@pharos/api';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { DimensionEditor } from './dimension-editor';
import { draftOf } from './draft-state';
import { ReportHeading } from './report-form';
import { ReportMetrics } from './report-metrics';
import { type StatusReport, statusCalls, useStatusMutation } from './status-api';

const narrative = [
  ['done', 'Done'],
  ['next', 'Next'],
  ['issues', 'Issues'],
  ['helpNeeded', 'Help needed'],
] as const;

/** Opens a submitted report again, with the reason kept in its history. */
function ReopenButton({ report }: { report: StatusReport }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const reopen = useStatusMutation(statusCalls.reopen);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Reopen for correction
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Reopen ${report.period.key}`}>
        <Stack>
          <Textarea
            label="Reason"
            required
            description="Kept in the report's history"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              disabled={!reason.trim()}
              loading={reopen.isPending}
              onClick={() =>
                reopen.mutate(
                  { id: report.id, version: report.version, reason },
                  {
                    onSuccess: () => setOpen(false),
                    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
                  },
                )
              }
            >
              Reopen
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A submitted report as it was filed: colours with the reasons and justifications, narrative, metrics. */
export function SubmittedReport({ report }: { report: StatusReport }) {
  const draft = draftOf(report);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <ReportHeading report={report} />
        <Group gap="xs">
          <Badge color="blue" variant="light" radius="sm">
            Submitted
          </Badge>
          {report.abilities.reopen && <ReopenButton report={report} />}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Submitted {formatDateTime(report.submittedAt)}
        {report.submittedBy && ` by ${report.labels.submittedBy ?? 'someone'}`}
      </Text>
      <Stack gap="xs">
        <DimensionEditor
          label="Overall"
          suggested={report.overall.suggested}
          reasons={[]}
          empty="Suggested from the dimensions as reported."
          rag={report.overall.rag}
          justification={report.overall.justification}
          onChange={() => {}}
          readOnly
        />
        {ragDimensions.map((d) => (
          <DimensionEditor
            key={d}
            label={ragDimensionLabels[d]}
            suggested={report.dimensions[d].suggested}
            reasons={report.dimensions[d].reasons}
            rag={report.dimensions[d].rag}
            justification={report.dimensions[d].justification}
            onChange={() => {}}
            readOnly
          />
        ))}
      </Stack>
      <Paper withBorder p="md" radius="sm">
        <Stack gap="sm">
          <Title order={4}>Narrative</Title>
          {narrative.map(([key, label]) => (
            <div key={key}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {report.narrative[key] || '—'}
              </Text>
            </div>
          ))}
        </Stack>
      </Paper>
      <ReportMetrics report={report} entered={draft.entered} readOnly />
    </Stack>
  );
}
