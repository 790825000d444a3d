import { describe, expect, it, jest } from '@jest/globals';
import type { DataProvider, GetListParams } from 'react-admin';
import { withPageCap } from './page-cap';

/** A list of `rows` records behind a fake simple-rest provider that, like the API, refuses pages over `cap`. */
function fakeApi(rows: number, cap: number) {
  const getList = jest.fn((_resource: string, params: GetListParams) => {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    if (perPage > cap) return Promise.reject(new Error(`422: 每次最多取 ${cap} 条`));
    const first = (page - 1) * perPage;
    const data = Array.from({ length: Math.max(0, Math.min(perPage, rows - first)) }, (_, n) => ({ id: first + n }));
    return Promise.resolve({ data, total: rows });
  });
  return { provider: { getList } as unknown as DataProvider, getList };
}

const ask = (page: number, perPage: number): GetListParams => ({ pagination: { page, perPage }, sort: { field: 'openedAt', order: 'DESC' }, filter: { state: ['RECTIFYING'] } });

describe('withPageCap (导出 asks for 1,000 rows; the API gives 500 a request)', () => {
  it.each([
    // rows in the list, page, perPage → ids answered, requests sent
    [2_345, 1, 1_000, [0, 999], 2],
    [730, 1, 1_000, [0, 729], 2],
    [400, 1, 1_000, [0, 399], 1],
    [2_345, 2, 1_000, [1_000, 1_999], 2],
    [2_345, 1, 700, [0, 699], 2],
  ])('%i rows, page %i of %i: rows %j in %i requests', async (rows, page, perPage, [first, last], requests) => {
    const { provider, getList } = fakeApi(rows, 500);
    const result = await withPageCap(provider, 500).getList<{ id: number }>('rectifications', ask(page, perPage));
    expect(result.total).toBe(rows);
    expect(result.data.map((row) => row.id)).toEqual(Array.from({ length: last - first + 1 }, (_, n) => first + n));
    expect(getList).toHaveBeenCalledTimes(requests);
    // Every request keeps the list's filter and sort.
    for (const [, params] of getList.mock.calls) expect(params).toMatchObject({ sort: { field: 'openedAt', order: 'DESC' }, filter: { state: ['RECTIFYING'] } });
  });

  it('sends a page within the cap as it is', async () => {
    const { provider, getList } = fakeApi(100, 500);
    await withPageCap(provider, 500).getList('cases', ask(3, 25));
    expect(getList).toHaveBeenCalledWith('cases', ask(3, 25));
  });
});
