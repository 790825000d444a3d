/**
 * The upstream's record format (docs/EXCHANGE.md is the same in prose): the national 好差评 data items, as JSON
 * Schemas the simulator validates every record against and serves at GET /api/v1/schema. Three record types:
 * a review (评价), a rectification result (整改反馈) and a 不予采纳 decision. Field names follow the provincial
 * platform's camelCase (projectNo, pf, satisfaction…); our own ids travel in `id`, the upstream's idempotency key.
 */

export const RECORD_TYPES = ['REVIEW', 'RECTIFICATION', 'REJECTION'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** 评价渠道 (pf) as the national standard numbers them; an upstream may number them differently (see docs/EXCHANGE.md). */
export const PF_CODES = { 1: 'PC 端', 2: '移动端', 3: '二维码', 4: '政务大厅平板电脑', 5: '政务大厅其他终端', 6: '短信', 7: '系统默认' } as const;

const instant = { type: 'string', format: 'date-time' } as const;
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;

const common = {
  id: { ...text(100), description: 'the sender’s id of the record: the upstream keeps one record per id (a resend answers DUPLICATE)' },
  areaCode: { type: 'string', pattern: '^\\d{6}$', description: '行政区划代码 of the county (嘉祥县 370829)' },
  orgCode: { ...text(64), description: 'the hall (政务服务中心 / 便民服务中心) the record belongs to, by the sender’s code' },
  orgName: text(100),
} as const;

export const REVIEW_RECORD_SCHEMA = {
  $id: 'review',
  type: 'object',
  additionalProperties: false,
  required: ['type', 'id', 'areaCode', 'orgCode', 'orgName', 'pf', 'evaluatorType', 'satisfaction', 'evaluateTime', 'evaluateType', 'dataSource'],
  properties: {
    type: { const: 'REVIEW' },
    ...common,
    deptCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '实施部门统一社会信用代码' },
    deptName: text(100),
    taskCode: { ...text(64), description: '事项编码' },
    taskName: text(200),
    projectNo: { ...text(64), description: '办件编号; absent for 随时可评 feedback not tied to a case' },
    handleDeptName: { ...text(100), description: '办理部门' },
    projectStatus: { type: 'string', enum: ['ACCEPTED', 'COMPLETED'], description: '办件状态 at review time' },
    pf: { type: 'integer', enum: [1, 2, 3, 4, 5, 6, 7], description: '评价渠道 (national numbering, PF_CODES)' },
    channelRaw: { ...text(32), description: 'the sender’s own channel code, kept for the record' },
    evaluatorType: { type: 'integer', enum: [1, 2], description: '评价人类型: 1 个人, 2 法人' },
    satisfaction: { type: 'integer', minimum: 1, maximum: 5, description: '5 非常满意 … 1 非常不满意' },
    reasonCodes: { type: 'array', items: text(16), maxItems: 20, description: '评价原因 option codes' },
    optionSetVersion: { type: 'integer', minimum: 1, description: 'version of the option set the reason codes come from' },
    text: { type: 'string', maxLength: 2000, description: '评价内容 (free text; may be empty)' },
    evaluateTime: instant,
    evaluateType: { type: 'integer', enum: [1, 2], description: '1 首次评价, 2 追加评价' },
    promiseDate: { type: 'string', format: 'date', description: '承诺办结日期' },
    acceptDate: { type: 'string', format: 'date', description: '受理日期' },
    dataSource: { ...text(32), description: 'who collected it (e.g. JXXHCP: 嘉祥县好差评系统)' },
  },
} as const;

export const RECTIFICATION_RECORD_SCHEMA = {
  $id: 'rectification',
  type: 'object',
  additionalProperties: false,
  required: ['type', 'id', 'areaCode', 'orgCode', 'orgName', 'evaluationId', 'rectifyTime', 'dataSource'],
  properties: {
    type: { const: 'RECTIFICATION' },
    ...common,
    evaluationId: { ...text(100), description: 'the `id` of the review this result answers' },
    callbackResult: { type: 'string', enum: ['REACHED', 'UNREACHABLE'], description: '回访结果' },
    callbackTime: instant,
    verificationFinding: { type: 'string', enum: ['TRUE', 'UNTRUE', 'MALICIOUS'], description: '核实结论' },
    measures: { type: 'string', maxLength: 2000, description: '整改措施' },
    result: { type: 'string', maxLength: 2000, description: '整改结果' },
    confirmation: { type: 'string', enum: ['SATISFIED', 'UNSATISFIED', 'NO_OBJECTION'], description: '群众确认' },
    rectifyTime: { ...instant, description: 'when this result was recorded' },
    dataSource: text(32),
  },
} as const;

export const REJECTION_RECORD_SCHEMA = {
  $id: 'rejection',
  type: 'object',
  additionalProperties: false,
  required: ['type', 'id', 'areaCode', 'orgCode', 'orgName', 'evaluationId', 'finding', 'reason', 'decidedTime', 'dataSource'],
  properties: {
    type: { const: 'REJECTION' },
    ...common,
    evaluationId: text(100),
    finding: { type: 'string', enum: ['UNTRUE', 'MALICIOUS'], description: '不属实 or 恶意评价' },
    reason: { ...text(2000), description: 'the county’s reason for 不予采纳' },
    decidedTime: instant,
    dataSource: text(32),
  },
} as const;

export const RECORD_SCHEMAS = { REVIEW: REVIEW_RECORD_SCHEMA, RECTIFICATION: RECTIFICATION_RECORD_SCHEMA, REJECTION: REJECTION_RECORD_SCHEMA } as const;

/** A record as received (validated against its type's schema). */
export type UpstreamRecord = { type: RecordType; id: string; orgCode: string } & Record<string, unknown>;

/** The time a record counts on, for the daily counts: a review's evaluateTime, a result's rectifyTime, a decision's decidedTime. */
export function countingTime(record: UpstreamRecord): string {
  const field = record.type === 'REVIEW' ? 'evaluateTime' : record.type === 'RECTIFICATION' ? 'rectifyTime' : 'decidedTime';
  return String(record[field]);
}

/**
 * A review given on 山东政务服务网 for one of the county's cases, as the feed `GET /api/v1/online-reviews` serves it
 * (docs/EXCHANGE.md, "Online reviews come down"). The county's pull driver hands it to its intake under
 * `evaluationId`, the same key the portal's push uses, so a review both pushed and pulled is stored once.
 */
export const ONLINE_REVIEW_SCHEMA = {
  $id: 'online-review',
  type: 'object',
  additionalProperties: false,
  required: ['evaluationId', 'projectNo', 'satisfaction', 'evaluateTime'],
  properties: {
    evaluationId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'the portal’s id of the review: the key its push and our pull both store it under' },
    areaCode: { type: 'string', pattern: '^\\d{6}$', description: '行政区划代码 of the county the case belongs to' },
    projectNo: { ...text(64), description: '办件编号 of the rated case' },
    satisfaction: { type: 'integer', minimum: 1, maximum: 5, description: '5 非常满意 … 1 非常不满意' },
    reasonCodes: { type: 'array', items: text(16), maxItems: 20, description: '评价原因 option codes (the county’s option set)' },
    text: { type: 'string', maxLength: 2000, description: '评价内容' },
    evaluateTime: { ...instant, description: 'when the citizen rated on the portal' },
  },
} as const;

/** An online review as the feed serves it (validated against ONLINE_REVIEW_SCHEMA). */
export interface OnlineReview {
  evaluationId: string;
  areaCode?: string;
  projectNo: string;
  satisfaction: number;
  reasonCodes?: string[];
  text?: string;
  evaluateTime: string;
}
