import { apiJson, type ApiBase } from '../api-base';
import type { AcceptProposal, ImprovementAction, ImprovementItemDetail, ImprovementProposals } from './improvements.types';

/** 优化清单's calls that are not CRUD (the items' list and detail are simple-rest: resource `improvement-items`). */
export interface ImprovementMethods {
  /** GET /api/improvements/proposals: the recurring reasons now, with the reviews behind them. */
  getImprovementProposals(): Promise<ImprovementProposals>;
  /** POST /api/improvements/proposals/accept: the county names an owner and a due date. */
  acceptImprovementProposal(body: AcceptProposal): Promise<ImprovementItemDetail>;
  /** POST /api/improvements/proposals/dismiss: with a reason. */
  dismissImprovementProposal(key: string, reason: string): Promise<{ id: string }>;
  /** POST /api/improvement-items/:id/{progress,complete,reopen}, each with a note. */
  improvementAction(id: string, action: ImprovementAction, note: string): Promise<ImprovementItemDetail>;
}

export const improvementMethods = (api: ApiBase): ImprovementMethods => ({
  getImprovementProposals: () => apiJson(api, '/improvements/proposals'),
  acceptImprovementProposal: (body) => apiJson(api, '/improvements/proposals/accept', { method: 'POST', body }),
  dismissImprovementProposal: (key, reason) => apiJson(api, '/improvements/proposals/dismiss', { method: 'POST', body: { key, reason } }),
  improvementAction: (id, action, note) => apiJson(api, `/improvement-items/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: { note } }),
});
