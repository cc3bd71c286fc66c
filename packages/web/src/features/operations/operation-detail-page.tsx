import { type Operation, OperationUpdate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { DetailPage } from '../../ui/detail-page';
import { EditEntityForm } from '../../ui/edit-entity-form';
import { FormEntitySelect } from '../../ui/form-fields';
import { MoveButton } from '../../ui/move-button';
import { RefLink } from '../../ui/ref-link';
import { OperationFields, operationValues } from './operation-fields';

const route = getRouteApi('/app/operations/$id');

const placement = (o: Operation) => ({ portfolioId: o.portfolioId as string | null });

export function OperationDetailPage(): ReactNode {
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <DetailPage
      entity="operations"
      id={id}
      tab={tab}
      onTab={(t) => navigate({ search: { tab: t }, replace: true })}
      subtitle={(o) => (
        <>
          Operation {o.code} in <RefLink entity="portfolios" id={o.portfolioId} />
        </>
      )}
      actions={(o) => (
        <MoveButton entity="operations" item={o} toValues={placement} schema={OperationUpdate}>
          {(form) => (
            <FormEntitySelect form={form} name="portfolioId" entity="portfolios" label="Portfolio" required />
          )}
        </MoveButton>
      )}
      tabs={(o) => [
        {
          value: 'details',
          label: 'Details',
          panel: (
            <EditEntityForm entity="operations" item={o} toValues={operationValues} schema={OperationUpdate}>
              {(form) => <OperationFields form={form} />}
            </EditEntityForm>
          ),
        },
      ]}
    />
  );
}
