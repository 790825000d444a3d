import { allHandlersFinished, condition, log, patched, setHandler } from '@temporalio/workflow';
import { RECTIFICATION_CATEGORIES, type RectificationCaseState, type RectificationWorkflowInput } from '@haochaping/contracts';
import { rectificationStateQuery } from '@haochaping/contracts/server';
import { activities } from './activity-stubs';
import { CaseRecord, SYSTEM_ACTOR } from './case-record';
import { CollaborationActions } from './collaboration-actions';
import { ExtensionActions } from './extension-actions';
import { ObligationClocks } from './obligation-clocks';
import { RectificationActions } from './rectification-actions';
import { WORKFLOW_PATCHES } from './workflow-patches';

/**
 * One durable process per bad review (谁办理、谁负责), DOMAIN.md "Handling a bad review":
 *
 *   待核实 ─verify 属实─► 整改中 ─recordRectification─► 待群众确认 ─confirm 满意─► 已办结(满意)
 *     │                  ▲  │  ▲                          │  └─ no answer in 5 working days ─► 已办结(无异议)
 *     │ 不属实/恶意       │  │  └─ decideExtension ─┐      └─ 不满意 (once) ─► 重办中 (county, level 2) ─recordRectification─► 待群众确认
 *     ▼                  │  └── requestExtension ──► 延期待审批               (不满意 again ─► 已办结(不满意))
 *   不予采纳待审核 ─deny ─┘       (协调整改, strictly before the result's due time; approve moves it, deny keeps it)
 *     └─ approve ─► 已办结(不予采纳)
 *
 * The callback (real-name reviewers only) and result clocks count from the review time under the suggested
 * category until verification decides it, and again under a reclassified category; every open obligation reminds
 * at 80%, turns overdue at its due time (level 1, town leader) and escalates one working day later (level 2,
 * county); what the county owes itself is level 2 when it runs out. See obligation-clocks.ts. Reassignment,
 * invited departments and their input, and notes change no state and no clock (collaboration-actions.ts).
 * Changes that alter the commands of running workflows go through patched() (workflow-patches.ts, README.md).
 */
export async function rectificationWorkflow(input: RectificationWorkflowInput): Promise<RectificationCaseState> {
  const context = await activities.loadReviewContext(input.reviewId);
  const record = new CaseRecord(input, context);

  // The confirmation window closing unanswered is an action of the case (无异议); the clocks only say when.
  const clocks: ObligationClocks = new ObligationClocks(record, context.slaPolicy, (): Promise<void> => actions.closeUnanswered());
  const actions = new RectificationActions(record, clocks, context);
  const extensions = new ExtensionActions(record, clocks, context);
  const collaboration = new CollaborationActions(record);

  const categoryClocks = context.slaPolicy.categories[record.state.clockCategory];
  await Promise.all([
    context.canCallBack ? clocks.open('callback', input.reviewedAt, categoryClocks.callback) : undefined,
    clocks.open('result', input.reviewedAt, categoryClocks.result),
  ]);
  record.note(SYSTEM_ACTOR, `差评已受理，交由${context.hallName}核实`, {
    suggestedCategory: context.suggestedCategory,
    clockCategory: RECTIFICATION_CATEGORIES[record.state.clockCategory],
    slaPolicyVersion: context.slaPolicy.version,
    canCallBack: context.canCallBack,
    dueAt: Object.fromEntries(Object.entries(record.state.obligations).map(([kind, obligation]) => [kind, obligation?.dueAt])),
  });
  // The state query and the updates appear together: whoever can see the case (query or read model) can act on it.
  // An update sent before this point is rejected by the SDK ("No registered handler"), so nothing reveals the case
  // earlier.
  actions.register();
  extensions.register();
  collaboration.register();
  setHandler(rectificationStateQuery, () => record.state);
  await Promise.all([
    record.project(),
    patched(WORKFLOW_PATCHES.noticeOfNewCase)
      ? activities.notify({
          kind: 'CASE_OPENED',
          reviewId: input.reviewId,
          recipientRole: 'HANDLER',
          hallCode: context.hallCode,
          // The first due time the hall faces (the callback, or the result for an anonymous reviewer); the notice is
          // about the new case, not about one obligation's clock.
          dueAt: record.state.obligations[context.canCallBack ? 'callback' : 'result']?.dueAt,
        })
      : undefined,
  ]);
  log.info('rectification case opened', { reviewId: input.reviewId, hallCode: context.hallCode });

  await condition(() => record.state.state === 'CLOSED');
  await clocks.settled();
  await condition(allHandlersFinished);
  return record.state;
}
