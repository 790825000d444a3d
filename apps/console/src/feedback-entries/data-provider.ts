import { apiJson, type ApiBase } from '../api-base';

export interface ReviewOption {
  code: string;
  label: string;
}

/** What POST /api/feedback-entries answers (ReviewResponse). */
export interface EnteredFeedback {
  id: string;
  trackingCode: string;
  level: number;
  channel: string;
  hallCode: string;
  createdAt: string;
  created: boolean;
  rectification?: { workflowId: string };
}

/** 登记意见's calls. */
export interface FeedbackEntryMethods {
  /** Records a staff-entered item; 422 with field errors, 403 for another hall. */
  enterFeedback(body: Record<string, unknown>): Promise<EnteredFeedback>;
  /** The current second-level options (评价原因) of a service nature, as the rating pages read them. */
  currentOptions(nature: 'OFFLINE' | 'ONLINE'): Promise<ReviewOption[]>;
}

export const feedbackEntryMethods = (api: ApiBase): FeedbackEntryMethods => ({
  enterFeedback: (body) => apiJson(api, '/feedback-entries', { method: 'POST', body }),
  currentOptions: async (nature) => (await apiJson<{ options: ReviewOption[] }>(api, `/public/option-sets/current?nature=${nature}`)).options,
});
