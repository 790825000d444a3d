import { apiJson, type ApiBase } from '../api-base';
import type { ExchangeDeadLetters, ExchangeOverview, ExchangeReconciliation, ExchangeReconciliationRun } from './exchange.types';

/** 上报管理's calls (county and admins). */
export interface ExchangeMethods {
  /** GET /api/exchange/overview: queue depth, delivered today, dead letters, lag, the newest POST. */
  getExchangeOverview(): Promise<ExchangeOverview>;
  /** GET /api/exchange/dead-letters. */
  getExchangeDeadLetters(): Promise<ExchangeDeadLetters>;
  /** POST /api/exchange/dead-letters/:id/resend. */
  resendExchangeDeadLetter(id: string): Promise<{ requeued: number }>;
  /** POST /api/exchange/dead-letters/resend: every dead letter. */
  resendAllExchangeDeadLetters(): Promise<{ requeued: number }>;
  /** GET /api/exchange/reconciliation: the daily count check's differences. */
  getExchangeReconciliation(): Promise<ExchangeReconciliation>;
  /** POST /api/exchange/reconciliation/run: 立即核对. */
  runExchangeReconciliation(): Promise<ExchangeReconciliationRun>;
  /** POST /api/exchange/reconciliation/resend: a hall-day's records again. */
  resendExchangeHallDay(day: string, hallCode: string): Promise<{ added: number; requeued: number }>;
}

export const exchangeMethods = (api: ApiBase): ExchangeMethods => ({
  getExchangeOverview: () => apiJson(api, '/exchange/overview'),
  getExchangeDeadLetters: () => apiJson(api, '/exchange/dead-letters'),
  resendExchangeDeadLetter: (id) => apiJson(api, `/exchange/dead-letters/${encodeURIComponent(id)}/resend`, { method: 'POST' }),
  resendAllExchangeDeadLetters: () => apiJson(api, '/exchange/dead-letters/resend', { method: 'POST' }),
  getExchangeReconciliation: () => apiJson(api, '/exchange/reconciliation'),
  runExchangeReconciliation: () => apiJson(api, '/exchange/reconciliation/run', { method: 'POST' }),
  resendExchangeHallDay: (day, hallCode) => apiJson(api, '/exchange/reconciliation/resend', { method: 'POST', body: { day, hallCode } }),
});
