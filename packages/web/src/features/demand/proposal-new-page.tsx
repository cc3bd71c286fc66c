import type { ReactNode } from 'react';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { useDemandSettings } from './demand-api';
import { ProposalForm } from './proposal-form';

/** A new proposal: saved as a draft, submitted from its page. */
export function ProposalNewPage(): ReactNode {
  const settings = useDemandSettings();
  return (
    <>
      <PageHeader
        title="New proposal"
        subtitle="Describe the need and its business case. It is saved as a draft; submit it when it is ready."
      />
      <QueryState query={settings} label="Loading">
        {() => settings.data && <ProposalForm settings={settings.data} />}
      </QueryState>
    </>
  );
}
