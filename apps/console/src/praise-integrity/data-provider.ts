import { apiJson, type ApiBase } from '../api-base';
import type { DetectionResult, FlagDetail } from './praise-integrity.types';

/** 刷好评核查's calls (the county supervisor). */
export interface PraiseIntegrityMethods {
  /** POST /api/praise-integrity/detections: the rules over the last 7 days (the API's default). */
  detectPraiseFlags(): Promise<DetectionResult>;
  /** POST /api/praise-integrity/flags/:id/decision: 已核查(无问题) or 确认刷好评. */
  decidePraiseFlag(id: string, decision: 'CLEARED' | 'CONFIRMED', note?: string): Promise<FlagDetail>;
}

export const praiseIntegrityMethods = (api: ApiBase): PraiseIntegrityMethods => ({
  detectPraiseFlags: () => apiJson(api, '/praise-integrity/detections', { method: 'POST', body: {} }),
  decidePraiseFlag: (id, decision, note) =>
    apiJson(api, `/praise-integrity/flags/${encodeURIComponent(id)}/decision`, { method: 'POST', body: { decision, ...(note ? { note } : {}) } }),
});
