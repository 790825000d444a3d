import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import type { OnlineReviewPullActivities, OnlineReviewPullInput } from './online-review-pull.contract';

// A page fails as a whole while the upstream or the intake is away (no answer, 5xx): retried, for as long as it
// takes, from the same stored cursor. Reviews the page already handed over are answered as stored the second time.
const { pullOnlineReviews } = proxyActivities<OnlineReviewPullActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * The pull driver of online reviews (docs/EXCHANGE.md), one per namespace (ONLINE_REVIEW_PULL_WORKFLOW_ID), started by
 * the worker when EXCHANGE_PULL_API_KEY is set. A full page is followed at once by the next; a short one means the
 * feed is read to its end, and the loop rests `intervalMs` before asking again. The position lives in the database
 * (exchange_pull_cursor), not in the workflow: a new run, or a new workflow after the old one was lost, goes on from
 * the last page stored.
 */
export async function onlineReviewPullWorkflow(input: OnlineReviewPullInput): Promise<void> {
  const { settings } = input;
  for (let page = 0; page < settings.pagesPerRun; page++) {
    const result = await pullOnlineReviews(settings.pageSize);
    if (result.items < settings.pageSize) await sleep(settings.intervalMs);
  }
  await continueAsNew<typeof onlineReviewPullWorkflow>({ settings });
}
