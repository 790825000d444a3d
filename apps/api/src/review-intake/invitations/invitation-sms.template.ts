import { formatChineseDateTime } from '@haochaping/working-time';

/** Template id of the rating invitation SMS in the notification outbox. */
export const RATING_INVITATION_SMS_TEMPLATE = 'RATING_INVITATION';

/** What the invitation SMS may say: the hall and item the applicant dealt with, the link and until when it works. */
export interface RatingInvitationSmsFacts {
  readonly hallName: string;
  readonly serviceItemName: string;
  readonly url: string;
  readonly expiresAt: Date;
}

/** The SMS text: no name, no phone, no case number; only what the recipient already knows and the link. */
export function renderRatingInvitationSms({ hallName, serviceItemName, url, expiresAt }: RatingInvitationSmsFacts): string {
  return `您在${hallName}办理的“${serviceItemName}”已办结，欢迎对本次服务进行评价：${url}（${formatChineseDateTime(expiresAt)}前有效）。`;
}
