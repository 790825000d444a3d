/**
 * The county's client of the upstream exchange API (docs/EXCHANGE.md): `POST /api/v1/records` with a batch of
 * records (reviews, rectification results, 不予采纳 decisions alike), and `GET /api/v1/online-reviews` for the pull
 * driver; the issued key as `X-App-Key`, a time limit per call. It never throws: a batch is either answered record by
 * record, or failed as a whole (a status other than 200, an answer that is not the documented shape, no answer in
 * time, no connection), which leaves every record of it to be sent again.
 */

export interface UpstreamSettings {
  /** UPSTREAM_URL: the upstream's base URL (the simulator's under `npm start`). */
  url: string;
  /** UPSTREAM_APP_KEY: the key the upstream issued to the county. */
  appKey: string;
  /** EXCHANGE_TIMEOUT_MS: one POST may take this long before it counts as failed. */
  timeoutMs: number;
}

export type RecordStatus = 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';

export interface RecordAnswer {
  id: string | null;
  status: RecordStatus;
  code?: string;
  message?: string;
}

export type BatchOutcome =
  | { kind: 'answered'; httpStatus: number; results: RecordAnswer[] }
  | { kind: 'failed'; httpStatus: number | null; error: string };

/** A page of the online-review feed (GET /api/v1/online-reviews), or why there is none. */
export type FeedPage =
  | { kind: 'answered'; items: unknown[]; nextCursor: string }
  | { kind: 'failed'; httpStatus: number | null; error: string };

const ANSWER_EXCERPT = 200;
const STATUSES: readonly string[] = ['ACCEPTED', 'DUPLICATE', 'REJECTED'];

export class UpstreamHttpDriver {
  constructor(private readonly settings: UpstreamSettings) {}

  async postRecords(records: ReadonlyArray<Record<string, unknown>>): Promise<BatchOutcome> {
    const call = await this.call('/api/v1/records', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ records }) });
    if (call.kind === 'failed') return call;
    const { httpStatus, answer } = call;
    if (httpStatus !== 200) return { kind: 'failed', httpStatus, error: `upstream answered HTTP ${httpStatus}: ${excerpt(answer)}` };
    const results = parseResults(answer);
    if (!results || results.length !== records.length) {
      return { kind: 'failed', httpStatus, error: `upstream answered without one result per record: ${excerpt(answer)}` };
    }
    return { kind: 'answered', httpStatus, results };
  }

  /** One page of the online reviews the upstream holds for the county, from `cursor` ('' for the start). */
  async getOnlineReviews(cursor: string, limit: number): Promise<FeedPage> {
    const query = new URLSearchParams({ cursor, limit: String(limit) });
    const call = await this.call(`/api/v1/online-reviews?${query.toString()}`, { method: 'GET' });
    if (call.kind === 'failed') return call;
    const { httpStatus, answer } = call;
    if (httpStatus !== 200) return { kind: 'failed', httpStatus, error: `upstream answered HTTP ${httpStatus}: ${excerpt(answer)}` };
    const page = parsePage(answer);
    if (!page) return { kind: 'failed', httpStatus, error: `upstream answered without { items, nextCursor }: ${excerpt(answer)}` };
    return { kind: 'answered', ...page };
  }

  /** One call with the issued key and the time limit: the status and the body, or why there is none. */
  private async call(path: string, init: RequestInit): Promise<{ kind: 'called'; httpStatus: number; answer: string } | { kind: 'failed'; httpStatus: null; error: string }> {
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    try {
      const response = await fetch(`${this.settings.url.replace(/\/+$/, '')}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-app-key': this.settings.appKey }, signal });
      return { kind: 'called', httpStatus: response.status, answer: await response.text() };
    } catch (error) {
      if (signal.aborted) return { kind: 'failed', httpStatus: null, error: `upstream did not answer within ${this.settings.timeoutMs} ms` };
      return { kind: 'failed', httpStatus: null, error: `upstream unreachable: ${describe(error)}` };
    }
  }
}

/** The feed's answer: `{ items: [...], nextCursor: "…" }`; anything else is no page. */
function parsePage(text: string): { items: unknown[]; nextCursor: string } | undefined {
  try {
    const body = JSON.parse(text) as { items?: unknown; nextCursor?: unknown } | null;
    return body && Array.isArray(body.items) && typeof body.nextCursor === 'string' ? { items: body.items, nextCursor: body.nextCursor } : undefined;
  } catch {
    return undefined;
  }
}

function parseResults(text: string): RecordAnswer[] | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return undefined;
  const valid = results.every((result: unknown) => typeof result === 'object' && result !== null && STATUSES.includes(String((result as RecordAnswer).status)));
  return valid ? (results as RecordAnswer[]) : undefined;
}

function excerpt(text: string): string {
  return text.length > ANSWER_EXCERPT ? `${text.slice(0, ANSWER_EXCERPT)}…` : text;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
