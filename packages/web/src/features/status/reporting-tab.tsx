import { Stack } from '@mantine/core';
import type { Office } from '@pharos/api';
import { QueryState } from '../../ui/query-state';
import { CompliancePanel } from './compliance-panel';
import { ReportingSettingsForm } from './reporting-settings-form';
import { useOfficeSettings } from './status-api';

/** An office's "Reporting" tab: how its projects report, and how well they do. */
export function ReportingTab({ office }: { office: Office }) {
  const settings = useOfficeSettings(office.id);
  return (
    <Stack gap="lg">
      <QueryState query={settings} label="Loading reporting settings">
        {() => <ReportingSettingsForm key={settings.data!.version} settings={settings.data!} />}
      </QueryState>
      <CompliancePanel officeId={office.id} />
    </Stack>
  );
}
