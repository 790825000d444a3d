import { randomUUID } from 'node:crypto';
import { EXCHANGE_DELIVERY_WORKFLOW_ID, type ExchangeDeliveryInput } from '@haochaping/contracts';
import { createPgPool, type Pool } from '@haochaping/db';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { startUpstreamSimulator, type SimulatorStats, type UpstreamSimulator } from '@haochaping/upstream-sim';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { createExchangeActivities } from './exchange.activities';
import { UpstreamHttpDriver } from './upstream-http.driver';
import { timeSkipping } from './time-skipping.fixture';

const KEY = 'exchange-delivery-test';
const HOUR = 3_600_000;
const MINUTE = 60_000;

interface DeliveryRow {
  record_id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  payload: Record<string, unknown> | null;
}

/**
 * The done-when of issue 15 on the time-skipping server, with the real activity, the real database and the real
 * simulator: the upstream fails for an hour of skipped time, then answers one batch too late (stored, answer lost),
 * then recovers. Every record is stored upstream exactly once, every valid row is DELIVERED, the refused one is DEAD
 * with a notice to the county, and the delivery log holds every attempt.
 */
describe('exchangeDeliveryWorkflow: an upstream outage of an hour loses nothing and stores nothing twice', () => {
  let db: TestDatabase;
  let pool: Pool;
  let simulator: UpstreamSimulator;
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 3);
    simulator = await startUpstreamSimulator({ appKey: KEY });
    env = await timeSkipping();
  });
  afterAll(async () => {
    await env?.teardown();
    await simulator?.close();
    await pool?.end();
    await db?.drop();
  });

  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${simulator.url}/_control/${path}`, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  const stats = async () => (await (await control('GET', 'stats')).json()) as SimulatorStats;
  const rows = async () => (await pool.query<DeliveryRow>('SELECT "record_id", "status"::text, "attempts", "last_error", "payload" FROM "exchange_delivery" ORDER BY "id"')).rows;
  const attemptLog = async () => (await pool.query<Attempt>('SELECT * FROM "exchange_attempt" ORDER BY "id"')).rows;

  type Attempt = { http_status: number | null; records: number; accepted: number; duplicates: number; rejected: number; error: string | null };
  const snapshot = async (): Promise<[Attempt[], DeliveryRow[]]> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const attempts = (await client.query<Attempt>('SELECT * FROM "exchange_attempt" ORDER BY "id"')).rows;
      const deliveries = (await client.query<DeliveryRow>('SELECT "record_id", "status"::text, "attempts", "last_error", "payload" FROM "exchange_delivery" ORDER BY "id"')).rows;
      await client.query('COMMIT');
      return [attempts, deliveries];
    } finally {
      client.release();
    }
  };

  /** Reviews as the intake writes them, each with its outbox row; the last one carries a text longer than the upstream takes. */
  async function writeReviews(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const id = randomUUID();
      const comment = index === count - 1 ? '长'.repeat(2001) : index % 2 === 0 ? '窗口服务很好' : null;
      await pool.query(
        `WITH "r" AS (
           INSERT INTO "review" ("id", "hall_id", "service_item_id", "level", "channel", "tracking_code", "client_key", "comment", "created_at")
           SELECT $1::uuid, h."id", (SELECT "id" FROM "service_item" ORDER BY "code" LIMIT 1), 5, 'WINDOW_QR', $2, $3, $4, now() FROM "hall" h WHERE h."code" = 'jintun'
           RETURNING "id", "channel", "created_at")
         INSERT INTO "exchange_delivery" ("record_id", "type", "review_id", "channel_raw", "created_at") SELECT "id"::text, 'REVIEW', "id", "channel"::text, "created_at" FROM "r"`,
        [id, `T${index}${randomUUID().slice(0, 8)}`, `exchange-test-${id}`, comment],
      );
      ids.push(id);
    }
    return ids;
  }

  it('delivers every record exactly once after the outage, and logs every attempt', async () => {
    const ids = await writeReviews(10);
    const valid = ids.slice(0, 9);
    const refused = ids[9];
    await control('PUT', 'fault', { mode: 'fail', status: 503 });

    const settings: ExchangeDeliveryInput['settings'] = { batchSize: 4, intervalMs: 10_000, maxBackoffMs: 5 * MINUTE, roundsPerRun: 8 };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'exchange-test',
      workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('@haochaping/workflows'), logger: quiet }),
      activities: createExchangeActivities({
        pool,
        driver: new UpstreamHttpDriver({ url: simulator.url, appKey: KEY, timeoutMs: 1_000 }),
        sender: { areaCode: '370829', dataSource: 'JXXHCP', channelMapping: 'national' },
        policy: { maxAttempts: 5, deadLetterMs: 72 * HOUR },
      }),
    });

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('exchangeDeliveryWorkflow', { workflowId: EXCHANGE_DELIVERY_WORKFLOW_ID, taskQueue: 'exchange-test', args: [{ settings }] });

      // An hour of outage: the oldest batch is tried again and again (10 s, 20 s, … up to 5 min apart), nothing is lost.
      await env.sleep(HOUR);
      // One snapshot of both tables (a round may be committing meanwhile).
      const [duringOutage, pending] = await snapshot();
      expect(duringOutage.length).toBeGreaterThanOrEqual(15);
      expect(duringOutage.every((attempt) => attempt.http_status === 503 && attempt.records === 4 && attempt.accepted === 0)).toBe(true);
      expect(pending.every((row) => row.status === 'PENDING')).toBe(true);
      expect(pending.slice(0, 4).map((row) => row.attempts)).toEqual(Array(4).fill(duringOutage.length));
      expect(pending[0]?.last_error).toMatch(/^upstream answered HTTP 503/);
      expect((await stats()).stored.REVIEW).toBe(0);

      // It comes back, but its first answer is too late: that batch is stored upstream while we count it as failed.
      await control('PUT', 'fault', { mode: 'slow', delayMs: 1_500, times: 1 });
      await env.sleep(30 * MINUTE);

      const after = await rows();
      expect(after.filter((row) => row.status === 'DELIVERED').map((row) => row.record_id)).toEqual(valid);
      const dead = after.find((row) => row.record_id === refused);
      expect(dead).toMatchObject({ status: 'DEAD', attempts: 1 });
      expect(dead?.last_error).toMatch(/^INVALID_RECORD: \/text must NOT have more than 2000 characters/);

      // Exactly once upstream: one stored record per delivered row; sent twice only where the answer was lost.
      const upstream = await stats();
      expect(upstream.stored.REVIEW).toBe(valid.length);
      const lostAnswers = valid.slice(0, 4);
      expect(upstream.deliveriesById).toEqual(Object.fromEntries(valid.map((id) => [id, lostAnswers.includes(id) ? 2 : 1])));
      const stored = ((await (await control('GET', 'records?type=REVIEW')).json()) as { records: Array<Record<string, unknown>> }).records;
      const sent = new Map(after.map((row) => [row.record_id, row.payload]));
      for (const record of stored) expect(record).toEqual(sent.get(String(record.id)));

      // The log: the hour of 503s, the answer that came too late, then per-record answers.
      const log = await attemptLog();
      const afterOutage = log.slice(duringOutage.length);
      expect(afterOutage[0]).toMatchObject({ http_status: null, records: 4, error: 'upstream did not answer within 1000 ms' });
      expect(afterOutage.slice(1).every((attempt) => attempt.http_status === 200)).toBe(true);
      const answered = afterOutage.slice(1).reduce((sum, a) => ({ accepted: sum.accepted + a.accepted, duplicates: sum.duplicates + a.duplicates, rejected: sum.rejected + a.rejected }), { accepted: 0, duplicates: 0, rejected: 0 });
      // The resend of the late batch meets it stored (DUPLICATE), or stores it first and the late one meets it: either way 9 and 1.
      expect({ delivered: answered.accepted + answered.duplicates, rejected: answered.rejected }).toEqual({ delivered: 9, rejected: 1 });

      // The refused record is a dead letter the county hears of, once.
      const notices = await pool.query<{ template: string; audience_role: string; body: string; params: Record<string, unknown> }>(
        `SELECT "template", "audience_role", "body", "params" FROM "notification" WHERE "template" = 'EXCHANGE_DEAD_LETTER'`,
      );
      expect(notices.rows).toEqual([
        {
          template: 'EXCHANGE_DEAD_LETTER',
          audience_role: 'COUNTY_SUPERVISOR',
          body: '金屯镇一条评价数据未能上报市、省好差评系统（已停止重试），请联系系统管理员处理。',
          params: { recordId: refused, type: 'REVIEW', lastError: dead?.last_error },
        },
      ]);

      // Still running (continued as new along the way), and idle: nothing more is sent.
      const requests = upstream.requests;
      await env.sleep(10 * MINUTE);
      expect((await stats()).requests).toBe(requests);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
      await handle.terminate('test over');
    });
  });
});

const quiet = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
