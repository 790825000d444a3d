import type { ApiBase } from '../api-base';
import { exportQuery } from './review-filters';

/** The review list's export, as a method of the console's data provider. */
export interface ReviewMethods {
  /**
   * GET /api/reviews/export.csv for the list's filter and sort: every matching review (not only the page shown),
   * Chinese headers, the reviewer masked, asked with the user's token so it holds exactly what the user may see.
   */
  exportReviews(filter: Record<string, unknown>, sort: { field: string; order: string } | undefined): Promise<string>;
}

export const reviewMethods = (api: ApiBase): ReviewMethods => ({
  async exportReviews(filter, sort) {
    const { body } = await api.httpClient(`${api.url}/reviews/export.csv?${exportQuery(filter, sort)}`, {
      headers: new Headers({ Accept: 'text/csv' }),
    });
    return body;
  },
});
