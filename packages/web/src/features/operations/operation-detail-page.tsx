import { OperationUpdate } from '@pharos/api';
import type { ReactNode } from 'react';
import { DetailPage } from '../../ui/detail-page';
import { detailsTab, MoveToPortfolioButton } from '../../ui/detail-parts';
import { RefLink } from '../../ui/ref-link';
import { OperationFields, operationValues } from './operation-fields';

export function OperationDetailPage(): ReactNode {
  return (
    <DetailPage
      entity="operations"
      subtitle={(o) => (
        <>
          Operation {o.code} in <RefLink entity="portfolios" id={o.portfolioId} />
        </>
      )}
      actions={(o) => <MoveToPortfolioButton entity="operations" item={o} schema={OperationUpdate} />}
      tabs={(o) => [
        detailsTab('operations', o, operationValues, OperationUpdate, (form) => (
          <OperationFields form={form} />
        )),
      ]}
    />
  );
}
