import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ragDimensionLabels, ragDimensions } from '@pharos/api';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { formatDate } from '../../lib/format';
import { DimensionEditor } from './dimension-editor';
import { changesOf, type Draft, draftOf, impliedOverall, submitProblems } from './draft-state';
import { ReportMetrics } from './report-metrics';
import { type StatusReport, statusCalls, useStatusMutation } from './status-api';

const narrativeFields = [
  { key: 'done', label: 'Done', placeholder: 'What was achieved this period' },
  { key: 'next', label: 'Next', placeholder: 'What comes next period' },
  { key: 'issues', label: 'Issues', placeholder: 'What is in the way' },
  { key: 'helpNeeded', label: 'Help needed', placeholder: 'Decisions or help asked of the sponsor or PMO' },
] as const;

/** The period a report covers, and when it is due. */
export function ReportHeading({ report }: { report: StatusReport }) {
  return (
    <div>
      <Title order={3}>
        {report.period.key} · {formatDate(report.period.start)} – {formatDate(report.period.end)}
      </Title>
      <Text size="sm" c="dimmed">
        Due {formatDate(report.dueOn)} · facts as of {formatDate(report.asOf)}
        {report.late && (
          <Text span c="red.7" fw={500}>
            {report.submittedAt ? ' · filed late' : ' · overdue'}
          </Text>
        )}
      </Text>
    </div>
  );
}

/**
 * A draft report: every colour already suggested with its reasons, so the manager confirms or
 * overrides (with a justification), writes the narrative, and submits.
 */
export function ReportForm({ report }: { report: StatusReport }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(report));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loaded, setLoaded] = useState(report);
  if (loaded.id !== report.id || loaded.version !== report.version) {
    // The report changed under the form (saved, refreshed): start again from it.
    setLoaded(report);
    setDraft(draftOf(report));
  }
  const save = useStatusMutation(statusCalls.update);
  const submit = useStatusMutation(statusCalls.submit);
  const refresh = useStatusMutation(statusCalls.refresh);
  const busy = save.isPending || submit.isPending || refresh.isPending;
  const implied = impliedOverall(report, draft.dims);
  const overallRag = draft.overall.rag ?? implied;

  const fail = (e: unknown) => {
    if (isApiError(e) && e.field) setErrors({ [e.field]: e.message });
    else notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
  };

  /** Sends what changed; returns the report as saved, or null when it could not be. */
  async function saveChanges(): Promise<StatusReport | null> {
    const parsed = changesOf(report, draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return null;
    }
    if (!parsed.body) return report;
    try {
      return await save.mutateAsync({ id: report.id, body: { ...parsed.body, version: report.version } });
    } catch (e) {
      fail(e);
      return null;
    }
  }

  async function onSave() {
    setErrors({});
    if (await saveChanges()) notifications.show({ message: 'Draft saved' });
  }

  async function onSubmit() {
    const problems = submitProblems(report, draft);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const saved = await saveChanges();
    if (!saved) return;
    try {
      await submit.mutateAsync({ id: saved.id, version: saved.version });
      notifications.show({ color: 'green', message: `Status report ${report.period.key} submitted` });
    } catch (e) {
      fail(e);
    }
  }

  const canEdit = report.abilities.update;
  return (
    <Stack gap="md" component="form" aria-label="Status report" onSubmit={(e) => e.preventDefault()}>
      <Group justify="space-between" align="flex-start">
        <ReportHeading report={report} />
        {canEdit && (
          <Group gap="xs">
            <Button
              variant="subtle"
              disabled={busy}
              onClick={() => refresh.mutate({ id: report.id, version: report.version }, { onError: fail })}
              title="Measure the facts again; your own colours are kept"
            >
              Measure again
            </Button>
            <Button variant="default" loading={save.isPending} disabled={busy} onClick={onSave}>
              Save draft
            </Button>
            {report.abilities.submit && (
              <Button loading={submit.isPending} disabled={busy} onClick={onSubmit}>
                Submit
              </Button>
            )}
          </Group>
        )}
      </Group>
      {report.hint.previousNext && (
        <Alert variant="light" color="blue" title="Planned last period">
          {report.hint.previousNext}
        </Alert>
      )}
      <Stack gap="xs">
        <DimensionEditor
          label="Overall"
          suggested={implied}
          reasons={[]}
          empty={`Suggested from the dimensions as you rate them (${report.overallRule.method === 'worst' ? 'the worst' : 'a weighted mean'}).`}
          rag={overallRag}
          justification={draft.overall.justification}
          error={errors['overall.justification']}
          readOnly={!canEdit}
          onChange={(v) =>
            setDraft({
              ...draft,
              overall: {
                rag: v.rag === implied || v.rag === 'unknown' ? null : v.rag,
                justification: v.justification,
              },
            })
          }
        />
        {ragDimensions.map((d) => (
          <DimensionEditor
            key={d}
            label={ragDimensionLabels[d]}
            suggested={report.dimensions[d].suggested}
            reasons={report.dimensions[d].reasons}
            rag={draft.dims[d].rag}
            justification={draft.dims[d].justification}
            error={errors[`dimensions.${d}.justification`]}
            readOnly={!canEdit}
            onChange={(v) => setDraft({ ...draft, dims: { ...draft.dims, [d]: v } })}
          />
        ))}
      </Stack>
      <Paper withBorder p="md" radius="sm">
        <Stack gap="sm">
          <Title order={4}>Narrative</Title>
          {narrativeFields.map((f) => (
            <Textarea
              key={f.key}
              label={f.label}
              placeholder={f.placeholder}
              autosize
              minRows={2}
              readOnly={!canEdit}
              value={draft.narrative[f.key]}
              error={errors[`narrative.${f.key}`]}
              onChange={(e) =>
                setDraft({ ...draft, narrative: { ...draft.narrative, [f.key]: e.currentTarget.value } })
              }
            />
          ))}
        </Stack>
      </Paper>
      <ReportMetrics
        report={report}
        entered={draft.entered}
        onEntered={(entered) => setDraft({ ...draft, entered })}
        errors={errors}
        readOnly={!canEdit}
      />
    </Stack>
  );
}
