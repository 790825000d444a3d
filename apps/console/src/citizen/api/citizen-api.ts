// The public endpoints the citizen pages call (docs/INTAKE-API.md, "Ratings"). Same origin as the page: Vite
// proxies /api in dev and preview, nginx in production. No credentials: these endpoints need no sign-in.

import { newClientKey } from '../rating/client-key';

export type ServiceNature = 'OFFLINE' | 'ONLINE';
export type ReviewerKind = 'ANONYMOUS' | 'REAL_NAME';

export interface ReviewOption {
  code: string;
  label: string;
}

export interface OptionSet {
  id: string;
  nature: ServiceNature;
  version: number;
  options: ReviewOption[];
}

export interface WindowInfo {
  hall: { code: string; name: string };
  window: { code: string; name: string };
  hotline: string;
}

export interface RateableCase {
  caseId: string;
  caseNumberMasked: string;
  serviceItemName: string;
  completedAt: string;
  nature: ServiceNature;
}

export interface InvitationCase {
  caseNumberMasked: string;
  serviceItemName: string;
  hallName: string;
  windowName?: string | null;
  completedAt: string;
  nature: ServiceNature;
}

export interface Reviewer {
  kind: ReviewerKind;
  name?: string;
  phone?: string;
}

/** Where a rating goes: one of the three public channels, with the fields that channel needs. */
export type ReviewTarget =
  | { channel: 'WINDOW_QR'; hallCode: string; windowCode: string; caseId: string; phone: string }
  | { channel: 'CASE_INVITATION'; invitationToken: string }
  | { channel: 'PUBLIC_FORM'; hallCode: string; windowCode?: string };

export interface ReviewSubmission {
  clientKey: string;
  level: number;
  optionCodes?: string[];
  comment?: string;
  reviewer?: Reviewer;
}

export interface SubmittedReview {
  id: string;
  trackingCode: string;
  level: number;
  channel: string;
  hallCode: string;
  createdAt: string;
  created: boolean;
}

export interface ReviewStatus {
  trackingCode: string;
  level: number;
  levelLabel: string;
  channel: string;
  channelLabel?: string;
  hallName: string;
  createdAt: string;
  adoption: 'ADOPTED' | 'NOT_ADOPTED';
  adoptionLabel?: string;
  stage: { code: string; label: string };
  rectification?: {
    state: string;
    stateLabel: string;
    resultSummary?: string | null;
    confirmationOpen: boolean;
    confirmationDueAt?: string | null;
    /** Once closed: SATISFIED, UNSATISFIED, NO_OBJECTION, REJECTED, and its label. */
    outcome?: string | null;
    outcomeLabel?: string | null;
  } | null;
}

export type ConfirmationAnswer = 'SATISFIED' | 'UNSATISFIED';

export interface HallSummary {
  code: string;
  name: string;
  kind: 'STREET' | 'TOWN';
}

export interface HallWithWindows extends HallSummary {
  windows: Array<{ code: string; name: string }>;
}

export interface ApiFieldError {
  field: string;
  message: string;
}

const NETWORK_FAILURE = '网络连接失败，请检查网络后重试';
const TOO_MANY_REQUESTS = '请求过于频繁，请稍后再试';
const SERVER_FAILURE = '服务暂时不可用，请稍后再试';

/**
 * A refusal or failure, carrying the API's Chinese message (the one error shape of apps/api/src/common/api-error.ts)
 * or ours when the answer never came from the API (no network, a gateway page). `status` 0 means no answer at all.
 */
