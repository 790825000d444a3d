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
