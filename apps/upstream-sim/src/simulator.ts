import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { onlineReviewErrors } from './check-record';
import { countingTime, ONLINE_REVIEW_SCHEMA, RECORD_SCHEMAS, RECORD_TYPES, type RecordType, type UpstreamRecord } from './record-schema';

/**
 * A local stand-in for the upstream 好差评 systems (济宁市, 山东省) — everything outside the county's walls that the
 * exchange talks to. It speaks the documented API (docs/EXCHANGE.md), keeps what it receives (one record per id),
 * answers the daily counts the reconciliation compares, serves online reviews for the pull driver, and can be told
 * at run time (the /_control endpoints) to fail, time out, answer slowly, refuse a field or answer "already exists".
 */

export type FaultMode = 'fail' | 'timeout' | 'slow' | 'refuse-field' | 'duplicate';

export interface Fault {
  mode: FaultMode;
  /** fail: the status answered (default 503). */
  status?: number;
  /** timeout: how long a request is held before its connection is dropped unanswered; slow: the added delay. */
  delayMs?: number;
  /** refuse-field: records carrying this field are refused. */
  field?: string;
  /** How many more requests it affects; unlimited when absent. */
  times?: number;
}

export type RecordOutcome = 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';

export interface RecordResult {
  id: string | null;
  status: RecordOutcome;
  code?: string;
  message?: string;
}

export interface SimulatorStats {
  /** Requests to POST /api/v1/records, answered or not. */
  requests: number;
  /** Records stored, per type: what was delivered, each once. */
  stored: Record<RecordType, number>;
  /** Records answered DUPLICATE, REJECTED. */
  duplicates: number;
  rejected: number;
  /** Deliveries of each stored id (1 = exactly once; more = resent and answered DUPLICATE). */
  deliveriesById: Record<string, number>;
}

/** One page of the online-review feed as asked for. */
export interface FeedRequest {
  cursor: string;
  limit: number;
  served: number;
}

export interface SimulatorOptions {
  port?: number;
  host?: string;
  /** The key callers must send as X-App-Key. */
  appKey: string;
}

export interface UpstreamSimulator {
  readonly url: string;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

const MAX_BATCH = 500;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const shanghaiDate = (iso: string) => new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

function validators(): Record<RecordType, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return { REVIEW: ajv.compile(RECORD_SCHEMAS.REVIEW), RECTIFICATION: ajv.compile(RECORD_SCHEMAS.RECTIFICATION), REJECTION: ajv.compile(RECORD_SCHEMAS.REJECTION) };
}

