import { describe, expect, it } from 'vitest';
import {
  countFilters,
  type ListSpec,
  nextSort,
  parseListSearch,
  sortState,
  toListQuery,
  updateListSearch,
} from './list-state';

const spec: ListSpec<'status' | 'officeId'> = {
  sortFields: ['code', 'name', 'plannedStart'],
  defaultSort: 'name',
  filters: { status: { kind: 'enum', values: ['active', 'on_hold'] }, officeId: { kind: 'id' } },
};
const id = '0b6c2f7e-3a1d-4e8b-9f00-1234567890ab';

describe('parseListSearch', () => {
  it('keeps valid values', () => {
    expect(
      parseListSearch(spec, {
        page: 3,
        pageSize: '50',
        sort: '-plannedStart',
        q: '  alpha ',
        archived: 'all',
        status: 'on_hold',
        officeId: id,
      }),
    ).toEqual({
      page: 3,
      pageSize: 50,
      sort: '-plannedStart',
      q: 'alpha',
      archived: 'all',
      status: 'on_hold',
      officeId: id,
    });
  });

  it('drops invalid and default values', () => {
    expect(
      parseListSearch(spec, {
        page: 1,
        pageSize: 33,
        sort: 'secret',
        q: '   ',
        archived: 'active',
        status: 'exploded',
        officeId: 'not-a-uuid',
        other: 'x',
      }),
    ).toEqual({});
    expect(parseListSearch(spec, { page: '-2', sort: 'name', pageSize: 25 })).toEqual({});
    expect(parseListSearch(spec, { page: 2.5 })).toEqual({});
  });

  it('reads numbers that the router parsed from the URL as text', () => {
    expect(parseListSearch(spec, { q: 2024 })).toEqual({ q: '2024' });
  });
});

describe('toListQuery', () => {
  it('applies defaults', () => {
    expect(toListQuery(spec, {})).toEqual({
      page: 1,
      pageSize: 25,
      sort: 'name',
      q: undefined,
      archived: 'active',
    });
  });
  it('passes filters through', () => {
    expect(toListQuery(spec, { status: 'active', page: 2 })).toMatchObject({ status: 'active', page: 2 });
  });
});

describe('updateListSearch', () => {
  it('goes back to page 1 when a filter changes', () => {
    expect(updateListSearch({ page: 4, q: 'a' }, { q: 'b' })).toEqual({ q: 'b' });
  });
  it('keeps the page when the page changes', () => {
    expect(updateListSearch({ page: 4, q: 'a' }, { page: 5 })).toEqual({ page: 5, q: 'a' });
    expect(updateListSearch({ page: 4, q: 'a' }, { page: 1 })).toEqual({ q: 'a' });
  });
  it('removes cleared values', () => {
    expect(
      updateListSearch<{ status?: string; q?: string }>({ status: 'active', q: 'x' }, { status: undefined }),
    ).toEqual({
      q: 'x',
    });
  });
});

describe('sorting', () => {
  it('toggles ascending then descending', () => {
    expect(nextSort(undefined, 'code')).toBe('code');
    expect(nextSort('code', 'code')).toBe('-code');
    expect(nextSort('-code', 'code')).toBe('code');
    expect(nextSort('-code', 'name')).toBe('name');
  });
  it('reports aria-sort', () => {
    expect(sortState('code', 'code')).toBe('ascending');
    expect(sortState('-code', 'code')).toBe('descending');
    expect(sortState('name', 'code')).toBe('none');
  });
});

describe('countFilters', () => {
  it('counts the filters that are set', () => {
    expect(countFilters(spec, { status: 'active', q: 'x', page: 2 })).toBe(1);
    expect(countFilters(spec, {})).toBe(0);
  });
});
