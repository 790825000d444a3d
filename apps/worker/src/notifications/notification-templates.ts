import { OBLIGATION_LABELS, REVIEWER_NOTIFICATION_KINDS, SERVICE_HOTLINE, type NotificationKind, type NotificationRequest } from '@haochaping/contracts';
import { formatChineseDateTime } from '@haochaping/working-time';

/** What a console notice may say: the hall and the clock, never the reviewer (staff open the case for the rest). */
export interface ConsoleNoticeFacts {
  hallName: string;
  request: NotificationRequest;
}

/** What an SMS to the reviewer may say: only what the reviewer already knows (their hall, their tracking code). */
export interface ReviewerSmsFacts {
  hallName: string;
  trackingCode: string;
  /** The public status page, opened with the tracking code and the phone's last four digits. */
  statusUrl: string;
}

/** Kinds that go to the reviewer by SMS; the others are console notices for staff. */
export const REVIEWER_SMS_KINDS = REVIEWER_NOTIFICATION_KINDS;
export type ReviewerSmsKind = (typeof REVIEWER_SMS_KINDS)[number];

export function isReviewerSmsKind(kind: NotificationKind): kind is ReviewerSmsKind {
  return (REVIEWER_SMS_KINDS as readonly NotificationKind[]).includes(kind);
}

const REVIEWER_SMS: Record<ReviewerSmsKind, (facts: ReviewerSmsFacts) => string> = {
  RESULT_TO_REVIEWER: ({ hallName, trackingCode, statusUrl }) =>
    `您对${hallName}的评价已整改完毕，请查看整改结果并告诉我们是否满意：${statusUrl}（查询码${trackingCode}）。`,
  REJECTION_TO_REVIEWER: ({ hallName, trackingCode, statusUrl }) =>
    `感谢您对${hallName}的评价。经核实，该评价未予采纳，说明请见：${statusUrl}（查询码${trackingCode}）。如有疑问请致电${SERVICE_HOTLINE}。`,
};

export function renderReviewerSms(kind: ReviewerSmsKind, facts: ReviewerSmsFacts): string {
  return REVIEWER_SMS[kind](facts);
}

type ConsoleKind = Exclude<NotificationKind, ReviewerSmsKind>;

const CONSOLE_NOTICES: Record<ConsoleKind, (hall: string, obligation: string, due: string) => string> = {
  REMINDER: (hall, obligation, due) => `${hall}一件差评整改的${obligation}即将到期${due}，请及时办理。`,
  OVERDUE_LEVEL_1: (hall, obligation, due) => `${hall}一件差评整改的${obligation}已超期${due}，请督促办理。`,
  OVERDUE_LEVEL_2: (hall, obligation, due) => `${hall}一件差评整改的${obligation}超期未完成${due}，已上报县级，请督办。`,
  REOPENED_TO_COUNTY: (hall, _obligation, due) => `${hall}一件差评的评价人对整改结果不满意，已转县级重办${due}。`,
  EXTENSION_REQUESTED: (hall, _obligation, due) => `${hall}一件协调整改案件申请延期，请审批${due}。`,
  EXTENSION_DECIDED: (hall, _obligation, due) => `${hall}一件协调整改案件的延期申请已审批${due}，请查看审批意见。`,
  DEPARTMENTS_INVITED: (hall) => `${hall}一件差评需协调整改，邀请贵部门协助办理，请查看案件。`,
  REASSIGNED: (hall) => `${hall}一件差评整改已转交给您办理，请查看案件。`,
  CASE_OPENED: (hall, _obligation, due) => `${hall}收到一件差评，请尽快核实并回访${due}。`,
  REJECTION_PROPOSED: (hall, _obligation, due) => `${hall}一件差评经核实提请不予采纳，请审核${due}。`,
  EXCHANGE_DEAD_LETTER: (hall) => `${hall}一条评价数据未能上报市、省好差评系统（已停止重试），请联系系统管理员处理。`,
  READ_MODEL_DRIFT: () => '案件列表与整改流程核对发现不一致，请在督查督办的“数据核对”中查看。',
  PROJECTION_FAILED: (hall) => `${hall}一件差评整改案件的办理记录无法写入案件列表（含有无法保存的内容），列表和详情停在此前的状态，请联系系统管理员处理。`,
};

/** The Chinese text of a staff notice; a request for the reviewer kinds is not a console notice. */
export function renderConsoleNotice({ hallName, request }: ConsoleNoticeFacts): string {
  if (isReviewerSmsKind(request.kind)) throw new Error(`${request.kind} goes to the reviewer by SMS, not to the console`);
  const obligation = request.obligation ? OBLIGATION_LABELS[request.obligation] : '办理';
  const due = request.dueAt ? `（时限：${formatChineseDateTime(new Date(request.dueAt))}）` : '';
  return CONSOLE_NOTICES[request.kind](hallName, obligation, due);
}

/** What a staff SMS may say: the console notice (hall, what is due, by when) and the case's reference. */
export interface StaffSmsFacts {
  consoleNotice: string;
  /** 办件编号 of the rated case, else the first eight characters of the review id (the console's case link). */
  caseReference: string;
}

/**
 * The Chinese text of an SMS to staff: the console notice, which never names the reviewer, with the case's
 * reference, so the recipient finds the case; no reviewer's name, phone or comment.
 */
export function renderStaffSms({ consoleNotice, caseReference }: StaffSmsFacts): string {
  return `${consoleNotice}${caseReference}，请登录好差评工作台查看。`;
}

/** The county's notice after a reconciliation run that found drift: how many cases, how many repaired (no case named). */
export function renderReadModelDriftNotice({ drifted, repaired }: { drifted: number; repaired: number }): string {
  const unrepaired = drifted - repaired;
  const rest = unrepaired > 0 ? `，${unrepaired}件未能修复，请联系系统管理员处理` : '';
  return `案件数据核对发现${drifted}件案件的列表数据与整改流程不一致，已按流程状态修复${repaired}件${rest}。详情请在督查督办的“数据核对”中查看。`;
}
