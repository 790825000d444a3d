/**
 * The county's client of the upstream exchange API (docs/EXCHANGE.md): `POST /api/v1/records` with a batch of
 * records, the issued key as `X-App-Key`, a time limit per call. It never throws: a batch is either answered record by
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

const ANSWER_EXCERPT = 200;
const STATUSES: readonly string[] = ['ACCEPTED', 'DUPLICATE', 'REJECTED'];

export class UpstreamHttpDriver {
  constructor(private readonly settings: UpstreamSettings) {}

  async postRecords(records: ReadonlyArray<Record<string, unknown>>): Promise<BatchOutcome> {
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    let httpStatus: number;
    let answer: string;
    try {
      const response = await fetch(`${this.settings.url.replace(/\/+$/, '')}/api/v1/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-app-key': this.settings.appKey },
        body: JSON.stringify({ records }),
        signal,
      });
      httpStatus = response.status;
      answer = await response.text();
    } catch (error) {
      if (signal.aborted) return { kind: 'failed', httpStatus: null, error: `upstream did not answer within ${this.settings.timeoutMs} ms` };
      return { kind: 'failed', httpStatus: null, error: `upstream unreachable: ${describe(error)}` };
    }
    if (httpStatus !== 200) return { kind: 'failed', httpStatus, error: `upstream answered HTTP ${httpStatus}: ${excerpt(answer)}` };
    const results = parseResults(answer);
    if (!results || results.length !== records.length) {
      return { kind: 'failed', httpStatus, error: `upstream answered without one result per record: ${excerpt(answer)}` };
    }
    return { kind: 'answered', httpStatus, results };
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
