import { proxyActivities } from '@temporalio/workflow';
import type { SettleReport } from '@haochaping/db';
import type { FigureDaysActivities } from './figure-days.activities';

const { settleFigureDays } = proxyActivities<FigureDaysActivities>({
  // A county's first run counts its whole history (a month per transaction, a heartbeat after each).
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '10 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumAttempts: 5 },
});

/** One run of the results' daily aggregates, started by the Temporal Schedule (figure-days.schedule.ts). */
export async function figureDaysWorkflow(): Promise<SettleReport> {
  return settleFigureDays({ at: new Date().toISOString() });
}
