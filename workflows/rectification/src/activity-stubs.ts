import { proxyActivities } from '@temporalio/workflow';
import type { RectificationActivities } from '@haochaping/contracts';

// Reading the database, computing a deadline, writing the read model and handing a message to the notifier are
// quick and idempotent (or at-least-once by contract): retry them for as long as their dependency is away, so an
// outage delays a case instead of losing it.
export const activities = proxyActivities<RectificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
