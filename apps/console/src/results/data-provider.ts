import { apiJson, type ApiBase } from '../api-base';
import { authSession } from '../auth/session';
import { resultsSearch, type RankingDimension, type ResultsQuery } from './results-query';
import type { RankingsReport, ResultsReport, ResultsSettings, TrendReport } from './results.types';

/** 统计分析's calls, as methods of the console's data provider. */
export interface ResultsMethods {
  /** GET /api/results/figures: every figure per value of a dimension over a period. */
  getResults(query: ResultsQuery): Promise<ResultsReport>;
  /** GET /api/results/trend: the figures per day or month over a range of days. */
  getResultsTrend(range: { bucket: 'day' | 'week' | 'month'; from: string; to: string }): Promise<TrendReport>;
  /** GET /api/results/rankings: a dimension's values by one figure, only those with enough reviews ranked. */
  getResultsRankings(query: ResultsQuery & { dimension: RankingDimension }, figure: string): Promise<RankingsReport>;
  /** GET /api/results/settings: the minimum number of reviews before anything is ranked. */
  getResultsSettings(): Promise<ResultsSettings>;
  /** PUT /api/admin/results-settings (admins; audited): change the minimum number of reviews before ranking. */
  updateResultsSettings(minReviewsToRank: number): Promise<ResultsSettings>;
  /** GET /api/results/figures.xlsx|.csv of what is shown, with the user's token (a plain link would be refused). */
  getResultsExport(query: ResultsQuery, format: 'xlsx' | 'csv'): Promise<{ blob: Blob; fileName: string }>;
}

/** The file name the API gives (RFC 6266 filename*), else a plain one. */
export function exportFileNameOf(contentDisposition: string | null, format: 'xlsx' | 'csv'): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name from the server: fall back to the plain one.
    }
  }
  return `统计分析.${format}`;
}

export const resultsMethods = (api: ApiBase): ResultsMethods => ({
  getResults: (query) => apiJson(api, `/results/figures?${resultsSearch(query)}`),
  getResultsTrend: (range) => apiJson(api, `/results/trend?${new URLSearchParams(range).toString()}`),
  getResultsRankings: (query, figure) => apiJson(api, `/results/rankings?${resultsSearch(query, { figure })}`),
  getResultsSettings: () => apiJson(api, '/results/settings'),
  updateResultsSettings: (minReviewsToRank) => apiJson(api, '/admin/results-settings', { method: 'PUT', body: { minReviewsToRank } }),
  async getResultsExport(query, format) {
    // Not through the JSON client: the answer is a file, read as a blob.
    const token = await authSession.token();
    const response = await fetch(`${api.url}/results/figures.${format}?${resultsSearch(query)}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      throw new Error(body.message ?? `下载失败（${response.status}）`);
    }
    return { blob: await response.blob(), fileName: exportFileNameOf(response.headers.get('content-disposition'), format) };
  },
});
