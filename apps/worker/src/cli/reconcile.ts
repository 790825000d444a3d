#!/usr/bin/env node
/**
 * `npm run reconcile`: one run of the read model's reconciler now, as the daily schedule runs it (docs/DEPLOYMENT.md).
 * It starts readModelReconciliationWorkflow on the worker's task queue and waits for its report, so a worker must be
 * running. Reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and TEMPORAL_TASK_QUEUE like the worker.
 *
 *   npm run reconcile [-- --closed-within-days N] [--no-wait]
 *
 * Exit code 0 when nothing drifted or every drift was repaired, 2 when some case is left drifted, 1 when the run
 * could not be done.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { READ_MODEL_RECONCILIATION_WORKFLOW_TYPE, readModelReconciliationWorkflowId, type ReconciliationInput, type ReconciliationSummary } from '@haochaping/contracts';
import { describeReconciliation, reconciliationExitCode } from '../read-model-reconciliation/reconciliation-summary';

interface Options {
  closedWithinDays?: number;
  wait: boolean;
}

function parseArguments(args: string[]): Options {
  const options: Options = { wait: true };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--no-wait') options.wait = false;
    else if (arg === '--closed-within-days') {
      const days = Number(args[++index]);
      if (!Number.isInteger(days) || days < 0) throw new Error('--closed-within-days takes a whole number of days (0 or more)');
      options.closedWithinDays = days;
    } else throw new Error(`unknown argument ${arg} (use --closed-within-days N, --no-wait)`);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  const address = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7233';
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE || 'default' });
    const runId = randomUUID();
    const input: ReconciliationInput = { trigger: 'CLI', runId, requestedBy: process.env.USER ?? null, ...(options.closedWithinDays === undefined ? {} : { closedWithinDays: options.closedWithinDays }) };
    const handle = await client.workflow.start(READ_MODEL_RECONCILIATION_WORKFLOW_TYPE, {
      workflowId: readModelReconciliationWorkflowId(runId),
      taskQueue: process.env.TEMPORAL_TASK_QUEUE || 'rectification',
      args: [input],
      workflowExecutionTimeout: '6 hours',
    });
    process.stdout.write(`核对已开始：${runId}（workflow ${handle.workflowId}）\n`);
    if (!options.wait) return 0;
    const summary = (await handle.result()) as ReconciliationSummary;
    process.stdout.write(`${describeReconciliation(summary)}\n`);
    return reconciliationExitCode(summary);
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`reconciliation failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