export async function startUpstreamSimulator(options: SimulatorOptions): Promise<UpstreamSimulator> {
  const validate = validators();
  const stored = new Map<string, UpstreamRecord>();
  const deliveries = new Map<string, number>();
  const onlineReviews: Array<Record<string, unknown>> = [];
  /** The feed's pages as asked for (GET /_control/online-reviews): a resumed pull shows where it resumed from. */
  const feedRequests: FeedRequest[] = [];
  let fault: Fault | null = null;
  let requests = 0;
  let duplicates = 0;
  let rejected = 0;
  const held = new Set<NodeJS.Timeout>();

  // A held (timeout) request must not keep close() waiting.
  const app = Fastify({ logger: false, bodyLimit: 8 * 1024 * 1024, forceCloseConnections: true });

  const refuse = (reply: FastifyReply, status: number, code: string, message: string) => reply.code(status).send({ code, message });
  const authorised = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers['x-app-key'] === options.appKey) return true;
    void refuse(reply, 401, 'UNAUTHORISED', 'missing or wrong X-App-Key');
    return false;
  };
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        held.delete(timer);
        resolve();
      }, ms);
      held.add(timer);
    });
  /** The fault that applies to this request (and one use of it spent). */
  const takeFault = (): Fault | null => {
    const current = fault;
    if (current?.times !== undefined) {
      current.times -= 1;
      if (current.times <= 0) fault = null;
    }
    return current;
  };

  const accept = (raw: unknown, active: Fault | null): RecordResult => {
    const record = raw as UpstreamRecord;
    const id = typeof record?.id === 'string' ? record.id : null;
    if (!record || typeof record !== 'object' || !RECORD_TYPES.includes(record.type)) {
      rejected += 1;
      return { id, status: 'REJECTED', code: 'INVALID_TYPE', message: `type must be one of ${RECORD_TYPES.join(', ')}` };
    }
    if (active?.mode === 'refuse-field' && active.field && active.field in record) {
      rejected += 1;
      return { id, status: 'REJECTED', code: 'FIELD_REFUSED', message: `field ${active.field} is not accepted` };
    }
    const check = validate[record.type];
    if (!check(record)) {
      rejected += 1;
      return { id, status: 'REJECTED', code: 'INVALID_RECORD', message: (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ') };
    }
    const known = stored.has(record.id);
    deliveries.set(record.id, (deliveries.get(record.id) ?? 0) + 1);
    if (!known) stored.set(record.id, record);
    if (known || active?.mode === 'duplicate') {
      duplicates += 1;
      return { id: record.id, status: 'DUPLICATE', code: 'ALREADY_EXISTS', message: 'a record with this id already exists' };
    }
    return { id: record.id, status: 'ACCEPTED' };
  };

  app.post('/api/v1/records', async (request, reply) => {
    requests += 1;
    if (!authorised(request, reply)) return reply;
    const active = takeFault();
    if (active?.mode === 'fail') return refuse(reply, active.status ?? 503, 'UNAVAILABLE', 'the upstream is unavailable (simulated)');
    if (active?.mode === 'timeout') {
      await wait(active.delayMs ?? 60_000);
      request.raw.socket.destroy();
      return reply;
    }
    if (active?.mode === 'slow') await wait(active.delayMs ?? 2_000);
    const body = request.body as { records?: unknown } | undefined;
    if (!body || !Array.isArray(body.records) || body.records.length === 0 || body.records.length > MAX_BATCH) {
      return refuse(reply, 400, 'INVALID_BATCH', `body must be { records: [...] } with 1 to ${MAX_BATCH} records`);
    }
    return { results: body.records.map((record) => accept(record, active)) };
  });

  app.get('/api/v1/counts', async (request, reply) => {
    if (!authorised(request, reply)) return reply;
    const { date } = request.query as { date?: string };
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return refuse(reply, 400, 'INVALID_DATE', 'date must be YYYY-MM-DD (Asia/Shanghai)');
    const counts = new Map<string, { orgCode: string; type: RecordType; count: number }>();
    for (const record of stored.values()) {
      if (shanghaiDate(countingTime(record)) !== date) continue;
      const key = `${record.orgCode}|${record.type}`;
      const entry = counts.get(key) ?? { orgCode: record.orgCode, type: record.type, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    return { date, counts: [...counts.values()].sort((a, b) => a.orgCode.localeCompare(b.orgCode) || a.type.localeCompare(b.type)) };
  });

  app.get('/api/v1/online-reviews', async (request, reply) => {
    if (!authorised(request, reply)) return reply;
    const query = request.query as { cursor?: string; limit?: string };
    const from = query.cursor === undefined || query.cursor === '' ? 0 : Number(query.cursor);
    const limit = query.limit === undefined ? 100 : Number(query.limit);
    if (!Number.isInteger(from) || from < 0 || !Number.isInteger(limit) || limit < 1 || limit > 500) {
      return refuse(reply, 400, 'INVALID_CURSOR', 'cursor must be a cursor this endpoint gave, limit 1 to 500');
    }
    const items = onlineReviews.slice(from, from + limit);
    feedRequests.push({ cursor: query.cursor ?? '', limit, served: items.length });
    return { items, nextCursor: String(from + items.length) };
  });

  app.get('/api/v1/schema', (_request, reply) => reply.send({ ...RECORD_SCHEMAS, ONLINE_REVIEW: ONLINE_REVIEW_SCHEMA }));

  app.put('/_control/fault', (request, reply) => {
    fault = { ...(request.body as Fault) };
    return reply.send({ fault });
  });
  app.delete('/_control/fault', (_request, reply) => {
    fault = null;
    return reply.send({ fault });
  });
  app.get('/_control/stats', (_request, reply) => {
    const byType = Object.fromEntries(RECORD_TYPES.map((type) => [type, 0])) as Record<RecordType, number>;
    for (const record of stored.values()) byType[record.type] += 1;
    const stats: SimulatorStats = { requests, stored: byType, duplicates, rejected, deliveriesById: Object.fromEntries(deliveries) };
    return reply.send(stats);
  });
  app.get('/_control/records', (request, reply) => {
    const { type } = request.query as { type?: string };
    return reply.send({ records: [...stored.values()].filter((record) => !type || record.type === type) });
  });
  app.post('/_control/online-reviews', (request, reply) => {
    const { items } = (request.body ?? {}) as { items?: unknown };
    if (!Array.isArray(items)) return refuse(reply, 400, 'INVALID_ONLINE_REVIEWS', 'body must be { items: [...] }');
    const errors = items.flatMap((item, index) => onlineReviewErrors(item).map((error) => `items[${index}]${error}`));
    if (errors.length > 0) return refuse(reply, 400, 'INVALID_ONLINE_REVIEWS', errors.join('; '));
    onlineReviews.push(...(items as Array<Record<string, unknown>>));
    return reply.send({ total: onlineReviews.length });
  });
  app.get('/_control/online-reviews', (_request, reply) => reply.send({ total: onlineReviews.length, requests: feedRequests }));
  app.post('/_control/reset', (_request, reply) => {
    stored.clear();
    deliveries.clear();
    onlineReviews.length = 0;
    feedRequests.length = 0;
    fault = null;
    requests = duplicates = rejected = 0;
    return reply.send({ reset: true });
  });

  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  return {
    url: address,
    app,
    close: async () => {
      for (const timer of held) clearTimeout(timer);
      held.clear();
      await app.close();
    },
  };
}
