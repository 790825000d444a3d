import {
  ERR_FORBIDDEN,
  ERR_INVALID_ARGUMENT,
  ERR_INVALID_STATE,
  type Actor,
  type RectificationCategory,
} from '@haochaping/contracts';
import {
  addNoteUpdate,
  rectificationStateQuery,
  inviteDepartmentsUpdate,
  reassignUpdate,
  recordDepartmentInputUpdate,
  verifyUpdate,
} from '@haochaping/contracts/server';
import { actors, type CaseHandle, useTimeSkippingHarness, type RectificationHarness } from './helpers/rectification-harness';

describe('who works on a case: reassignment, invited departments, notes', () => {
  let harness: RectificationHarness;
  useTimeSkippingHarness((suite) => ({ harness } = suite));

  async function verifiedCase(category: RectificationCategory) {
    const opened = await harness.openCase({ suggestedCategory: category });
    await opened.handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category, notes: '属实' }] });
    return opened;
  }

  const reassign = (handle: CaseHandle, actor: Actor, userId: string, name: string) =>
    handle.executeUpdate(reassignUpdate, { args: [{ actor, assignee: { userId, name }, reason: '原经办人休假' }] });

  describe('reassign', () => {
    it('the town leader hands the case to another handler of the hall, the county later to a third; the timeline keeps both; state and clocks stay', async () => {
      const { reviewId, handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
      const before = (await handle.query(rectificationStateQuery)).obligations;

      const first = await reassign(handle, actors.townLeader, 'handler-li', ' 李明 ');
      expect(first).toMatchObject({ state: 'PENDING_VERIFICATION', assignee: { userId: 'handler-li', name: '李明', assignedBy: actors.townLeader.userId } });
      expect(first.obligations).toEqual(before);
      expect(first.timeline.at(-1)).toMatchObject({ actor: actors.townLeader.userId, action: '改派经办人：李明' });
      expect(first.timeline.at(-1)?.details).toMatchObject({ actorRole: 'TOWN_LEADER', assigneeUserId: 'handler-li', assigneeName: '李明', previousAssigneeUserId: null, reason: '原经办人休假' });
      expect(harness.notificationsFor(reviewId)).toContainEqual({ kind: 'REASSIGNED', reviewId, recipientRole: 'HANDLER', hallCode: 'jintun', recipientUserId: 'handler-li' });

      const second = await reassign(handle, actors.county, 'handler-wang', '王芳');
      expect(second.assignee).toMatchObject({ userId: 'handler-wang', name: '王芳', assignedBy: actors.county.userId });
      expect(second.timeline.at(-1)?.details).toMatchObject({ previousAssigneeUserId: 'handler-li', previousAssigneeName: '李明' });
    });

    it('refuses a handler, a town leader of another hall, the current assignee again, and an assignee without a name', async () => {
      const { handle } = await harness.openCase();
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => reassign(handle, actors.handler, 'handler-li', '李明'));
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => reassign(handle, actors.otherHallLeader, 'handler-li', '李明'));
      await reassign(handle, actors.townLeader, 'handler-li', '李明');
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => reassign(handle, actors.townLeader, 'handler-li', '李明'));
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => reassign(handle, actors.townLeader, 'handler-zhao', ' '));
    });
  });

  describe('invite departments (协调整改) and their input', () => {
    const invite = (handle: CaseHandle, departmentCodes: string[], actor: Actor = actors.handler) =>
      handle.executeUpdate(inviteDepartmentsUpdate, { args: [{ actor, departmentCodes, note: '请协助核查参保记录' }] });
    const input = (handle: CaseHandle, actor: Actor, text = '已核查参保记录，系统数据需人工校正', departmentCode?: string) =>
      handle.executeUpdate(recordDepartmentInputUpdate, { args: [{ actor, text, ...(departmentCode ? { departmentCode } : {}) }] });

    it('the handler invites 医保局 and 人社局; 医保局’s guide records its input; a guide of 民政局 (not invited) is refused', async () => {
      const { reviewId, handle } = await verifiedCase('COORDINATED');
      const invited = await invite(handle, ['yibao', 'renshe']);
      expect(invited.invitedDepartments).toEqual([
        expect.objectContaining({ departmentCode: 'yibao', invitedBy: actors.handler.userId }),
        expect.objectContaining({ departmentCode: 'renshe', invitedBy: actors.handler.userId }),
      ]);
      expect(invited.timeline.at(-1)?.action).toBe('邀请县直部门协同整改：yibao、renshe');
      expect(invited.timeline.at(-1)?.details).toMatchObject({ departmentCodes: ['yibao', 'renshe'], invitedDepartmentCodes: ['yibao', 'renshe'], note: '请协助核查参保记录' });
      expect(harness.notificationsFor(reviewId)).toContainEqual(expect.objectContaining({ kind: 'DEPARTMENTS_INVITED', recipientRole: 'DEPT_GUIDE', departmentCodes: ['yibao', 'renshe'] }));

      const withInput = await input(handle, actors.yibaoGuide);
      expect(withInput.state).toBe('RECTIFYING');
      expect(withInput.departmentInputs).toEqual([expect.objectContaining({ departmentCode: 'yibao', text: '已核查参保记录，系统数据需人工校正', recordedBy: actors.yibaoGuide.userId })]);
      expect(withInput.timeline.at(-1)).toMatchObject({ actor: actors.yibaoGuide.userId, action: '县直部门（yibao）登记协办意见' });

      // A guide of a department nobody invited, even one whose hall codes name the case's hall.
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => input(handle, actors.minzhengGuide));
      // A guide of two invited departments must say for which.
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => input(handle, actors.twoDepartmentGuide));
      const forRenshe = await input(handle, actors.twoDepartmentGuide, '人社局意见', 'renshe');
      expect(forRenshe.departmentInputs.map((entry) => entry.departmentCode)).toEqual(['yibao', 'renshe']);
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => input(handle, actors.yibaoGuide, '冒用其他部门', 'renshe'));
      // The same department twice, and a code that is no code.
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => invite(handle, ['yibao']));
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => invite(handle, ['min zheng']));
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => invite(handle, []));
    });

    it('refuses invitations on another category (409), by the citizen or a guide (403)', async () => {
      const { handle } = await verifiedCase('TIME_LIMITED');
      await harness.expectRefused(handle, ERR_INVALID_STATE, () => invite(handle, ['yibao']));
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => invite(handle, ['yibao'], actors.citizen));
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => invite(handle, ['yibao'], actors.yibaoGuide));
      const pending = await harness.openCase({ suggestedCategory: 'COORDINATED' });
      await harness.expectRefused(pending.handle, ERR_INVALID_STATE, () => invite(pending.handle, ['yibao'])); // not yet verified
    });
  });

  describe('add a note', () => {
    const note = (handle: CaseHandle, actor: Actor, text: string) => handle.executeUpdate(addNoteUpdate, { args: [{ actor, text }] });

    it('anyone with scope adds a note: the handler, the county, an invited department’s guide; nothing else changes', async () => {
      const { handle } = await verifiedCase('COORDINATED');
      await handle.executeUpdate(inviteDepartmentsUpdate, { args: [{ actor: actors.handler, departmentCodes: ['yibao'] }] });
      const before = await handle.query(rectificationStateQuery);
      await note(handle, actors.handler, '  已约评价人周三面谈 ');
      await note(handle, actors.county, '请于本周内反馈进展');
      const noted = await note(handle, actors.yibaoGuide, '医保局派员参加面谈');
      expect(noted.notes).toEqual([
        expect.objectContaining({ text: '已约评价人周三面谈', recordedBy: actors.handler.userId, actorRole: 'HANDLER' }),
        expect.objectContaining({ text: '请于本周内反馈进展', recordedBy: actors.county.userId, actorRole: 'COUNTY_SUPERVISOR' }),
        expect.objectContaining({ text: '医保局派员参加面谈', recordedBy: actors.yibaoGuide.userId, actorRole: 'DEPT_GUIDE' }),
      ]);
      expect(noted.timeline.slice(-3).map((entry) => [entry.actor, entry.action, entry.details?.text])).toEqual([
        [actors.handler.userId, '添加备注', '已约评价人周三面谈'],
        [actors.county.userId, '添加备注', '请于本周内反馈进展'],
        [actors.yibaoGuide.userId, '添加备注', '医保局派员参加面谈'],
      ]);
      expect({ ...noted, notes: [], timeline: [] }).toEqual({ ...before, notes: [], timeline: [] });
    });

    it('refuses the citizen, another hall’s handler, a guide of a department not invited, an admin, and a blank note', async () => {
      const { handle } = await harness.openCase();
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => note(handle, actors.citizen, '催办'));
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => note(handle, actors.otherHallHandler, '备注'));
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => note(handle, actors.minzhengGuide, '备注'));
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => note(handle, actors.admin, '备注'));
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => note(handle, actors.handler, '   '));
    });
  });
});
