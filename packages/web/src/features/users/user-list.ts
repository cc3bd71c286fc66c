import { roles } from '@pharos/api';
import type { ListSearch, ListSpec } from '../../lib/list-state';

export type UserFilter = 'role' | 'orgUnitId';
export const userListSpec: ListSpec<UserFilter> = {
  sortFields: ['email', 'name', 'updatedAt'],
  defaultSort: 'name',
  filters: { role: { kind: 'enum', values: roles }, orgUnitId: { kind: 'id' } },
};
export type UserSearch = ListSearch<UserFilter>;
