import { Alert, Button, Group, Modal, ScrollArea, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Scenario } from '@pharos/api';
import { routes } from '@pharos/api';
import { type ReactNode, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { useCommit } from './scenario-api';
import { monthName } from './scenario-format';

/** Saves a value as a file the browser downloads. */
function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Export file" (the scenario file, JSON) and "Excel" (the plan as a workbook). */
export function ExportButtons({ scenario }: { scenario: Scenario }): ReactNode {
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        variant="default"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            const file = await api.call(routes.scenarios.file, { params: { id: scenario.id } });
            download(`${scenario.code}.scenario.json`, JSON.stringify(file, null, 2), 'application/json');
          } catch (e) {
            notifications.show({ color: 'red', message: errorMessage(e) });
          } finally {
            setBusy(false);
          }
        }}
      >
        Export file
      </Button>
      {scenario.plan ? (
        <Button
          variant="default"
          component="a"
          href={`/api/v1/scenarios/${encodeURIComponent(scenario.id)}/result.xlsx`}
          download={`${scenario.code}.xlsx`}
        >
          Excel
        </Button>
      ) : (
        <Button variant="default" disabled title="Solve the scenario first">
          Excel
        </Button>
      )}
    </>
  );
}

/** What a commit will do: the proposals that become projects and the running projects that move. */
export function commitPreview(s: Scenario) {
  const starts = s.plan?.starts ?? [];
  const rows = s.body.candidates.flatMap((c, i) => {
    const start = starts[i];
    if (start === null || start === undefined) return [];
    const moves = c.kind === 'project' && start !== c.plannedStart;
    if (c.kind === 'project' && !moves) return [];
    return [
      {
        id: c.id,
        name: c.name,
        kind: c.kind,
        start: monthName(s.body.horizon, start),
        finish: monthName(s.body.horizon, start + c.duration - 1),
      },
    ];
  });
  return {
    created: rows.filter((r) => r.kind === 'proposal'),
    moved: rows.filter((r) => r.kind === 'project'),
  };
}

/** "Commit": asks first, listing the proposals that become projects (with dates); then the plan of record. */
export function CommitButton({ scenario }: { scenario: Scenario }): ReactNode {
  const [opened, { open, close }] = useDisclosure(false);
  const commit = useCommit(scenario.id);
  const [error, setError] = useState<string | null>(null);
  if (!scenario.abilities.commit || scenario.status !== 'draft') return null;
  const { created, moved } = commitPreview(scenario);
  const stale = scenario.plan !== null && scenario.plan.forVersion < scenario.version;
  return (
    <>
      <Button color="teal" disabled={!scenario.plan} onClick={open}>
        Commit
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={<Text fw={600}>Commit {scenario.name}?</Text>}
        size="lg"
        centered
      >
        <Text size="sm" mb="sm">
          The plan becomes the portfolio's plan of record. {created.length} proposal
          {created.length === 1 ? '' : 's'} become{created.length === 1 ? 's a project' : ' projects'} with
          these planned dates
          {moved.length > 0
            ? `, and ${moved.length} running project${moved.length === 1 ? '' : 's'} move`
            : ''}
          .
        </Text>
        {stale && (
          <Alert color="yellow" mb="sm">
            The scenario changed after this plan was computed: solve again first if the change matters.
          </Alert>
        )}
        {scenario.plan && scenario.plan.violations.length > 0 && (
          <Alert color="yellow" mb="sm">
            The plan breaks {scenario.plan.violations.length} rule
            {scenario.plan.violations.length === 1 ? '' : 's'}:{' '}
            {scenario.plan.violations.slice(0, 3).join('; ')}
          </Alert>
        )}
        <ScrollArea.Autosize mah={320} mb="md">
          <Table striped verticalSpacing={4} aria-label="What the commit does">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Candidate</Table.Th>
                <Table.Th>Becomes</Table.Th>
                <Table.Th>Start</Table.Th>
                <Table.Th>Finish</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...created, ...moved].map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.kind === 'proposal' ? 'a new project' : 'moved'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.start}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.finish}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {error && (
          <Alert color="red" mb="md" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="teal"
            loading={commit.isPending}
            onClick={async () => {
              setError(null);
              try {
                const res = await commit.mutateAsync(scenario.version);
                close();
                const n = res.record.createdProjects.length;
                // plain text: notifications render outside the router, so no links in them
                notifications.show({
                  color: 'green',
                  message: `Committed: ${n} project${n === 1 ? '' : 's'} created.`,
                });
              } catch (e) {
                setError(errorMessage(e));
              }
            }}
          >
            Commit {created.length} project{created.length === 1 ? '' : 's'}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
