import type { ExchangeConfig } from '@haochaping/worker';
import type { UpstreamSimulator } from '@haochaping/upstream-sim';

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
