// Test support (the specs of the SMS driver and the dispatcher); production code never imports it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake gateway received. */
export interface GatewayRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

export type GatewayAnswer = { status: number; body: string } | 'hang';

/**
 * A local SMS gateway on a free port for tests: records every request and answers what `answer` says
 * (`'hang'` never answers, to exercise the timeout).
 */
export class FakeSmsGateway {
  readonly requests: GatewayRequest[] = [];
  answer: (request: GatewayRequest) => GatewayAnswer | Promise<GatewayAnswer> = () => ({ status: 200, body: '{"code":0,"message":"ok"}' });
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // recorded as text
      }
      const request: GatewayRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      };
      this.requests.push(request);
      void Promise.resolve(this.answer(request)).then((answer) => {
        if (answer !== 'hang') res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      });
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms/send`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}
