import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';

/** One request the fuzzer sent, as the recorder saw it. */
export interface Exchange {
  /** `METHOD /api/path/{template}` of the documented operation, or `METHOD <undocumented path>`. */
  operation: string;
  status: number;
  /** The error's code, for a refusal in the one error shape. */
  code?: string;
  /** The start of a refusal's body. */
  answer?: string;
  /** The request as sent (method, path with query, the body's start), to repeat a finding by hand. */
  request: string;
}

/** A finding of the recorder's own checks (those schemathesis has no notion of). */
export interface Finding {
  check: 'one-error-shape' | 'no-write-on-refusal';
  operation: string;
  status: number;
  detail: string;
  request: string;
}

/**
 * Writes a refusal may make by design, each with its reason (a finding otherwise). `operation`: the operation
 * (`METHOD /api/template`) or a pattern of them; undefined: any.
 */
export interface AllowedWrite {
  table: string;
  operation?: string | RegExp;
  reason: string;
}

type Counts = Record<string, number>;

const CHINESE = /[\u4e00-\u9fa5]/;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A recording proxy between schemathesis and the API. It passes every request through unchanged, one at a time,
 * and checks what schemathesis cannot: every 4xx body is in the one error shape (ApiError: statusCode, code, a
 * Chinese message, path, requestId), and a refused request (4xx) writes nothing: the row counts of every table
 * before and after it are equal. Counting 34 tables around every request would halve the fuzzer's pace, so the
 * counts are taken again only when the database's next transaction id moved (a write anywhere assigns one; reads
 * never do): a refusal during which it stayed put wrote nothing. Work an accepted write started in the background
 * (the outbox relay, the worker's projections) is waited out before the next request; a refusal whose counts still
 * moved is sent once more with the system quiet, and only a refusal that moves them again is a finding (a write that
 * happened beside it is not). Rows the throttles keep (rate_limit_counter) and other writes a refusal makes by
 * design are listed with their reason.
 */
export class FuzzRecorder {
  readonly exchanges: Exchange[] = [];
  readonly findings: Finding[] = [];
  /** Refusals whose counts moved once but not when sent again: writes beside them, reported, not findings. */
  readonly unconfirmed: string[] = [];
  private queue: Promise<void> = Promise.resolve();
  private tables: string[] = [];
  private lastCounts: Counts = {};
  /** The next transaction id when lastCounts was taken: while it stays put, nothing was written. */
  private lastXid = '';

  private constructor(
    private readonly server: http.Server,
    private readonly target: URL,
    private readonly db: Client,
    private readonly operationOf: (method: string, path: string) => string,
    private readonly allowed: readonly AllowedWrite[],
  ) {}

  /**
   * Starts the recorder in front of `apiOrigin` (`http://host:port`). `paths`: the OpenAPI document's path templates,
   * to name each request's operation.
   */
  static async start(options: { apiOrigin: string; databaseUrl: string; paths: readonly string[]; allowedWrites: readonly AllowedWrite[] }): Promise<FuzzRecorder> {
    // Literal paths before templated ones, so /api/reviews/export is not taken for /api/reviews/{id}.
    const templates = [...options.paths]
      .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))
      .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`) }));
    const operationOf = (method: string, path: string) => `${method} ${templates.find(({ pattern }) => pattern.test(path))?.template ?? path}`;
    const db = new Client({ connectionString: options.databaseUrl });
    await db.connect();
    const server = http.createServer();
    const recorder = new FuzzRecorder(server, new URL(options.apiOrigin), db, operationOf, options.allowedWrites);
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => void recorder.enqueue(request, response));
    await recorder.readTables();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return recorder;
  }

  /** `http://127.0.0.1:<port>`: give schemathesis `${origin}/api/docs-json`. */
  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every table's name, checked before and after each refusal. */
  get checkedTables(): readonly string[] {
    return this.tables;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.queue;
    await this.db.end();
  }

  private async readTables(): Promise<void> {
    const { rows } = await this.db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`);
    this.tables = rows.map((row) => row.tablename);
    await this.recount();
  }

  private async nextXid(): Promise<string> {
    const { rows } = await this.db.query<{ xid: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xid');
    return rows[0]?.xid ?? '';
  }

  private async counts(): Promise<Counts> {
    const fields = this.tables.map((table) => `'${table}', (SELECT count(*) FROM "${table}")`).join(', ');
    const { rows } = await this.db.query<{ counts: Counts }>(`SELECT json_build_object(${fields}) AS counts`);
    return rows[0]?.counts ?? {};
  }

  /** The counts as they are now, unless nothing was written since they were last taken. */
  private async recount(): Promise<Counts> {
    const xid = await this.nextXid();
    if (xid !== this.lastXid) {
      this.lastCounts = await this.counts();
      this.lastXid = xid;
    }
    return this.lastCounts;
  }

  /** Tables whose row count differs, as `table +n`, leaving out the writes allowed to `operation`. */
  private moved(before: Counts, after: Counts, operation: string): string[] {
    return this.tables
      .filter((table) => before[table] !== after[table])
      .filter((table) => !this.allowed.some((allowed) => allowed.table === table && allowedFor(allowed, operation)))
      .map((table) => `${table} ${(after[table] ?? 0) - (before[table] ?? 0) >= 0 ? '+' : ''}${(after[table] ?? 0) - (before[table] ?? 0)}`);
  }

  /**
   * Waits until nothing was written for 300 ms (at most 15 s): the background work an accepted write started (the
   * outbox relay, the workflow's projection) is done. Returns the counts then.
   */
  private async quiet(): Promise<Counts> {
    let previous = await this.nextXid();
    for (let waited = 0; waited < 15_000; waited += 300) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const current = await this.nextXid();
      if (current === previous) break;
      previous = current;
    }
    return this.recount();
  }

  private enqueue(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    this.queue = this.queue.then(() => this.handle(request, response)).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`fuzz recorder: ${error instanceof Error ? error.message : String(error)}`);
    });
    return this.queue;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const body = await readAll(request);
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const operation = this.operationOf(method, url.split('?')[0] ?? url);
    const sent = `${method} ${url}${body.length > 0 ? ` ${body.subarray(0, 400).toString('utf8')}` : ''}`;
    const before = await this.recount();
    const xidBefore = this.lastXid;
    const answer = await this.forward(method, url, request.headers, body);
    const after = await this.recount();
    const wrote = this.lastXid !== xidBefore;
    this.exchanges.push({ operation, status: answer.status, request: sent, ...(answer.status >= 400 ? { code: errorCodeOf(answer.body), answer: answer.body.subarray(0, 300).toString('utf8') } : {}) });
    // The answer goes back before the checks, which may take a while; the next request waits in the queue.
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);

    if (answer.status >= 400 && answer.status < 500) {
      const shape = errorShapeProblem(answer.status, answer.body);
      if (shape) this.findings.push({ check: 'one-error-shape', operation, status: answer.status, detail: shape, request: sent });
      if (wrote && this.moved(before, after, operation).length > 0) await this.confirmWrite(method, url, request.headers, body, operation, sent, before, after);
    }
    // After an accepted write, wait out the background work it started.
    if (wrote && answer.status < 400 && !READ_METHODS.has(method)) await this.quiet();
  }

  /** Sends a refusal that moved row counts once more, the system quiet: a finding only if it moves them again. */
  private async confirmWrite(method: string, url: string, headers: http.IncomingHttpHeaders, body: Buffer, operation: string, sent: string, before: Counts, after: Counts): Promise<void> {
    const first = this.moved(before, after, operation);
    const quietBefore = await this.quiet();
    const again = await this.forward(method, url, headers, body);
    const quietAfter = await this.counts();
    this.lastCounts = quietAfter;
    this.lastXid = await this.nextXid();
    const moved = this.moved(quietBefore, quietAfter, operation);
    if (again.status >= 400 && again.status < 500 && moved.length > 0) {
      this.findings.push({ check: 'no-write-on-refusal', operation, status: again.status, detail: `rows written: ${moved.join(', ')}`, request: sent });
    } else {
      this.unconfirmed.push(`${operation}: ${first.join(', ')} (sent again: ${again.status}, ${moved.length > 0 ? moved.join(', ') : 'nothing written'})`);
    }
  }

  private forward(method: string, url: string, headers: http.IncomingHttpHeaders, body: Buffer): Promise<{ status: number; headers: http.OutgoingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        { host: this.target.hostname, port: this.target.port, method, path: url, headers: { ...headers, host: this.target.host } },
        (answer) => {
          void readAll(answer).then((answerBody) => {
            const { 'transfer-encoding': _chunked, ...rest } = answer.headers;
            resolve({ status: answer.statusCode ?? 502, headers: { ...rest, 'content-length': String(answerBody.length) }, body: answerBody });
          }, reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}

/** What is wrong with a 4xx body, measured against the one error shape (common/api-error.ts); undefined if nothing. */
export function errorShapeProblem(status: number, body: Buffer): string | undefined {
  let error: unknown;
  try {
    error = JSON.parse(body.toString('utf8'));
  } catch {
    return `not JSON: ${body.subarray(0, 200).toString('utf8')}`;
  }
  const shape = error as { statusCode?: unknown; code?: unknown; message?: unknown; path?: unknown; requestId?: unknown };
  const problems = [
    shape.statusCode === status ? '' : `statusCode ${String(shape.statusCode)}`,
    typeof shape.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(shape.code) ? '' : `code ${JSON.stringify(shape.code)}`,
    typeof shape.message === 'string' && CHINESE.test(shape.message) ? '' : `message not in Chinese: ${JSON.stringify(shape.message)}`,
    typeof shape.path === 'string' ? '' : 'no path',
    typeof shape.requestId === 'string' && shape.requestId !== '' ? '' : 'no requestId',
  ].filter((problem) => problem !== '');
  return problems.length > 0 ? problems.join('; ') : undefined;
}

function allowedFor(allowed: AllowedWrite, operation: string): boolean {
  if (allowed.operation === undefined) return true;
  return typeof allowed.operation === 'string' ? allowed.operation === operation : allowed.operation.test(operation);
}

function errorCodeOf(body: Buffer): string {
  try {
    return String((JSON.parse(body.toString('utf8')) as { code?: unknown }).code);
  } catch {
    return 'not JSON';
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
