import type { OfficeServiceCreate } from '@pharos/api';
import { routes } from '@pharos/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import { keys } from './keys';

/** An office's service catalog, withdrawn services included (the page decides what to show). */
export function useOfficeServices(officeId: string) {
  return useQuery({
    queryKey: keys.services(officeId),
    queryFn: () =>
      api.call(routes.officeServices.list, { params: { id: officeId }, query: { archived: 'all' } }),
  });
}

export function useServiceMutations(officeId: string) {
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: keys.services(officeId) });
    void qc.invalidateQueries({ queryKey: keys.historyAll });
    void qc.invalidateQueries({ queryKey: keys.auditAll });
  };
  return {
    create: useMutation({
      mutationFn: (body: z.input<typeof OfficeServiceCreate>) =>
        api.call(routes.officeServices.create, { params: { id: officeId }, body }),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ serviceId, body }: { serviceId: string; body: Record<string, unknown> }) =>
        api.call(routes.officeServices.update, { params: { id: officeId, serviceId }, body: body as never }),
      onSuccess: done,
    }),
    withdraw: useMutation({
      mutationFn: ({ serviceId, version }: { serviceId: string; version: number }) =>
        api.call(routes.officeServices.archive, { params: { id: officeId, serviceId }, body: { version } }),
      onSuccess: done,
    }),
  };
}
