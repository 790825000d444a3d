import { ERR_FORBIDDEN, ERR_INVALID_ARGUMENT, type Actor } from '@haochaping/contracts';
import {
  addNoteUpdate,
  reassignUpdate,
  recordCallbackUpdate,
  recordRectificationUpdate,
  rectificationStateQuery,
  verifyUpdate,
} from '@haochaping/contracts/server';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { actors, type CaseHandle, useTimeSkippingHarness, type RectificationHarness, readModelOf } from './helpers/rectification-harness';

const NUL = 'a\u0000b';
const LONE_HIGH_SURROGATE = 'a\ud800b';
const LONE_LOW_SURROGATE = 'a\udc00b';

describe('text the read model cannot store, and a projection that can never succeed', () => {
  let env: TestWorkflowEnvironment;
  let harness: RectificationHarness;
  useTimeSkippingHarness((suite) => ({ env, harness } = suite));

  const note = (handle: CaseHandle, text: string, actor: Actor = actors.handler) => handle.executeUpdate(addNoteUpdate, { args: [{ actor, text }] });
  const verify = (handle: CaseHandle, notes = '属实') =>
    handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category: 'IMMEDIATE', notes }] });

  describe('every update refuses text PostgreSQL cannot store (ERR_INVALID_ARGUMENT, naming the field), the case unchanged', () => {
    // [what, the field the refusal names, the update]
    it.each<[string, string, (handle: CaseHandle, reviewedAt: string) => Promise<unknown>]>([
      ['a note with NUL', 'text', (h) => note(h, NUL)],
      ['a note with a lone high surrogate', 'text', (h) => note(h, LONE_HIGH_SURROGATE)],
      ['a note with a lone low surrogate', 'text', (h) => note(h, LONE_LOW_SURROGATE)],
      ['a reassignment to a name with NUL', 'assignee.name', (h) => h.executeUpdate(reassignUpdate, { args: [{ actor: actors.townLeader, assignee: { userId: 'handler-li', name: NUL } }] })],
      ['a verification whose notes hold NUL', 'notes', (h) => verify(h, NUL)],
      [
        'a callback whose summary holds a lone surrogate',
        'summary',
        (h, reviewedAt) => h.executeUpdate(recordCallbackUpdate, { args: [{ actor: actors.handler, at: reviewedAt, method: 'PHONE', reached: true, summary: LONE_HIGH_SURROGATE }] }),
      ],
      ['an actor whose user id holds NUL', 'actor.userId', (h) => note(h, '备注', { ...actors.handler, userId: NUL })],
    ])('%s', async (_what, field, act) => {
      const { handle, reviewedAt } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => act(handle, reviewedAt));
      await expect(act(handle, reviewedAt)).rejects.toMatchObject({ cause: { message: expect.stringContaining(`（${field}）`) as string } });
    });

    it('after the role check: a citizen is refused as a citizen (403), whatever the text', async () => {
      const { handle } = await harness.openCase();
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => note(handle, NUL, actors.citizen));
    });

    it('takes Chinese text and characters outside the BMP (a surrogate pair is one character)', async () => {
      const { handle } = await harness.openCase();
      const noted = await note(handle, '已约评价人 👍 𠀀');
      expect(noted.notes.at(-1)?.text).toBe('已约评价人 👍 𠀀');
    });
  });

  describe('a projection failing for good (ERR_PROJECTION_INVALID)', () => {
    it('is reported to the county once; later updates answer, the clocks run on, and the read model catches up once it can', async () => {
      const { reviewId, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
      harness.unwritable.add(reviewId);
      const projectedBefore = harness.projected.get(reviewId)?.length;

      // Each of these would wait forever if the failed projection were retried, or fail if it failed the handler.
      const noted = await note(handle, '已约评价人');
      expect(noted.notes.at(-1)?.text).toBe('已约评价人');
      const verified = await verify(handle);
      expect(verified.state).toBe('RECTIFYING');
      const countyNotices = () => harness.notificationsFor(reviewId).filter((request) => request.kind === 'PROJECTION_FAILED');
      expect(countyNotices()).toEqual([{ kind: 'PROJECTION_FAILED', reviewId, recipientRole: 'COUNTY_SUPERVISOR', hallCode: 'jintun' }]);
      expect(harness.projected.get(reviewId)?.length).toBe(projectedBefore);

      // The callback clock (立整立改: 1 working hour) still turns overdue and tells the town leader.
      await env.sleep('2 hours');
      await harness.eventually(handle, (state) => state.obligations.callback?.overdue === true);
      expect(harness.notificationsFor(reviewId)).toContainEqual(expect.objectContaining({ kind: 'OVERDUE_LEVEL_1', obligation: 'callback' }));
      expect(countyNotices()).toHaveLength(1);

      harness.unwritable.delete(reviewId);
      const rectified = await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '整改措施', result: '整改结果' }] });
      expect(harness.projected.get(reviewId)?.at(-1)).toEqual(readModelOf(rectified));
      expect(await handle.query(rectificationStateQuery)).toEqual(rectified);
    });

    it('a projection failure a retry may cure (the database away) is retried until it passes, and nobody is told', async () => {
      const { reviewId, handle } = await harness.openCase();
      const project = harness.mocks.projectCaseChanges.getMockImplementation()!;
      harness.mocks.projectCaseChanges
        .mockImplementationOnce(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')))
        .mockImplementationOnce(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')));
      try {
        const noted = await note(handle, '已约评价人');
        expect(harness.projected.get(reviewId)?.at(-1)).toEqual(readModelOf(noted));
        expect(harness.notificationsFor(reviewId).filter((request) => request.kind === 'PROJECTION_FAILED')).toEqual([]);
      } finally {
        harness.mocks.projectCaseChanges.mockImplementation(project);
      }
    });
  });
});
