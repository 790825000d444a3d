import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { RECONCILIATION_SUMMARY_DRIFTS, type CaseDrift, type ReadModelReconciliationActivities, type ReconcileCasePageResult, type ReconciliationInput, type ReconciliationSummary } from '@haochaping/contracts';

/** Cases per activity call: each needs one query to its workflow, so a page stays well inside its timeout. */
export const RECONCILIATION_PAGE_SIZE = 200;

// A page is retried a few times (the database or Temporal away for a moment); a run that cannot go on is reported
// FAILED and the next day's run starts over: the reconciler never blocks the cases themselves.
const { beginReconciliation, reconcileCasePage, finishReconciliation } = proxyActivities<ReadModelReconciliationActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});
const { failReconciliation } = proxyActivities<ReadModelReconciliationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumAttempts: 10 },
});

/**
 * One run of the read model's reconciler (read-model-reconciliation.contract.ts): the report row, then the cases page
 * by page (open ones and those closed in the last N days, ids ascending), then the report closed and the county told
 * if anything drifted. No timers: the schedule decides when it runs.
 */
export async function readModelReconciliationWorkflow(input: ReconciliationInput): Promise<ReconciliationSummary> {
  const run = await beginReconciliation({
    runId: input.runId ?? null,
    trigger: input.trigger,
    requestedBy: input.requestedBy ?? null,
    closedWithinDays: input.closedWithinDays ?? null,
    workflowId: workflowInfo().workflowId,
  });
  const drifts: CaseDrift[] = [];
  try {
    let after: string | null = null;
    let checked = 0;
    do {
      const page: ReconcileCasePageResult = await reconcileCasePage({ runId: run.runId, closedSince: run.closedSince, after, limit: RECONCILIATION_PAGE_SIZE });
      checked += page.checked;
      drifts.push(...page.drifts.slice(0, RECONCILIATION_SUMMARY_DRIFTS - drifts.length));
      after = page.next;
    } while (after !== null);
    const totals = await finishReconciliation({ runId: run.runId, checked });
    return { runId: run.runId, ...totals, drifts };
  } catch (error) {
    const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    await failReconciliation({ runId: run.runId, error: message });
    throw ApplicationFailure.nonRetryable(`reconciliation run ${run.runId} failed: ${message}`, 'ERR_RECONCILIATION_FAILED');
  }
}
