import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Actor, type RectificationCaseState, type RectificationCategory } from '@haochaping/contracts';
import {
  addNoteUpdate,
  confirmUpdate,
  decideExtensionUpdate,
  decideRejectionUpdate,
  inviteDepartmentsUpdate,
  reassignUpdate,
  reclassifyUpdate,
  recordCallbackUpdate,
  recordDepartmentInputUpdate,
  recordRectificationUpdate,
  requestExtensionUpdate,
  verifyUpdate,
} from '@haochaping/contracts/server';
import { actors, addHours, type CaseHandle, type CaseScenario, type RectificationHarness } from './rectification-harness';

/**
 * The main paths of a case, each run to its end. The same scenarios are the time-skipping tests of
 * main-paths.workflow.test.ts and the histories recorded under test/histories/ (RECORD_HISTORIES=<tag>), which
 * replay-histories.workflow.test.ts replays against the current workflow code.
 */
export interface MainPath {
  /** File name stem of its histories: `<name>.<tag>.json`. */
  name: string;
  description: string;
  run(harness: RectificationHarness, env: TestWorkflowEnvironment): Promise<CaseHandle>;
  /** What the finished case looks like. */
  outcome: Partial<RectificationCaseState>;
}

/** 属实 in `category`, verified by the hall's handler unless `actor` says otherwise. */
const verifyTrue = (handle: CaseHandle, category: RectificationCategory, notes: string, actor: Actor = actors.handler) =>
  handle.executeUpdate(verifyUpdate, { args: [{ actor, finding: 'TRUE', category, notes }] });
/** A case opened now with `category` suggested, verified at once by the handler as 属实 in that category. */
async function openVerified(harness: RectificationHarness, category: RectificationCategory, notes: string, scenario: Omit<CaseScenario, 'suggestedCategory'> = {}) {
  const opened = await harness.openCase({ suggestedCategory: category, ...scenario });
  await verifyTrue(opened.handle, category, notes);
  return opened;
}
const rectify = (handle: CaseHandle, actor: Actor = actors.handler) =>
  handle.executeUpdate(recordRectificationUpdate, { args: [{ actor, measures: '整改措施', result: '整改结果' }] });
/** How most paths end: the result recorded (by the handler unless `actor` says otherwise), then the reviewer's 满意. */
async function rectifiedAndSatisfied(handle: CaseHandle, actor: Actor = actors.handler): Promise<CaseHandle> {
  await rectify(handle, actor);
  await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'SATISFIED' }] });
  return handle;
}
const reachedCallback = (handle: CaseHandle, at: string) =>
  handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: actors.handler, at, method: 'PHONE', reached: true, summary: '已电话联系', initialReply: '马上整改' }] });

