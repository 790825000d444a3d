// The staff entry form's rules as pure functions (登记意见): what the console refuses before sending, in the API's
// own words (apps/api/src/review-intake/dto/rating-fields.ts, rules/review-rules.ts), and the body it sends to
// POST /api/feedback-entries. The API checks everything again; its refusals are shown field by field.
import { isBadReview, REVIEW_CHANNEL_LABELS, REVIEW_LEVEL_LABELS, REVIEW_LEVELS, SERVICE_HOTLINE } from '@haochaping/contracts';
import { isContactPhone, normalizePhone } from '@haochaping/privacy';

/** The 随时可评 channels staff enter, as the API takes them (FeedbackEntryDto.channel). */
export const STAFF_ENTRY_CHANNELS = ['FAULT_WINDOW', 'MAILBOX', 'HOTLINE', 'SUPERVISION_PLATFORM', 'EMAIL'] as const;
export type StaffEntryChannel = (typeof STAFF_ENTRY_CHANNELS)[number];

/** The choices of 反馈渠道: the shared labels, the hotline with its number as staff know it. */
export const CHANNEL_CHOICES = STAFF_ENTRY_CHANNELS.map((id) => ({
  id,
  name: id === 'HOTLINE' ? `${REVIEW_CHANNEL_LABELS[id]}（${SERVICE_HOTLINE.replace(/^0537-/, '')}）` : REVIEW_CHANNEL_LABELS[id],
}));

/** 5 非常满意 … 1 非常不满意, best first, as the citizen pages offer them. */
export const LEVEL_CHOICES = REVIEW_LEVELS.map((level) => ({ id: level, name: `${REVIEW_LEVEL_LABELS[level]}（${level}）` }));

export const COMMENT_MAX_LENGTH = 500;
export const NAME_MAX_LENGTH = 50;
export const MAX_OPTION_CODES = 10;
/** The API's message for a phone that is none (PhoneField). */
export const PHONE_MESSAGE = '电话号码格式不正确：请填写手机号或固定电话（如 0537-6851890），只能包含数字、空格、-、括号和开头的 +86';

export interface FeedbackEntryValues {
  channel?: StaffEntryChannel;
  hallCode?: string;
  caseNumber?: string;
  /** A radio group gives the level back as text ('2'). */
  level?: number | string;
  optionCodes?: string[];
  comment?: string;
  /** The person left a name or phone (an entry with a phone is real-name: the hall calls back). */
  contactGiven?: boolean;
  contact?: { name?: string; phone?: string };
}

/** Errors by the API's field path (`contact.phone`), so the API's own refusals land on the same inputs. */
export function validateFeedbackEntry(values: FeedbackEntryValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.channel) errors.channel = '请选择反馈渠道';
  if (!values.hallCode) errors.hallCode = '请选择服务大厅';
  if (levelOf(values) === undefined) errors.level = '请选择评价等级';
  const comment = values.comment?.trim() ?? '';
  if (comment === '') errors.comment = '请填写反馈内容';
  else if (comment.length > COMMENT_MAX_LENGTH) errors.comment = `评价内容不能超过 ${COMMENT_MAX_LENGTH} 字（现在 ${comment.length} 字）`;
  if ((values.optionCodes ?? []).length > MAX_OPTION_CODES) errors.optionCodes = `评价原因最多选择 ${MAX_OPTION_CODES} 项`;
  if (values.caseNumber && values.caseNumber.trim().length > 64) errors.caseNumber = '办件编号过长';
  if (values.contactGiven) {
    const name = values.contact?.name?.trim() ?? '';
    const phone = values.contact?.phone?.trim() ?? '';
    if (name === '' && phone === '') errors['contact.phone'] = '留了联系方式时请至少填写姓名或电话；没有留，请关闭“留有联系方式”';
    if (name.length > NAME_MAX_LENGTH) errors['contact.name'] = `姓名不能超过 ${NAME_MAX_LENGTH} 字`;
    if (phone !== '' && !isContactPhone(phone)) errors['contact.phone'] = PHONE_MESSAGE;
  }
  return errors;
}

/** The body of POST /api/feedback-entries; call with values that passed validateFeedbackEntry. */
export function feedbackEntryBody(values: FeedbackEntryValues, clientKey: string): Record<string, unknown> {
  const caseNumber = values.caseNumber?.trim() ?? '';
  const optionCodes = values.optionCodes ?? [];
  const name = values.contact?.name?.trim() ?? '';
  const phone = values.contact?.phone?.trim() ?? '';
  const contact = values.contactGiven && (name !== '' || phone !== '') ? { ...(name ? { name } : {}), ...(phone ? { phone: normalizePhone(phone) } : {}) } : undefined;
  return {
    clientKey,
    channel: values.channel,
    hallCode: values.hallCode,
    ...(caseNumber ? { caseNumber } : {}),
    level: levelOf(values),
    ...(optionCodes.length > 0 ? { optionCodes } : {}),
    comment: values.comment?.trim() ?? '',
    ...(contact ? { contact } : {}),
  };
}

/** The level as the API takes it (an integer 1–5), or undefined when none is chosen. */
function levelOf(values: FeedbackEntryValues): number | undefined {
  const level = Number(values.level);
  return values.level !== undefined && values.level !== null && values.level !== '' && Number.isInteger(level) && level >= 1 && level <= 5 ? level : undefined;
}

/** What the page says after a save: bad levels (1, 2) start a rectification. */
export const startsRectification = (level: number): boolean => isBadReview(level);

/**
 * The halls a member of staff may enter feedback for: their own (town roles), every hall (the county). The API
 * refuses another hall with 403 all the same.
 */
export function hallsOfStaff<H extends { id: string }>(halls: readonly H[], role: string | undefined, hallCodes: readonly string[]): H[] {
  if (role === 'COUNTY_SUPERVISOR' || role === 'ADMIN') return [...halls];
  return halls.filter((hall) => hallCodes.includes(hall.id));
}
