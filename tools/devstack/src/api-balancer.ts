import http from 'node:http';
import type { RunningService, ServiceDefinition } from './supervisor';

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection and are never forwarded. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade'];

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const copy: http.OutgoingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

/**
 * The cluster profile's one API port in front of several API processes, as the console's nginx is in front of the
 * `api` replicas in docker-compose.yml: each request goes to the next instance that is up (round robin), with
 * X-Forwarded-For appended. An instance is up from the moment the supervisor saw it healthy until its process ends;
 * while none is up, requests get 503 in the API's JSON error shape. Each answer names the instance that gave it in
 * X-Api-Instance (for tests and for reading logs side by side).
 */
export class ApiBalancer {
  /** The instances up, by port, with their names. */
  private readonly up = new Map<number, string>();
  private next = 0;
  private readonly agent = new http.Agent({ keepAlive: true });

  constructor(private readonly instancePorts: readonly number[]) {}

  /** Wraps an API instance's definition: requests reach it once it started healthy, and no more once it ended. */
  track(definition: ServiceDefinition, port: number): ServiceDefinition {
    return {
      ...definition,
      start: async (): Promise<RunningService> => {
        const running = await definition.start();
        this.up.set(port, definition.name);
        void running.whenExited().then(() => this.up.delete(port));
        return {
          whenExited: () => running.whenExited(),
          stop: () => {
            this.up.delete(port);
            return running.stop();
          },
        };
      },
    };
  }

  private pick(): number | undefined {
    for (let i = 0; i < this.instancePorts.length; i++) {
      const port = this.instancePorts[(this.next + i) % this.instancePorts.length];
      if (this.up.has(port)) {
        this.next = (this.next + i + 1) % this.instancePorts.length;
        return port;
      }
    }
    return undefined;
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const port = this.pick();
    const unavailable = (status: number, code: string, message: string) => {
      if (response.headersSent) return void response.destroy();
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ statusCode: status, code, message, path: request.url ?? '/' }));
    };
    if (port === undefined) return unavailable(503, 'SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后重试');
    const instance = this.up.get(port) ?? '';
    const client = request.socket.remoteAddress ?? '';
    const forwardedFor = request.headers['x-forwarded-for'] ? `${String(request.headers['x-forwarded-for'])}, ${client}` : client;
    const upstream = http.request(
      { host: '127.0.0.1', port, method: request.method, path: request.url, agent: this.agent, headers: { ...withoutHopByHop(request.headers), 'x-forwarded-for': forwardedFor } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, { ...withoutHopByHop(answer.headers), 'x-api-instance': instance });
        answer.pipe(response);
        answer.once('error', () => response.destroy());
      },
    );
    upstream.once('error', () => unavailable(502, 'BAD_GATEWAY', '服务暂时不可用，请稍后重试'));
    request.once('aborted', () => upstream.destroy());
    request.pipe(upstream);
  }

  /** Listens on 127.0.0.1:`port`; as a supervised service, it ends only when stopped. */
  async listen(port: number): Promise<RunningService> {
    const server = http.createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const closed = new Promise<string>((resolve) => server.once('close', () => resolve('closed')));
    return {
      whenExited: () => closed,
      stop: async () => {
        this.agent.destroy();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }
}