export const MAIN_PATHS: readonly MainPath[] = [
  {
    name: 'satisfied',
    description: '立整立改: verified, called back, rectified, 满意',
    outcome: { outcome: 'SATISFIED', callbackOutcome: 'REACHED' },
    async run(harness) {
      const { reviewedAt, handle } = await openVerified(harness, 'IMMEDIATE', '态度生硬属实');
      await reachedCallback(handle, reviewedAt);
      return rectifiedAndSatisfied(handle);
    },
  },
  {
    name: 'rejection-approved',
    description: '不属实 proposed, the county approves: 不予采纳',
    outcome: { outcome: 'REJECTED' },
    async run(harness) {
      const { handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'UNTRUE', evidenceNotes: '监控显示未到窗口' }] });
      await handle.executeUpdate(decideRejectionUpdate, { args: [{ actor: actors.county, decision: 'APPROVE', reason: '证据充分' }] });
      return handle;
    },
  },
  {
    name: 'rejection-denied-no-objection',
    description: '恶意评价 proposed, the county denies after the callback ran out; rectified; no answer: 无异议',
    outcome: { outcome: 'NO_OBJECTION' },
    async run(harness, env) {
      const { handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'MALICIOUS', evidenceNotes: '同一号码连续差评' }] });
      await env.sleep('50 hours');
      await handle.executeUpdate(decideRejectionUpdate, { args: [{ actor: actors.county, decision: 'DENY', reason: '证据不足' }] });
      await rectify(handle);
      await env.sleep('6 days');
      return handle;
    },
  },
  {
    name: 'reopened-unsatisfied',
    description: '不满意 reopens the case for the county; its clock reminds and runs out; 不满意 again',
    outcome: { outcome: 'UNSATISFIED', owner: 'COUNTY', reopenCount: 1 },
    async run(harness, env) {
      const { handle } = await openVerified(harness, 'IMMEDIATE', '设施损坏属实', { canCallBack: false });
      await rectify(handle);
      await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'UNSATISFIED' }] });
      await env.sleep('26 hours');
      await harness.eventually(handle, (s) => s.obligations.result?.overdue === true);
      await rectify(handle, actors.county);
      await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'UNSATISFIED' }] });
      return handle;
    },
  },
  {
    name: 'reclassified',
    description: '立整立改 → 限时整改 → 立整立改 (overdue at once); rectified; 满意',
    outcome: { outcome: 'SATISFIED', category: 'IMMEDIATE' },
    async run(harness, env) {
      const { reviewedAt, handle } = await openVerified(harness, 'IMMEDIATE', '属实');
      await handle.executeUpdate(reclassifyUpdate, { args: [{ actor: actors.townLeader, category: 'TIME_LIMITED', reason: '涉及办理流程' }] });
      await env.sleep('2 hours');
      await handle.executeUpdate(reclassifyUpdate, { args: [{ actor: actors.handler, category: 'IMMEDIATE', reason: '实为态度问题' }] });
      await harness.eventually(handle, (s) => s.obligations.callback?.overdue === true);
      await reachedCallback(handle, addHours(reviewedAt, 1.5));
      return rectifiedAndSatisfied(handle);
    },
  },
  {
    name: 'extension-approved',
    description: '协调整改 with invited departments and their input; an extension approved; rectified; 满意',
    outcome: { outcome: 'SATISFIED', category: 'COORDINATED' },
    async run(harness, env) {
      const { reviewedAt, handle } = await openVerified(harness, 'COORDINATED', '多部门');
      await reachedCallback(handle, reviewedAt);
      await handle.executeUpdate(inviteDepartmentsUpdate, { args: [{ actor: actors.handler, departmentCodes: ['yibao', 'renshe'] }] });
      await handle.executeUpdate(recordDepartmentInputUpdate, { args: [{ actor: actors.yibaoGuide, text: '医保局意见' }] });
      await env.sleep('48 hours');
      const contactedAt = await harness.now();
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [{ actor: actors.handler, reason: '需调取历史记录', newDueAt: addHours(reviewedAt, 360), contactedAt, contactMethod: 'PHONE', reviewerResponse: '同意' }],
      });
      await handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: actors.county, decision: 'APPROVE', reason: '同意延期' }] });
      await env.sleep('250 hours');
      return rectifiedAndSatisfied(handle);
    },
  },
  {
    name: 'extension-denied',
    description: '协调整改: an extension the county decides late and denies; the original result clock runs out; rectified; 满意',
    outcome: { outcome: 'SATISFIED', category: 'COORDINATED' },
    async run(harness, env) {
      const { reviewedAt, handle } = await openVerified(harness, 'COORDINATED', '多部门', { canCallBack: false });
      await env.sleep('100 hours');
      await handle.executeUpdate(requestExtensionUpdate, { args: [{ actor: actors.townLeader, reason: '需协调', newDueAt: addHours(reviewedAt, 400) }] });
      await env.sleep('25 hours');
      await harness.eventually(handle, (s) => s.obligations.extensionDecision?.overdue === true);
      await handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: actors.county, decision: 'DENY', reason: '不同意' }] });
      await env.sleep('120 hours');
      await harness.eventually(handle, (s) => s.obligations.result?.overdue === true);
      return rectifiedAndSatisfied(handle);
    },
  },
  {
    name: 'reassigned-with-notes',
    description: 'reassigned twice, notes by the hall and the county; 限时整改 rectified; 满意',
    outcome: { outcome: 'SATISFIED' },
    async run(harness) {
      const { reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
      await handle.executeUpdate(reassignUpdate, { args: [{ actor: actors.townLeader, assignee: { userId: 'handler-li', name: '李明' } }] });
      await handle.executeUpdate(addNoteUpdate, { args: [{ actor: actors.handler, text: '已约评价人' }] });
      await verifyTrue(handle, 'TIME_LIMITED', '属实');
      await handle.executeUpdate(reassignUpdate, { args: [{ actor: actors.county, assignee: { userId: 'handler-wang', name: '王芳' }, reason: '休假' }] });
      await handle.executeUpdate(addNoteUpdate, { args: [{ actor: actors.county, text: '请本周办结' }] });
      await reachedCallback(handle, reviewedAt);
      return rectifiedAndSatisfied(handle);
    },
  },
  {
    name: 'callback-unreachable',
    description: 'unreached callbacks on three working days: 无法联系; rectified; no answer: 无异议',
    outcome: { outcome: 'NO_OBJECTION', callbackOutcome: 'UNREACHABLE' },
    async run(harness, env) {
      const { reviewedAt, handle } = await openVerified(harness, 'TIME_LIMITED', '属实');
      await env.sleep('3 days');
      for (const hours of [1, 2, 25, 49]) {
        await handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: actors.handler, at: addHours(reviewedAt, hours), method: 'PHONE', reached: false, summary: '无人接听' }] });
      }
      await rectify(handle);
      await env.sleep('6 days');
      return handle;
    },
  },
  {
    name: 'projection-invalid',
    description: 'the read model refuses the state for good from the first note on: the county is told once; verified, called back, rectified, 满意',
    outcome: { outcome: 'SATISFIED', callbackOutcome: 'REACHED' },
    async run(harness) {
      const { reviewId, reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
      harness.unwritable.add(reviewId);
      await handle.executeUpdate(addNoteUpdate, { args: [{ actor: actors.handler, text: '已约评价人' }] });
      await verifyTrue(handle, 'IMMEDIATE', '属实');
      await reachedCallback(handle, reviewedAt);
      return rectifiedAndSatisfied(handle);
    },
  },
  {
    name: 'escalated-before-verification',
    description: 'nobody verifies for a month: reminders, overdue, county escalation; then verified, rectified, 满意',
    outcome: { outcome: 'SATISFIED', escalationLevel: 2 },
    async run(harness, env) {
      const { reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
      await env.sleep('30 days');
      await harness.eventually(handle, (s) => s.obligations.result?.escalationLevel === 2);
      await verifyTrue(handle, 'IMMEDIATE', '属实', actors.county);
      await reachedCallback(handle, addHours(reviewedAt, 700));
      return rectifiedAndSatisfied(handle, actors.county);
    },
  },
];
