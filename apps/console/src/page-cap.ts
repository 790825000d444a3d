import type { DataProvider, GetListParams, GetListResult, RaRecord } from 'react-admin';

/** The most rows the API returns for one list request (apps/api/src/common/simple-rest/simple-rest-list.ts). */
export const API_MAX_PAGE_SIZE = 500;

/**
 * Lets a list ask for more rows than the API gives in one request: react-admin's 导出 asks for page 1 of 1,000
 * rows (ExportButton's maxResults), which the API refuses with 422. Such a request is sent as consecutive pages the
 * API accepts, from the same filter and sort, and answered as one page; the total comes from the first answer.
 * Requests within the cap go through unchanged.
 */
export function withPageCap<T extends DataProvider>(base: T, maxPageSize = API_MAX_PAGE_SIZE): T {
  return {
    ...base,
    async getList<RecordType extends RaRecord = RaRecord>(resource: string, params: GetListParams): Promise<GetListResult<RecordType>> {
      const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
      const start = (page - 1) * perPage;
      if (perPage <= maxPageSize || start % maxPageSize !== 0) return base.getList<RecordType>(resource, params);
      const data: RecordType[] = [];
      let total: number | undefined;
      for (let offset = start; offset < start + perPage; offset += maxPageSize) {
        // Always whole pages of the cap (simple-rest turns page and perPage into a row range); the excess is cut.
        const chunk = await base.getList<RecordType>(resource, { ...params, pagination: { page: offset / maxPageSize + 1, perPage: maxPageSize } });
        data.push(...chunk.data.slice(0, start + perPage - offset));
        total ??= chunk.total;
        if (chunk.data.length < maxPageSize || (total !== undefined && offset + chunk.data.length >= total)) break;
      }
      return { data, total };
    },
  };
}