export class CitizenApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: ApiFieldError[] = [],
  ) {
    super(message);
    this.name = 'CitizenApiError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFieldError = (value: unknown): value is ApiFieldError =>
  isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string';

/** Turns a non-2xx answer into a CitizenApiError; bodies that are not our error shape get a Chinese fallback. */
export function toCitizenApiError(status: number, body: unknown): CitizenApiError {
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') {
    const errors = Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [];
    return new CitizenApiError(status, body.code, body.message, errors);
  }
  if (status === 429) return new CitizenApiError(429, 'TOO_MANY_REQUESTS', TOO_MANY_REQUESTS);
  return new CitizenApiError(status, 'UNEXPECTED_RESPONSE', SERVER_FAILURE);
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface CitizenApi {
  getWindow(hallCode: string, windowCode: string, signal?: AbortSignal): Promise<WindowInfo>;
  lookupCases(hallCode: string, windowCode: string, phone: string): Promise<RateableCase[]>;
  getInvitation(token: string, signal?: AbortSignal): Promise<InvitationCase>;
  getCurrentOptionSet(nature: ServiceNature, signal?: AbortSignal): Promise<OptionSet>;
  submitReview(target: ReviewTarget, submission: ReviewSubmission): Promise<SubmittedReview>;
  getStatus(trackingCode: string, phoneLast4?: string): Promise<ReviewStatus>;
  confirmResult(trackingCode: string, body: { phoneLast4?: string; answer: ConfirmationAnswer; comment?: string }): Promise<void>;
  listHalls(signal?: AbortSignal): Promise<HallSummary[]>;
  getHall(hallCode: string, signal?: AbortSignal): Promise<HallWithWindows>;
}

const segment = (value: string) => encodeURIComponent(value);

export function createCitizenApi(baseUrl = '/api', fetchImpl: FetchLike = (input, init) => fetch(input, init)): CitizenApi {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal, extraHeaders: Record<string, string> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers: { ...(body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' }), ...extraHeaders },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new CitizenApiError(0, 'NETWORK_FAILURE', NETWORK_FAILURE);
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = undefined;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!response.ok) throw toCitizenApiError(response.status, parsed);
    if (parsed === undefined && response.status !== 204) throw toCitizenApiError(response.status, parsed);
    return parsed as T;
  }

  return {
    getWindow: (hallCode, windowCode, signal) => call('GET', `/public/windows/${segment(hallCode)}/${segment(windowCode)}`, undefined, signal),
    lookupCases: async (hallCode, windowCode, phone) =>
      (await call<{ cases: RateableCase[] }>('POST', `/public/windows/${segment(hallCode)}/${segment(windowCode)}/case-lookup`, { phone })).cases,
    getInvitation: (token, signal) => call('GET', `/public/invitations/${segment(token)}`, undefined, signal),
    getCurrentOptionSet: (nature, signal) => call('GET', `/public/option-sets/current?nature=${nature}`, undefined, signal),
    // The device key goes with the rating for the county's 刷好评 rules (one device rating many cases).
    submitReview: (target, submission) => call('POST', '/public/reviews', { ...target, ...submission }, undefined, { 'X-Device-Key': deviceKey() }),
    getStatus: (trackingCode, phoneLast4) => call('POST', '/public/reviews/status', phoneLast4 ? { trackingCode, phoneLast4 } : { trackingCode }),
    confirmResult: async (trackingCode, body) => {
      await call<unknown>('POST', `/public/reviews/${segment(trackingCode)}/confirmation`, body);
    },
    // The public hall list (no sign-in): the console's /api/halls is for signed-in staff.
    listHalls: async (signal) => sortHallsForCitizens(await call<HallSummary[]>('GET', '/public/halls', undefined, signal)),
    getHall: (hallCode, signal) => call('GET', `/public/halls/${segment(hallCode)}`, undefined, signal),
  };
}

/** A random id this browser keeps (localStorage), sent as X-Device-Key with a rating; a fresh one where storage is refused. */
export function deviceKey(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): string {
  try {
    const kept = storage?.getItem('haochaping.deviceKey');
    if (kept) return kept;
    const made = newClientKey();
    storage?.setItem('haochaping.deviceKey', made);
    return made;
  } catch {
    return newClientKey();
  }
}

export const citizenApi = createCitizenApi();

const KIND_ORDER: Record<HallSummary['kind'], number> = { STREET: 0, TOWN: 1 };

/** 街道 before 镇, each in pinyin order: how a citizen looks for their hall (codes mean nothing to them). */
export function sortHallsForCitizens<T extends HallSummary>(halls: readonly T[]): T[] {
  return [...halls].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}
