import { Alert, Button, FileInput, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { routes, ScenarioFile } from '@pharos/api';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { EntitySelect } from '../../ui/entity-select';
import { storeScenario } from './scenario-api';

/** "Import file": a scenario file (JSON, docs/scenario-format.md) becomes a scenario of a portfolio. */
export function ScenarioImportModal(props: {
  opened: boolean;
  onClose: () => void;
  portfolioId?: string;
}): ReactNode {
  const [portfolioId, setPortfolioId] = useState<string | null>(props.portfolioId ?? null);
  const [code, setCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const submit = async () => {
    setError(null);
    if (!portfolioId || !code.trim() || !file) {
      setError('Pick a portfolio, give the scenario a code and choose a file.');
      return;
    }
    setBusy(true);
    try {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        throw new Error('This file is not JSON: a scenario file is the JSON that "Export file" saves.');
      }
      const checked = ScenarioFile.safeParse(json);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new Error(`Not a scenario file: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? ''}`);
      }
      const s = await api.call(routes.scenarios.import, {
        body: { portfolioId, code: code.trim(), file: json as never },
      });
      storeScenario(qc, s);
      notifications.show({
        color: 'green',
        message: `Imported ${s.name} (${s.body.candidates.length} candidates).`,
      });
      props.onClose();
      void navigate({ to: '/scenarios/$id', params: { id: s.id } });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>Import a scenario file</Text>}
      size="md"
    >
      <Stack gap="md">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <EntitySelect
          entity="portfolios"
          label="Portfolio"
          required
          value={portfolioId}
          onChange={(id) => setPortfolioId(id)}
        />
        <TextInput
          label="Code"
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          maxLength={40}
        />
        <FileInput
          label="Scenario file"
          description="JSON in the Pharos scenario format (what “Export file” saves)"
          accept="application/json,.json"
          required
          value={file}
          onChange={setFile}
          clearable
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button loading={busy} onClick={submit}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
