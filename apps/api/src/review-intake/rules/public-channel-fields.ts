import { DomainHttpException, type ApiFieldError } from '../../common/api-error';
import type { CreateReviewDto, PublicReviewChannel } from '../dto/create-review.dto';

/** Body fields that belong to one channel or another (the rest — level, options, comment, reviewer — to all). */
const CHANNEL_FIELDS = ['hallCode', 'windowCode', 'staffEmployeeNumber', 'caseId', 'phone', 'invitationToken'] as const;
type ChannelField = (typeof CHANNEL_FIELDS)[number];

const MISSING: Record<ChannelField, string> = {
  hallCode: '请提供服务大厅编码',
  windowCode: '请提供窗口编码',
  staffEmployeeNumber: '请提供工作人员工号',
  caseId: '请选择要评价的办件',
  phone: '请填写办件登记的手机号码',
  invitationToken: '缺少评价邀请码',
};

/** Per public channel: the fields it requires and the ones it may take. */
export const PUBLIC_CHANNEL_FIELDS: Record<PublicReviewChannel, { required: readonly ChannelField[]; optional: readonly ChannelField[] }> = {
  WINDOW_QR: { required: ['hallCode', 'windowCode', 'caseId', 'phone'], optional: [] },
  CASE_INVITATION: { required: ['invitationToken'], optional: [] },
  PUBLIC_FORM: { required: ['hallCode'], optional: ['windowCode', 'staffEmployeeNumber'] },
};

/** The table above in words, for the OpenAPI document (the body's description), so the two cannot differ. */
export function describeChannelFields(): string {
  const channels = Object.entries(PUBLIC_CHANNEL_FIELDS).map(
    ([channel, { required, optional }]) =>
      `${channel}${channel === 'PUBLIC_FORM' ? ' (the default)' : ''} requires ${required.join(', ')}${optional.length > 0 ? ` and may take ${optional.join(', ')}` : ''}`,
  );
  return `Fields required by the channel: ${channels.join('; ')}. A field of another channel is refused; every missing or refused field is listed in one 422.`;
}

/** Refuses (422) a body that misses a field its channel needs or carries one of another channel. */
export function assertChannelFields(channel: PublicReviewChannel, dto: CreateReviewDto): void {
  const { required, optional } = PUBLIC_CHANNEL_FIELDS[channel];
  const errors: ApiFieldError[] = [];
  for (const field of CHANNEL_FIELDS) {
    const given = dto[field] !== undefined;
    if (!given && required.includes(field)) errors.push({ field, message: MISSING[field] });
    if (given && !required.includes(field) && !optional.includes(field)) errors.push({ field, message: `${channel} 评价不接受字段 ${field}` });
  }
  if (errors.length > 0) throw new DomainHttpException(422, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', errors);
}
