import type { PrismaService } from '../prisma/prisma.service';
import { TimelineNamesService } from './timeline-names.service';

/** The look-up over a stub database: how many statements a timeline costs, whatever its length. */
describe('TimelineNamesService', () => {
  const handlerId = '0b2b6df8-1111-4a4a-8b8b-000000000001';
  const queryRaw = jest.fn();
  const service = new TimelineNamesService({ client: { $queryRaw: queryRaw } } as unknown as PrismaService);
  const facts = { hallName: '金屯镇', invitedDepartmentCodes: ['yibao'] };

  beforeEach(() => {
    queryRaw.mockReset();
    queryRaw.mockResolvedValue([
      { kind: 'ACCOUNT', key: handlerId, name: '张三', departmentCodes: [] },
      { kind: 'DEPARTMENT', key: 'yibao', name: '医保局', departmentCodes: null },
    ]);
  });

  it('names a long timeline with one statement', async () => {
    const entries = Array.from({ length: 40 }, (_, index) => ({
      actor: index % 2 === 0 ? handlerId : 'system',
      action: index === 1 ? '邀请县直部门协同整改：yibao' : '添加备注',
      details: index % 2 === 0 ? { actorRole: 'HANDLER' } : { actorRole: 'SYSTEM', departmentCodes: ['yibao'] },
    }));
    const labelled = await service.label(entries, facts);
    expect(queryRaw).toHaveBeenCalledTimes(1);
    expect(labelled.slice(0, 2).map((entry) => [entry.actorLabel, entry.actionLabel])).toEqual([
      ['经办人 张三', '添加备注'],
      ['系统', '邀请县直部门协同整改：医保局'],
    ]);
  });

  it('asks nothing when no entry names an account or a department', async () => {
    const labelled = await service.label([{ actor: 'system', action: '差评已受理，交由金屯镇核实', details: { actorRole: 'SYSTEM' } }], { hallName: '金屯镇', invitedDepartmentCodes: [] });
    expect(queryRaw).not.toHaveBeenCalled();
    expect(labelled[0]).toMatchObject({ actorLabel: '系统', actionLabel: '差评已受理，交由金屯镇核实', departments: [] });
  });
});
