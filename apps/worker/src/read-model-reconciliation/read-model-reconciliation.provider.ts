import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { rectificationWorkflowId, type ReadModelReconciliationActivities, type RectificationCaseState } from '@haochaping/contracts';
import { rectificationStateQuery } from '@haochaping/contracts/server';
import { createPgPool, type Pool } from '@haochaping/db';
import { WorkerConfig } from '../config/worker-config';
import { createReadModelReconciliationActivities } from './read-model-reconciliation.activities';

/** How long one case's `state` query may take (a worker answers it; a closed case is replayed first). */
const QUERY_DEADLINE_MS = 10_000;

/**
 * The reconciler's activities: a small pool of their own (a repair holds a connection while it asks the workflow again)
 * and a Temporal client for the cases' state queries, both closed after the worker has drained.
 */
@Injectable()
export class ReadModelReconciliationProvider implements OnApplicationShutdown {
  private readonly pool: Pool;
  private readonly connection: Connection;
  readonly activities: ReadModelReconciliationActivities;

  constructor(config: WorkerConfig) {
    this.pool = createPgPool(config.databaseUrl, 2);
    this.connection = Connection.lazy({ address: config.temporalAddress });
    const client = new Client({ connection: this.connection, namespace: config.temporalNamespace });
    this.activities = createReadModelReconciliationActivities({
      pool: this.pool,
      caseState: async (reviewId: string): Promise<RectificationCaseState | null> => {
        const handle = client.workflow.getHandle(rectificationWorkflowId(reviewId));
        try {
          return await this.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(rectificationStateQuery));
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) return null;
          throw error;
        }
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
    await this.pool.end();
  }
}
