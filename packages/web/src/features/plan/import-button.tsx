import { Alert, Button, FileButton, Group, List, Modal, Progress, Stack, Text } from '@mantine/core';
import type { ImportResult } from '@pharos/api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { useMe } from '../../api/me';
import { planKeys } from './plan-cache';

type Result = z.infer<typeof ImportResult>;

/** Sends a file with XMLHttpRequest, which (unlike fetch) reports upload progress. */
function upload(
  url: string,
  file: File,
  csrf: string | null,
  onProgress: (share: number) => void,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('content-type', 'application/xml');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new Error('The upload did not reach the server.'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Result);
      else {
        const e = (body as { error?: { message?: string } } | null)?.error;
        reject(new Error(e?.message ?? `The server refused the file (${xhr.status} ${xhr.statusText}).`));
      }
    };
    xhr.send(file);
  });
}

/** Import MS Project XML: replaces the plan, with a progress bar and what the import found. */
export function ImportButton({ projectId, disabled }: { projectId: string; disabled: boolean }) {
  const me = useMe();
  const qc = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<string>('');
  const start = async (f: File | null) => {
    if (!f) return;
    setFile(f.name);
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const r = await upload(
        `/api/v1/projects/${encodeURIComponent(projectId)}/plan/mspdi`,
        f,
        me?.csrfToken ?? null,
        setProgress,
      );
      setProgress(1);
      setResult(r);
      await qc.invalidateQueries({ queryKey: planKeys.plan(projectId) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const open = progress !== null;
  return (
    <>
      <FileButton onChange={start} accept=".xml,application/xml,text/xml">
        {(props) => (
          <Button {...props} size="sm" variant="default" disabled={disabled}>
            Import MS Project XML
          </Button>
        )}
      </FileButton>
      <Modal
        opened={open}
        onClose={() => {
          if (result || error) setProgress(null);
        }}
        title={<Text fw={600}>Import {file}</Text>}
        centered
      >
        <Stack gap="sm">
          {!result && !error && (
            <>
              <Text size="sm">{(progress ?? 0) < 1 ? 'Uploading…' : 'Reading and scheduling the plan…'}</Text>
              <Progress
                value={(progress ?? 0) * 100}
                aria-label="Upload progress"
                animated={(progress ?? 0) >= 1}
              />
            </>
          )}
          {error && (
            <Alert color="red" role="alert" title="The file was not imported">
              {error} Nothing was changed.
            </Alert>
          )}
          {result && (
            <Alert color="green" title="Imported" role="status">
              {result.tasks} tasks, {result.links} links, {result.calendars} calendars, {result.resources}{' '}
              resources, {result.assignments} assignments
              {result.finish ? `; finishes ${result.finish.replace('T', ' ')}` : ''}.
            </Alert>
          )}
          {result && result.warnings.length > 0 && (
            <div>
              <Text size="sm" fw={600} mb={4}>
                Warnings
              </Text>
              <List size="sm" spacing={2} aria-label="Import warnings">
                {result.warnings.map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            </div>
          )}
          {(result || error) && (
            <Group justify="flex-end">
              <Button onClick={() => setProgress(null)}>Close</Button>
            </Group>
          )}
        </Stack>
      </Modal>
    </>
  );
}
