import type { ReviewChannel } from '@haochaping/db';

/**
 * Our review → the upstream's REVIEW record (docs/EXCHANGE.md, "Records"). Built by the worker when the record is
 * first sent, from one join of the review with its hall, service item, department and rated case
 * (exchange.activities.ts), and then kept in exchange_delivery.payload: every resend carries the same record.
 */

/** 评价渠道 (pf) numbers as an upstream counts them. */
export type PfCode = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Our channel → `pf`, per upstream (docs/EXCHANGE.md, "Channel codes differ between upstreams"). `national` is the
 * national numbering (1 PC 端, 2 移动端, 3 二维码, 4 政务大厅平板电脑, 5 其他终端, 6 短信, 7 系统默认) that 济宁市
 * and 山东省 use; an upstream that numbers its channels differently gets its own table here. The raw channel is sent
 * beside it as `channelRaw` and kept with the delivery.
 */
export const CHANNEL_MAPPINGS = {
  national: {
    WINDOW_QR: 3, // 窗口二维码
    CASE_INVITATION: 2, // the invitation link or QR, opened on the citizen's phone
    ONLINE_PORTAL: 1, // 山东政务服务网
    PUBLIC_FORM: 2, // 随时可评 public form, a web page on the phone
    FAULT_WINDOW: 5, // entered by staff at the 找茬窗口
    MAILBOX: 5,
    HOTLINE: 5,
    SUPERVISION_PLATFORM: 5,
    EMAIL: 5,
  },
} as const satisfies Record<string, Record<ReviewChannel, PfCode>>;

export type ChannelMappingName = keyof typeof CHANNEL_MAPPINGS;
export const CHANNEL_MAPPING_NAMES = Object.keys(CHANNEL_MAPPINGS) as ChannelMappingName[];

/** Who sends: the county's 行政区划代码 and the data source name (configuration). */
export interface ExchangeSender {
  areaCode: string;
  dataSource: string;
  channelMapping: ChannelMappingName;
}

/** One review with what the record needs from its hall, item, department and rated case (null where there is none). */
export interface ReviewForExchange {
  id: string;
  level: number;
  optionCodes: string[];
  optionSetVersion: number | null;
  comment: string | null;
  channel: ReviewChannel;
  createdAt: Date;
  hallCode: string;
  hallName: string;
  itemCode: string | null;
  itemName: string | null;
  deptCode: string | null;
  deptName: string | null;
  /** The rated case (一次一评); null for 随时可评 feedback, which the upstream takes without a 办件编号. */
  caseNumber: string | null;
  caseReceivedAt: Date | null;
  caseCompletedAt: Date | null;
  applicantKind: 'PERSON' | 'ORGANIZATION' | null;
}

/** The upstream wants the 18-character 统一社会信用代码; a department known by a short local code sends its name only. */
const UNIFIED_SOCIAL_CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const shanghaiDate = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export function pfOf(channel: ReviewChannel, mapping: ChannelMappingName): PfCode {
  return CHANNEL_MAPPINGS[mapping][channel];
}

/** The REVIEW record of docs/EXCHANGE.md; optional fields are left out rather than sent empty. */
export function reviewRecord(review: ReviewForExchange, sender: ExchangeSender): Record<string, unknown> {
  const record: Record<string, unknown> = {
    type: 'REVIEW',
    id: review.id,
    areaCode: sender.areaCode,
    orgCode: review.hallCode,
    orgName: review.hallName,
  };
  if (review.deptCode && UNIFIED_SOCIAL_CREDIT_CODE.test(review.deptCode)) record.deptCode = review.deptCode;
  if (review.deptName) record.deptName = review.deptName;
  if (review.itemCode) record.taskCode = review.itemCode;
  if (review.itemName) record.taskName = review.itemName;
  if (review.caseNumber) {
    record.projectNo = review.caseNumber;
    record.handleDeptName = review.hallName;
    record.projectStatus = review.caseCompletedAt ? 'COMPLETED' : 'ACCEPTED';
  }
  record.pf = pfOf(review.channel, sender.channelMapping);
  record.channelRaw = review.channel;
  // 随时可评 feedback counts as a person's (docs/EXCHANGE.md).
  record.evaluatorType = review.applicantKind === 'ORGANIZATION' ? 2 : 1;
  record.satisfaction = review.level;
  if (review.optionCodes.length > 0) record.reasonCodes = review.optionCodes;
  if (review.optionSetVersion !== null) record.optionSetVersion = review.optionSetVersion;
  if (review.comment) record.text = review.comment;
  record.evaluateTime = review.createdAt.toISOString();
  record.evaluateType = 1; // 追评 is not collected yet
  if (review.caseReceivedAt) record.acceptDate = shanghaiDate(review.caseReceivedAt);
  record.dataSource = sender.dataSource;
  return record;
}
