import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '../config/app-config';

/**
 * The API's Temporal client. The connection is lazy, so the API starts (and reports Temporal as down in
 * /api/health) while Temporal is away, and reconnects when it is back.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(readonly config: AppConfig) {
    this.connection = Connection.lazy({ address: config.temporalAddress, connectTimeout: 3_000 });
    this.client = new Client({ connection: this.connection, namespace: config.temporalNamespace });
  }

  /** Runs a call with a deadline, so a hanging Temporal fails the request instead of holding it. */
  withDeadline<T>(ms: number, call: () => Promise<T>): Promise<T> {
    const pending = this.connection.withDeadline(Date.now() + ms, call);
    this.inFlight.add(pending);
    void pending.finally(() => this.inFlight.delete(pending)).catch(() => undefined);
    return pending;
  }

  /**
   * Last, after every module has stopped using it. Calls still in flight (a health check its caller gave up on)
   * are let run to their deadline first: the SDK's retry timer would otherwise fire on a closed channel and throw.
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.connection.close();
  }
}
