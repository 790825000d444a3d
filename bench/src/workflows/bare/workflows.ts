import { CancellationScope, condition, defineUpdate, patched, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { BareActivities } from './activities';

const { loadContext, computeDeadline, notify, project, deadlineFired } = proxyActivities<BareActivities>({ startToCloseTimeout: '1 minute' });

/** An action on the case: one projection, as the rectification workflow's updates do (close ends it). */
export const actUpdate = defineUpdate<string, [string]>('act');

/**
 * The bare baseline of bench:workflows' sustained starts (issue 16, P2): the commands the rectification workflow
 * issues from its start until its case is in the read model — one activity reading the review, two computing the
 * clocks' deadlines, two timers started, two `patched()` markers (each a marker and a search-attribute upsert), a
 * notice and a projection — with activities that do no database work, on the same Temporal server. It then waits,
 * as an open case does, on its timers and for updates.
 */
export async function bareCase(reviewId: string): Promise<void> {
  let closed = false;
  setHandler(actUpdate, async (action) => {
    await project(reviewId, action);
    if (action === 'close') closed = true;
    return action;
  });
  const context = await loadContext(reviewId);
  patched('bare-case-opened');
  const clocks = new CancellationScope();
  const deadlines = await Promise.all([computeDeadline(context, 'callback'), computeDeadline(context, 'result')]);
  for (const due of deadlines) void clocks.run(() => sleep(Math.max(1, Date.parse(due) - Date.now()))).catch(() => undefined);
  patched('bare-case-notified');
  await Promise.all([notify(reviewId), project(reviewId, 'PENDING_VERIFICATION')]);
  await condition(() => closed);
  clocks.cancel();
}

/** P5's bare baseline: a timer until `dueAt`, then an activity doing nothing (what an escalation is, bare). */
export async function bareDeadline(dueAt: string): Promise<void> {
  await sleep(Math.max(1, Date.parse(dueAt) - Date.now()));
  await deadlineFired(dueAt);
}
