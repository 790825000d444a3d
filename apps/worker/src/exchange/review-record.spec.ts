import { recordErrors } from '@haochaping/upstream-sim';
import type { ReviewChannel } from '@haochaping/db';
import { CHANNEL_MAPPINGS, pfOf, reviewRecord, type ExchangeSender, type ReviewForExchange } from './review-record';

const sender: ExchangeSender = { areaCode: '370829', dataSource: 'JXXHCP', channelMapping: 'national' };

/** A window-QR rating of a completed case, with everything the record can carry. */
const rated: ReviewForExchange = {
  id: '5f1c7a52-9b0e-4c1f-8d4e-0c2b1a3d4e5f',
  level: 2,
  optionCodes: ['A1'],
  optionSetVersion: 1,
  comment: '排队时间太长',
  channel: 'WINDOW_QR',
  createdAt: new Date('2026-11-30T02:00:00.000Z'),
  hallCode: 'jintun',
  hallName: '金屯镇便民服务中心',
  itemCode: 'RS-001',
  itemName: '城乡居民养老保险参保登记',
  deptCode: '11370829MB2857318X',
  deptName: '嘉祥县人力资源和社会保障局',
  caseNumber: 'JX-2026-0001',
  caseReceivedAt: new Date('2026-11-27T16:30:00.000Z'),
  caseCompletedAt: new Date('2026-11-29T08:00:00.000Z'),
  applicantKind: 'PERSON',
};

/** A 随时可评 item about the hall: no item, no case, no reasons, no text. */
const feedback: ReviewForExchange = {
  ...rated,
  id: '7a0d2b6e-1111-4c1f-8d4e-0c2b1a3d4e5f',
  level: 5,
  optionCodes: [],
  optionSetVersion: null,
  comment: null,
  channel: 'HOTLINE',
  itemCode: null,
  itemName: null,
  deptCode: null,
  deptName: null,
  caseNumber: null,
  caseReceivedAt: null,
  caseCompletedAt: null,
  applicantKind: null,
};

describe('our review → the upstream REVIEW record (docs/EXCHANGE.md)', () => {
  /** The upstream's own check (apps/upstream-sim's JSON Schema): no errors. */
  const validReview = (record: Record<string, unknown>) => recordErrors(record).length === 0;

  describe('pf through the national channel table, the raw channel kept', () => {
    const table: Array<[ReviewChannel, number]> = [
      ['WINDOW_QR', 3],
      ['CASE_INVITATION', 2],
      ['ONLINE_PORTAL', 1],
      ['PUBLIC_FORM', 2],
      ['FAULT_WINDOW', 5],
      ['MAILBOX', 5],
      ['HOTLINE', 5],
      ['SUPERVISION_PLATFORM', 5],
      ['EMAIL', 5],
    ];
    it('names every channel of the schema', () => {
      expect(Object.keys(CHANNEL_MAPPINGS.national).sort()).toEqual(table.map(([channel]) => channel).sort());
    });
    it.each(table)('%s → pf %d, channelRaw %s', (channel, pf) => {
      expect(pfOf(channel, 'national')).toBe(pf);
      const record = reviewRecord({ ...rated, channel }, sender);
      expect(record).toMatchObject({ pf, channelRaw: channel });
      expect(validReview(record)).toBe(true);
    });
  });

  it('a rated case: every field from the review, its hall, item, department and case', () => {
    const record = reviewRecord(rated, sender);
    expect(record).toEqual({
      type: 'REVIEW',
      id: rated.id,
      areaCode: '370829',
      orgCode: 'jintun',
      orgName: '金屯镇便民服务中心',
      deptCode: '11370829MB2857318X',
      deptName: '嘉祥县人力资源和社会保障局',
      taskCode: 'RS-001',
      taskName: '城乡居民养老保险参保登记',
      projectNo: 'JX-2026-0001',
      handleDeptName: '金屯镇便民服务中心',
      projectStatus: 'COMPLETED',
      pf: 3,
      channelRaw: 'WINDOW_QR',
      evaluatorType: 1,
      satisfaction: 2,
      reasonCodes: ['A1'],
      optionSetVersion: 1,
      text: '排队时间太长',
      evaluateTime: '2026-11-30T02:00:00.000Z',
      evaluateType: 1,
      // Received at 00:30 on 11-28 in Shanghai.
      acceptDate: '2026-11-28',
      dataSource: 'JXXHCP',
    });
    expect(validReview(record)).toBe(true);
  });

  const variants: Array<[string, Partial<ReviewForExchange>, Record<string, unknown>, string[]]> = [
    ['a case not completed yet is ACCEPTED', { caseCompletedAt: null }, { projectStatus: 'ACCEPTED' }, []],
    ['a legal person applicant is evaluatorType 2', { applicantKind: 'ORGANIZATION' }, { evaluatorType: 2 }, []],
    ['a department with a local code sends its name only', { deptCode: 'yibao' }, { deptName: '嘉祥县人力资源和社会保障局' }, ['deptCode']],
    ['hall feedback has no case, item, reasons or text', feedback, { evaluatorType: 1, pf: 5, satisfaction: 5 }, ['projectNo', 'projectStatus', 'handleDeptName', 'taskCode', 'taskName', 'deptCode', 'deptName', 'reasonCodes', 'optionSetVersion', 'text', 'acceptDate']],
  ];
  it.each(variants)('%s', (_what, change, expected, absent) => {
    const record = reviewRecord({ ...rated, ...change }, sender);
    expect(record).toMatchObject(expected);
    for (const field of absent) expect(record).not.toHaveProperty(field);
    expect(validReview(record)).toBe(true);
  });
});
