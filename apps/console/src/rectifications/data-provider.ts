import type { RectificationActionPath } from '@haochaping/contracts';
import { apiJson, type ApiBase } from '../api-base';
import type { CallLogImportReport, CaseAssignee, CaseReviewer, RectificationLiveState } from './rectification.types';

/** The case calls that are not CRUD, as methods of the console's data provider. */
export interface RectificationMethods {
  /** The case as its workflow holds it now: obligations with their clocks, and the caller's allowed actions. */
  getRectificationLive(id: string): Promise<RectificationLiveState>;
  /** Who rated the case: masked, or with `unmask` in full (the API allows it to few and records each view). */
  getCaseReviewer(id: string, unmask: boolean): Promise<CaseReviewer>;
  /** Whom the case may be reassigned to: the active handlers and town leaders of its hall (for those who may reassign). */
  getCaseAssignees(id: string): Promise<CaseAssignee[]>;
  /** `POST /api/rectifications/:id/actions/<action>`: the workflow decides; refusals are HttpErrors with its Chinese message. */
  rectificationAction(id: string, action: RectificationActionPath, body: Record<string, unknown>): Promise<RectificationLiveState>;
  /** `POST /api/call-logs/import`: a hall's phone-system call log (CSV text); `dryRun` checks and lists bad lines only. */
  importCallLog(hallCode: string, csv: string, dryRun: boolean): Promise<CallLogImportReport>;
}

export const rectificationMethods = (api: ApiBase): RectificationMethods => ({
  getRectificationLive: (id) => apiJson(api, `/rectifications/${encodeURIComponent(id)}?live=1`),
  getCaseReviewer: (id, unmask) => apiJson(api, `/rectifications/${encodeURIComponent(id)}/reviewer${unmask ? '?unmask=1' : ''}`),
  getCaseAssignees: (id) => apiJson(api, `/rectifications/${encodeURIComponent(id)}/assignees`),
  rectificationAction: (id, action, body) => apiJson(api, `/rectifications/${encodeURIComponent(id)}/actions/${action}`, { method: 'POST', body }),
  importCallLog: async (hallCode, csv, dryRun) => {
    const query = new URLSearchParams({ hallCode, dryRun: String(dryRun) });
    const response = await api.httpClient(`${api.url}/call-logs/import?${query.toString()}`, {
      method: 'POST',
      body: csv,
      headers: new Headers({ Accept: 'application/json', 'Content-Type': 'text/csv; charset=utf-8' }),
    });
    return response.json as CallLogImportReport;
  },
});
