import { allHandlersFinished, condition, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  RECTIFICATION_STATES,
  rectificationStateQuery,
  type RectificationActivities,
  type RectificationCaseState,
  type RectificationState,
  type RectificationWorkflowInput,
} from '@haochaping/contracts';

// Reading the database and writing the read model are quick and idempotent: retry them for as long as
// PostgreSQL is away, so a database outage delays a case instead of losing it.
const { loadReviewContext, projectCase } = proxyActivities<RectificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One durable process per bad review (谁办理、谁负责). This walking skeleton opens the case in 待核实
 * and keeps it there until a person acts; the actions, clocks and escalation come with the workflow issue.
 */
export async function rectificationWorkflow(input: RectificationWorkflowInput): Promise<RectificationCaseState> {
  const context = await loadReviewContext(input.reviewId);

  const caseState: RectificationCaseState = {
    reviewId: input.reviewId,
    hallCode: context.hallCode,
    hallName: context.hallName,
    level: input.level,
    state: 'PENDING_VERIFICATION',
    stateLabel: RECTIFICATION_STATES.PENDING_VERIFICATION,
    openedAt: new Date(workflowInfo().startTime).toISOString(),
    timeline: [],
  };
  setHandler(rectificationStateQuery, () => caseState);

  const transition = async (to: RectificationState, actor: string, action: string): Promise<void> => {
    caseState.state = to;
    caseState.stateLabel = RECTIFICATION_STATES[to];
    caseState.timeline.push({ at: new Date().toISOString(), actor, action });
    await projectCase(caseState);
  };

  await transition('PENDING_VERIFICATION', 'system', `差评已受理，交由${context.hallName}核实`);
  log.info('rectification case opened', { reviewId: input.reviewId, hallCode: context.hallCode });

  await condition(() => caseState.state === 'CLOSED');
  await condition(allHandlersFinished);
  return caseState;
}
