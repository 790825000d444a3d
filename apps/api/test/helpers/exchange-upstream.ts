import pg from 'pg';
import type { ExchangeConfig } from '@haochaping/worker';
import { startUpstreamSimulator, type UpstreamSimulator } from '@haochaping/upstream-sim';
import { startE2eStack, type E2eStack, type E2eStackOptions } from './e2e-stack';

/**
 * The worker's upward exchange pointed at an upstream simulator, for the tests of 上报管理: a record the upstream
 * refuses for another reason than its content is tried twice, then dead; the delivery loop rests briefly.
 */
export function exchangeToSimulator(simulator: UpstreamSimulator, appKey: string): ExchangeConfig {
  return {
    upstream: { url: simulator.url, appKey, timeoutMs: 5_000 },
    sender: { areaCode: '370829', dataSource: 'JXXHCP', channelMapping: 'national' },
    policy: { maxAttempts: 2, deadLetterMs: 72 * 3_600_000 },
    delivery: { batchSize: 100, intervalMs: 200, maxBackoffMs: 1_000, roundsPerRun: 500 },
    pull: null,
  };
}

/** A call to the simulator's /_control endpoints (faults, stats); anything but 200 throws. */
export function simulatorControl(simulator: UpstreamSimulator): (method: string, path: string, body?: unknown) => Promise<unknown> {
  return async (method, path, body) => {
    const response = await fetch(`${simulator.url}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status !== 200) throw new Error(`simulator ${method} ${path}: HTTP ${response.status}`);
    const answer: unknown = await response.json();
    return answer;
  };
}

/**
 * A review written behind the intake's back, as the demo seed writes them: the same hall, channel and time as the
 * review $1, and no outbox row, so it never goes upward by itself. Answers `{ id }`.
 */
export const REVIEW_WITHOUT_OUTBOX_ROW = `
  INSERT INTO review (id, hall_id, level, channel, tracking_code, client_key, created_at)
  SELECT gen_random_uuid(), hall_id, 4, channel, 'HM' || upper(substr(md5(random()::text), 1, 8)), gen_random_uuid()::text, created_at
  FROM review WHERE id = $1::uuid RETURNING id::text`;

/** The API and worker delivering to a fresh upstream simulator, with a database client and HTTP helpers. */
export interface ExchangeE2e {
  readonly stack: E2eStack;
  readonly simulator: UpstreamSimulator;
  readonly db: pg.Client;
  readonly control: ReturnType<typeof simulatorControl>;
  /** One API call as `headers` (an X-Dev-Actor), JSON in and out. */
  call<T>(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** Starts the simulator, then the e2e stack delivering to it (exchangeToSimulator), then a database client. */
export async function startExchangeE2e(appKey: string, options: Omit<E2eStackOptions, 'exchange'> = {}): Promise<ExchangeE2e> {
  const simulator = await startUpstreamSimulator({ appKey });
  const stack = await startE2eStack({ ...options, exchange: () => exchangeToSimulator(simulator, appKey) });
  const db = new pg.Client({ connectionString: stack.db.url });
  await db.connect();
  return {
    stack,
    simulator,
    db,
    control: simulatorControl(simulator),
    async call<T>(method: string, path: string, headers: Record<string, string>, body?: unknown) {
      const response = await fetch(`${stack.baseUrl}${path}`, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    async close() {
      await db.end();
      await stack.close();
      await simulator.close();
    },
  };
}
